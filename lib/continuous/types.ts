import type { QuestionDetails } from "../types";

// Numeric and date questions (docs/continuous.md). Kept apart from the binary and scenario types so the
// engine for those stays as it was: a document without a continuous question is scored exactly as before.

export type ContinuousQuestionType = "numeric" | "date";

export const CONTINUOUS_QUESTION_TYPES: readonly ContinuousQuestionType[] = ["numeric", "date"];

export function isContinuousType(type: unknown): type is ContinuousQuestionType {
  return type === "numeric" || type === "date";
}

/**
 * The range a numeric or date question is asked over. Dates are epoch milliseconds. `zeroPoint` null is a
 * linear scale, a number a logarithmic one (numeric only). An open bound lets the outcome fall beyond it.
 */
export interface ContinuousScale {
  rangeMin: number;
  rangeMax: number;
  zeroPoint: number | null;
  openLowerBound: boolean;
  openUpperBound: boolean;
}

/** How a continuous question ended: a value (a number, or a date in epoch ms), or annulled. */
export type ContinuousOutcome = { kind: "value"; value: number } | { kind: "annulled" };

/** A numeric or date question as the scoring engine needs it (times in epoch ms). */
export interface ContinuousScoringQuestion {
  id: string;
  type: ContinuousQuestionType;
  scale: ContinuousScale;
  /** T0 */
  openTime: number;
  /** Tc, the scheduled close. */
  closeTime: number;
  resolveTime: number | null;
  outcome: ContinuousOutcome | null;
}

/**
 * One forecast on a continuous question: the CDF at the 201 internal locations u_i = i/200, already
 * rounded to 10 decimals and validated (lib/continuous/cdf.ts). Read-only.
 */
export interface ContinuousForecastRecord {
  forecaster: string;
  time: number;
  cdf: Float64Array;
}

export interface ContinuousDatasetQuestion extends ContinuousScoringQuestion, QuestionDetails {
  /** What a numeric question's values count or measure (`unit`; absent = none). Never on a date question. */
  unit?: string;
}

export interface ContinuousDatasetForecast extends ContinuousForecastRecord {
  question: string;
  rationale: string | null;
}

/** The numeric and date part of a dataset, in input order. */
export interface ContinuousDataset {
  questions: ContinuousDatasetQuestion[];
  forecasts: ContinuousDatasetForecast[];
}

/** The three pooling rules of a continuous question, in the order reports list them. */
export const CONTINUOUS_AGGREGATION_METHODS = ["recency_weighted_mean", "mean", "median"] as const;
export type ContinuousAggregationMethod = (typeof CONTINUOUS_AGGREGATION_METHODS)[number];

/** Metaculus' community prediction for continuous questions. */
export const DEFAULT_CONTINUOUS_AGGREGATION_METHOD: ContinuousAggregationMethod = "recency_weighted_mean";
