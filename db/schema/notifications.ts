import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { questions } from "./questions";
import { users } from "./users";
import { NOTIFICATION_KINDS, type NotificationPayload } from "../../lib/notifications";

export { NOTIFICATION_KINDS, type NotificationKind, type NotificationPayload } from "../../lib/notifications";

/** What an analyst chose in Settings. A user without a row has the defaults. */
export const userSettings = sqliteTable("user_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** A standing forecast older than this many days needs an update (default 14). */
  staleAfterDays: integer("stale_after_days").notNull().default(14),
  /** E-mail: one digest a day (default), one mail per notification, or none. */
  emailMode: text("email_mode", { enum: ["digest", "immediate", "off"] }).notNull().default("digest"),
  /** When the last digest went out (epoch ms); null: never. */
  lastDigestAt: integer("last_digest_at"),
});

/**
 * The inbox. `eventKey` names the event a notification is about (e.g. "resolution:<audit id>"); the
 * unique (user, event) index makes producing the same event twice write nothing the second time, so
 * the job loop may run in two processes at once.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    eventKey: text("event_key").notNull(),
    /** What the event said when it was found (outcome label, my scores, comment author…), see NotificationPayload. */
    payload: text("payload", { mode: "json" }).$type<NotificationPayload>().notNull(),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
    /** When it went out by e-mail (alone or in a digest); null: not yet, or e-mail is off. */
    emailedAt: integer("emailed_at"),
  },
  (t) => [
    uniqueIndex("notifications_user_event_idx").on(t.userId, t.eventKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
  ],
);

/** Progress of the job loop's scans (e.g. the last resolution-audit and comment id already seen). */
export const jobCursors = sqliteTable("job_cursors", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});
