import type { PitCalibration } from "../continuous/pit-calibration";
import type { ContinuousQuestionReport, ContinuousReport, ContinuousSummary, PitCalibrationSet } from "../continuous/report";
import type { ContinuousScoreRow } from "../continuous/question-scores";
import { CONTINUOUS_AGGREGATION_METHODS } from "../continuous/types";
import type { JsonObject } from "./write-report";

// The keys a report gains from numeric and date questions (docs/continuous.md "Report").

/** An object without a prototype, so forecaster names like "__proto__" stay plain keys. */
function keyed(): JsonObject {
  return Object.create(null) as JsonObject;
}

/** A CDF as a plain JSON array of its 201 numbers. */
function cdfJson(cdf: Float64Array | null): number[] | null {
  return cdf === null ? null : Array.from(cdf);
}

export function continuousQuestionJson(q: ContinuousQuestionReport): JsonObject {
  const aggregates: JsonObject = {};
  const aggregateScores: JsonObject = {};
  for (const m of CONTINUOUS_AGGREGATION_METHODS) {
    aggregates[m] = cdfJson(q.aggregates[m]);
    const s = q.aggregateScores[m];
    aggregateScores[m] = { log_score: s ? s.logScore : null, crps: s ? s.crps : null, pit: s ? s.pit : null };
  }
  return {
    status: q.status,
    actual_close_time: new Date(q.actualCloseTime).toISOString(),
    aggregates,
    aggregate_scores: aggregateScores,
    resolution_u: q.resolutionU,
    resolution_bucket: q.resolutionBucket,
  };
}

export function continuousScoreRowJson(r: ContinuousScoreRow): JsonObject {
  return {
    question: r.question,
    forecaster: r.forecaster,
    final_brier: null,
    final_log_score: r.finalLogScore,
    brier_time_avg: null,
    relative_brier: null,
    baseline: r.baseline,
    peer: r.peer,
    coverage: r.coverage,
    crps: r.crps,
    crps_time_avg: r.crpsTimeAvg,
    pit: r.pit,
  };
}

export function continuousSummaryJson(s: ContinuousSummary): JsonObject {
  return {
    mean_final_log_score_continuous: s.meanFinalLogScoreContinuous,
    mean_crps: s.meanCrps,
    mean_crps_time_avg: s.meanCrpsTimeAvg,
    mean_pit: s.meanPit,
  };
}

function pitCalibrationJson(c: PitCalibration): JsonObject {
  return {
    n: c.n,
    bins: c.bins.map((b) => ({ lo: b.lo, hi: b.hi, n: b.n, expected: b.expected })),
    central_intervals: c.centralIntervals.map((i) => ({
      level: i.level,
      n: i.n,
      inside: i.inside,
      coverage: i.coverage,
      jeffreys_lo: i.jeffreysLo,
      jeffreys_hi: i.jeffreysHi,
    })),
  };
}

function pitCalibrationSetJson(set: PitCalibrationSet): JsonObject {
  const byForecaster = keyed();
  for (const [name, c] of set.byForecaster) byForecaster[name] = pitCalibrationJson(c);
  return { all: pitCalibrationJson(set.all), by_forecaster: byForecaster };
}

/** `calibration.continuous`: present whenever the document has a numeric or date question. */
export function continuousCalibrationJson(report: ContinuousReport): JsonObject {
  const aggregates: JsonObject = {};
  for (const m of CONTINUOUS_AGGREGATION_METHODS) aggregates[m] = pitCalibrationJson(report.calibration.aggregates[m]);
  return {
    final: pitCalibrationSetJson(report.calibration.final),
    time_weighted: pitCalibrationSetJson(report.calibration.timeWeighted),
    aggregates,
  };
}
