// The numeric and date part of the track records (profile, leaderboard, crowd page): every number comes
// from the engine in lib/continuous (question-scores, pit-calibration, report); this file only groups the
// rows and samples a page hands in and words the central-interval coverage.
import { calibratePits, type CentralIntervalCoverage, type PitCalibration } from "@/lib/continuous/pit-calibration";
import { scoreContinuousQuestion, type ContinuousAggregateScore, type ContinuousScoreRow, type WeightedPit } from "@/lib/continuous/question-scores";
import { summariseAllRows, summariseContinuousRows, type ContinuousSummary } from "@/lib/continuous/report";
import {
  CONTINUOUS_AGGREGATION_METHODS,
  DEFAULT_CONTINUOUS_AGGREGATION_METHOD,
  type ContinuousAggregationMethod,
  type ContinuousForecastRecord,
  type ContinuousQuestionType,
  type ContinuousScoringQuestion,
} from "@/lib/continuous/types";
import { formatNumber } from "@/lib/format/number";
import type { ScoreRow } from "@/lib/scoring/question-scores";
import type { ForecasterSummary } from "@/lib/track-record";

/** A numeric or date score row as a track record keeps it: the engine's row without the final CDF. */
export type ContinuousRowScores = Omit<ContinuousScoreRow, "finalCdf">;

/** A numeric or date score row with what the profile's table shows beside it. */
export interface ContinuousScoredRow {
  row: ContinuousRowScores;
  title: string;
  type: ContinuousQuestionType;
  unit: string;
  /** The outcome (a number, or a date in epoch ms). */
  outcome: number;
  resolveTime: number;
}

/** A forecaster's summary over rows of every type (docs/continuous.md "Track record"). */
export type TrackRecordSummary = ForecasterSummary & ContinuousSummary;

/** A weighted PIT sample (final: weight 1; time-weighted: the share of [T0, Ta] the forecast stood). */
export interface PitSample {
  pit: number;
  weight: number;
}

/**
 * The summary of a forecaster's binary/scenario rows and numeric/date rows together: the Brier and
 * log-score means over the first, the four continuous means over the second, and the count, baseline,
 * peer and coverage pooled over both (lib/continuous/report summariseAllRows: Metaculus halves the
 * continuous baseline and peer scores so all types share one scale).
 */
export function summariseTrackRecord(discrete: readonly ScoreRow[], continuous: readonly ContinuousRowScores[]): TrackRecordSummary {
  return { ...summariseAllRows(discrete, continuous), ...summariseContinuousRows(continuous) };
}

/** What a track record shows about numeric and date forecasts: the four means and the PIT calibration. */
export interface ContinuousRecord {
  summary: ContinuousSummary;
  calibration: PitCalibration;
}

export function continuousRecord(rows: readonly ContinuousRowScores[], samples: readonly PitSample[], bins: number): ContinuousRecord {
  return { summary: summariseContinuousRows(rows), calibration: calibratePits(samples, bins) };
}

/** One resolved numeric or date question's aggregate scores (null: no forecast counted). */
export interface QuestionContinuousAggregateScores {
  questionId: string;
  aggregateScores: Record<ContinuousAggregationMethod, ContinuousAggregateScore | null>;
}

export interface ContinuousMethodRecord {
  method: ContinuousAggregationMethod;
  isDefault: boolean;
  /** Resolved numeric and date questions with an aggregate for this method. */
  n: number;
  /** Mean ln pmf[o] of the aggregate (≤ 0, higher is better); null when n = 0. */
  meanLogScore: number | null;
  /** Mean CRPS (≥ 0, lower is better); null when n = 0. */
  meanCrps: number | null;
  /** Mean PIT (0.5 for an unbiased crowd); null when n = 0. */
  meanPit: number | null;
  /** The PIT calibration of the aggregate: one sample per question, weight 1. */
  calibration: PitCalibration;
}

export const CONTINUOUS_AGGREGATION_METHOD_LABELS: Record<ContinuousAggregationMethod, string> = {
  recency_weighted_mean: "recency-weighted mean",
  mean: "mean",
  median: "median",
};

export interface ContinuousCrowdRecord {
  /** Resolved numeric and date questions in the selection. */
  nQuestions: number;
  methods: ContinuousMethodRecord[];
  /** Everyone's final forecasts (one sample per forecaster and question). */
  everyone: PitCalibration;
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** The crowd page's numeric and date part: each aggregate scored at Ta, averaged, and its PIT calibration. */
export function continuousCrowdRecord(
  questions: readonly QuestionContinuousAggregateScores[],
  everyoneFinal: readonly PitSample[],
  bins: number,
): ContinuousCrowdRecord {
  const methods = CONTINUOUS_AGGREGATION_METHODS.map((method): ContinuousMethodRecord => {
    const own = questions.map((q) => q.aggregateScores[method]).filter((s): s is ContinuousAggregateScore => s !== null);
    return {
      method,
      isDefault: method === DEFAULT_CONTINUOUS_AGGREGATION_METHOD,
      n: own.length,
      meanLogScore: mean(own.map((s) => s.logScore)),
      meanCrps: mean(own.map((s) => s.crps)),
      meanPit: mean(own.map((s) => s.pit)),
      calibration: calibratePits(
        own.map((s) => ({ pit: s.pit, weight: 1 })),
        bins,
      ),
    };
  });
  return { nQuestions: questions.length, methods, everyone: calibratePits(everyoneFinal, bins) };
}

/** A resolved numeric or date question scored on the request (a population the kept rows do not hold). */
export interface ScoredContinuousQuestion extends QuestionContinuousAggregateScores {
  rows: ContinuousScoreRow[];
  timeWeightedPits: WeightedPit[];
}

/** Scores each question once (scoreContinuousQuestion); the pages regroup the results. */
export function scoreContinuousQuestions(
  inputs: readonly { question: ContinuousScoringQuestion; forecasts: readonly ContinuousForecastRecord[] }[],
): ScoredContinuousQuestion[] {
  return inputs.map(({ question, forecasts }) => {
    const { scores, timeWeightedPits } = scoreContinuousQuestion(question, forecasts);
    return { questionId: question.id, aggregateScores: scores.aggregateScores, rows: scores.rows, timeWeightedPits };
  });
}

/** The crowd record of questions scored on the request: everyone's final PITs are their score rows' PITs. */
export function continuousCrowdRecordOf(scored: readonly ScoredContinuousQuestion[], bins: number): ContinuousCrowdRecord {
  return continuousCrowdRecord(
    scored,
    scored.flatMap((s) => s.rows.map((r) => ({ pit: r.pit, weight: 1 }))),
    bins,
  );
}

/**
 * A central interval's coverage in words: "Ana's 90% intervals caught the outcome 71% of the time (95%
 * interval 61–79%), over 14 forecasts". `whose` is the possessive subject ("Your", "Ana's", "The crowd's"),
 * `noun` what a sample is; weights that are not whole (time-weighted samples) are counted as noun-weights.
 */
export function centralIntervalSentence(c: CentralIntervalCoverage, whose: string, noun = "forecast"): string {
  const level = formatNumber(c.level, "probability", { digits: 0 });
  if (c.coverage === null || c.jeffreysLo === null || c.jeffreysHi === null)
    return `${whose} ${level} intervals: no resolved numeric or date forecast in this selection.`;
  const pct = (x: number) => formatNumber(x, "probability", { digits: 0 });
  const over = Number.isInteger(c.n) ? `${formatNumber(c.n, "count")} ${noun}${c.n === 1 ? "" : "s"}` : `${formatNumber(c.n, "decimal")} ${noun}-weights`;
  return `${whose} ${level} intervals caught the outcome ${pct(c.coverage)} of the time (95% interval ${formatNumber(c.jeffreysLo, "probability", { digits: 0 }).replace("%", "")}–${pct(c.jeffreysHi)}), over ${over}.`;
}

/** The label of a numeric or date question type. */
export const CONTINUOUS_TYPE_LABELS: Record<ContinuousQuestionType, string> = { numeric: "Numeric", date: "Date" };
