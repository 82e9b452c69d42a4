import { createHash, randomBytes, randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce, sqliteOf } from "@/db/queries/connection";
import { apiTokens } from "@/db/schema/api";
import { users } from "@/db/schema/users";
import type { UserProfile } from "@/db/queries/users";
import type { ApiTokenRow } from "@/lib/validation/api-token";

// Personal API tokens: "fd_" + 32 random bytes (base64url). Stored as SHA-256 only; shown once.

const TOKEN_PREFIX = "fd_";

/** SHA-256 (hex) of a token: what the table stores and looks up. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as lists show it (never the token itself), with its own rate limit. */
export interface ApiTokenListing extends ApiTokenRow {
  rateLimitPerMinute: number | null;
}

/** The caller behind a valid token: its user (role included) and the token's own settings. */
export interface ApiTokenCaller extends UserProfile {
  tokenId: string;
  rateLimitPerMinute: number | null;
}

/**
 * Creates a token for a user and returns it in clear text: the only time it exists outside the caller.
 * `name` says what it is for (validated by lib/api/schemas apiTokenName).
 */
export function createApiToken(
  db: Db,
  input: { userId: string; name: string; now: number; rateLimitPerMinute?: number | null },
): { token: string; listing: ApiTokenListing } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = {
    id: randomUUID(),
    userId: input.userId,
    name: input.name,
    tokenHash: hashApiToken(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    createdAt: input.now,
    lastUsedAt: null,
    revokedAt: null,
    rateLimitPerMinute: input.rateLimitPerMinute ?? null,
  };
  db.insert(apiTokens).values(row).run();
  const listing: ApiTokenListing = {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: null,
    revokedAt: null,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
  return { token, listing };
}

/** A user's tokens, newest first, revoked ones included (marked). */
export function listApiTokens(db: Db, userId: string): ApiTokenListing[] {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      rateLimitPerMinute: apiTokens.rateLimitPerMinute,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

/** Revokes one of the user's own tokens; false when they have no such live token. */
export function revokeApiToken(db: Db, input: { userId: string; tokenId: string; now: number }): boolean {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: input.now })
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes > 0;
}

function prepareLookup(db: Db) {
  return db
    .select({
      tokenId: apiTokens.id,
      rateLimitPerMinute: apiTokens.rateLimitPerMinute,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      name: users.name,
      handle: users.handle,
      email: users.email,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(apiTokens.revokedAt)))
    .prepare();
}

/** lastUsedAt is refreshed at most once a minute per token, so reads do not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The user behind a live (not revoked) token, read fresh (a role change applies at once), or null for an
 * unknown or revoked token. Records when the token was last used (to the minute).
 */
export function findApiTokenCaller(db: Db, token: string, now: number): ApiTokenCaller | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  // every API request runs this lookup
  const row = preparedOnce(db, prepareLookup).all({ hash: hashApiToken(token) })[0];
  if (!row) return null;
  if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS)
    db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId)).run();
  return { tokenId: row.tokenId, rateLimitPerMinute: row.rateLimitPerMinute, id: row.id, name: row.name, handle: row.handle, email: row.email, role: row.role };
}

// ---- Idempotency keys ----

/** How long an Idempotency-Key's answer is kept: at least 24 hours (the promise), 48 in fact. */
export const IDEMPOTENCY_RETENTION_MS = 48 * 3_600_000;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type IdempotentOutcome =
  | { kind: "fresh"; answer: StoredAnswer }
  | { kind: "replayed"; answer: StoredAnswer }
  | { kind: "key_reused" };

/**
 * Runs `work` at most once per (user, key): in ONE transaction (IMMEDIATE, as every openDb one) it
 * looks the key up, and either returns the stored answer (same request: nothing is written), refuses
 * (same key, another request), or runs `work` and stores its answer with it. Because the write and its answer commit together, a crash
 * can never keep one without the other: a retry after any failure either finds the answer or redoes the
 * work once. Answers with a 5xx status are not stored (the retry should run again). Keys older than the
 * retention are deleted as new ones arrive.
 */
export function runIdempotent(
  db: Db,
  input: { userId: string; key: string; requestHash: string; now: number },
  work: (tx: Db) => StoredAnswer,
): IdempotentOutcome {
  const statements = idempotencyStatementsOf(sqliteOf(db));
  return db.transaction((tx): IdempotentOutcome => {
    const existing = statements.find.get(input.userId, input.key) as
      | { requestHash: string; status: number; responseBody: string; createdAt: number }
      | undefined;
    if (existing && existing.createdAt > input.now - IDEMPOTENCY_RETENTION_MS) {
      if (existing.requestHash !== input.requestHash) return { kind: "key_reused" };
      return { kind: "replayed", answer: { status: existing.status, body: JSON.parse(existing.responseBody) } };
    }
    const answer = work(tx as unknown as Db);
    if (answer.status < 500) {
      statements.deleteExpired.run(input.now - IDEMPOTENCY_RETENTION_MS);
      statements.store.run(input.userId, input.key, input.requestHash, answer.status, JSON.stringify(answer.body), input.now);
    }
    return { kind: "fresh", answer };
  });
}

// Prepared once per connection: every POST with a key runs these (preparing them cost more than running them).
const idempotencyStatements = new WeakMap<Database.Database, { find: Database.Statement; deleteExpired: Database.Statement; store: Database.Statement }>();

function idempotencyStatementsOf(sqlite: Database.Database) {
  let statements = idempotencyStatements.get(sqlite);
  if (!statements) {
    statements = {
      find: sqlite.prepare(
        `select request_hash as requestHash, status, response_body as responseBody, created_at as createdAt
         from idempotency_keys where user_id = ? and key = ?`,
      ),
      deleteExpired: sqlite.prepare("delete from idempotency_keys where created_at < ?"),
      store: sqlite.prepare(
        `insert into idempotency_keys (user_id, key, request_hash, status, response_body, created_at) values (?, ?, ?, ?, ?, ?)
         on conflict (user_id, key) do update set request_hash = excluded.request_hash, status = excluded.status,
           response_body = excluded.response_body, created_at = excluded.created_at`,
      ),
    };
    idempotencyStatements.set(sqlite, statements);
  }
  return statements;
}
