import type { KeptPopulation } from "@/db/schema/kept-scores";
import { recencyWeightedMedianHistory } from "@/lib/aggregation/crowd-series";
import { timeWeightedSamples } from "@/lib/calibration/samples";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import { readForecasts } from "@/lib/probability";
import { countedForecasts } from "@/lib/standing-forecast";
import { AGGREGATION_METHODS, type DiscreteQuestion, type ForecastRecord } from "@/lib/types";

// A binary or scenario question's kept rows (db/schema/kept-scores.ts) as the engine computes them,
// before any SQL: kept-scores.ts stores them, and a bulk import may compute them on a second thread
// (kept-rows-worker.ts) while it writes the forecasts. No SQL here, so a worker can run it.

/**
 * One question's kept rows of one population. Each table's rows are flat, the values of the columns
 * after question_id and population (the crowd history's also after its method, always the default),
 * so the rows of a question cross threads as a few arrays instead of a million small ones.
 */
export interface KeptQuestionRows {
  /** kept_crowd_history: time, probabilities (JSON), forecasters. */
  history: unknown[];
  /** kept_score_rows: forecaster_id, resolve_time, final_probabilities (JSON), final_brier, final_log_score, brier_time_avg, relative_brier, baseline, peer, coverage. */
  scores: unknown[];
  /** kept_crowd_scores: method, resolve_time, probabilities (JSON or null), brier, log_score. */
  crowd: unknown[];
  /** kept_calibration_samples: kind, forecaster_id, method, resolve_time, p, y, w. */
  samples: unknown[];
}

/** How many values make one row of each table in KeptQuestionRows. */
export const KEPT_ROW_WIDTH = { history: 3, scores: 10, crowd: 5, samples: 7 } as const;

/** The kept rows of `q` from `forecasts` (the engine's input: insertion order, already read as lib/probability readForecasts reads them). */
export function keptQuestionRows(q: DiscreteQuestion, forecasts: readonly ForecastRecord[]): KeptQuestionRows {
  const rows: KeptQuestionRows = { history: [], scores: [], crowd: [], samples: [] };
  const { history, scores: scoreRows, crowd, samples } = rows;
  for (const p of recencyWeightedMedianHistory(q, countedForecasts(q, forecasts))) history.push(p.time, JSON.stringify(p.probabilities), p.forecasters);

  // Scores, crowd scores and samples exist for resolved (not annulled) questions only.
  if (q.outcome?.kind !== "option" || q.resolveTime === null) return rows;
  const resolveTime = q.resolveTime;
  const scores = scoreQuestion(q, forecasts);
  for (const r of scores.rows)
    scoreRows.push(
      r.forecaster,
      resolveTime,
      JSON.stringify(r.finalProbabilities),
      r.finalBrier,
      r.finalLogScore,
      r.brierTimeAvg,
      r.relativeBrier,
      r.baseline,
      r.peer,
      r.coverage,
    );
  for (const method of AGGREGATION_METHODS) {
    const pooled = scores.aggregates[method];
    const scored = scores.aggregateScores[method];
    crowd.push(method, resolveTime, pooled ? JSON.stringify(pooled) : null, scored?.brier ?? null, scored?.logScore ?? null);
  }
  if (q.type !== "binary") return rows;
  const y = q.outcome.option === 1 ? 1 : 0;
  // Final samples (lib/calibration/samples finalSamples): the standing P(yes) at Ta of each score row.
  for (const r of scores.rows) samples.push("final", r.forecaster, null, resolveTime, r.finalProbabilities[1], y, 1);
  for (const s of timeWeightedSamples(q, forecasts)) samples.push("time_weighted", s.forecaster, null, resolveTime, s.p, s.y, s.w);
  // Crowd samples (aggregateSample): each method's P(yes) at Ta, as scoring pooled it.
  for (const method of AGGREGATION_METHODS) {
    const pooled = scores.aggregates[method];
    if (pooled) samples.push("crowd", null, method, resolveTime, pooled[1], y, 1);
  }
  return rows;
}

/**
 * A load this large (forecasts) counts as bulk: an import builds its indexes after and leaves the WAL
 * for it, and an import or a rebuild computes the kept rows on a second thread (below it, starting one
 * costs more than it saves).
 */
export const BULK_LOAD = 10_000;

/**
 * Kept rows computed elsewhere (another thread) from the same questions and forecasts: a question's
 * rows of one population, or undefined when the caller must compute them itself.
 */
export interface KeptRowsSource {
  rowsOf(questionId: string, population: KeptPopulation): KeptQuestionRows | undefined;
  /** lib/standing-forecast latestPositions of a question's forecasts, or undefined when the caller must find them itself. */
  latestOf(questionId: string): readonly number[] | undefined;
}

/** What a KeptRowsSource computes from: the questions as stored, every forecast on each as stored (insertion order), the bots' user ids. */
export interface KeptRowsJob {
  questions: readonly DiscreteQuestion[];
  forecasts: ReadonlyMap<string, readonly ForecastRecord[]>;
  botIds: ReadonlySet<string>;
}

/**
 * Starts computing a job's rows; `close` ends the work (and any thread) once the caller has what it
 * needs, and says how many rows sets it delivered and why it stopped early, if it did.
 */
export type StartKeptRows = (job: KeptRowsJob) => KeptRowsSource & { close(): KeptRowsOutcome };

export interface KeptRowsOutcome {
  /** Question-and-population row sets taken from the source (the others were computed by the caller). */
  delivered: number;
  /** Why the source stopped before delivering all it was asked for (the caller computed the rest). */
  error?: string;
}

/**
 * A question's rows for every population refreshKeptScores writes: "everyone", and "people" (bots
 * left out) when the desk has bots, from its forecasts as stored (read here as the engine reads them).
 */
export function keptRowsByPopulation(
  q: DiscreteQuestion,
  stored: readonly ForecastRecord[],
  botIds: ReadonlySet<string>,
): Array<{ population: KeptPopulation; rows: KeptQuestionRows }> {
  const forecasts = readForecasts(q.type, stored);
  const out = [{ population: "everyone" as const, rows: keptQuestionRows(q, forecasts) }];
  if (botIds.size === 0) return out;
  return [...out, { population: "people" as const, rows: keptQuestionRows(q, forecasts.filter((f) => !botIds.has(f.forecaster))) }];
}
