import { and, eq, gt, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimitEvents } from "@/db/schema/rate-limits";
import { retryAfterMs, type RateLimitRule } from "@/lib/security/rate-limit";

// Sliding-window rate limits on SQLite (rules and arithmetic in lib/security/rate-limit.ts).
// Usage: `reserveRateLimit` before the guarded work (refused → retryAfterMs > 0, answer 429 with
// Retry-After); when the work turns out not to count (a successful sign-in), `releaseRateLimit`.

export interface RateLimitKey {
  key: string;
  rule: RateLimitRule;
}

export type Reservation = { ok: true; eventIds: number[] } | { ok: false; retryAfterMs: number };

function eventTimes(db: Db, key: string, since: number): number[] {
  return db
    .select({ at: rateLimitEvents.at })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, since)))
    .all()
    .map((r) => r.at);
}

/** How long until every key allows one more event (0 = now). */
export function rateLimitRetryAfter(db: Db, keys: readonly RateLimitKey[], now: number): number {
  return Math.max(0, ...keys.map(({ key, rule }) => retryAfterMs(eventTimes(db, key, now - rule.windowMs), rule, now)));
}

/**
 * Checks every key and, when all allow it, counts one event on each, in one transaction (so parallel
 * requests cannot all slip through before any is counted). Refused attempts are not counted: a
 * lock-out ends one window after the last counted event.
 */
export function reserveRateLimit(db: Db, keys: readonly RateLimitKey[], now: number): Reservation {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const wait = rateLimitRetryAfter(t, keys, now);
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    const rows = t
      .insert(rateLimitEvents)
      .values(keys.map(({ key }) => ({ key, at: now })))
      .returning({ id: rateLimitEvents.id })
      .all();
    return { ok: true, eventIds: rows.map((r) => r.id) };
  });
}

/** Un-counts the events of a reservation (the guarded work did not count, e.g. a correct password). */
export function releaseRateLimit(db: Db, eventIds: readonly number[]): void {
  if (eventIds.length) db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, [...eventIds])).run();
}

/** Deletes events older than `before` (nothing counts them any more). */
export function pruneRateLimitEvents(db: Db, before: number): number {
  return db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, before)).run().changes;
}
