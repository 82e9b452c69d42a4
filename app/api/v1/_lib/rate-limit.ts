import { TokenBuckets } from "@/lib/api/token-bucket";

// THE API's rate limit, one function (swap for the desk-wide limiter when there is one): per token, or per
// client address for requests without one. Limits per minute: the token's own (token:create --rate-limit),
// else API_RATE_LIMIT_PER_MINUTE (default 300); without a token API_ANONYMOUS_RATE_LIMIT_PER_MINUTE (60).

const globalForLimits = globalThis as unknown as { forecastDeskApiBuckets?: TokenBuckets };

function envLimit(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number; limit: number };

export function checkApiRateLimit(
  caller: { tokenId: string; rateLimitPerMinute: number | null } | null,
  clientAddress: string,
  now: number,
): RateLimitDecision {
  const buckets = (globalForLimits.forecastDeskApiBuckets ??= new TokenBuckets());
  const limit = caller
    ? (caller.rateLimitPerMinute ?? envLimit("API_RATE_LIMIT_PER_MINUTE", 300))
    : envLimit("API_ANONYMOUS_RATE_LIMIT_PER_MINUTE", 60);
  const decision = buckets.take(caller ? `token:${caller.tokenId}` : `address:${clientAddress}`, limit, now);
  return decision.ok ? { ok: true } : { ok: false, retryAfterSeconds: decision.retryAfterSeconds, limit };
}
