import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forecastSubmission, questionListQuery, resolutionRequest, crowdSeriesQuery, scoresQuery, exportQuery } from "@/lib/api/schemas";
import { forecastInput } from "@/lib/validation/forecast";
import type * as z from "zod";
import { addQuestion, api, DAY, openApiDesk, type ApiCall, type ApiDesk } from "./support/api-desk";

// Garbage in, nothing out: ≥1,000 generated bad requests per API route (wrong types, NaN and Infinity,
// huge numbers, missing and extra fields, unicode, 10 MB bodies, malformed JSON, wrong content types,
// bad tokens and Idempotency-Keys). Every answer must be a 4xx JSON error naming the field, no answer may
// leak a stack trace or SQL, the handlers keep answering, and every table is byte-for-byte unchanged
// afterwards apart from idempotency bookkeeping (idempotency_keys) and tokens' last-used times.
// Rate limits are raised for the fuzzing (tokens: 100,000 a minute; requests without a token: the same via
// API_ANONYMOUS_RATE_LIMIT_PER_MINUTE) so 429s do not mask the answers under test.

const RUNS = 1_000;
let desk: ApiDesk;

function tableChecksums(): Record<string, string> {
  const sqlite = desk.db.$client;
  // Every table, with whether it has a rowid (FTS5 keeps WITHOUT ROWID shadow tables; those iterate in key order).
  const tables = sqlite
    .prepare("select name, wr from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as Array<{ name: string; wr: number }>;
  const out: Record<string, string> = {};
  for (const { name: t, wr } of tables) {
    if (t === "idempotency_keys") continue; // bookkeeping of idempotency keys (allowed to change)
    const rows = sqlite.prepare(`select * from "${t}"${wr ? "" : " order by rowid"}`).all() as Record<string, unknown>[];
    if (t === "api_tokens") for (const r of rows) delete r.last_used_at; // bookkeeping of token use
    out[t] = createHash("sha256").update(JSON.stringify(rows)).digest("hex") + ` (${rows.length} rows)`;
  }
  return out;
}

const LEAKS = /(\bat \S+:\d+:\d+)|SQLITE_|sqlite3|\bselect\b.*\bfrom\b|\binsert into\b|node_modules|\.ts:\d+/i;

/** Sends a request and checks the answer is a 4xx JSON error naming a field; returns the status. */
async function expectRejected(method: "GET" | "POST", url: string, call: ApiCall): Promise<number> {
  const res = await api(method, url, call);
  const text = await res.text();
  expect(res.status, `${method} ${url} → ${res.status} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${method} ${url} → ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: { code: string; message: string; field: string | null } };
  expect(typeof body.error.code).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(typeof body.error.field, `no field named: ${text}`).toBe("string");
  expect(body.error.field!.length).toBeGreaterThan(0);
  expect(text).not.toMatch(LEAKS);
  return res.status;
}

// ---- Generators ----

const WEIRD_STRINGS = ["NaN", "Infinity", "-Infinity", "1e309", "-1", "0", "1.5", "99999999999999999999999", "null", "true", "[]", "{}", "", " ", "%00", "\u0000", "😀", "ǅ", "\u202e", "0x10", "1_000", "２"];
const weirdString = fc.oneof(fc.constantFrom(...WEIRD_STRINGS), fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ maxLength: 300 }), fc.double().map(String), fc.bigInt().map(String));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 5e-324));

/** A query string the schema must refuse: unknown keys, bad values for known keys, or a key given twice. */
function badQuery(schema: z.ZodType, known: readonly string[]) {
  const key = fc.oneof(fc.constantFrom(...(known.length ? known : ["x"])), fc.string({ minLength: 1, maxLength: 12 }));
  return fc
    .tuple(fc.array(fc.tuple(key, weirdString), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([pairs, repeat]) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      if (repeat) params.append(pairs[0][0], pairs[0][1]);
      return params;
    })
    .filter((params) => {
      const keys = [...params.keys()];
      if (new Set(keys).size !== keys.length) return true; // repeated: refused
      return !schema.safeParse(Object.fromEntries(params)).success;
    });
}

const badToken = fc.oneof(
  fc.constant({ authorization: "Bearer fd_revoked-or-never-issued" }),
  fc.string({ maxLength: 50 }).map((s) => ({ authorization: `Bearer ${s}` })),
  fc.constantFrom({ authorization: "Basic YWRtaW46YWRtaW4=" }, { authorization: "Bearer" }, { authorization: "bearer  x y" }, { authorization: "" }),
);

const CONTENT_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "application/json-patch+json", "text/json", "", "application/xml"];

/** A POST body the route must refuse: `isAccepted` says whether a JSON value would be accepted whole. */
function badPost(shaped: fc.Arbitrary<unknown>, isAccepted: (body: unknown) => boolean) {
  const json = (headers: Record<string, string> = {}) => ({ "content-type": "application/json", ...headers });
  return fc.oneof(
    { weight: 30, arbitrary: fc.oneof(shaped, anyJson).filter((b) => !isAccepted(b)).map((b): ApiCall => ({ body: b })) },
    // NaN, Infinity and huge numbers written into the JSON text (JSON.stringify cannot).
    {
      weight: 8,
      arbitrary: fc
        .tuple(shaped, fc.constantFrom("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x1F", "+5", ".5", "1e-400"))
        .map(([b, n]): ApiCall => ({ rawBody: JSON.stringify(b ?? {}).replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/i, n) || n, headers: json() })),
    },
    // Malformed JSON.
    { weight: 8, arbitrary: fc.string({ maxLength: 200 }).filter((t) => { try { JSON.parse(t); return false; } catch { return true; } }).map((t): ApiCall => ({ rawBody: t, headers: json() })) },
    // Invalid UTF-8.
    { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 50 }).map((b): ApiCall => ({ rawBody: new Uint8Array([0x7b, 0xff, 0xfe, ...b]), headers: json() })) },
    // Wrong content types.
    { weight: 6, arbitrary: fc.tuple(shaped, fc.constantFrom(...CONTENT_TYPES)).map(([b, type]): ApiCall => ({ rawBody: JSON.stringify(b ?? null), headers: type ? { "content-type": type } : {} })) },
    // Bad Idempotency-Keys.
    { weight: 3, arbitrary: fc.tuple(shaped, fc.oneof(fc.constant(""), fc.constant("x".repeat(201)), fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${s} key`))).filter(([b]) => !isAccepted(b)).map(([b, key]): ApiCall => ({ body: b, headers: { "idempotency-key": key } })) },
    // 10 MB and just-over-the-limit bodies, with and without a Content-Length.
    { weight: 1, arbitrary: fc.constantFrom(10 * 1024 * 1024, 64 * 1024 + 1).map((n): ApiCall => ({ rawBody: `{"rationale":"${"x".repeat(n)}"}`, headers: json() })) },
  );
}

const percentish = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, 0.1, 99.9, 100, 12.34, 62.55, -5, 1e308), weirdString, fc.constant(null), fc.boolean());
const forecastShaped = fc.record(
  {
    kind: fc.oneof(fc.constantFrom("binary", "scenarios", "gaussian", "Binary", ""), anyJson),
    percent: percentish,
    percents: fc.oneof(fc.array(percentish, { maxLength: 6 }), anyJson),
    rationale: fc.oneof(fc.string({ unit: "grapheme", maxLength: 50 }), fc.constant("r".repeat(5001)), anyJson),
    questionId: weirdString,
    extra: anyJson,
  },
  { requiredKeys: [] },
);
/** Would the forecast route record this body on the binary question q-open? */
function forecastAccepted(body: unknown): boolean {
  const shape = forecastSubmission.safeParse(body);
  if (!shape.success || shape.data.kind !== "binary") return false;
  return forecastInput.safeParse({ ...shape.data, questionId: "q-open" }).success;
}

const isoish = fc.oneof(
  fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom("2026-02-30T00:00:00Z", "yesterday", "2026-01-01", "2026-01-01T00:00", "1e12"),
  weirdString,
  anyJson,
);
const resolutionShaped = fc.record(
  {
    action: fc.oneof(fc.constantFrom("resolve", "correct", "annul", "undo", "RESOLVE"), anyJson),
    outcome: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double(), weirdString, anyJson),
    resolveTime: isoish,
    evidence: fc.oneof(fc.string({ maxLength: 30 }), fc.constant("e".repeat(5001)), anyJson),
    reason: fc.oneof(fc.string({ maxLength: 30 }), anyJson),
    extra: anyJson,
  },
  { requiredKeys: [] },
);
/** Shape-valid requests the rules refuse on the unresolved q-closed: outcomes out of range, future or too-early times, correcting nothing. */
const resolutionRuleBreakers = fc.oneof(
  fc.record({ action: fc.constant("resolve"), outcome: fc.integer({ min: 2, max: 1000 }), resolveTime: fc.constant(new Date(Date.now() - 3_600_000).toISOString()) }),
  fc.record({ action: fc.constantFrom("resolve", "annul"), outcome: fc.constant(1), resolveTime: fc.integer({ min: 2, max: 10_000 }).map((h) => new Date(Date.now() + h * 3_600_000).toISOString()) }).map(({ outcome, ...r }) => (r.action === "annul" ? r : { ...r, outcome })),
  fc.record({ action: fc.constant("resolve"), outcome: fc.constant(0), resolveTime: fc.integer({ min: 31, max: 10_000 }).map((d) => new Date(Date.now() - d * DAY).toISOString()) }),
  fc.record({ action: fc.constant("correct"), outcome: fc.constantFrom(0, 1), resolveTime: fc.constant(new Date(Date.now() - 3_600_000).toISOString()) }),
);
function resolutionAccepted(body: unknown): boolean {
  return resolutionRequest.safeParse(body).success;
}

// "." and ".." are not parameters: URLs resolve them away before any route sees them.
const questionIdSegment = fc
  .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), fc.constant("q".repeat(201)), fc.constantFrom("%", "q-open%2F..", "null", "q-draft"))
  .filter((s) => s !== "." && s !== "..");

// ---- The fuzzing ----

const checked: Record<string, number> = {};
let before: Record<string, string>;

beforeAll(() => {
  process.env.API_ANONYMOUS_RATE_LIMIT_PER_MINUTE = "100000";
  desk = openApiDesk({ rateLimitPerMinute: 100_000 });
  addQuestion(desk.db, "q-open");
  addQuestion(desk.db, "q-closed", { openTime: Date.now() - 30 * DAY, closeTime: Date.now() - DAY });
  addQuestion(desk.db, "q-draft", { isDraft: true });
  before = tableChecksums();
});
afterAll(() => {
  delete process.env.API_ANONYMOUS_RATE_LIMIT_PER_MINUTE;
  console.log(`[fuzz] bad requests per route: ${JSON.stringify(checked)}`);
  desk.close();
});

async function fuzz<T>(route: string, arbitrary: fc.Arbitrary<T>, send: (x: T) => Promise<number>) {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (x) => {
      await send(x);
      n++;
    }),
    { numRuns: RUNS },
  );
  checked[route] = n;
  expect(n).toBeGreaterThanOrEqual(RUNS);
}

const t = () => desk.ana.token;
const encode = (segment: string) => encodeURIComponent(segment);

describe(`fuzz: ${RUNS} bad requests per API route`, () => {
  it("GET /questions", () =>
    fuzz("GET /questions", fc.oneof(badQuery(questionListQuery, ["status", "tag", "changedSince", "page", "pageSize"]).map((q) => ({ q, h: {} })), badToken.map((h) => ({ q: new URLSearchParams(), h }))), ({ q, h }) =>
      expectRejected("GET", `/api/v1/questions?${q}`, { headers: h }),
    ));

  it("GET /questions/{id}", () =>
    fuzz("GET /questions/{id}", fc.oneof(questionIdSegment.map((id) => ({ id, q: "" })), badQuery(crowdSeriesQuery.pick({}), []).map((q) => ({ id: "q-open", q: `${q}` }))), ({ id, q }) =>
      expectRejected("GET", `/api/v1/questions/${encode(id)}${q ? `?${q}` : ""}`, {}),
    ));

  it("GET /questions/{id}/crowd", () =>
    fuzz("GET /questions/{id}/crowd", fc.oneof(questionIdSegment.map((id) => ({ id, q: "" })), badQuery(crowdSeriesQuery, ["method", "population"]).map((q) => ({ id: "q-open", q: `${q}` }))), ({ id, q }) =>
      expectRejected("GET", `/api/v1/questions/${encode(id)}/crowd${q ? `?${q}` : ""}`, {}),
    ));

  it("POST /questions/{id}/forecasts", () =>
    fuzz(
      "POST /questions/{id}/forecasts",
      fc.oneof(
        { weight: 9, arbitrary: badPost(forecastShaped, forecastAccepted).map((call) => ({ id: "q-open", call: { token: t(), ...call } })) },
        { weight: 1, arbitrary: fc.oneof(questionIdSegment.map((id) => ({ id, call: { token: t(), body: { kind: "binary", percent: 50 } } })), badToken.map((h) => ({ id: "q-open", call: { body: { kind: "binary", percent: 50 }, headers: h } }))) },
      ),
      ({ id, call }) => expectRejected("POST", `/api/v1/questions/${encode(id)}/forecasts`, call),
    ));

  it("POST /questions/{id}/resolution", () =>
    fuzz(
      "POST /questions/{id}/resolution",
      fc.oneof(
        { weight: 8, arbitrary: badPost(resolutionShaped, resolutionAccepted).map((call) => ({ id: "q-closed", call: { token: desk.admin.token, ...call } })) },
        { weight: 2, arbitrary: resolutionRuleBreakers.map((body) => ({ id: "q-closed", call: { token: desk.admin.token, body } as ApiCall })) },
        { weight: 1, arbitrary: fc.oneof(questionIdSegment.filter((id) => id !== "q-closed").map((id) => ({ id, call: { token: desk.admin.token, body: { action: "annul", resolveTime: new Date().toISOString() } } })), badToken.map((h) => ({ id: "q-closed", call: { body: {}, headers: h } }))) },
      ),
      ({ id, call }) => expectRejected("POST", `/api/v1/questions/${encode(id)}/resolution`, call),
    ));

  it("GET /forecasters/{handle}/scores", () =>
    fuzz("GET /forecasters/{handle}/scores", fc.oneof(questionIdSegment.map((h) => ({ h, q: "" })), badQuery(scoresQuery, ["from", "to", "tag", "sample", "bins"]).map((q) => ({ h: "ana", q: `${q}` }))), ({ h, q }) =>
      expectRejected("GET", `/api/v1/forecasters/${encode(h)}/scores${q ? `?${q}` : ""}`, {}),
    ));

  it("GET /export", () =>
    fuzz("GET /export", fc.oneof(badQuery(exportQuery, ["format", "file"]).map((q) => ({ q, token: desk.admin.token, h: {} })), badToken.map((h) => ({ q: new URLSearchParams(), token: undefined, h }))), ({ q, token, h }) =>
      expectRejected("GET", `/api/v1/export?${q}`, { token, headers: h }),
    ));

  it("GET /me", () =>
    fuzz("GET /me", fc.oneof(badToken.map((h) => ({ h, q: "" })), badQuery(crowdSeriesQuery.pick({}), []).map((q) => ({ h: { authorization: `Bearer ${desk.ana.token}` }, q: `${q}` }))), ({ h, q }) =>
      expectRejected("GET", `/api/v1/me${q ? `?${q}` : ""}`, { headers: h }),
    ));

  it("GET /openapi.json", () =>
    fuzz("GET /openapi.json", fc.oneof(badQuery(crowdSeriesQuery.pick({}), []).map((q) => ({ q, h: {} })), badToken.map((h) => ({ q: new URLSearchParams(), h }))), ({ q, h }) =>
      expectRejected("GET", `/api/v1/openapi.json?${q}`, { headers: h }),
    ));

  it("left every table unchanged and still serves good requests", async () => {
    expect(tableChecksums()).toEqual(before);
    const ok = await api("POST", "/api/v1/questions/q-open/forecasts", { token: t(), body: { kind: "binary", percent: 50 } });
    expect(ok.status).toBe(201);
    expect(tableChecksums()).not.toEqual(before);
  });
});
