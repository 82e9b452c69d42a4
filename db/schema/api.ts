import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * Personal API tokens (Authorization: Bearer …). Only the SHA-256 of the token is stored: tokens are 256
 * random bits, so a fast hash is enough (a slow password hash would cost every request). `prefix` is the
 * token's first characters, shown in lists so a person can tell tokens apart. A token acts as its user,
 * with that user's role, and nothing more. Revoked tokens stay listed (revokedAt set) and never work again.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
    /** Requests per minute this token may make; null: the desk's default (API_RATE_LIMIT_PER_MINUTE). */
    rateLimitPerMinute: integer("rate_limit_per_minute"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Answers to POST requests carrying an Idempotency-Key, per user: a retry with the same key and body gets
 * the stored answer and writes nothing; the same key with another body is refused. Kept ≥ 24 hours.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: what "the same request" means. */
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    responseBody: text("response_body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
