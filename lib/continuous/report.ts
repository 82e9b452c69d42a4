import { compareCodePoints } from "../code-point-order";
import type { ScoreRow } from "../scoring/question-scores";
import { meanOf, summariseForecaster, type ForecasterSummary } from "../track-record";
import { PitCalibrationAccumulator, type PitCalibration } from "./pit-calibration";
import { scoreContinuousQuestion, type ContinuousQuestionScores, type ContinuousScoreRow } from "./question-scores";
import {
  CONTINUOUS_AGGREGATION_METHODS,
  type ContinuousAggregationMethod,
  type ContinuousDataset,
  type ContinuousForecastRecord,
  type ContinuousQuestionType,
} from "./types";

// The numeric and date part of a report (docs/continuous.md "Report"): question results, score rows,
// the four new means of each forecaster and the PIT calibration sets.

export interface ContinuousQuestionReport extends ContinuousQuestionScores {
  type: ContinuousQuestionType;
}

/** The means a track record adds over a forecaster's numeric and date rows (null over none). */
export interface ContinuousSummary {
  meanFinalLogScoreContinuous: number | null;
  meanCrps: number | null;
  meanCrpsTimeAvg: number | null;
  meanPit: number | null;
}

export interface PitCalibrationSet {
  all: PitCalibration;
  /** A key for every forecaster in the input, in sorted order. */
  byForecaster: Map<string, PitCalibration>;
}

export interface ContinuousReport {
  /** One entry per numeric or date question, in input order. */
  questions: ContinuousQuestionReport[];
  /** Sorted by question, then forecaster. */
  rows: ContinuousScoreRow[];
  /** Every forecaster in the input, sorted. */
  summaries: Map<string, ContinuousSummary>;
  calibration: {
    final: PitCalibrationSet;
    timeWeighted: PitCalibrationSet;
    aggregates: Record<ContinuousAggregationMethod, PitCalibration>;
  };
}

/** The four continuous means of one forecaster's numeric and date rows. */
export function summariseContinuousRows(rows: readonly Omit<ContinuousScoreRow, "finalCdf">[]): ContinuousSummary {
  return {
    meanFinalLogScoreContinuous: meanOf(rows.map((r) => r.finalLogScore)),
    meanCrps: meanOf(rows.map((r) => r.crps)),
    meanCrpsTimeAvg: meanOf(rows.map((r) => r.crpsTimeAvg)),
    meanPit: meanOf(rows.map((r) => r.pit)),
  };
}

/**
 * A forecaster's summary over rows of every type: the Brier and log-score means stay over the binary and
 * scenario rows; the count, the baseline and peer scores (one scale for all types: Metaculus halves the
 * continuous ones) and the coverage pool every row, in (question) order.
 */
export function summariseAllRows(discrete: readonly ScoreRow[], continuous: readonly Omit<ContinuousScoreRow, "finalCdf">[]): ForecasterSummary {
  const pooled: Array<{ question: string; baseline: number; peer: number; coverage: number }> = [...discrete, ...continuous];
  pooled.sort((a, b) => compareCodePoints(a.question, b.question));
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    ...summariseForecaster(discrete),
    nQuestions: pooled.length,
    meanBaseline: meanOf(pooled.map((r) => r.baseline)),
    sumBaseline: sum(pooled.map((r) => r.baseline)),
    meanPeer: meanOf(pooled.map((r) => r.peer)),
    sumPeer: sum(pooled.map((r) => r.peer)),
    meanCoverage: meanOf(pooled.map((r) => r.coverage)),
  };
}

/** Scores the numeric and date questions of a dataset; `names` are all the input's forecasters, sorted. */
export function scoreContinuousDataset(data: ContinuousDataset, names: readonly string[], binCount: number): ContinuousReport {
  const byQuestion = new Map<string, ContinuousForecastRecord[]>(data.questions.map((q) => [q.id, []]));
  for (const f of data.forecasts) byQuestion.get(f.question)?.push(f);

  const accumulators = () => ({
    all: new PitCalibrationAccumulator(binCount),
    by: new Map(names.map((n) => [n, new PitCalibrationAccumulator(binCount)])),
  });
  const finalSet = accumulators();
  const timeSet = accumulators();
  const aggregateSets = Object.fromEntries(
    CONTINUOUS_AGGREGATION_METHODS.map((m) => [m, new PitCalibrationAccumulator(binCount)]),
  ) as Record<ContinuousAggregationMethod, PitCalibrationAccumulator>;

  const questions: ContinuousQuestionReport[] = [];
  const rows: ContinuousScoreRow[] = [];
  for (const q of data.questions) {
    const { scores, timeWeightedPits } = scoreContinuousQuestion(q, byQuestion.get(q.id) ?? []);
    questions.push({ ...scores, type: q.type });
    for (const row of scores.rows) rows.push(row);
    if (scores.status !== "resolved") continue;
    for (const row of scores.rows) {
      finalSet.all.add(row.pit, 1);
      finalSet.by.get(row.forecaster)?.add(row.pit, 1);
    }
    for (const sample of timeWeightedPits) {
      timeSet.all.add(sample.pit, sample.weight);
      timeSet.by.get(sample.forecaster)?.add(sample.pit, sample.weight);
    }
    for (const method of CONTINUOUS_AGGREGATION_METHODS) {
      const s = scores.aggregateScores[method];
      if (s) aggregateSets[method].add(s.pit, 1);
    }
  }
  rows.sort((a, b) => compareCodePoints(a.question, b.question) || compareCodePoints(a.forecaster, b.forecaster));
  const rowsBy = new Map<string, ContinuousScoreRow[]>(names.map((n) => [n, []]));
  for (const row of rows) rowsBy.get(row.forecaster)?.push(row);
  const calibrationSet = (set: ReturnType<typeof accumulators>): PitCalibrationSet => ({
    all: set.all.result(),
    byForecaster: new Map(names.map((n) => [n, (set.by.get(n) as PitCalibrationAccumulator).result()])),
  });
  return {
    questions,
    rows,
    summaries: new Map(names.map((n) => [n, summariseContinuousRows(rowsBy.get(n) as ContinuousScoreRow[])])),
    calibration: {
      final: calibrationSet(finalSet),
      timeWeighted: calibrationSet(timeSet),
      aggregates: Object.fromEntries(CONTINUOUS_AGGREGATION_METHODS.map((m) => [m, aggregateSets[m].result()])) as Record<
        ContinuousAggregationMethod,
        PitCalibration
      >,
    },
  };
}
