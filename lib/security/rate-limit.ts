// Sliding-window rate limits: at most `limit` counted events per `windowMs` for one key (an account,
// a client address, an API token). Pure: the event times come from db/queries/rate-limits.ts.

export interface RateLimitRule {
  /** Events allowed in any window of `windowMs`. */
  limit: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** Sign-in failures per account (the e-mail tried): 10 per 15 minutes (OWASP ASVS 5.0 §6.3.1). */
export const SIGN_IN_PER_ACCOUNT: RateLimitRule = { limit: 10, windowMs: 15 * MINUTE_MS };
/** Sign-in failures per client address: 30 per 15 minutes. */
export const SIGN_IN_PER_CLIENT: RateLimitRule = { limit: 30, windowMs: 15 * MINUTE_MS };

/**
 * Milliseconds until one more event is allowed (0 = allowed now). `times` are the key's event times
 * (any order; those outside (now − windowMs, now] are ignored). With the n ≥ limit events inside
 * sorted ascending as t[0..n−1], the count drops below the limit when t[n − limit] leaves the window,
 * at t[n − limit] + windowMs.
 */
export function retryAfterMs(times: readonly number[], rule: RateLimitRule, now: number): number {
  const inWindow = times.filter((t) => t > now - rule.windowMs && t <= now).sort((a, b) => a - b);
  if (inWindow.length < rule.limit) return 0;
  return inWindow[inWindow.length - rule.limit] + rule.windowMs - now;
}

/** Whole seconds for a Retry-After header (RFC 9110 §10.2.3), at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** "in 1 minute", "in 14 minutes", "in 40 seconds": when to try again, for messages. */
export function tryAgainIn(ms: number): string {
  const seconds = retryAfterSeconds(ms);
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
