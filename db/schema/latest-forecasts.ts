import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { questions } from "./questions";
import { users } from "./users";

/**
 * Kept (derived, like db/schema/kept-scores): each forecaster's latest forecast on each binary or
 * scenario question, the last of theirs by (made_at, id), so a new crowd history point pools the
 * standing forecasts without scanning every forecast on the question (a busy question holds
 * thousands). Written in the same transaction as each forecast (db/queries/forecasts recordForecast)
 * and by db/queries/kept-scores refreshKeptScores (imports, rescoring), rebuilt by `npm run db:rescore`.
 */
export const keptLatestForecasts = sqliteTable(
  "kept_latest_forecasts",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    forecasterId: text("forecaster_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** forecasts.id of that forecast (its probabilities are read from there). */
    forecastId: integer("forecast_id").notNull(),
    /** Its made_at, copied: the standing order (made_at, id) and the "nothing later" check need no join. */
    madeAt: integer("made_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.forecasterId] }),
    // A new forecast pools the question's standing forecasts in standing order: read from this index
    // alone, in order (no sort, no lookup into the table), 2,000 of them on a busy question.
    index("kept_latest_forecasts_question_time_idx").on(t.questionId, t.madeAt, t.forecastId, t.forecasterId),
  ],
);
