import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { isDeskPrivate } from "@/app/_auth/desk-privacy";

// With REQUIRE_SIGN_IN=1 the whole desk is private: requests without a valid session go to /signin.
// Layouts render in parallel with their pages, so a layout redirect alone could still stream page
// data; this check runs before any page. The session is validated by better-auth's own endpoint.
export async function proxy(request: NextRequest) {
  if (!isDeskPrivate()) return NextResponse.next();
  if (getSessionCookie(request) && (await hasValidSession(request))) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
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
  // unsubscribe: the link in every e-mail works without signing in (its HMAC token is the proof).
  matcher: ["/((?!signin|signup|unsubscribe|api/auth|_next/|favicon.ico).*)"],
};
