import type { ScoringQuestion } from "./types";

// Which forecasts count and which one stands (docs/formulas.md §3; docs/exchange-format.md §6.2–§6.4).
// The rules are the same for every question type, so these take any question with a close, a resolve
// time and an outcome, and any forecast with a forecaster and a time.

/** What the timing rules need of a question (binary, scenario, numeric or date). */
type TimedQuestion = Pick<ScoringQuestion, "closeTime" | "resolveTime"> & { outcome: object | null };
/** What the timing rules need of a forecast. */
type TimedForecast = { forecaster: string; time: number };

/**
 * Ta, the actual close: min(close_time, resolve_time) for a resolved or annulled question with a
 * resolve time, close_time otherwise (docs/formulas.md §3.1). Forecasts after Ta do not count.
 */
export function actualCloseTime(q: TimedQuestion): number {
  return q.outcome !== null && q.resolveTime !== null ? Math.min(q.closeTime, q.resolveTime) : q.closeTime;
}

/**
 * The forecasts that count on a question (time ≤ Ta), stable-sorted by time: equal times keep their
 * input order, so the later one in the input counts as later (docs/formulas.md §3.2–§3.3).
 * `forecasts` must all belong to `q`; they are not mutated.
 */
export function countedForecasts<F extends TimedForecast>(q: TimedQuestion, forecasts: readonly F[]): F[] {
  const ta = actualCloseTime(q);
  return sortByTime(forecasts.filter((f) => f.time <= ta));
}

/**
 * Stable sort by time (ties keep list order), in place. Integer times (epoch ms) within 2^53 / n of
 * each other take a numeric sort of the keys (time − min) · n + position: exact, unique, so no
 * comparator calls and ties stay in order. Anything else takes Array.prototype.sort (stable, ES2019).
 */
function sortByTime<F extends TimedForecast>(list: F[]): F[] {
  const n = list.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let inOrder = true;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const t = list[i].time;
    if (t < max) inOrder = false;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) integers = false;
  }
  if (inOrder) return list;
  if (!integers || !((max - min + 1) * n <= Number.MAX_SAFE_INTEGER)) return list.sort((a, b) => a.time - b.time);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (list[i].time - min) * n + i;
  keys.sort();
  const original = list.slice();
  for (let i = 0; i < n; i++) list[i] = original[keys[i] % n];
  return list;
}

/**
 * Each forecaster's latest forecast of all (no close, no instant): their last by time, equal times by
 * input order, in recency order. With forecasts in insertion order this is the last by (made_at, id),
 * what db/schema/latest-forecasts keeps.
 */
export function latestForecasts<F extends TimedForecast>(forecasts: readonly F[]): F[] {
  return standingForecastsAt(sortByTime([...forecasts]), Number.POSITIVE_INFINITY);
}

/**
 * Where each forecaster's latest forecast is in `forecasts` (input order), in recency order:
 * latestForecasts by index, for a caller that knows the forecasts before their ids (an import's
 * second thread; ids follow input order, so they break ties alike).
 */
export function latestPositions(forecasts: readonly TimedForecast[]): number[] {
  return latestForecasts(forecasts.map((f, i) => ({ forecaster: f.forecaster, time: f.time, i }))).map((f) => f.i);
}

/** A forecast with its place in the input (insertion) order: a stored forecast's id. */
type OrderedForecast = TimedForecast & { id: number };

/** Whether `a` stands after `b`: later by time, equal times by input order (docs/formulas.md §3.3). */
function standsAfter(a: OrderedForecast, b: OrderedForecast): boolean {
  return a.time > b.time || (a.time === b.time && a.id > b.id);
}

/**
 * latestForecasts after one more forecast: `latest` (each forecaster's latest, in recency order) with
 * `f` in its forecaster's place when f stands after theirs, else `latest` itself. A new array;
 * `latest` is left as it was. Folding every forecast in through this gives latestForecasts of them all.
 */
export function withLatestForecast<F extends OrderedForecast>(latest: readonly F[], f: F): readonly F[] {
  const old = latest.find((s) => s.forecaster === f.forecaster);
  if (old && !standsAfter(f, old)) return latest;
  const next = old ? latest.filter((s) => s !== old) : latest.slice();
  let at = next.length;
  while (at > 0 && standsAfter(next[at - 1], f)) at--;
  next.splice(at, 0, f);
  return next;
}

/**
 * Each forecaster's standing forecast at `t`: their last forecast in `counted` with time ≤ t
 * (docs/formulas.md §3.4). `counted` must come from countedForecasts. The result lists one forecast
 * per forecaster, oldest first by time as given (ties by input order): the recency order.
 */
export function standingForecastsAt<F extends TimedForecast>(counted: readonly F[], t: number): F[] {
  const latest = new Map<string, number>();
  for (let i = 0; i < counted.length && counted[i].time <= t; i++) latest.set(counted[i].forecaster, i);
  const positions = [...latest.values()].sort((a, b) => a - b);
  return positions.map((i) => counted[i]);
}
