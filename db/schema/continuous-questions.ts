import { blob, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tags } from "./questions";
import { users } from "./users";

// Numeric and date questions (docs/continuous.md), kept in their own tables: their scoring fields (a
// range, a scale, bounds, a value as outcome, a CDF as forecast) are not those of binary and scenario
// questions. Ids share one namespace with `questions` (the import refuses an id used in either).
// Times are UTC epoch milliseconds; a date question's range and outcome are epoch milliseconds too.

export const continuousQuestions = sqliteTable(
  "continuous_questions",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    resolutionCriteria: text("resolution_criteria").notNull().default(""),
    type: text("type", { enum: ["numeric", "date"] }).notNull(),
    /** What the number counts or measures ("USD per 1,000 m³"); empty for dates. */
    unit: text("unit").notNull().default(""),
    rangeMin: real("range_min").notNull(),
    rangeMax: real("range_max").notNull(),
    /** Null: a linear scale; a number: a logarithmic one (numeric only). */
    zeroPoint: real("zero_point"),
    openLowerBound: integer("open_lower_bound", { mode: "boolean" }).notNull(),
    openUpperBound: integer("open_upper_bound", { mode: "boolean" }).notNull(),
    openTime: integer("open_time").notNull(),
    closeTime: integer("close_time").notNull(),
    resolveBy: integer("resolve_by"),
    isDraft: integer("is_draft", { mode: "boolean" }).notNull().default(false),
    hideCrowdUntilForecast: integer("hide_crowd_until_forecast", { mode: "boolean" }).notNull().default(true),
    isIllustrative: integer("is_illustrative", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("continuous_questions_close_idx").on(t.closeTime)],
);

export const continuousQuestionTags = sqliteTable(
  "continuous_question_tags",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => continuousQuestions.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.tagId] })],
);

/** The current resolution of a numeric or date question (at most one row). */
export const continuousResolutions = sqliteTable("continuous_resolutions", {
  questionId: text("question_id")
    .primaryKey()
    .references(() => continuousQuestions.id, { onDelete: "cascade" }),
  /** The outcome (a number, or a date in epoch ms); null when annulled. */
  value: real("value"),
  annulled: integer("annulled", { mode: "boolean" }).notNull().default(false),
  resolveTime: integer("resolve_time").notNull(),
  evidence: text("evidence").notNull().default(""),
  resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
  recordedAt: integer("recorded_at").notNull(),
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
      .references(() => continuousQuestions.id, { onDelete: "cascade" }),
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
