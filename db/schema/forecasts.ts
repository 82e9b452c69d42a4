import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { questions } from "./questions";
import { users } from "./users";

/**
 * Append-only: an update is a new row, never an edit. `id` is the insertion order, which
 * breaks ties between equal times (docs/formulas.md §3.2). `probabilities` is a JSON array in option
 * order; a binary forecast is [P(no), P(yes)].
 */
export const forecasts = sqliteTable(
  "forecasts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    forecasterId: text("forecaster_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    madeAt: integer("made_at").notNull(),
    probabilities: text("probabilities", { mode: "json" }).$type<number[]>().notNull(),
    rationale: text("rationale"),
  },
  (t) => [
    index("forecasts_question_time_idx").on(t.questionId, t.madeAt, t.id),
    // A forecaster's forecasts (profiles), and on one question (hasForecast, the needs-update job's
    // first forecast of each account) read from the index alone. One index for both: a (question_id,
    // forecaster_id) one beside it took 0.48 s to build in the 1M import, and a write per forecast.
    index("forecasts_forecaster_question_idx").on(t.forecasterId, t.questionId),
    // The forecasts that came with a rationale, newest first: the question page's rationale list counts
    // and pages them without reading every forecast's text (the condition is rationalePage's).
    index("forecasts_rationale_idx")
      .on(t.questionId, t.madeAt, t.id)
      .where(sql`trim(coalesce(${t.rationale}, '')) <> ''`),
  ],
);

/** Discussion on a question, separate from the rationales attached to forecasts. */
export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
    /** The comment this one replies to (one level: a reply's parent is never itself a reply); null: a comment. */
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "cascade" }),
    /** When its author last changed the body (epoch ms); null: as posted. */
    editedAt: integer("edited_at"),
    /** When it was deleted (epoch ms); null: standing. Kept while it has replies ("comment deleted"). */
    deletedAt: integer("deleted_at"),
  },
  (t) => [index("comments_question_idx").on(t.questionId), index("comments_parent_idx").on(t.parentId)],
);
