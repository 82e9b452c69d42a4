// The numeric and date part of a forecast-desk/v1 document (docs/continuous.md): questions with their
// range, scale and bounds, forecasts with their 201-point `cdf`. Numbers are written as the shortest
// text that reads back as the same double, dates with toISOString(), so a round trip is exact.
import type { ContinuousDataset, ContinuousOutcome, ContinuousQuestionType } from "@/lib/continuous/types";

export interface V1ContinuousQuestion {
  id: string;
  title: string;
  type: ContinuousQuestionType;
  /** A numeric question's unit, when it has one. */
  unit?: string;
  /** Never on a numeric or date question; named so code over all questions can test for it. */
  options?: undefined;
  description?: string;
  resolution_criteria?: string;
  tags: string[];
  range_min: number | string;
  range_max: number | string;
  zero_point?: number | null;
  open_lower_bound: boolean;
  open_upper_bound: boolean;
  open_time: string;
  close_time: string;
  resolve_by: string | null;
  resolve_time: string | null;
  resolution: number | string | null;
  resolution_evidence?: string;
  draft?: boolean;
  hide_crowd_until_forecast?: boolean;
  illustrative?: boolean;
}

export interface V1CdfForecast {
  question: string;
  forecaster: string;
  time: string;
  cdf: number[];
  rationale: string | null;
  /** Never on a CDF forecast; named so code over all forecasts can test for them. */
  probability?: undefined;
  probabilities?: undefined;
}

const isoTime = (ms: number): string => new Date(ms).toISOString();

/** A value of a question's type: a number, or a date as its instant. */
function valueText(type: ContinuousQuestionType, x: number): number | string {
  return type === "date" ? isoTime(x) : x;
}

function resolutionValue(type: ContinuousQuestionType, outcome: ContinuousOutcome | null): number | string | null {
  if (!outcome) return null;
  return outcome.kind === "annulled" ? "annulled" : valueText(type, outcome.value);
}

export function continuousToV1Json(data: ContinuousDataset): { questions: V1ContinuousQuestion[]; forecasts: V1CdfForecast[] } {
  return {
    questions: data.questions.map((q) => ({
      id: q.id,
      title: q.title,
      type: q.type,
      ...(q.type === "numeric" && q.unit ? { unit: q.unit } : {}),
      ...(q.description ? { description: q.description } : {}),
      ...(q.resolutionCriteria ? { resolution_criteria: q.resolutionCriteria } : {}),
      tags: [...q.tags],
      range_min: valueText(q.type, q.scale.rangeMin),
      range_max: valueText(q.type, q.scale.rangeMax),
      ...(q.type === "numeric" ? { zero_point: q.scale.zeroPoint } : {}),
      open_lower_bound: q.scale.openLowerBound,
      open_upper_bound: q.scale.openUpperBound,
      open_time: isoTime(q.openTime),
      close_time: isoTime(q.closeTime),
      resolve_by: q.resolveBy === null ? null : isoTime(q.resolveBy),
      resolve_time: q.outcome && q.resolveTime !== null ? isoTime(q.resolveTime) : null,
      resolution: resolutionValue(q.type, q.outcome),
      ...(q.evidence ? { resolution_evidence: q.evidence } : {}),
      ...(q.isDraft !== undefined ? { draft: q.isDraft } : {}),
      ...(q.hideCrowdUntilForecast !== undefined ? { hide_crowd_until_forecast: q.hideCrowdUntilForecast } : {}),
      ...(q.isIllustrative !== undefined ? { illustrative: q.isIllustrative } : {}),
    })),
    forecasts: data.forecasts.map((f) => ({
      question: f.question,
      forecaster: f.forecaster,
      time: isoTime(f.time),
      cdf: Array.from(f.cdf),
      rationale: f.rationale,
    })),
  };
}
