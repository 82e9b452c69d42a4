import { crowdForecastAt } from "./aggregation/crowd-forecast";
import { acceptsForecasts, type LifecycleFacts } from "./question-lifecycle";
import { actualCloseTime } from "./standing-forecast";
import { DEFAULT_AGGREGATION_METHOD, type ForecastRecord, type ScoringQuestion } from "./types";

// A forecaster's own position on a question: their standing forecast, how old it is, and whether it
// needs an update (the "You" column, the "Mine" tab and the needs-update reminder all ask this file).

const DAY_MS = 86_400_000;

/** Default age after which a standing forecast needs an update (each user can change it in Settings). */
export const DEFAULT_STALE_AFTER_DAYS = 14;
export const STALE_AFTER_DAYS_MIN = 1;
export const STALE_AFTER_DAYS_MAX = 365;

/**
 * How far the crowd may move before a standing forecast needs an update: 10 percentage points of any
 * scenario's share (binary: of P(yes)). For numeric and date questions (not built yet) the rule is a
 * tenth of the question's range on the crowd median: add it in crowdMovement below.
 */
export const CROWD_MOVE_THRESHOLD = 0.1;

/**
 * How far the crowd moved between two crowd forecasts, in the unit CROWD_MOVE_THRESHOLD is in.
 * Binary and scenario sets: the largest change of any one scenario's share (binary [P(no), P(yes)]
 * moves equally in both entries, so this is the change in P(yes)).
 * Hook for continuous questions: switch on q.type and return |median now − median then| / range.
 */
export function crowdMovement(q: Pick<ScoringQuestion, "type">, then: readonly number[], now: readonly number[]): number {
  switch (q.type) {
    case "binary":
    case "multiple_choice": {
      let most = 0;
      for (let i = 0; i < then.length; i++) most = Math.max(most, Math.abs((now[i] ?? 0) - then[i]));
      return most;
    }
  }
}

export type NeedsUpdateReason = "stale" | "crowd_moved";

export interface MyPosition<F extends ForecastRecord = ForecastRecord> {
  /** My last forecast on the question (counted or not). */
  standing: F;
  /** now − standing.time, ms (0 when the forecast is in the future of `now`). */
  ageMs: number;
  /** Crowd forecast when I forecast, and now (both null when there is no crowd, e.g. hidden). */
  crowdThen: number[] | null;
  crowdNow: number[] | null;
  /** Largest move of the crowd since then (crowdMovement), or null without both crowds. */
  crowdMoved: number | null;
  /** Why the forecast needs an update; empty when it does not (or the question takes no forecasts). */
  needsUpdate: NeedsUpdateReason[];
}

/**
 * My standing forecast on `q` at `now` with its age and needs-update reasons, from every forecast on
 * the question (input order) keyed by forecaster `me`; null when I have not forecast. A forecast
 * needs an update only while the question takes forecasts, when it is older than `staleAfterDays`
 * days, or the crowd (default method) moved more than CROWD_MOVE_THRESHOLD since. The crowd pools
 * `crowdForecasts` (the population the desk's crowd shows, lib/population), by default the whole list.
 */
export function myPosition<F extends ForecastRecord>(
  q: ScoringQuestion & LifecycleFacts,
  forecasts: readonly F[],
  me: string,
  now: number,
  staleAfterDays: number,
  crowdForecasts: readonly F[] = forecasts,
): MyPosition<F> | null {
  return positionFrom(
    q,
    forecasts.filter((f) => f.forecaster === me),
    now,
    staleAfterDays,
    (t) => crowdForecastAt(q, crowdForecasts, t, DEFAULT_AGGREGATION_METHOD),
  );
}

/**
 * myPosition from my own forecasts on `q` (input order) and the crowd forecast (default method) at an
 * instant, wherever that comes from: pooled from every forecast (myPosition) or read from the kept
 * crowd history (the question page and list, db/queries/kept-scores keptCrowdAt).
 */
export function positionFrom<F extends ForecastRecord>(
  q: ScoringQuestion & LifecycleFacts,
  mine: readonly F[],
  now: number,
  staleAfterDays: number,
  crowdAt: (t: number) => number[] | null,
): MyPosition<F> | null {
  let standing: F | null = null;
  for (const f of mine) if (standing === null || f.time >= standing.time) standing = f;
  if (standing === null) return null;
  const ageMs = Math.max(0, now - standing.time);
  const end = Math.min(now, actualCloseTime(q));
  const crowdThen = crowdAt(Math.min(standing.time, end));
  const crowdNow = crowdAt(end);
  const crowdMoved = crowdThen && crowdNow ? crowdMovement(q, crowdThen, crowdNow) : null;
  const needsUpdate: NeedsUpdateReason[] = [];
  if (acceptsForecasts(q, now)) {
    if (ageMs > staleAfterDays * DAY_MS) needsUpdate.push("stale");
    // A hair above the threshold, so 10.0 points computed as 0.1000000000000001 does not count.
    if (crowdMoved !== null && crowdMoved > CROWD_MOVE_THRESHOLD + 1e-9) needsUpdate.push("crowd_moved");
  }
  return { standing, ageMs, crowdThen, crowdNow, crowdMoved, needsUpdate };
}

/** "today", "1 day", "12 days": the age of a forecast in whole days (floor). */
export function ageInDays(ageMs: number): number {
  return Math.floor(ageMs / DAY_MS);
}
