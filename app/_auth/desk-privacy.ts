// No imports on purpose: proxy.ts reads this before any page, without loading the database or auth.

/** REQUIRE_SIGN_IN=1 (or "true") makes the whole desk private: visitors are sent to /signin. */
export function isDeskPrivate(): boolean {
  return process.env.REQUIRE_SIGN_IN === "1" || process.env.REQUIRE_SIGN_IN === "true";
}

/** What the private-desk gate looks at: the path, the query and the request headers. */
export interface GateRequest {
  pathname: string;
  searchParams: URLSearchParams;
  headers: Headers;
}

/** better-auth endpoints that must answer without a session (the others need one anyway). */
const AUTH_ENDPOINTS_WITHOUT_SESSION = new Set([
  "/api/auth/sign-in/email",
  "/api/auth/sign-up/email", // refused on a private desk unless the body carries a usable invitation
  "/api/auth/get-session",
  "/api/auth/sign-out",
]);

/**
 * THE allow-list of a private desk: every door that opens without a session, and nothing else.
 * Each door does its own check behind it (a password, an invitation, a bearer token). Add new doors
 * here (and a test in tests/integration/private-desk.test.ts), never in proxy.ts.
 */
export const PRIVATE_DESK_OPEN_DOORS: ReadonlyArray<{ door: string; matches: (r: GateRequest) => boolean }> = [
  { door: "sign-in page", matches: (r) => r.pathname === "/signin" },
  { door: "invitation link", matches: (r) => r.pathname === "/signup" && r.searchParams.has("invitation") },
  { door: "auth endpoints", matches: (r) => AUTH_ENDPOINTS_WITHOUT_SESSION.has(r.pathname) },
  // The link in every e-mail: its HMAC token, checked by the page and its action, is the proof.
  { door: "unsubscribe link", matches: (r) => r.pathname === "/unsubscribe" && r.searchParams.has("token") },
  {
    // The REST API authenticates each request by its bearer token itself.
    door: "token-authenticated API",
    matches: (r) =>
      (r.pathname === "/api/v1" || r.pathname.startsWith("/api/v1/")) &&
      /^Bearer\s+\S+$/i.test(r.headers.get("authorization") ?? ""),
  },
];

/** True when a private desk serves this request without a session. */
export function opensWithoutSession(request: GateRequest): boolean {
  return PRIVATE_DESK_OPEN_DOORS.some((d) => d.matches(request));
}
