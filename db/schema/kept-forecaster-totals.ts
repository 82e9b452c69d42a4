import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * Each forecaster's track-record summary over every resolved question, per kept population: the
 * leaderboard's GROUP BY over kept_score_rows (db/queries/kept-forecaster-totals FORECASTER_SUMMARY),
 * kept so the unfiltered leaderboard reads one row per forecaster instead of every score row. Derived
 * like the other kept tables (db/schema/kept-scores.ts): rewritten for the forecasters of a question in
 * the same transaction as that question's kept score rows, rebuilt by `npm run db:rescore`. One row per
 * population and forecaster with at least one kept score row. The means are SQL's avg (nulls skipped),
 * so they equal the filtered views' GROUP BY number for number.
 */
export const keptForecasterTotals = sqliteTable(
  "kept_forecaster_totals",
  {
    population: text("population").notNull(),
    forecasterId: text("forecaster_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Score rows (resolved questions scored), binary, scenario, numeric and date together. */
    nQuestions: integer("n_questions").notNull(),
    meanFinalBrier: real("mean_final_brier"),
    meanBrierTimeAvg: real("mean_brier_time_avg"),
    meanRelativeBrier: real("mean_relative_brier"),
    /** Over binary and scenario rows (the binary log scale). */
    meanFinalLogScore: real("mean_final_log_score"),
    meanBaseline: real("mean_baseline"),
    sumBaseline: real("sum_baseline"),
    meanPeer: real("mean_peer"),
    sumPeer: real("sum_peer"),
    meanCoverage: real("mean_coverage"),
    /** Over numeric and date rows (ln pmf[o]). */
    meanFinalLogScoreContinuous: real("mean_final_log_score_continuous"),
    meanCrps: real("mean_crps"),
    meanCrpsTimeAvg: real("mean_crps_time_avg"),
    meanPit: real("mean_pit"),
  },
  (t) => [primaryKey({ columns: [t.population, t.forecasterId] })],
);
