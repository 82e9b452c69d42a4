import type { Calibration } from "../calibration/bins";
import type { CalibrationSet, QuestionReport, Report } from "../report";
import { AGGREGATION_METHODS } from "../types";

// Writes a Report as the `forecast-desk-report/v1` document (formats.md §3): snake_case keys, times as
// toISOString() instants, binary aggregates as P(yes), scenario aggregates as {label: p}.

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** An object without a prototype, so ids like "__proto__" stay plain keys. */
function keyed(): JsonObject {
  return Object.create(null) as JsonObject;
}

function calibrationJson(c: Calibration): JsonObject {
  return {
    bins: c.bins.map((b) => ({
      lo: b.lo,
      hi: b.hi,
      n: b.n,
      mean_forecast: b.meanForecast,
      observed: b.observed,
      jeffreys_lo: b.jeffreysLo,
      jeffreys_hi: b.jeffreysHi,
    })),
    brier: c.brier,
    reliability: c.reliability,
    resolution: c.resolution,
    uncertainty: c.uncertainty,
    residual: c.residual,
  };
}

function calibrationSetJson(set: CalibrationSet): JsonObject {
  const byForecaster = keyed();
  for (const [name, c] of set.byForecaster) byForecaster[name] = calibrationJson(c);
  return { all: calibrationJson(set.all), by_forecaster: byForecaster };
}

function aggregateJson(q: QuestionReport, vector: number[] | null): JsonValue {
  if (vector === null) return null;
  if (q.type === "binary") return vector[1];
  const labelled = keyed();
  q.options.forEach((label, k) => (labelled[label] = vector[k]));
  return labelled;
}

export function reportToJson(report: Report): JsonObject {
  const questions = keyed();
  for (const q of report.questions) {
    const aggregates: JsonObject = {};
    const aggregateScores: JsonObject = {};
    for (const m of AGGREGATION_METHODS) {
      aggregates[m] = aggregateJson(q, q.aggregates[m]);
      const s = q.aggregateScores[m];
      aggregateScores[m] = { brier: s ? s.brier : null, log_score: s ? s.logScore : null };
    }
    questions[q.questionId] = {
      status: q.status,
      actual_close_time: new Date(q.actualCloseTime).toISOString(),
      aggregates,
      aggregate_scores: aggregateScores,
    };
  }
  const forecasters = keyed();
  for (const [name, s] of report.forecasters) {
    forecasters[name] = {
      n_questions: s.nQuestions,
      mean_final_brier: s.meanFinalBrier,
      mean_brier_time_avg: s.meanBrierTimeAvg,
      mean_relative_brier: s.meanRelativeBrier,
      mean_final_log_score: s.meanFinalLogScore,
      mean_baseline: s.meanBaseline,
      sum_baseline: s.sumBaseline,
      mean_peer: s.meanPeer,
      sum_peer: s.sumPeer,
      mean_coverage: s.meanCoverage,
    };
  }
  const aggregatesCalibration: JsonObject = {};
  for (const m of AGGREGATION_METHODS) aggregatesCalibration[m] = calibrationJson(report.calibration.aggregates[m]);
  return {
    format: "forecast-desk-report/v1",
    n_clipped_forecasts: report.nClippedForecasts,
    questions,
    scores: report.scores.map((r) => ({
      question: r.question,
      forecaster: r.forecaster,
      final_brier: r.finalBrier,
      final_log_score: r.finalLogScore,
      brier_time_avg: r.brierTimeAvg,
      relative_brier: r.relativeBrier,
      baseline: r.baseline,
      peer: r.peer,
      coverage: r.coverage,
    })),
    forecasters,
    calibration: {
      final: calibrationSetJson(report.calibration.final),
      time_weighted: calibrationSetJson(report.calibration.timeWeighted),
      aggregates: aggregatesCalibration,
    },
  };
}
