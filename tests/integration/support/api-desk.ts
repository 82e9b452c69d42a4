// An API desk in-process: a fresh SQLite file (DATABASE_PATH), accounts with tokens, questions, and
// `api()` that sends a Request to the very route handlers `next start` serves, as Next would (decoded
// path parameters as a promise). Used by the API, idempotency, bots and fuzz tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import { createApiToken } from "@/db/queries/api-tokens";
import { createUser } from "@/db/queries/users";
import * as exportRoute from "@/app/api/v1/export/route";
import * as scoresRoute from "@/app/api/v1/forecasters/[handle]/scores/route";
import * as healthRoute from "@/app/api/v1/health/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as crowdRoute from "@/app/api/v1/questions/[questionId]/crowd/route";
import * as forecastsRoute from "@/app/api/v1/questions/[questionId]/forecasts/route";
import * as resolutionRoute from "@/app/api/v1/questions/[questionId]/resolution/route";
import * as questionRoute from "@/app/api/v1/questions/[questionId]/route";
import * as questionsRoute from "@/app/api/v1/questions/route";

export { addQuestion, DAY } from "./desk-questions";

type Handler = (request: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST", Handler>>;

/** Every /api/v1 route: its pattern, its parameter names and its module. */
export const API_ROUTES: Array<{ name: string; pattern: RegExp; params: string[]; module: RouteModule }> = [
  { name: "questions", pattern: /^\/api\/v1\/questions$/, params: [], module: questionsRoute as RouteModule },
  { name: "question", pattern: /^\/api\/v1\/questions\/([^/]+)$/, params: ["questionId"], module: questionRoute as RouteModule },
  { name: "forecasts", pattern: /^\/api\/v1\/questions\/([^/]+)\/forecasts$/, params: ["questionId"], module: forecastsRoute as RouteModule },
  { name: "crowd", pattern: /^\/api\/v1\/questions\/([^/]+)\/crowd$/, params: ["questionId"], module: crowdRoute as RouteModule },
  { name: "resolution", pattern: /^\/api\/v1\/questions\/([^/]+)\/resolution$/, params: ["questionId"], module: resolutionRoute as RouteModule },
  { name: "scores", pattern: /^\/api\/v1\/forecasters\/([^/]+)\/scores$/, params: ["handle"], module: scoresRoute as RouteModule },
  { name: "export", pattern: /^\/api\/v1\/export$/, params: [], module: exportRoute as RouteModule },
  { name: "me", pattern: /^\/api\/v1\/me$/, params: [], module: meRoute as RouteModule },
  { name: "openapi", pattern: /^\/api\/v1\/openapi\.json$/, params: [], module: openapiRoute as RouteModule },
  { name: "health", pattern: /^\/api\/v1\/health$/, params: [], module: healthRoute as RouteModule },
];

export interface ApiCall {
  token?: string;
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** Sends `method url` to the route handler that serves it; the body is JSON unless rawBody is given. */
export async function api(method: "GET" | "POST", url: string, call: ApiCall = {}): Promise<Response> {
  const full = new URL(url, "http://desk.test");
  const route = API_ROUTES.find((r) => r.pattern.test(full.pathname));
  if (!route) throw new Error(`no route for ${full.pathname}`);
  const handler = route.module[method];
  if (!handler) return new Response(null, { status: 405 });
  const match = route.pattern.exec(full.pathname)!;
  const params = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
  const headers: Record<string, string> = { ...(call.headers ?? {}) };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | Uint8Array | undefined;
  if (call.rawBody !== undefined) body = call.rawBody;
  else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(full, { method, headers, body: body as BodyInit | undefined });
  return handler(request, { params: Promise.resolve(params) });
}

export interface ApiDesk {
  dir: string;
  file: string;
  db: Db;
  admin: { id: string; handle: string; token: string };
  ana: { id: string; handle: string; token: string };
  ben: { id: string; handle: string; token: string };
  close(): void;
}

/**
 * A fresh desk the route handlers use (DATABASE_PATH points at it): an admin, analysts Ana and Ben, each
 * with a token whose rate limit is `rateLimitPerMinute` (raised by tests that send many requests).
 */
export function openApiDesk(options: { rateLimitPerMinute?: number } = {}): ApiDesk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-api-"));
  const file = path.join(dir, "desk.db");
  process.env.DATABASE_PATH = file;
  delete process.env.REQUIRE_SIGN_IN;
  const db = openDb(file);
  const now = Date.now();
  const person = (email: string, name: string, handle: string, role?: "admin") => {
    const user = createUser(db, { email, name, handle, password: "correct horse battery", role });
    const { token } = createApiToken(db, { userId: user.id, name: "tests", now, rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000 });
    return { id: user.id, handle, token };
  };
  const desk = {
    dir,
    file,
    db,
    admin: person("admin@example.org", "Ada Admin", "ada", "admin"),
    ana: person("ana@example.org", "Ana Lind", "ana"),
    ben: person("ben@example.org", "Ben Ortiz", "ben"),
    close() {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return desk;
}
