import { createHash } from "node:crypto";
import type * as z from "zod";
import { getDb, type Db } from "@/db/client";
import { runIdempotent, type StoredAnswer } from "@/db/queries/api-tokens";
import { idempotencyKeyHeader, MAX_BODY_BYTES } from "@/lib/api/schemas";
import { authenticateApiRequest, type ApiCaller } from "./auth";
import { apiErrorResponse, unauthorizedApiResponse, validationErrorResponse } from "./errors";
import { checkApiRateLimit } from "./rate-limit";

// Every /api/v1 route handler is one of these: authenticate, rate-limit, parse the path, query and body
// with the zod schemas of lib/api/schemas, run ONE piece of work, answer JSON. Any exception becomes a
// 500 with a fixed message: the response never carries a stack trace or SQL (the server log does).

export type ApiAnswer = StoredAnswer;
export type Access = "public" | "signed_in" | "admin";

export interface ApiContext<P, Q> {
  request: Request;
  caller: ApiCaller | null;
  db: Db;
  now: number;
  params: P;
  query: Q;
}

type RouteArgs = { params: Promise<Record<string, string | string[]>> };

interface RouteSpec<P extends z.ZodType, Q extends z.ZodType> {
  access: Access;
  params?: P;
  query?: Q;
}

/** The client's address for anonymous rate limits (the first X-Forwarded-For hop when a proxy sets one). */
function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}

type Prepared<P, Q> = { ok: true; ctx: ApiContext<P, Q> } | { ok: false; response: Response };

async function prepare<P extends z.ZodType, Q extends z.ZodType>(
  spec: RouteSpec<P, Q>,
  request: Request,
  args: RouteArgs,
): Promise<Prepared<z.output<P>, z.output<Q>>> {
  const now = Date.now();
  const auth = authenticateApiRequest(request, now);
  if (!auth.ok) return { ok: false, response: unauthorizedApiResponse(auth.message) };
  const caller = auth.caller;
  const limit = checkApiRateLimit(caller, clientAddress(request), now);
  if (!limit.ok)
    return {
      ok: false,
      response: apiErrorResponse(429, "rate_limited", `Too many requests: at most ${limit.limit} a minute; retry after ${limit.retryAfterSeconds} s`, null, {
        "retry-after": String(limit.retryAfterSeconds),
      }),
    };
  if (spec.access !== "public" && !caller)
    return { ok: false, response: unauthorizedApiResponse("Send Authorization: Bearer <token> (create one on the Settings page)") };
  if (spec.access === "admin" && caller?.role !== "admin")
    return { ok: false, response: apiErrorResponse(403, "forbidden", "Only admins can do this: this token acts for an analyst", "Authorization") };

  let params: unknown = {};
  if (spec.params) {
    const raw = await args.params;
    const parsed = spec.params.safeParse(raw);
    if (!parsed.success) return { ok: false, response: validationErrorResponse(parsed.error, "path") };
    params = parsed.data;
  }
  let query: unknown = {};
  if (spec.query) {
    const url = new URL(request.url);
    const raw: Record<string, string> = {};
    for (const [key, value] of url.searchParams) {
      if (key in raw) return { ok: false, response: apiErrorResponse(400, "invalid_request", `${key}: given more than once`, key) };
      raw[key] = value;
    }
    const parsed = spec.query.safeParse(raw);
    if (!parsed.success) return { ok: false, response: validationErrorResponse(parsed.error, "query") };
    query = parsed.data;
  }
  return { ok: true, ctx: { request, caller, db: getDb(), now, params: params as z.output<P>, query: query as z.output<Q> } };
}

function internalError(error: unknown): Response {
  console.error("[api] unexpected error:", error);
  return apiErrorResponse(500, "internal", "Something went wrong on the server; nothing was recorded. Retry with the same Idempotency-Key.");
}

function answer(a: ApiAnswer, replayed = false): Response {
  return Response.json(a.body, {
    status: a.status,
    headers: { "cache-control": "no-store", ...(replayed ? { "idempotent-replayed": "true" } : {}) },
  });
}

/** A GET route: `work` returns the answer (or a ready Response, for downloads). */
export function apiGet<P extends z.ZodType = z.ZodType<Record<string, never>>, Q extends z.ZodType = z.ZodType<Record<string, never>>>(
  spec: RouteSpec<P, Q>,
  work: (ctx: ApiContext<z.output<P>, z.output<Q>>) => ApiAnswer | Response,
) {
  return async (request: Request, args: RouteArgs): Promise<Response> => {
    try {
      const prepared = await prepare(spec, request, args);
      if (!prepared.ok) return prepared.response;
      const result = work(prepared.ctx);
      return result instanceof Response ? result : answer(result);
    } catch (error) {
      return internalError(error);
    }
  };
}

type BodyRead = { ok: true; value: unknown; text: string } | { ok: false; response: Response };

/** The JSON body: application/json, at most MAX_BODY_BYTES (checked before and while reading), valid UTF-8 and JSON. */
async function readJsonBody(request: Request): Promise<BodyRead> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type.trim()))
    return { ok: false, response: apiErrorResponse(415, "unsupported_media_type", "Content-Type must be application/json", "Content-Type") };
  const declared = Number(request.headers.get("content-length"));
  const tooLarge = () =>
    apiErrorResponse(413, "payload_too_large", `The body must be at most ${MAX_BODY_BYTES / 1024} KiB`, "body");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        return { ok: false, response: tooLarge() };
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, response: apiErrorResponse(400, "malformed_json", "The body is not valid UTF-8", "body") };
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    return { ok: false, response: apiErrorResponse(400, "malformed_json", "The body is not valid JSON", "body") };
  }
}

/**
 * A POST route. `work` runs synchronously against `tx`; with an Idempotency-Key it runs inside the same
 * transaction that stores its answer (db/queries/api-tokens runIdempotent), so a retry after a dropped
 * response or a crash returns the first answer and writes nothing new.
 */
export function apiPost<B extends z.ZodType, P extends z.ZodType = z.ZodType<Record<string, never>>>(
  spec: RouteSpec<P, z.ZodType<Record<string, never>>> & { body: B },
  work: (ctx: ApiContext<z.output<P>, Record<string, never>>, body: z.output<B>, tx: Db) => ApiAnswer,
) {
  return async (request: Request, args: RouteArgs): Promise<Response> => {
    try {
      const prepared = await prepare(spec, request, args);
      if (!prepared.ok) return prepared.response;
      const { ctx } = prepared;
      const rawKey = request.headers.get("idempotency-key");
      let key: string | null = null;
      if (rawKey !== null) {
        const parsedKey = idempotencyKeyHeader.safeParse(rawKey);
        if (!parsedKey.success) return apiErrorResponse(400, "invalid_request", parsedKey.error.issues[0].message, "Idempotency-Key");
        key = parsedKey.data;
      }
      const body = await readJsonBody(request);
      if (!body.ok) return body.response;
      const parsed = spec.body.safeParse(body.value);
      if (!parsed.success) return validationErrorResponse(parsed.error, "body");
      if (key === null) return answer(ctx.db.transaction((tx) => work(ctx, parsed.data, tx as unknown as Db)));
      const requestHash = createHash("sha256")
        .update(`POST ${new URL(request.url).pathname}\n`)
        .update(JSON.stringify(parsed.data))
        .digest("hex");
      const outcome = runIdempotent(ctx.db, { userId: ctx.caller!.id, key, requestHash, now: ctx.now }, (tx) => work(ctx, parsed.data, tx));
      if (outcome.kind === "key_reused")
        return apiErrorResponse(409, "idempotency_key_reused", "This Idempotency-Key was used with another request; use a new key for a new request", "Idempotency-Key");
      return answer(outcome.answer, outcome.kind === "replayed");
    } catch (error) {
      return internalError(error);
    }
  };
}
