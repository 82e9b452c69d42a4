import { actualCloseTime, countedForecasts, standingForecastsAt } from "../standing-forecast";
import {
  DEFAULT_SCORING_PARAMS,
  type AggregationMethod,
  type ForecastRecord,
  type ScoringParams,
  type ScoringQuestion,
} from "../types";
import { poolExtremized } from "./extremize";
import { poolGeometricOdds } from "./geometric-odds";
import { poolMean } from "./mean";
import { poolMedian } from "./median";
import { closeHistoryAt, recencyWeightedMedianHistory } from "./crowd-series";
import { poolRecencyWeightedMedian } from "./recency-weighted-median";

// The crowd forecast: one pooling rule over everyone's standing forecast (docs/formulas.md §7).

/**
 * Pools standing forecasts (one vector per forecaster, oldest first by time as given, ties by input
 * order) with one method. Null when there is nothing to pool.
 */
export function poolForecasts(
  standing: readonly (readonly number[])[],
  binary: boolean,
  method: AggregationMethod,
  params: Pick<ScoringParams, "extremizeD"> = DEFAULT_SCORING_PARAMS,
): number[] | null {
  if (standing.length === 0) return null;
  switch (method) {
    case "median":
      return poolMedian(standing, binary);
    case "recency_weighted_median":
      return poolRecencyWeightedMedian(standing, binary);
    case "mean":
      return poolMean(standing, binary);
    case "geometric_odds":
      return poolGeometricOdds(standing, binary);
    case "extremized":
      return poolExtremized(standing, binary, params.extremizeD);
  }
}

/**
 * The crowd forecast on `q` at time `t` (a vector; binary [P(no), P(yes)]), pooled from the standing
 * forecasts of everyone who has a counted forecast by `t`; null when nobody has. `forecasts` are the
 * question's forecasts in input order, as the engine reads them (lib/probability readForecasts: clipped,
 * scenario vectors renormalised); forecasts after Ta never count.
 */
export function crowdForecastAt(
  q: ScoringQuestion,
  forecasts: readonly ForecastRecord[],
  t: number,
  method: AggregationMethod,
  params?: Partial<ScoringParams>,
): number[] | null {
  const standing = standingForecastsAt(countedForecasts(q, forecasts), t);
  return poolForecasts(
    standing.map((f) => f.probabilities),
    q.type === "binary",
    method,
    { ...DEFAULT_SCORING_PARAMS, ...params },
  );
}

/** A point of the crowd history (the same shape as ./crowd-series CrowdHistoryPoint). */
export interface CrowdForecastPoint {
  /** From this instant (epoch ms) the crowd forecast is `probabilities` until the next point's time. */
  time: number;
  probabilities: number[];
  /** How many forecasters' standing forecasts were pooled. */
  forecasters: number;
}

/**
 * The crowd forecast over a question's life as a step function: one point at each moment the set of
 * standing forecasts changes, from T0 (a forecast made before T0 stands from T0) to Ta, or to `until`
 * when that is earlier (pass `now` for an open question). A last point at that end time repeats the
 * final value so the last step has a visible length. Empty when no forecast counts by then.
 */
export function crowdForecastSeries(
  q: ScoringQuestion,
  forecasts: readonly ForecastRecord[],
  method: AggregationMethod,
  params?: Partial<ScoringParams>,
  until?: number,
): CrowdForecastPoint[] {
  const merged = { ...DEFAULT_SCORING_PARAMS, ...params };
  const end = Math.min(actualCloseTime(q), until ?? Number.POSITIVE_INFINITY);
  const counted = countedForecasts(q, forecasts).filter((f) => f.time <= end);
  // The default method in one sweep (./crowd-series), the same points without a re-pool per change.
  const points: CrowdForecastPoint[] =
    method === "recency_weighted_median" ? recencyWeightedMedianHistory(q, counted) : repooledSeries(q, counted, method, merged);
  return closeHistoryAt(points, end);
}

/** Re-pools every standing forecast at each change point of `counted` (any method). */
function repooledSeries(
  q: ScoringQuestion,
  counted: readonly ForecastRecord[],
  method: AggregationMethod,
  merged: ScoringParams,
): CrowdForecastPoint[] {
  const binary = q.type === "binary";
  const points: CrowdForecastPoint[] = [];
  // Standing forecast per forecaster, as positions into `counted` (kept in recency order).
  const standingIndex = new Map<string, number>();
  let i = 0;
  while (i < counted.length) {
    const time = Math.max(counted[i].time, q.openTime);
    // Apply every forecast that takes effect at this same instant before pooling.
    while (i < counted.length && Math.max(counted[i].time, q.openTime) === time) {
      standingIndex.set(counted[i].forecaster, i);
      i++;
    }
    const positions = [...standingIndex.values()].sort((a, b) => a - b);
    const pooled = poolForecasts(
      positions.map((p) => counted[p].probabilities),
      binary,
      method,
      merged,
    ) as number[];
    points.push({ time, probabilities: pooled, forecasters: positions.length });
  }
  return points;
}
