import type { Calibration } from "../calibration/bins";
import { compareCodePoints } from "../code-point-order";
import type { ContinuousReport } from "../continuous/report";
import type { ContinuousScoreRow } from "../continuous/question-scores";
import type { CalibrationSet, QuestionReport, Report } from "../report";
import type { ScoreRow } from "../scoring/question-scores";
import { AGGREGATION_METHODS } from "../types";
import { continuousCalibrationJson, continuousQuestionJson, continuousScoreRowJson, continuousSummaryJson } from "./write-report-continuous";

// Writes a Report as the `forecast-desk-report/v1` document (docs/report-format.md): snake_case keys, times as
// toISOString() instants, binary aggregates as P(yes), scenario aggregates as {label: p}. A report with
// numeric or date questions adds the keys of docs/continuous.md (write-report-continuous.ts); one without
// them is written exactly as before those types existed.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const REPORT_FORMAT = "forecast-desk-report/v1";

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

function questionsJson(report: Report): JsonObject {
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
  for (const q of report.continuous?.questions ?? []) questions[q.questionId] = continuousQuestionJson(q);
  return questions;
}

function scoreRowJson(r: ScoreRow, continuous: ContinuousReport | null): JsonObject {
  const row: JsonObject = {
    question: r.question,
    forecaster: r.forecaster,
    final_brier: r.finalBrier,
    final_log_score: r.finalLogScore,
    brier_time_avg: r.brierTimeAvg,
    relative_brier: r.relativeBrier,
    baseline: r.baseline,
    peer: r.peer,
    coverage: r.coverage,
  };
  if (continuous !== null) {
    row.crps = null;
    row.crps_time_avg = null;
    row.pit = null;
  }
  return row;
}

/** Every score row as JSON, sorted by question, then forecaster, across the question types. */
function scoreRowsJson(report: Report): JsonObject[] {
  const discrete = report.scores;
  const continuous = report.continuous;
  if (continuous === null) return discrete.map((r) => scoreRowJson(r, null));
  const merged: JsonObject[] = [];
  const others = continuous.rows;
  let i = 0;
  let j = 0;
  const before = (a: ScoreRow, b: ContinuousScoreRow) =>
    (compareCodePoints(a.question, b.question) || compareCodePoints(a.forecaster, b.forecaster)) < 0;
  while (i < discrete.length || j < others.length) {
    if (j >= others.length || (i < discrete.length && before(discrete[i], others[j]))) merged.push(scoreRowJson(discrete[i++], continuous));
    else merged.push(continuousScoreRowJson(others[j++]));
  }
  return merged;
}

function forecastersJson(report: Report): JsonObject {
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
    const extra = report.continuous?.summaries.get(name);
    if (extra) Object.assign(forecasters[name] as JsonObject, continuousSummaryJson(extra));
  }
  return forecasters;
}

function aggregatesCalibrationJson(report: Report): JsonObject {
  const aggregatesCalibration: JsonObject = {};
  for (const m of AGGREGATION_METHODS) aggregatesCalibration[m] = calibrationJson(report.calibration.aggregates[m]);
  return aggregatesCalibration;
}

export function reportToJson(report: Report): JsonObject {
  const calibration: JsonObject = {
    final: calibrationSetJson(report.calibration.final),
    time_weighted: calibrationSetJson(report.calibration.timeWeighted),
    aggregates: aggregatesCalibrationJson(report),
  };
  if (report.continuous !== null) calibration.continuous = continuousCalibrationJson(report.continuous);
  return {
    format: REPORT_FORMAT,
    n_clipped_forecasts: report.nClippedForecasts,
    questions: questionsJson(report),
    scores: scoreRowsJson(report),
    forecasters: forecastersJson(report),
    calibration,
  };
}

/** Pieces of about this many characters go to `write` (1M forecasts: a 47 MB report). */
const PIECE_LENGTH = 1 << 20;

/**
 * Writes exactly the text JSON.stringify(reportToJson(report)), in pieces: the score rows and the
 * per-forecaster calibration (nearly all of it) entry by entry, so neither the whole text nor the
 * whole object tree is ever held at once.
 */
export function writeReportJson(report: Report, write: (piece: string) => void): void {
  let pending = "";
  const put = (text: string): void => {
    pending += text;
    if (pending.length >= PIECE_LENGTH) {
      write(pending);
      pending = "";
    }
  };
  put(`{"format":${JSON.stringify(REPORT_FORMAT)},"n_clipped_forecasts":${JSON.stringify(report.nClippedForecasts)}`);
  put(`,"questions":${JSON.stringify(questionsJson(report))},"scores":[`);
  if (report.continuous === null) {
    const rows = report.scores;
    for (let i = 0; i < rows.length; i++) put((i === 0 ? "" : ",") + JSON.stringify(scoreRowJson(rows[i], null)));
  } else {
    const rows = scoreRowsJson(report);
    for (let i = 0; i < rows.length; i++) put((i === 0 ? "" : ",") + JSON.stringify(rows[i]));
  }
  put(`],"forecasters":${JSON.stringify(forecastersJson(report))},"calibration":{"final":`);
  putCalibrationSet(report.calibration.final, put);
  put(`,"time_weighted":`);
  putCalibrationSet(report.calibration.timeWeighted, put);
  put(`,"aggregates":${JSON.stringify(aggregatesCalibrationJson(report))}`);
  if (report.continuous !== null) put(`,"continuous":${JSON.stringify(continuousCalibrationJson(report.continuous))}`);
  put("}}");
  if (pending !== "") write(pending);
}

/** calibrationSetJson as text, one forecaster at a time, keys in the order JSON.stringify gives them. */
function putCalibrationSet(set: CalibrationSet, put: (text: string) => void): void {
  put(`{"all":${JSON.stringify(calibrationJson(set.all))},"by_forecaster":{`);
  // A keyed object orders its keys as JSON.stringify will (integer-like names first).
  const byName = Object.create(null) as Record<string, Calibration>;
  for (const [name, c] of set.byForecaster) byName[name] = c;
  let first = true;
  for (const name of Object.keys(byName)) {
    put(`${first ? "" : ","}${JSON.stringify(name)}:${JSON.stringify(calibrationJson(byName[name]))}`);
    first = false;
  }
  put("}}");
}
