import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

// Invitation links of a private desk (REQUIRE_SIGN_IN=1): single use, expiring, revocable. Only the
// SHA-256 of the token is stored; the link itself is shown once, to the admin who made it.
export const invitations = sqliteTable(
  "invitation",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Who it is for, as the admin wrote it (a name or an address); shown on the Users page only. */
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    usedByEmail: text("used_by_email"),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("invitation_created_idx").on(t.createdAt)],
);
