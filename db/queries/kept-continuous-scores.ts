// The kept rows of numeric and date questions (db/schema/kept-scores.ts, the same tables as binary and
// scenario questions): db/queries/kept-scores refreshKeptScores calls writeKeptContinuousQuestion for them
// in the transaction of the write that changed their inputs. Every number is the engine's
// (lib/continuous/question-scores scoreContinuousQuestion); this file stores what it returns.
import type Database from "better-sqlite3";
import type { KeptPopulation } from "@/db/schema/kept-scores";
import { scoreContinuousQuestion } from "@/lib/continuous/question-scores";
import { CONTINUOUS_AGGREGATION_METHODS, type ContinuousForecastRecord, type ContinuousScoringQuestion } from "@/lib/continuous/types";

/** The SQL list of the continuous types, for `type in (…)`. */
export const CONTINUOUS_TYPES_SQL = "('numeric', 'date')";

/**
 * Writes the kept rows of one numeric or date question (its old rows already deleted) from every CDF
 * forecast on it (insertion order, forecaster = user id): score rows, the three aggregates' scores and
 * the PIT samples (pit_final, pit_time_weighted, pit_crowd). Only a question resolved to a value has any.
 */
export function writeKeptContinuousQuestion(
  sqlite: Database.Database,
  q: ContinuousScoringQuestion,
  forecasts: readonly ContinuousForecastRecord[],
  population: KeptPopulation,
): void {
  if (q.outcome?.kind !== "value" || q.resolveTime === null) return;
  const resolveTime = q.resolveTime;
  const { scores, timeWeightedPits } = scoreContinuousQuestion(q, forecasts);
  const insertRow = sqlite.prepare(
    `insert into kept_score_rows (question_id, population, forecaster_id, resolve_time, final_log_score, baseline, peer, coverage,
       crps, crps_time_avg, pit) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of scores.rows)
    insertRow.run(q.id, population, r.forecaster, resolveTime, r.finalLogScore, r.baseline, r.peer, r.coverage, r.crps, r.crpsTimeAvg, r.pit);
  const insertCrowd = sqlite.prepare(
    "insert into kept_crowd_scores (question_id, population, method, resolve_time, log_score, crps, pit) values (?, ?, ?, ?, ?, ?, ?)",
  );
  for (const method of CONTINUOUS_AGGREGATION_METHODS) {
    const s = scores.aggregateScores[method];
    insertCrowd.run(q.id, population, method, resolveTime, s?.logScore ?? null, s?.crps ?? null, s?.pit ?? null);
  }
  const insertSample = sqlite.prepare(
    `insert into kept_calibration_samples (question_id, population, kind, forecaster_id, method, resolve_time, p, y, w)
     values (?, ?, ?, ?, ?, ?, ?, null, ?)`,
  );
  for (const r of scores.rows) insertSample.run(q.id, population, "pit_final", r.forecaster, null, resolveTime, r.pit, 1);
  for (const s of timeWeightedPits) insertSample.run(q.id, population, "pit_time_weighted", s.forecaster, null, resolveTime, s.pit, s.weight);
  for (const method of CONTINUOUS_AGGREGATION_METHODS) {
    const s = scores.aggregateScores[method];
    if (s) insertSample.run(q.id, population, "pit_crowd", null, method, resolveTime, s.pit, 1);
  }
}
