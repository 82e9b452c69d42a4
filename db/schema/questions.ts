import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

// Times are UTC epoch milliseconds. open/closed/due are derived from the times and the
// resolution (docs/formulas.md §1.2); only "draft" is stored.
export const questions = sqliteTable(
  "questions",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    resolutionCriteria: text("resolution_criteria").notNull().default(""),
    /** numeric and date questions have a row in question_scales (db/schema/continuous-questions.ts). */
    type: text("type", { enum: ["binary", "multiple_choice", "numeric", "date"] }).notNull(),
    openTime: integer("open_time").notNull(),
    closeTime: integer("close_time").notNull(),
    resolveBy: integer("resolve_by"),
    isDraft: integer("is_draft", { mode: "boolean" }).notNull().default(false),
    /** Anchoring guard: hide the crowd and others' rationales until the viewer has forecast. */
    hideCrowdUntilForecast: integer("hide_crowd_until_forecast", { mode: "boolean" }).notNull().default(true),
    /** Demo data whose outcome is not a matter of public record. */
    isIllustrative: integer("is_illustrative", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("questions_close_idx").on(t.closeTime), index("questions_resolve_by_idx").on(t.resolveBy)],
);

/** Scenario labels of a multiple-choice question, in scenario order. Binary questions have none. */
export const questionOptions = sqliteTable(
  "question_options",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.position] })],
);

export const tags = sqliteTable("tags", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
});

export const questionTags = sqliteTable(
  "question_tags",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.tagId] }), index("question_tags_tag_idx").on(t.tagId)],
);
