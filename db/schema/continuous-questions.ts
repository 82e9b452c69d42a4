import { blob, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { questions } from "./questions";
import { users } from "./users";

// Numeric and date questions (docs/continuous.md) are rows of `questions` (type "numeric" or "date")
// with their tags in question_tags and their resolution in resolutions.value; this file holds what only
// they have: the scale, and the CDF forecasts. Times are UTC epoch milliseconds; a date question's range
// and outcome are epoch milliseconds too.

/** The scale of a numeric or date question: one row per such question. */
export const questionScales = sqliteTable("question_scales", {
  questionId: text("question_id")
    .primaryKey()
    .references(() => questions.id, { onDelete: "cascade" }),
  /** What the number counts or measures ("USD per 1,000 m³"); empty for dates. */
  unit: text("unit").notNull().default(""),
  rangeMin: real("range_min").notNull(),
  rangeMax: real("range_max").notNull(),
  /** Null: a linear scale; a number: a logarithmic one (numeric only). */
  zeroPoint: real("zero_point"),
  openLowerBound: integer("open_lower_bound", { mode: "boolean" }).notNull(),
  openUpperBound: integer("open_upper_bound", { mode: "boolean" }).notNull(),
});

/**
 * Append-only, like `forecasts`: `id` is the insertion order that breaks ties between equal times.
 * `cdf` is the 201-point CDF as lib/continuous/cdf-blob.ts encodes it: 809 bytes, exact.
 */
export const continuousForecasts = sqliteTable(
  "continuous_forecasts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    forecasterId: text("forecaster_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    madeAt: integer("made_at").notNull(),
    cdf: blob("cdf", { mode: "buffer" }).notNull(),
    rationale: text("rationale"),
  },
  (t) => [
    index("continuous_forecasts_question_time_idx").on(t.questionId, t.madeAt, t.id),
    index("continuous_forecasts_forecaster_idx").on(t.forecasterId),
  ],
);
