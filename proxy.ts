import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { isDeskPrivate, opensWithoutSession } from "@/app/_auth/desk-privacy";
import { isApiV1Path, PRIVATE_DESK_API_MESSAGE, unauthorizedApiResponse } from "@/app/api/v1/_lib/errors";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security/headers";

// Runs before every request except Next's static assets:
// 1. Security headers on every response, with a Content-Security-Policy whose script nonce is new
//    for each request; Next reads it from the request's CSP header and puts it on its own scripts
//    (which is why the root layout renders every page per request).
// 2. With REQUIRE_SIGN_IN=1 the whole desk is private: only the doors of PRIVATE_DESK_OPEN_DOORS
//    (app/_auth/desk-privacy.ts) open without a valid session; pages send visitors to /signin, every
//    other path answers 401 (the REST API's paths in the API's JSON error shape). Layouts render in parallel with their pages, so a layout redirect alone
//    could still stream page data; this check runs before any page. The session is validated by
//    better-auth's own endpoint.
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const response = refuseMalformed(request) ?? (await gate(request, csp));
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(process.env.BETTER_AUTH_URL)))
    response.headers.set(name, value);
  return response;
}

/** Next's limit on a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
const ACTION_BODY_LIMIT = 1024 * 1024;

/** 400 for an address with a malformed percent-escape, 413 for an oversized server-action post. */
function refuseMalformed(request: NextRequest): Response | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return errorPage(400, "Bad request", "The address contains a malformed percent-escape (such as %ZZ).");
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (request.method === "POST" && request.headers.has("next-action") && length > ACTION_BODY_LIMIT)
    return errorPage(413, "Too much data", "The form sent more than 1 MB; nothing was saved.");
  return null;
}

function errorPage(status: number, title: string, sentence: string): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Forecast Desk</title></head><body><main><h1>${title}</h1><p>${sentence}</p><p><a href="/questions">Back to the questions</a></p></main></body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

async function gate(request: NextRequest, csp: string): Promise<Response> {
  const pass = () => {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers: requestHeaders } });
  };
  if (!isDeskPrivate()) return pass();
  const { pathname, searchParams } = request.nextUrl;
  if (opensWithoutSession({ pathname, searchParams, headers: request.headers })) return pass();
  // The REST API answers in its own error shape ({error: {code, message, field}}), as its handlers do.
  if (isApiV1Path(pathname)) return unauthorizedApiResponse(PRIVATE_DESK_API_MESSAGE);
  if (getSessionCookie(request) && (await hasValidSession(request))) return pass();
  if (pathname.startsWith("/api/"))
    return NextResponse.json({ error: "Sign in first: this desk is private" }, { status: 401 });
  const url = new URL("/signin", request.url);
  url.search = "";
  url.searchParams.set("next", pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

async function hasValidSession(request: NextRequest): Promise<boolean> {
  try {
    const res = await fetch(new URL("/api/auth/get-session", request.nextUrl.origin), {
      headers: { cookie: request.headers.get("cookie") ?? "" },
      cache: "no-store",
    });
    if (!res.ok) return false;
    const body = (await res.json()) as { session?: unknown } | null;
    return Boolean(body?.session);
  } catch {
    return false;
  }
}

export const config = {
  // Every request except Next's static assets (they hold no desk data; next.config.js gives them the
  // static security headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
