import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * Accounts an admin marked as bots: a named model or script, run by an owner. Bots forecast only through
 * the API, and the crowd people see leaves them out unless the desk opts them in (deskSettings).
 */
export const botAccounts = sqliteTable("bot_accounts", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The model or script, e.g. "gpt-5.1 (zero-shot, 2026-01 prompt)". */
  model: text("model").notNull(),
  ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
  markedBy: text("marked_by").references(() => users.id, { onDelete: "set null" }),
  markedAt: integer("marked_at").notNull(),
});

/** Desk-wide switches set by admins, one row per key (value JSON). */
export const deskSettings = sqliteTable("desk_settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at").notNull(),
});
