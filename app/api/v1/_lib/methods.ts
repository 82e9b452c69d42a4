import { apiErrorResponse } from "./errors";

// Wrong HTTP methods on an /api/v1 route: the API's JSON error (405, method_not_allowed) with an Allow
// header, instead of Next's empty 405. A route exports, besides its own handler, the others from one
// call: `export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET")`. OPTIONS is answered
// here too (204 with the same Allow), since Next's automatic OPTIONS would list every exported method.

export type ApiMethod = "GET" | "POST";
type Handler = (request: Request) => Response;

/** What a route serves: GET routes also HEAD (Next answers it from GET); every route OPTIONS. */
export function allowHeader(served: ApiMethod): string {
  return served === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS";
}

/** The 405 of a method a route does not serve. */
export function methodNotAllowedResponse(request: Request, served: ApiMethod): Response {
  const path = new URL(request.url).pathname;
  return apiErrorResponse(405, "method_not_allowed", `${request.method} is not allowed on ${path}: use ${served} (see /api/v1/openapi.json)`, null, {
    allow: allowHeader(served),
  });
}

/** The handlers of the methods a route does not serve (and OPTIONS), for a route that serves `served`. */
export function otherMethods(served: "GET"): Record<"POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>;
export function otherMethods(served: "POST"): Record<"GET" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>;
export function otherMethods(served: ApiMethod): Record<string, Handler> {
  const refuse: Handler = (request) => methodNotAllowedResponse(request, served);
  const options: Handler = () => new Response(null, { status: 204, headers: { allow: allowHeader(served) } });
  const out: Record<string, Handler> = { PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: options };
  out[served === "GET" ? "POST" : "GET"] = refuse;
  return out;
}
