import type { CrowdForecastPoint } from "@/lib/aggregation/crowd-forecast";
import type { Population } from "@/lib/population";
import { questionStatus } from "@/lib/question-lifecycle";
import { outcomeLabel } from "@/lib/outcome-label";
import { isContinuousQuestion, type AggregationMethod, type ContinuousQuestion, type Question } from "@/lib/types";

// How the API shows the desk's objects (lib/api/schemas.ts declares the shapes): times as ISO 8601 UTC,
// probabilities as vectors in option order (binary [P(no), P(yes)]).

export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** A value of a numeric question as a number, of a date question as an ISO 8601 time. */
function valueToApi(q: ContinuousQuestion, x: number): number | string {
  return q.type === "date" ? isoTime(x) : x;
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
  crowd: { hidden: boolean; latest: ReturnType<typeof crowdToApi> },
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
