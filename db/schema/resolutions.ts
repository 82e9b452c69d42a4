import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { questions } from "./questions";
import { users } from "./users";

/** The current resolution of a question (at most one row). Undoing it deletes the row. */
export const resolutions = sqliteTable("resolutions", {
  questionId: text("question_id")
    .primaryKey()
    .references(() => questions.id, { onDelete: "cascade" }),
  /** Option index of what happened (binary and scenario questions); null when annulled. */
  outcome: integer("outcome"),
  /** The outcome of a numeric question (a number) or a date question (UTC epoch ms); null when annulled. */
  value: real("value"),
  annulled: integer("annulled", { mode: "boolean" }).notNull().default(false),
  /** When the outcome became known; may be backdated and may precede the close time. */
  resolveTime: integer("resolve_time").notNull(),
  evidence: text("evidence").notNull().default(""),
  resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
  recordedAt: integer("recorded_at").notNull(),
});

/** Every change to a resolution: who, when, what it was before and after (JSON). */
export const resolutionAudit = sqliteTable(
  "resolution_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    action: text("action", { enum: ["resolve", "correct", "annul", "undo"] }).notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: integer("at").notNull(),
  },
  (t) => [index("resolution_audit_question_idx").on(t.questionId)],
);
