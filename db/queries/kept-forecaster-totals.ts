import type Database from "better-sqlite3";

// Keeps db/schema/kept-forecaster-totals.ts: each forecaster's summary over all their kept score rows,
// computed by SQL from kept_score_rows (whose numbers the engine in lib/ wrote), so the unfiltered
// leaderboard reads one row per forecaster. The filtered leaderboard runs the same select over the
// rows its filter keeps: one definition of every summary column.

/**
 * The summary columns of a forecaster's kept score rows (alias `k`), as lib/track-record
 * summariseForecaster defines them: a mean skips nulls (SQL's avg does too); the binary log score and
 * the numeric/date one (`pit is not null` marks a numeric or date row) are kept apart. Aliases are the
 * kept_forecaster_totals columns.
 */
export const FORECASTER_SUMMARY = `count(*) as n_questions, avg(k.final_brier) as mean_final_brier,
  avg(k.brier_time_avg) as mean_brier_time_avg, avg(k.relative_brier) as mean_relative_brier,
  avg(case when k.pit is null then k.final_log_score end) as mean_final_log_score,
  avg(k.baseline) as mean_baseline, sum(k.baseline) as sum_baseline, avg(k.peer) as mean_peer, sum(k.peer) as sum_peer,
  avg(k.coverage) as mean_coverage, avg(case when k.pit is not null then k.final_log_score end) as mean_final_log_score_continuous,
  avg(k.crps) as mean_crps, avg(k.crps_time_avg) as mean_crps_time_avg, avg(k.pit) as mean_pit`;

export const TOTALS_COLUMNS =
  "population, forecaster_id, n_questions, mean_final_brier, mean_brier_time_avg, mean_relative_brier, mean_final_log_score, mean_baseline, " +
  "sum_baseline, mean_peer, sum_peer, mean_coverage, mean_final_log_score_continuous, mean_crps, mean_crps_time_avg, mean_pit";

/** A (population, forecaster id) pair whose kept score rows changed. */
export type TotalsKey = readonly [population: string, forecasterId: string];

/**
 * The (population, forecaster) pairs with kept score rows on any of `questionIds`: read before a
 * question's rows are rewritten and again after, their union is whose totals the rewrite changed.
 */
export function scoredForecastersOf(sqlite: Database.Database, questionIds: readonly string[]): TotalsKey[] {
  const out: TotalsKey[] = [];
  const select = sqlite.prepare("select population, forecaster_id from kept_score_rows where question_id in (select value from json_each(?))").raw();
  for (let i = 0; i < questionIds.length; i += 500)
    for (const row of select.iterate(JSON.stringify(questionIds.slice(i, i + 500))) as IterableIterator<[string, string]>) out.push(row);
  return out;
}

/**
 * Recomputes the totals of the given (population, forecaster) pairs from kept_score_rows (in the
 * transaction that rewrote those rows): one DELETE and one INSERT … SELECT … GROUP BY per population.
 * A pair with no score rows left loses its totals row.
 */
export function refreshForecasterTotals(sqlite: Database.Database, keys: Iterable<TotalsKey>): void {
  const byPopulation = new Map<string, Set<string>>();
  for (const [population, forecasterId] of keys) {
    let set = byPopulation.get(population);
    if (!set) byPopulation.set(population, (set = new Set()));
    set.add(forecasterId);
  }
  const remove = sqlite.prepare("delete from kept_forecaster_totals where population = ? and forecaster_id in (select value from json_each(?))");
  const insert = sqlite.prepare(
    `insert into kept_forecaster_totals (${TOTALS_COLUMNS})
     select k.population, k.forecaster_id, ${FORECASTER_SUMMARY} from kept_score_rows k
     where k.population = ? and k.forecaster_id in (select value from json_each(?)) group by k.forecaster_id`,
  );
  for (const [population, ids] of byPopulation) {
    const list = JSON.stringify([...ids]);
    remove.run(population, list);
    insert.run(population, list);
  }
}

/** Rebuilds every totals row from kept_score_rows (after the rebuild of kept_score_rows). */
export function rebuildForecasterTotals(sqlite: Database.Database): void {
  sqlite.prepare("delete from kept_forecaster_totals").run();
  sqlite
    .prepare(
      `insert into kept_forecaster_totals (${TOTALS_COLUMNS})
       select k.population, k.forecaster_id, ${FORECASTER_SUMMARY} from kept_score_rows k group by k.population, k.forecaster_id`,
    )
    .run();
}
