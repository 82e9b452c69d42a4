// Garbage in, nothing out, over HTTP: at least 1,000 generated bad requests per API route
// (tests/integration/support/api-fuzz-cases.ts: wrong types, NaN and Infinity, huge numbers, missing and
// extra fields, unicode, 10 MB bodies with and without a Content-Length, malformed JSON and UTF-8, wrong
// content types, bad tokens and Idempotency-Keys, unknown and repeated query parameters) are sent to the
// production server (the e2e build, server.ts as `npm start` runs it) on a desk of its own. Every answer
// must be a 4xx JSON error naming the field with no stack trace or SQL in it; the server stays up; every
// table's checksum is unchanged afterwards apart from idempotency keys and tokens' last-used times.
// Rate limits are raised for the run (tokens and requests without one: 10,000,000 a minute) so 429s do
// not mask the answers under test. Requests go 8 at a time over keep-alive connections.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDb } from "@/db/client";
import { createApiToken } from "@/db/queries/api-tokens";
import { createUser } from "@/db/queries/users";
import { FUZZ_PRICE_SCALE, fuzzRoutes, LEAKS, type FuzzRequest } from "../integration/support/api-fuzz-cases";
import { addQuestion, addScaledQuestion, DAY } from "../integration/support/desk-questions";
import { freePort, serve, type RunningServer } from "./global-setup";

const RUNS = 1_000;
const CONCURRENCY = 8;
const RATE_LIMIT = 10_000_000;

let dir: string;
let file: string;
let server: RunningServer | undefined;
let tokens: { analyst: string; admin: string };
let before: Record<string, string>;

/** sha-256 of every table's rows, apart from the bookkeeping of idempotency keys and tokens' last use. */
function tableChecksums(): Record<string, string> {
  const sqlite = new Database(file, { readonly: true });
  try {
    // Every table, with whether it has a rowid (FTS5 keeps WITHOUT ROWID shadow tables; those iterate in key order).
    const tables = sqlite
      .prepare("select name, wr from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
      .all() as Array<{ name: string; wr: number }>;
    const out: Record<string, string> = {};
    for (const { name, wr } of tables) {
      if (name === "idempotency_keys") continue;
      const rows = sqlite.prepare(`select * from "${name}"${wr ? "" : " order by rowid"}`).all() as Record<string, unknown>[];
      if (name === "api_tokens") for (const r of rows) delete r.last_used_at;
      out[name] = `${createHash("sha256").update(JSON.stringify(rows)).digest("hex")} (${rows.length} rows)`;
    }
    return out;
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(inject("e2eTmpDir"), "fuzz-"));
  file = path.join(dir, "desk.db");
  const db = openDb(file);
  const now = Date.now();
  const person = (email: string, handle: string, role?: "admin") => {
    const user = createUser(db, { email, name: handle, handle, role });
    return createApiToken(db, { userId: user.id, name: "fuzz", now, rateLimitPerMinute: RATE_LIMIT }).token;
  };
  tokens = { admin: person("admin@example.org", "ada", "admin"), analyst: person("ana@example.org", "ana") };
  addQuestion(db, "q-open");
  addQuestion(db, "q-closed", { openTime: now - 30 * DAY, closeTime: now - DAY });
  addQuestion(db, "q-draft", { isDraft: true });
  addScaledQuestion(db, "q-price", "numeric", FUZZ_PRICE_SCALE);
  db.$client.close();
  // Without the notification loop: its first tick (a second after start) writes its cursors and the
  // closed question's notice whenever it lands, which the table checksums below would count as a change.
  server = await serve(file, await freePort(), "fuzz-server.log", { API_ANONYMOUS_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), NOTIFY_JOBS: "off" });
  before = tableChecksums();
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function send(r: FuzzRequest): Promise<Response> {
  const headers: Record<string, string> = { ...(r.call.headers ?? {}) };
  if (r.call.token) headers.authorization = `Bearer ${r.call.token}`;
  let body: BodyInit | undefined;
  if (r.call.rawBody !== undefined) {
    const bytes = typeof r.call.rawBody === "string" ? new TextEncoder().encode(r.call.rawBody) : r.call.rawBody;
    body = r.call.chunked
      ? new ReadableStream({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 1 << 20) controller.enqueue(bytes.subarray(i, i + (1 << 20)));
            controller.close();
          },
        })
      : (bytes as Uint8Array<ArrayBuffer>);
  } else if (r.call.body !== undefined) {
    body = JSON.stringify(r.call.body);
    headers["content-type"] ??= "application/json";
  }
  return fetch(new URL(r.url, server!.baseURL), { method: r.method, headers, body, duplex: "half", signal: AbortSignal.timeout(30_000) } as RequestInit);
}

/** Why an answer is not a 4xx JSON error naming the field with nothing leaked, or null when it is. */
async function problemWith(res: Response): Promise<string | null> {
  const text = await res.text();
  if (res.status < 400 || res.status >= 500) return `status ${res.status}: ${text.slice(0, 300)}`;
  if (!/^application\/json/.test(res.headers.get("content-type") ?? "")) return `content-type ${res.headers.get("content-type")}: ${text.slice(0, 300)}`;
  let error: { code?: unknown; message?: unknown; field?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    return `not JSON: ${text.slice(0, 300)}`;
  }
  if (typeof error?.code !== "string" || typeof error.message !== "string" || error.message.length === 0) return `not the error shape: ${text.slice(0, 300)}`;
  if (typeof error.field !== "string" || error.field.length === 0) return `no field named: ${text.slice(0, 300)}`;
  if (LEAKS.test(text)) return `leaks internals: ${text.slice(0, 300)}`;
  return null;
}

type Tally = { kinds: Record<string, number>; statuses: Record<number, number> };
const tried: Record<string, Tally> = {};

const ROUTES = fuzzRoutes({ analyst: "", admin: "" }).map((r) => r.route);
let fuzzSeconds = 0;

describe(`fuzz over HTTP: ${RUNS} bad requests per API route`, () => {
  it.each(ROUTES)("%s answers every one with a 4xx JSON error naming the field", async (route) => {
    const started = performance.now();
    const { requests } = fuzzRoutes(tokens).find((r) => r.route === route)!;
    const cases = fc.sample(requests, { numRuns: RUNS, seed: 20261130 });
    const counts: Tally = (tried[route] = { kinds: {}, statuses: {} });
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const r = cases[next++];
        counts.kinds[r.kind] = (counts.kinds[r.kind] ?? 0) + 1;
        let problem: string | null;
        try {
          const res = await send(r);
          counts.statuses[res.status] = (counts.statuses[res.status] ?? 0) + 1;
          problem = await problemWith(res);
        } catch (error) {
          problem = `no answer: ${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error)}`;
        }
        if (problem && failures.length < 5) failures.push(`${r.kind}: ${r.method} ${r.url.slice(0, 200)} → ${problem}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    fuzzSeconds += seconds;
    console.log(
      `[fuzz] ${route} (${seconds.toFixed(1)} s): ${Object.entries(counts.kinds).map(([k, n]) => `${k} ${n}`).join(", ")}; answers ${Object.entries(counts.statuses).map(([st, n]) => `${st}×${n}`).join(" ")}`,
    );
    expect(failures, route).toEqual([]);
    expect(Object.values(counts.kinds).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(RUNS);
  });

  it("stays up, changed no table, and still records a good request", async () => {
    console.log(`[fuzz] ${Object.keys(tried).length} routes × ${RUNS} bad requests over HTTP in ${fuzzSeconds.toFixed(1)} s`);
    const health = await fetch(new URL("/api/v1/health", server!.baseURL));
    expect(health.status).toBe(200);
    expect(tableChecksums()).toEqual(before);
    const ok = await send({ kind: "good", method: "POST", url: "/api/v1/questions/q-open/forecasts", call: { token: tokens.analyst, body: { kind: "binary", percent: 50 } } });
    expect(ok.status).toBe(201);
    const numeric = await send({ kind: "good", method: "POST", url: "/api/v1/questions/q-price/forecasts", call: { token: tokens.analyst, body: { kind: "numeric", quantiles: { p25: 100, p50: 115, p75: 130 } } } });
    expect(numeric.status).toBe(201);
    expect((await numeric.json()).cdf.p).toHaveLength(201);
    const changed = tableChecksums();
    expect(changed.forecasts).not.toEqual(before.forecasts);
    expect(changed.continuous_forecasts).not.toEqual(before.continuous_forecasts);
  });

  it("answers a method a route does not serve with a JSON 405 and its Allow header", async () => {
    const cases: Array<[string, string, string]> = [
      ["/api/v1/questions", "POST", "GET, HEAD, OPTIONS"],
      ["/api/v1/questions/q-open", "DELETE", "GET, HEAD, OPTIONS"],
      ["/api/v1/questions/q-open/crowd", "PUT", "GET, HEAD, OPTIONS"],
      ["/api/v1/questions/q-open/forecasts", "GET", "POST, OPTIONS"],
      ["/api/v1/questions/q-open/forecasts", "PATCH", "POST, OPTIONS"],
      ["/api/v1/questions/q-closed/resolution", "DELETE", "POST, OPTIONS"],
      ["/api/v1/forecasters/ana/scores", "POST", "GET, HEAD, OPTIONS"],
      ["/api/v1/export", "POST", "GET, HEAD, OPTIONS"],
      ["/api/v1/me", "PATCH", "GET, HEAD, OPTIONS"],
      ["/api/v1/openapi.json", "POST", "GET, HEAD, OPTIONS"],
      ["/api/v1/health", "DELETE", "GET, HEAD, OPTIONS"],
    ];
    for (const [url, method, allow] of cases) {
      const res = await fetch(new URL(url, server!.baseURL), { method, headers: { authorization: `Bearer ${tokens.admin}` } });
      expect(res.status, `${method} ${url}`).toBe(405);
      expect(res.headers.get("allow"), `${method} ${url}`).toBe(allow);
      expect(await res.json()).toEqual({ error: { code: "method_not_allowed", message: expect.stringContaining(`${method} is not allowed on ${url}`), field: null } });
      const options = await fetch(new URL(url, server!.baseURL), { method: "OPTIONS" });
      expect([options.status, options.headers.get("allow")], `OPTIONS ${url}`).toEqual([204, allow]);
    }
    // HEAD follows GET (Next answers it from the GET handler).
    expect((await fetch(new URL("/api/v1/health", server!.baseURL), { method: "HEAD" })).status).toBe(200);
  });
});
