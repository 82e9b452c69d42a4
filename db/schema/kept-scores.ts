import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { questions } from "./questions";
import { users } from "./users";

// Kept (derived) numbers: what the engine in lib/ computes from forecasts and resolutions, stored so
// pages read rows instead of re-scoring the desk per request. Nothing here is a source of truth:
// db/queries/kept-scores.ts writes these tables in the same transaction as every write that can
// change them, and `npm run db:rescore` rebuilds them from forecasts and resolutions.
//
// Every table carries a `population`: whose forecasts the numbers are computed from. "everyone" is
// always written; a desk with bot accounts adds "people" (bots left out) beside it, the same rows
// computed from a smaller forecast set, so the pages and the API read both views from one design.

/** Whose forecasts a kept number is computed from. */
export const KEPT_POPULATIONS = ["everyone", "people"] as const;
export type KeptPopulation = (typeof KEPT_POPULATIONS)[number];

/**
 * One row per resolved (not annulled) question, population and forecaster with a counted forecast:
 * the score row of lib/scoring/question-scores (docs/formulas.md §5), or of lib/continuous/question-scores
 * for a numeric or date question (docs/continuous.md §5). The Brier columns and `final_probabilities` are
 * null on a numeric or date row; `crps`, `crps_time_avg` and `pit` are null on a binary or scenario row
 * (so `pit is not null` marks a numeric or date row). `final_log_score` is ln pmf[o] there, not on the
 * binary scale: means keep the two apart.
 */
export const keptScoreRows = sqliteTable(
  "kept_score_rows",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    population: text("population").notNull(),
    forecasterId: text("forecaster_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The resolution's resolve time, copied so period filters need no join. */
    resolveTime: integer("resolve_time").notNull(),
    /** The standing forecast at Ta (binary [P(no), P(yes)]). */
    finalProbabilities: text("final_probabilities", { mode: "json" }).$type<number[]>(),
    finalBrier: real("final_brier"),
    finalLogScore: real("final_log_score"),
    brierTimeAvg: real("brier_time_avg"),
    relativeBrier: real("relative_brier"),
    baseline: real("baseline").notNull(),
    peer: real("peer").notNull(),
    coverage: real("coverage").notNull(),
    /** Numeric and date: CRPS of the standing forecast at Ta (internal scale). */
    crps: real("crps"),
    /** Numeric and date: the standing forecast's CRPS averaged over the covered time (null when zero length). */
    crpsTimeAvg: real("crps_time_avg"),
    /** Numeric and date: PIT of the standing forecast at Ta. */
    pit: real("pit"),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.population, t.forecasterId] }),
    // Covering the leaderboard's summary (db/queries/kept-forecaster-totals FORECASTER_SUMMARY): a
    // filtered leaderboard and the totals' recompute read this index alone, in a fixed row order.
    index("kept_score_rows_forecaster_summary_idx").on(
      t.population,
      t.forecasterId,
      t.resolveTime,
      t.questionId,
      t.finalBrier,
      t.brierTimeAvg,
      t.relativeBrier,
      t.finalLogScore,
      t.baseline,
      t.peer,
      t.coverage,
      t.crps,
      t.crpsTimeAvg,
      t.pit,
    ),
    index("kept_score_rows_resolve_idx").on(t.population, t.resolveTime),
  ],
);

/**
 * Each aggregation method's crowd forecast at Ta on a resolved (not annulled) question, scored as a
 * forecast (null scores: no forecast counted). `method` is an AggregationMethod, or a
 * ContinuousAggregationMethod on a numeric or date question ("mean" and "median" are in both lists:
 * readers tell the two apart by the question's type). A numeric or date question leaves
 * `probabilities` and `brier` null and sets `log_score` (ln pmf[o]), `crps` and `pit`.
 */
export const keptCrowdScores = sqliteTable(
  "kept_crowd_scores",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    population: text("population").notNull(),
    method: text("method").notNull(),
    resolveTime: integer("resolve_time").notNull(),
    probabilities: text("probabilities", { mode: "json" }).$type<number[]>(),
    brier: real("brier"),
    logScore: real("log_score"),
    crps: real("crps"),
    pit: real("pit"),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.population, t.method] }),
    index("kept_crowd_scores_resolve_idx").on(t.population, t.resolveTime),
  ],
);

/**
 * Calibration samples of resolved binary questions (lib/calibration/samples): `final` (one per
 * forecaster, the standing P(yes) at Ta, weight 1), `time_weighted` (one per counted forecast,
 * weight = share of [T0, Ta] it stood) and `crowd` (one per method, its P(yes) at Ta; `method` set,
 * no forecaster). Resolved numeric and date questions add the same three sets of PIT samples
 * (docs/continuous.md §7) as kinds `pit_final`, `pit_time_weighted` and `pit_crowd`, with p = the PIT
 * and y null.
 */
export const keptCalibrationSamples = sqliteTable(
  "kept_calibration_samples",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    population: text("population").notNull(),
    kind: text("kind").notNull(),
    forecasterId: text("forecaster_id").references(() => users.id, { onDelete: "cascade" }),
    method: text("method"),
    resolveTime: integer("resolve_time").notNull(),
    p: real("p").notNull(),
    y: integer("y"),
    w: real("w").notNull(),
  },
  (t) => [
    index("kept_calibration_samples_question_idx").on(t.questionId),
    index("kept_calibration_samples_forecaster_idx").on(t.population, t.kind, t.forecasterId, t.resolveTime),
    // Covering the crowd page's read of everyone's samples of a kind, in resolve, question and id order.
    index("kept_calibration_samples_kind_covering_idx").on(t.population, t.kind, t.resolveTime, t.questionId, t.id, t.p, t.y, t.w),
  ],
);

/**
 * The crowd forecast history of every question (the question page's chart), one row per change
 * point: the pool of the forecasts standing just after `time` (lib/aggregation/crowd-forecast
 * crowdForecastSeries, without its closing point at "now"). Appended when a forecast arrives on an
 * open question, rewritten when a resolution or an edit of the question's times changes Ta.
 * Stored WITHOUT ROWID, as is kept_score_rows (migration import11_kept_without_rowid; drizzle has no
 * way to say it here): each row is written once, into its primary key's b-tree.
 */
export const keptCrowdHistory = sqliteTable(
  "kept_crowd_history",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    population: text("population").notNull(),
    method: text("method").notNull(),
    time: integer("time").notNull(),
    probabilities: text("probabilities", { mode: "json" }).$type<number[]>().notNull(),
    forecasters: integer("forecasters").notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.population, t.method, t.time] })],
);

/** Which version of the kept tables' definition the database holds (a rebuild is due when older). */
export const keptState = sqliteTable("kept_state", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});
