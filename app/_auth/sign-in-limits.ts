import { APIError } from "better-auth/api";
import type { Db } from "@/db/client";
import { pruneRateLimitEvents, releaseRateLimit, reserveRateLimit, type RateLimitKey } from "@/db/queries/rate-limits";
import { retryAfterSeconds, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_CLIENT, tryAgainIn } from "@/lib/security/rate-limit";

// Brute-force limits on sign-in, applied in better-auth's hooks so the sign-in form (a server action
// calling auth.api.signInEmail) and POST /api/auth/sign-in/email are limited alike: per account
// (10 failures / 15 min) and per client address (30 / 15 min). Each attempt is counted before the
// password is checked and un-counted when it was right.

export const SIGN_IN_PATH = "/sign-in/email";

/** The client address server.ts wrote into X-Forwarded-For (one entry), "unknown" without one. */
export function clientAddressOf(headers: Headers | undefined): string {
  const first = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first || "unknown";
}

function signInKeys(email: string, client: string): RateLimitKey[] {
  return [
    { key: `sign-in:account:${email.trim().toLowerCase()}`, rule: SIGN_IN_PER_ACCOUNT },
    { key: `sign-in:client:${client}`, rule: SIGN_IN_PER_CLIENT },
  ];
}

/** Reservations of attempts in flight, by client and account; the after-hook settles them in order. */
const inFlight = new Map<string, number[][]>();
let attemptsSincePrune = 0;

/** Before the password is checked: 429 with Retry-After when a limit is reached, else count the attempt. */
export function beginSignInAttempt(db: Db, email: string, headers: Headers | undefined, now = Date.now()): void {
  if (++attemptsSincePrune >= 500) {
    attemptsSincePrune = 0;
    pruneRateLimitEvents(db, now - 86_400_000); // no rule looks back further than a day
  }
  const client = clientAddressOf(headers);
  const reservation = reserveRateLimit(db, signInKeys(email, client), now);
  if (!reservation.ok) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "TOO_MANY_SIGN_IN_ATTEMPTS",
        message: `Too many failed sign-ins. Try again ${tryAgainIn(reservation.retryAfterMs)}.`,
        retryAfterSeconds: retryAfterSeconds(reservation.retryAfterMs),
      },
      { "Retry-After": String(retryAfterSeconds(reservation.retryAfterMs)) },
    );
  }
  const k = `${client}|${email.trim().toLowerCase()}`;
  inFlight.set(k, [...(inFlight.get(k) ?? []), reservation.eventIds]);
}

/** After better-auth answered: a successful sign-in does not count against either limit. */
export function endSignInAttempt(db: Db, email: string, headers: Headers | undefined, succeeded: boolean): void {
  const k = `${clientAddressOf(headers)}|${email.trim().toLowerCase()}`;
  const queue = inFlight.get(k);
  const ids = queue?.shift();
  if (queue && queue.length === 0) inFlight.delete(k);
  if (ids && succeeded) releaseRateLimit(db, ids);
}
