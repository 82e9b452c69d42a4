// No imports on purpose: proxy.ts reads this before any page, without loading the database or auth.

/** REQUIRE_SIGN_IN=1 (or "true") makes the whole desk private: visitors are sent to /signin. */
export function isDeskPrivate(): boolean {
  return process.env.REQUIRE_SIGN_IN === "1" || process.env.REQUIRE_SIGN_IN === "true";
}
