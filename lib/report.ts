import { CalibrationAccumulator, type Calibration } from "./calibration/bins";
import { compareCodePoints } from "./code-point-order";
import { isClippedOnReading, readForecast, readForecastVector } from "./probability";
import { scoreContinuousDataset, summariseAllRows, type ContinuousReport } from "./continuous/report";
import { scoreQuestionInDetail, type QuestionScores, type ScoreRow } from "./scoring/question-scores";
import { summariseForecaster, type ForecasterSummary } from "./track-record";
import {
  AGGREGATION_METHODS,
  type AggregationMethod,
  type Dataset,
  type ForecastRecord,
  type QuestionType,
  type ScoringParams,
} from "./types";

// Everything the scorer derives from a dataset (docs/report-format.md, forecast-desk-report/v1), in camelCase.

export interface QuestionReport extends QuestionScores {
  type: QuestionType;
  options: readonly string[];
}

export interface CalibrationSet {
  all: Calibration;
  /** A key for every forecaster in the input, in sorted order. */
  byForecaster: Map<string, Calibration>;
}

export interface Report {
  params: ScoringParams;
  nClippedForecasts: number;
  /** One entry per input question, in input order. */
  questions: QuestionReport[];
  /** Sorted by question, then forecaster. */
  scores: ScoreRow[];
  /** Every forecaster in the input, sorted. */
  forecasters: Map<string, ForecasterSummary>;
  calibration: {
    final: CalibrationSet;
    timeWeighted: CalibrationSet;
    aggregates: Record<AggregationMethod, Calibration>;
  };
  /**
   * The numeric and date part (docs/continuous.md); null when the dataset has no such question, and the
   * report is then exactly what it was before those types existed.
   */
  continuous: ContinuousReport | null;
}

/**
 * Score rows sorted by question, then forecaster, from one block per question sorted by forecaster:
 * the blocks are ordered by question id, and only if two blocks share an id are the rows sorted whole.
 */
function rowsByQuestionThenForecaster(blocks: ScoreRow[][]): ScoreRow[] {
  const filled = blocks.filter((block) => block.length > 0);
  filled.sort((a, b) => compareCodePoints(a[0].question, b[0].question));
  const rows: ScoreRow[] = [];
  for (const block of filled) for (const row of block) rows.push(row);
  const byQuestion = (a: ScoreRow, b: ScoreRow) => compareCodePoints(a.question, b.question);
  const compare = (a: ScoreRow, b: ScoreRow) => byQuestion(a, b) || compareCodePoints(a.forecaster, b.forecaster);
  const distinctIds = filled.every((block, i) => i === 0 || byQuestion(filled[i - 1][0], block[0]) < 0);
  return distinctIds ? rows : rows.sort(compare);
}

/** Scores a whole dataset (its params decide the extremizing factor and the number of bins). */
export function scoreDataset(dataset: Dataset): Report {
  const { params } = dataset;
  const binCount = params.calibrationBins;
  const slots = new Map(dataset.questions.map((q) => [q.id, { type: q.type, forecasts: [] as ForecastRecord[] }]));
  const byQuestion = new Map([...slots].map(([id, slot]) => [id, slot.forecasts]));
  const forecasterNames = new Set<string>();
  let nClippedForecasts = 0;
  for (const f of dataset.forecasts) {
    const slot = slots.get(f.question);
    forecasterNames.add(f.forecaster);
    if (slot && isClippedOnReading(slot.type, f.probabilities)) {
      const { probabilities } = readForecast(slot.type, f.probabilities);
      nClippedForecasts++;
      slot.forecasts.push({ forecaster: f.forecaster, time: f.time, probabilities });
    } else if (slot?.type === "multiple_choice") {
      // docs/formulas.md §2.4: a scenario vector is divided by its sum even when nothing is clipped.
      slot.forecasts.push({ forecaster: f.forecaster, time: f.time, probabilities: readForecastVector(f.probabilities).probabilities });
    } else {
      slot?.forecasts.push(f); // binary, not clipped: reuse the record (1M forecasts: less garbage)
    }
  }
  for (const f of dataset.continuous?.forecasts ?? []) forecasterNames.add(f.forecaster);
  const names = [...forecasterNames].sort(compareCodePoints);

  const questions: QuestionReport[] = [];
  const rowBlocks: ScoreRow[][] = []; // one per question, each sorted by forecaster
  const accumulators = () => ({
    all: new CalibrationAccumulator(binCount),
    by: new Map(names.map((n) => [n, new CalibrationAccumulator(binCount)])),
  });
  const finalSet = accumulators();
  const timeSet = accumulators();
  const aggregateSets = Object.fromEntries(AGGREGATION_METHODS.map((m) => [m, new CalibrationAccumulator(binCount)])) as Record<
    AggregationMethod,
    CalibrationAccumulator
  >;

  for (const q of dataset.questions) {
    const forecasts = byQuestion.get(q.id) as ForecastRecord[];
    const { scores: result, counted, forecasters, stood } = scoreQuestionInDetail(q, forecasts, params);
    questions.push({ ...result, type: q.type, options: q.options });
    rowBlocks.push(result.rows);
    if (q.type !== "binary" || q.outcome?.kind !== "option") continue;
    const y = q.outcome.option === 1 ? 1 : 0;
    for (const row of result.rows) {
      // Final samples: the standing P(yes) at Ta of each score row, weight 1 (docs/formulas.md §9.1).
      finalSet.all.add(row.finalProbabilities[1], y, 1);
      finalSet.by.get(row.forecaster)?.add(row.finalProbabilities[1], y, 1);
    }
    // Time-weighted samples: each counted forecast weighted by the share of [T0, Ta] it stood
    // (docs/formulas.md §9.1), as the sweep measured it; weight 0 is left out.
    const window = result.actualCloseTime - q.openTime;
    const timeBy = forecasters.names.map((name) => timeSet.by.get(name) as CalibrationAccumulator);
    for (let i = 0; i < counted.length; i++) {
      const stoodFor = (stood as Float64Array)[i];
      if (stoodFor <= 0) continue;
      const p = counted[i].probabilities[1];
      timeSet.all.add(p, y, stoodFor / window);
      timeBy[forecasters.of[i]].add(p, y, stoodFor / window);
    }
    for (const method of AGGREGATION_METHODS) {
      const pooled = result.aggregates[method];
      if (pooled) aggregateSets[method].add(pooled[1], y, 1);
    }
  }
  const rows = rowsByQuestionThenForecaster(rowBlocks);

  const rowsBy = new Map<string, ScoreRow[]>(names.map((n) => [n, []]));
  for (const row of rows) rowsBy.get(row.forecaster)?.push(row);
  const calibrationSet = (set: ReturnType<typeof accumulators>): CalibrationSet => ({
    all: set.all.result(),
    byForecaster: new Map(names.map((n) => [n, (set.by.get(n) as CalibrationAccumulator).result()])),
  });
  const continuous =
    dataset.continuous && dataset.continuous.questions.length > 0 ? scoreContinuousDataset(dataset.continuous, names, binCount) : null;
  const continuousRowsBy = new Map(names.map((n) => [n, [] as ContinuousReport["rows"]]));
  for (const row of continuous?.rows ?? []) continuousRowsBy.get(row.forecaster)?.push(row);
  const summarise = (n: string): ForecasterSummary =>
    continuous === null
      ? summariseForecaster(rowsBy.get(n) as ScoreRow[])
      : summariseAllRows(rowsBy.get(n) as ScoreRow[], continuousRowsBy.get(n) as ContinuousReport["rows"]);
  return {
    params,
    nClippedForecasts,
    questions,
    scores: rows,
    forecasters: new Map(names.map((n) => [n, summarise(n)])),
    calibration: {
      final: calibrationSet(finalSet),
      timeWeighted: calibrationSet(timeSet),
      aggregates: Object.fromEntries(AGGREGATION_METHODS.map((m) => [m, aggregateSets[m].result()])) as Record<
        AggregationMethod,
        Calibration
      >,
    },
    continuous,
  };
}
