import type { ContinuousDataset, ContinuousOutcome, ContinuousQuestionType, ContinuousScale } from "./continuous/types";

// Domain types shared by lib/, db/, app/ and cli/. Units (docs/contributing.md rule 11): times are UTC epoch
// milliseconds (integers), probabilities are in [0, 1], logarithms are natural.

/** The types the binary and scenario engine scores (docs/formulas.md). */
export type QuestionType = "binary" | "multiple_choice";

/** Every type a desk question can have: numeric and date questions (docs/continuous.md) too. */
export type DeskQuestionType = QuestionType | ContinuousQuestionType;

/** Index of an option in a question's option list. Binary questions have options ["no", "yes"]. */
export type OptionIndex = number;

/** The five pooling rules of docs/formulas.md §7, in the order reports list them. */
export const AGGREGATION_METHODS = [
  "median",
  "recency_weighted_median",
  "mean",
  "geometric_odds",
  "extremized",
] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

/** The default crowd forecast (Metaculus' community prediction). */
export const DEFAULT_AGGREGATION_METHOD: AggregationMethod = "recency_weighted_median";

/**
 * One forecast as the math sees it. Inside lib a binary forecast is the vector [P(no), P(yes)].
 * Arrays of these are in input (insertion) order; that order breaks ties between equal times.
 */
export interface ForecastRecord {
  forecaster: string;
  time: number;
  probabilities: readonly number[];
}

/** How a question ended: an option, or annulled; null while unresolved. */
export type Outcome = { kind: "option"; option: OptionIndex } | { kind: "annulled" };

/** A question as the scoring engine needs it (docs/formulas.md §1.4). */
export interface ScoringQuestion {
  id: string;
  type: QuestionType;
  /** Option labels; binary questions use ["no", "yes"]. */
  options: readonly string[];
  /** T0 */
  openTime: number;
  /** Tc, the scheduled close. */
  closeTime: number;
  /** When the outcome became known; null while unresolved (may also be null on a resolved question). */
  resolveTime: number | null;
  outcome: Outcome | null;
}

/** Scoring parameters (docs/exchange-format.md §2 `params`). */
export interface ScoringParams {
  extremizeD: number;
  calibrationBins: number;
}

export const DEFAULT_SCORING_PARAMS: ScoringParams = { extremizeD: 1.5, calibrationBins: 10 };

/**
 * Question fields carried by the exchange format but not used in scoring: every field of a question
 * the desk stores travels (docs/exchange-format.md §3.2). The optional ones are absent when a file does not give them.
 */
export interface QuestionDetails {
  title: string;
  description: string | null;
  /** How the outcome will be judged (`resolution_criteria`; absent or null = none). */
  resolutionCriteria?: string | null;
  tags: readonly string[];
  resolveBy: number | null;
  /** Not yet published on the desk (`draft`; absent = false). */
  isDraft?: boolean;
  /** Demo data whose outcome is not a matter of public record (`illustrative`; absent = false). */
  isIllustrative?: boolean;
  /** Anchoring guard: hide the crowd until the viewer has forecast (`hide_crowd_until_forecast`; absent = false). */
  hideCrowdUntilForecast?: boolean;
  /** Evidence note of the resolution, for resolved or annulled questions (`resolution_evidence`; absent or null = none). */
  evidence?: string | null;
}

/** A forecast in a dataset, in input order, with its rationale. */
export interface DatasetForecast extends ForecastRecord {
  question: string;
  rationale: string | null;
}

/** A whole `forecast-desk/v1` document once read and validated (probabilities not yet clipped). */
export interface Dataset {
  params: ScoringParams;
  questions: Array<ScoringQuestion & QuestionDetails>;
  forecasts: DatasetForecast[];
  /** Its numeric and date questions with their forecasts; absent when it has none (docs/continuous.md). */
  continuous?: ContinuousDataset;
}

/** A recorded resolution: the outcome plus who recorded it, when, and on what evidence. */
export interface ResolutionRecord<O = Outcome> {
  outcome: O;
  resolveTime: number;
  evidence: string;
  resolvedBy: string | null;
  recordedAt: number;
}

/** What every question on the desk has beside its scoring fields. */
interface DeskQuestionFields {
  title: string;
  description: string;
  resolutionCriteria: string;
  tags: string[];
  resolveBy: number | null;
  isDraft: boolean;
  hideCrowdUntilForecast: boolean;
  isIllustrative: boolean;
  /** Who created it (an analyst's proposal stays a draft until an admin publishes it); null when unknown. */
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A binary or scenario question as the app shows it: the scoring fields plus everything around them. */
export interface DiscreteQuestion extends ScoringQuestion, DeskQuestionFields {
  resolution: ResolutionRecord | null;
  /** Only numeric and date questions have a scale. */
  scale: null;
}

/** The scale of a numeric or date question with the unit its values are given in ("" for dates). */
export interface QuestionScale extends ContinuousScale {
  unit: string;
}

/** A numeric or date question as the app shows it (docs/continuous.md): no options; a scale; a value as outcome. */
export interface ContinuousQuestion extends DeskQuestionFields {
  id: string;
  type: ContinuousQuestionType;
  /** Always empty: a numeric or date question has no options. */
  options: readonly string[];
  openTime: number;
  closeTime: number;
  resolveTime: number | null;
  outcome: ContinuousOutcome | null;
  resolution: ResolutionRecord<ContinuousOutcome> | null;
  scale: QuestionScale;
}

/**
 * A question as the app shows it. Code that scores binary and scenario questions narrows with
 * isDiscreteQuestion; numeric and date questions dispatch to lib/continuous.
 */
export type Question = DiscreteQuestion | ContinuousQuestion;

export function isDiscreteQuestion(q: Question): q is DiscreteQuestion {
  return q.type === "binary" || q.type === "multiple_choice";
}

export function isContinuousQuestion(q: Question): q is ContinuousQuestion {
  return q.type === "numeric" || q.type === "date";
}
