import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

// With REQUIRE_SIGN_IN=1 the whole desk is private: visitors without a session cookie go to /signin.
// This is only the fast path; the (desk) layout and every action check the session itself.
export function proxy(request: NextRequest) {
  const privateDesk = process.env.REQUIRE_SIGN_IN === "1" || process.env.REQUIRE_SIGN_IN === "true";
  if (!privateDesk || getSessionCookie(request)) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!signin|signup|api/auth|_next/|favicon.ico).*)"],
};
