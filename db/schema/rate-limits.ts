import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// One row per counted event of a rate-limited key ("sign-in:account:<email>", "sign-in:client:<ip>",
// …), kept in the database so every server process and restart sees the same counts.
export const rateLimitEvents = sqliteTable(
  "rate_limit_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("rate_limit_event_key_at_idx").on(t.key, t.at)],
);
