// The bad requests the API fuzz test sends (tests/e2e/api-fuzz.test.ts): per route, fast-check
// arbitraries of requests the API must refuse with a 4xx JSON error naming the field — wrong types,
// NaN and Infinity, huge numbers, missing and extra fields, unicode, 10 MB bodies, malformed JSON and
// UTF-8, wrong content types, bad tokens and Idempotency-Keys, unknown or repeated query parameters.
// No app imports beyond lib/ (the e2e test runs against the production server).
import fc from "fast-check";
import type * as z from "zod";
import { parseDistributionForecast } from "@/lib/api/distribution-forecast";
import { crowdSeriesQuery, exportQuery, forecastSubmission, questionListQuery, resolutionRequest, scoresQuery } from "@/lib/api/schemas";
import type { ContinuousScale } from "@/lib/continuous/types";
import { forecastInput } from "@/lib/validation/forecast";
import { DAY } from "./desk-questions";


/** A request: a bearer token, a JSON body (or a raw one), extra headers. */
export interface ApiCall {
  token?: string;
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string | Uint8Array;
  /** Send rawBody as a chunked stream, without a Content-Length. */
  chunked?: boolean;
  headers?: Record<string, string>;
}

/** One generated bad request: what kind of garbage it is (for the per-route counts), and the request. */
export interface FuzzRequest {
  kind: string;
  method: "GET" | "POST";
  /** Path and query, e.g. /api/v1/questions?page=NaN */
  url: string;
  call: ApiCall;
}

/** What an answer must not contain: a stack frame, SQLite, SQL, a source path. */
export const LEAKS = /(\bat \S+:\d+:\d+)|SQLITE_|sqlite3|\bselect\b.*\bfrom\b|\binsert into\b|node_modules|\.ts:\d+/i;

// ---- Generators ----

const WEIRD_STRINGS = ["NaN", "Infinity", "-Infinity", "1e309", "-1", "0", "1.5", "99999999999999999999999", "null", "true", "[]", "{}", "", " ", "%00", "\u0000", "😀", "ǅ", "\u202e", "0x10", "1_000", "２"];
const weirdString = fc.oneof(fc.constantFrom(...WEIRD_STRINGS), fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ maxLength: 300 }), fc.double().map(String), fc.bigInt().map(String));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 5e-324));

/** A query string the schema must refuse: unknown keys, bad values for known keys, or a key given twice. */
export function badQuery(schema: z.ZodType, known: readonly string[]) {
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

export const badToken = fc.oneof(
  fc.constant({ authorization: "Bearer fd_revoked-or-never-issued" }),
  fc.string({ maxLength: 50 }).map((s) => ({ authorization: `Bearer ${s}` })),
  fc.constantFrom({ authorization: "Basic YWRtaW46YWRtaW4=" }, { authorization: "Bearer" }, { authorization: "bearer  x y" }, { authorization: "" }),
);

const CONTENT_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "application/json-patch+json", "text/json", "", "application/xml"];

const tagged = (kind: string, call: ApiCall) => ({ kind, call });

/** A POST body the route must refuse: `isAccepted` says whether a JSON value would be accepted whole. */
export function badPost(shaped: fc.Arbitrary<unknown>, isAccepted: (body: unknown) => boolean) {
  const json = (headers: Record<string, string> = {}) => ({ "content-type": "application/json", ...headers });
  return fc.oneof(
    { weight: 30, arbitrary: fc.oneof(shaped, anyJson).filter((b) => !isAccepted(b)).map((b) => tagged("JSON body breaking the schema or the rules", { body: b })) },
    // NaN, Infinity and huge numbers written into the JSON text (JSON.stringify cannot).
    {
      weight: 8,
      arbitrary: fc
        .tuple(shaped, fc.constantFrom("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x1F", "+5", ".5", "1e-400"))
        .map(([b, n]) => tagged("NaN, Infinity or huge numbers in the JSON text", { rawBody: JSON.stringify(b ?? {}).replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/i, n) || n, headers: json() })),
    },
    // Malformed JSON.
    { weight: 8, arbitrary: fc.string({ maxLength: 200 }).filter((t) => { try { JSON.parse(t); return false; } catch { return true; } }).map((t) => tagged("malformed JSON", { rawBody: t, headers: json() })) },
    // Invalid UTF-8.
    { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 50 }).map((b) => tagged("invalid UTF-8", { rawBody: new Uint8Array([0x7b, 0xff, 0xfe, ...b]), headers: json() })) },
    // Wrong content types.
    { weight: 6, arbitrary: fc.tuple(shaped, fc.constantFrom(...CONTENT_TYPES)).map(([b, type]) => tagged("wrong content type", { rawBody: JSON.stringify(b ?? null), headers: type ? { "content-type": type } : {} })) },
    // Bad Idempotency-Keys.
    { weight: 3, arbitrary: fc.tuple(shaped, fc.oneof(fc.constant(""), fc.constant("x".repeat(201)), fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${s} key`))).filter(([b]) => !isAccepted(b)).map(([b, key]) => tagged("bad Idempotency-Key", { body: b, headers: { "idempotency-key": key } })) },
    // 10 MB and just-over-the-limit bodies, with and without a Content-Length.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(10 * 1024 * 1024, 64 * 1024 + 1), fc.boolean())
        .map(([n, chunked]) => tagged(n > 1e6 ? "10 MB body" : "body just over 64 KiB", { rawBody: `{"rationale":"${"x".repeat(n)}"}`, chunked, headers: json() })),
    },
  );
}

/** The fuzz desk's numeric question q-price: 0–500 USD, linear, closed bounds. */
export const FUZZ_PRICE_SCALE: ContinuousScale & { unit: string } = { unit: "USD", rangeMin: 0, rangeMax: 500, zeroPoint: null, openLowerBound: false, openUpperBound: false };

const quantileValue = fc.oneof(
  fc.double(),
  fc.integer({ min: -100, max: 600 }),
  fc.constantFrom(0, 500, 1e15, -1e15, 1e308, 250),
  fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom("2027-02-30", "2027-04-01", "115"),
  weirdString,
  fc.constant(null),
);
const quantilesish = fc.oneof(
  { weight: 4, arbitrary: fc.record({ p5: quantileValue, p25: quantileValue, p50: quantileValue, p75: quantileValue, p95: quantileValue, p40: quantileValue }, { requiredKeys: [] }) },
  // Increasing but too close together, too close to a bound, or too few.
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 498 }), fc.integer({ min: 0, max: 2 })).map(([m, d]) => ({ p25: m - d / 4, p50: m, p75: m + d / 4 })) },
  { weight: 1, arbitrary: anyJson },
);
const percentish = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, 0.1, 99.9, 100, 12.34, 62.55, -5, 1e308), weirdString, fc.constant(null), fc.boolean());
export const forecastShaped = fc.record(
  {
    kind: fc.oneof(fc.constantFrom("binary", "scenarios", "numeric", "date", "gaussian", "Binary", ""), anyJson),
    quantiles: quantilesish,
    percent: percentish,
    percents: fc.oneof(fc.array(percentish, { maxLength: 6 }), anyJson),
    rationale: fc.oneof(fc.string({ unit: "grapheme", maxLength: 50 }), fc.constant("r".repeat(5001)), anyJson),
    questionId: weirdString,
    extra: anyJson,
  },
  { requiredKeys: [] },
);
/** Would the forecast route record this body on the numeric question q-price? */
export function numericForecastAccepted(body: unknown): boolean {
  const shape = forecastSubmission.safeParse(body);
  if (!shape.success || shape.data.kind !== "numeric") return false;
  return parseDistributionForecast("q-price", "numeric", FUZZ_PRICE_SCALE, shape.data).ok;
}
/** Would the forecast route record this body on the binary question q-open? */
export function forecastAccepted(body: unknown): boolean {
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
export const resolutionShaped = fc.record(
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
export const resolutionRuleBreakers = fc.oneof(
  fc.record({ action: fc.constant("resolve"), outcome: fc.integer({ min: 2, max: 1000 }), resolveTime: fc.constant(new Date(Date.now() - 3_600_000).toISOString()) }),
  fc.record({ action: fc.constantFrom("resolve", "annul"), outcome: fc.constant(1), resolveTime: fc.integer({ min: 2, max: 10_000 }).map((h) => new Date(Date.now() + h * 3_600_000).toISOString()) }).map(({ outcome, ...r }) => (r.action === "annul" ? r : { ...r, outcome })),
  fc.record({ action: fc.constant("resolve"), outcome: fc.constant(0), resolveTime: fc.integer({ min: 31, max: 10_000 }).map((d) => new Date(Date.now() - d * DAY).toISOString()) }),
  fc.record({ action: fc.constant("correct"), outcome: fc.constantFrom(0, 1), resolveTime: fc.constant(new Date(Date.now() - 3_600_000).toISOString()) }),
);
export function resolutionAccepted(body: unknown): boolean {
  return resolutionRequest.safeParse(body).success;
}

// "." and ".." are not parameters: URLs resolve them away before any route sees them.
export const questionIdSegment = fc
  .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }), fc.constant("q".repeat(201)), fc.constantFrom("%", "q-open%2F..", "null", "q-draft"))
  .filter((s) => s !== "." && s !== "..");

// ---- Every route's bad requests ----

const withQuery = (path: string, params: URLSearchParams | string) => `${path}${`${params}` ? `?${params}` : ""}`;
const get = (kind: string, url: string, call: ApiCall = {}): FuzzRequest => ({ kind, method: "GET", url, call });
const encode = encodeURIComponent;
const NO_QUERY = crowdSeriesQuery.pick({});

/**
 * Each API route with an arbitrary of requests it must refuse, on a desk with the binary question
 * q-open (open), q-closed (closed, unresolved) and q-draft, the numeric question q-price
 * (FUZZ_PRICE_SCALE, open), an analyst "ana" and an admin.
 */
export function fuzzRoutes(tokens: { analyst: string; admin: string }): Array<{ route: string; requests: fc.Arbitrary<FuzzRequest> }> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const badTokenGet = (path: string) => badToken.map((h) => get("bad token", path, { headers: h }));
  return [
    {
      route: "GET /questions",
      requests: fc.oneof(
        badQuery(questionListQuery, ["status", "tag", "changedSince", "page", "pageSize"]).map((q) => get("bad query", withQuery("/api/v1/questions", q))),
        badTokenGet("/api/v1/questions"),
      ),
    },
    {
      route: "GET /questions/{id}",
      requests: fc.oneof(
        questionIdSegment.map((id) => get("unknown, draft or oversized question id", `/api/v1/questions/${encode(id)}`)),
        badQuery(NO_QUERY, []).map((q) => get("bad query", withQuery("/api/v1/questions/q-open", q))),
        badTokenGet("/api/v1/questions/q-open"),
      ),
    },
    {
      route: "GET /questions/{id}/crowd",
      requests: fc.oneof(
        questionIdSegment.map((id) => get("unknown, draft or oversized question id", `/api/v1/questions/${encode(id)}/crowd`)),
        badQuery(crowdSeriesQuery, ["method", "population"]).map((q) => get("bad query", withQuery("/api/v1/questions/q-open/crowd", q))),
        badTokenGet("/api/v1/questions/q-open/crowd"),
      ),
    },
    {
      route: "POST /questions/{id}/forecasts",
      requests: fc.oneof(
        { weight: 6, arbitrary: badPost(forecastShaped, forecastAccepted).map(({ kind, call }): FuzzRequest => ({ kind, method: "POST", url: "/api/v1/questions/q-open/forecasts", call: { token: tokens.analyst, ...call } })) },
        {
          weight: 3,
          arbitrary: badPost(forecastShaped, numericForecastAccepted).map(({ kind, call }): FuzzRequest => ({
            kind: `${kind} (numeric question)`,
            method: "POST",
            url: "/api/v1/questions/q-price/forecasts",
            call: { token: tokens.analyst, ...call },
          })),
        },
        {
          weight: 1,
          arbitrary: fc.oneof(
            questionIdSegment.map((id): FuzzRequest => ({ kind: "unknown, draft or oversized question id", method: "POST", url: `/api/v1/questions/${encode(id)}/forecasts`, call: { token: tokens.analyst, body: { kind: "binary", percent: 50 } } })),
            badToken.map((h): FuzzRequest => ({ kind: "bad token", method: "POST", url: "/api/v1/questions/q-open/forecasts", call: { body: { kind: "binary", percent: 50 }, headers: h } })),
          ),
        },
      ),
    },
    {
      route: "POST /questions/{id}/resolution",
      requests: fc.oneof(
        { weight: 8, arbitrary: badPost(resolutionShaped, resolutionAccepted).map(({ kind, call }): FuzzRequest => ({ kind, method: "POST", url: "/api/v1/questions/q-closed/resolution", call: { token: tokens.admin, ...call } })) },
        { weight: 2, arbitrary: resolutionRuleBreakers.map((body): FuzzRequest => ({ kind: "valid shape breaking the resolution rules", method: "POST", url: "/api/v1/questions/q-closed/resolution", call: { token: tokens.admin, body } })) },
        {
          weight: 1,
          arbitrary: fc.oneof(
            questionIdSegment
              .filter((id) => id !== "q-closed")
              .map((id): FuzzRequest => ({ kind: "unknown, draft or oversized question id", method: "POST", url: `/api/v1/questions/${encode(id)}/resolution`, call: { token: tokens.admin, body: { action: "annul", resolveTime: new Date().toISOString() } } })),
            badToken.map((h): FuzzRequest => ({ kind: "bad token", method: "POST", url: "/api/v1/questions/q-closed/resolution", call: { body: {}, headers: h } })),
            fc.constant<FuzzRequest>({ kind: "an analyst's token", method: "POST", url: "/api/v1/questions/q-closed/resolution", call: { token: tokens.analyst, body: { action: "annul", resolveTime: new Date().toISOString() } } }),
          ),
        },
      ),
    },
    {
      route: "GET /forecasters/{handle}/scores",
      requests: fc.oneof(
        questionIdSegment.map((h) => get("unknown or oversized handle", `/api/v1/forecasters/${encode(h)}/scores`)),
        badQuery(scoresQuery, ["from", "to", "tag", "sample", "bins", "population"]).map((q) => get("bad query", withQuery("/api/v1/forecasters/ana/scores", q))),
        badTokenGet("/api/v1/forecasters/ana/scores"),
      ),
    },
    {
      route: "GET /export",
      requests: fc.oneof(
        badQuery(exportQuery, ["format", "file"]).map((q) => get("bad query", withQuery("/api/v1/export", q), { token: tokens.admin })),
        badTokenGet("/api/v1/export"),
        fc.constantFrom(get("no token", "/api/v1/export"), get("an analyst's token", "/api/v1/export", { token: tokens.analyst })),
      ),
    },
    {
      route: "GET /me",
      requests: fc.oneof(
        badTokenGet("/api/v1/me"),
        fc.constant(get("no token", "/api/v1/me")),
        badQuery(NO_QUERY, []).map((q) => get("bad query", withQuery("/api/v1/me", q), { headers: bearer(tokens.analyst) })),
      ),
    },
    {
      route: "GET /openapi.json",
      requests: fc.oneof(badQuery(NO_QUERY, []).map((q) => get("bad query", withQuery("/api/v1/openapi.json", q))), badTokenGet("/api/v1/openapi.json")),
    },
  ];
}
