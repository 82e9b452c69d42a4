import type { CrowdForecastPoint } from "@/lib/aggregation/crowd-forecast";
import { quantileLocation } from "@/lib/continuous/cdf";
import { FAN_LEVELS, type CrowdDistributionHistory } from "@/lib/continuous/crowd-history";
import { CDF_POINTS, INNER_BUCKETS, valueAtLocation } from "@/lib/continuous/scale";
import type { Population } from "@/lib/population";
import { questionStatus } from "@/lib/question-lifecycle";
import { outcomeLabel } from "@/lib/outcome-label";
import { isContinuousQuestion, type AggregationMethod, type ContinuousQuestion, type Question } from "@/lib/types";
import { QUANTILE_KEYS, quantileKeyLevel, type QuantileKey } from "./schemas";

// How the API shows the desk's objects (lib/api/schemas.ts declares the shapes): times as ISO 8601 UTC,
// probabilities as vectors in option order (binary [P(no), P(yes)]).

export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** A value of a numeric question as a number, of a date question as an ISO 8601 time. */
export function valueToApi(q: ContinuousQuestion, x: number): number | string {
  return q.type === "date" ? isoTime(x) : x;
}

/** Quantiles given as (level, value) pairs, keyed p5 … p95, on the question's scale. */
export function quantilesToApi(q: ContinuousQuestion, quantiles: ReadonlyArray<{ level: number; value: number }>): Partial<Record<QuantileKey, number | string>> {
  const out: Partial<Record<QuantileKey, number | string>> = {};
  for (const key of QUANTILE_KEYS) {
    const found = quantiles.find((x) => x.level === quantileKeyLevel(key));
    if (found) out[key] = valueToApi(q, found.value);
  }
  return out;
}

/** The fan chart's quantiles (internal locations at FAN_LEVELS, crowd-history.ts) on the question's scale. */
function fanQuantilesToApi(q: ContinuousQuestion, locations: readonly number[]) {
  return quantilesToApi(
    q,
    FAN_LEVELS.map((level, i) => ({ level, value: valueAtLocation(q.scale, locations[i]) })),
  );
}

/** A 201-point CDF with the points of the scale it is read at (u_i = i/200 on the internal scale). */
export function cdfToApi(q: ContinuousQuestion, cdf: ArrayLike<number>) {
  return {
    x: Array.from({ length: CDF_POINTS }, (_, i) => valueToApi(q, valueAtLocation(q.scale, i / INNER_BUCKETS))),
    p: Array.from(cdf),
  };
}

/** The crowd's distribution now (the history's last point and its pooled CDF), or null before any forecast. */
export function crowdDistributionToApi(q: ContinuousQuestion, history: CrowdDistributionHistory, population: Population) {
  const last = history.points.at(-1);
  if (!last || !history.current) return null;
  const current = history.current;
  return {
    method: "recency_weighted_mean" as const,
    quantiles: fanQuantilesToApi(
      q,
      FAN_LEVELS.map((level) => quantileLocation(current, level)),
    ),
    cdf: cdfToApi(q, current),
    forecasters: last.forecasters,
    population,
    asOf: isoTime(last.time),
  };
}

/** The crowd's distribution over time: each change point's quantiles, and the distribution now. */
export function crowdDistributionSeriesToApi(q: ContinuousQuestion, history: CrowdDistributionHistory, population: Population) {
  return {
    questionId: q.id,
    method: "recency_weighted_mean" as const,
    population,
    points: history.points.map((p) => ({ time: isoTime(p.time), quantiles: fanQuantilesToApi(q, p.locations), forecasters: p.forecasters })),
    current: crowdDistributionToApi(q, history, population),
  };
}

export function resolutionToApi(q: Question) {
  if (isContinuousQuestion(q)) {
    const r = q.resolution;
    if (!r) return null;
    const value = r.outcome.kind === "value" ? r.outcome.value : null;
    return {
      outcome: null,
      outcomeLabel: value === null ? null : outcomeLabel(q, r.outcome),
      value: value === null ? null : valueToApi(q, value),
      annulled: r.outcome.kind === "annulled",
      resolveTime: isoTime(r.resolveTime),
      evidence: r.evidence,
    };
  }
  const r = q.resolution;
  if (!r) return null;
  const option = r.outcome.kind === "option" ? r.outcome.option : null;
  return {
    outcome: option,
    outcomeLabel: option === null ? null : q.options[option],
    value: null,
    annulled: r.outcome.kind === "annulled",
    resolveTime: isoTime(r.resolveTime),
    evidence: r.evidence,
  };
}

/** The scale of a numeric or date question (date: the range as ISO times); null for the others. */
export function scaleToApi(q: Question) {
  if (!isContinuousQuestion(q)) return null;
  return {
    unit: q.scale.unit,
    rangeMin: valueToApi(q, q.scale.rangeMin),
    rangeMax: valueToApi(q, q.scale.rangeMax),
    zeroPoint: q.scale.zeroPoint,
    openLowerBound: q.scale.openLowerBound,
    openUpperBound: q.scale.openUpperBound,
  };
}

export function questionSummaryToApi(q: Question, changedAt: number, now: number) {
  return {
    id: q.id,
    title: q.title,
    type: q.type,
    options: [...q.options],
    scale: scaleToApi(q),
    tags: [...q.tags],
    status: questionStatus(q, now),
    openTime: isoTime(q.openTime),
    closeTime: isoTime(q.closeTime),
    resolveBy: q.resolveBy === null ? null : isoTime(q.resolveBy),
    changedAt: isoTime(changedAt),
    resolution: resolutionToApi(q),
    url: `/questions/${encodeURIComponent(q.id)}`,
  };
}

export function crowdToApi(point: CrowdForecastPoint | undefined, method: AggregationMethod, population: Population) {
  if (!point) return null;
  return { method, probabilities: point.probabilities, forecasters: point.forecasters, population, asOf: isoTime(point.time) };
}

export function questionDetailToApi(
  q: Question,
  changedAt: number,
  now: number,
  crowd: { hidden: boolean; latest: ReturnType<typeof crowdToApi> | ReturnType<typeof crowdDistributionToApi> },
) {
  return {
    ...questionSummaryToApi(q, changedAt, now),
    description: q.description,
    resolutionCriteria: q.resolutionCriteria,
    hideCrowdUntilForecast: q.hideCrowdUntilForecast,
    crowd: crowd.hidden ? null : crowd.latest,
    crowdHidden: crowd.hidden,
  };
}
