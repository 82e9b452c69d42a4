import type { ForecastRecord, ScoringQuestion } from "./types";

// Which forecasts count and which one stands (formats.md §2.4 rules 2–4; DESIGN §3 notation).

/**
 * Ta, the actual close: min(close_time, resolve_time) for a resolved or annulled question with a
 * resolve time, close_time otherwise (formats.md §2.1). Forecasts after Ta do not count.
 */
export function actualCloseTime(q: ScoringQuestion): number {
  return q.outcome !== null && q.resolveTime !== null ? Math.min(q.closeTime, q.resolveTime) : q.closeTime;
}

/**
 * The forecasts that count on a question (time ≤ Ta), stable-sorted by time: equal times keep their
 * input order, so the later one in the input counts as later (formats.md §2.4 rules 2–3).
 * `forecasts` must all belong to `q`; they are not mutated.
 */
export function countedForecasts<F extends ForecastRecord>(q: ScoringQuestion, forecasts: readonly F[]): F[] {
  const ta = actualCloseTime(q);
  const counted = forecasts.filter((f) => f.time <= ta);
  // Array.prototype.sort is stable (ES2019), so ties keep input order.
  return counted.sort((a, b) => a.time - b.time);
}

/**
 * Each forecaster's standing forecast at `t`: their last forecast in `counted` with time ≤ t
 * (formats.md §2.4 rule 4). `counted` must come from countedForecasts. The result lists one forecast
 * per forecaster, oldest first by time as given (ties by input order): the recency order.
 */
export function standingForecastsAt<F extends ForecastRecord>(counted: readonly F[], t: number): F[] {
  const latest = new Map<string, number>();
  for (let i = 0; i < counted.length && counted[i].time <= t; i++) latest.set(counted[i].forecaster, i);
  const positions = [...latest.values()].sort((a, b) => a - b);
  return positions.map((i) => counted[i]);
}
