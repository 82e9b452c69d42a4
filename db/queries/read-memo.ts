import type Database from "better-sqlite3";

// Reads kept between requests, per database connection and per kind of read (the last few keys of
// each), while a stamp read from the database on every use is unchanged. Never computed inside a
// transaction, which may yet roll back; a write may keep what it left once it has committed
// (keepAfterCommit). Callers share what is returned and must not change it.

const memos = new WeakMap<object, Map<string, { stamp: string; entries: Array<{ key: string; value: unknown }> }>>();
const KEPT_PER_KIND = 8;

/** `compute()` for `key`, or what it gave before while `stamp` (read from the database by the caller) is unchanged. */
export function memoWhileStamp<T>(sqlite: Database.Database, stamp: string, kind: string, key: string, compute: () => T): T {
  if (sqlite.inTransaction) return compute();
  let kinds = memos.get(sqlite);
  if (!kinds) memos.set(sqlite, (kinds = new Map()));
  let memo = kinds.get(kind);
  if (memo?.stamp !== stamp) kinds.set(kind, (memo = { stamp, entries: [] }));
  const hit = memo.entries.find((e) => e.key === key);
  if (hit) return hit.value as T;
  const value = compute();
  memo.entries = [{ key, value }, ...memo.entries].slice(0, KEPT_PER_KIND);
  return value;
}

/**
 * A stamp that moves whenever the database may have changed for this connection: another
 * connection committed (PRAGMA data_version moves on each such commit) or this one inserted, updated
 * or deleted a row (SQLite's total_changes() counts every row any of its statements changed,
 * triggers included, even when rolled back).
 */
export function databaseStamp(sqlite: Database.Database): string {
  let statement = stampStatements.get(sqlite);
  if (!statement) stampStatements.set(sqlite, (statement = sqlite.prepare("select data_version, total_changes() from pragma_data_version").raw()));
  const [version, changes] = statement.get() as [number, number];
  return `${version}:${changes}`;
}

// One statement per connection reads both (every memoized read on every request reads the stamp).
const stampStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * What the server reads most often and recomputes for every visitor — a busy question's crowd
 * history (10,000 points) and its standing forecasts (2,000) — kept while the database is unchanged
 * at all: any write drops it, so nothing is ever served stale; a desk read far more than written
 * serves these reads from memory.
 */
export function memoWhileUnchanged<T>(sqlite: Database.Database, kind: string, key: string, compute: () => T): T {
  return memoWhileStamp(sqlite, databaseStamp(sqlite), kind, key, compute);
}

/**
 * What a write kept with keepAfterCommit for (kind, key), while the database is as that write left it
 * (the stamp is unchanged since). Safe inside a transaction before it writes anything.
 */
export function keptSinceWrite<T>(sqlite: Database.Database, kind: string, key: string): T | undefined {
  const memo = memos.get(sqlite)?.get(kind);
  if (!memo || memo.stamp !== databaseStamp(sqlite)) return undefined;
  return memo.entries.find((e) => e.key === key)?.value as T | undefined;
}

/**
 * Keeps what a write transaction left, for the next writer on this connection (keptSinceWrite):
 * `stamp` is databaseStamp read inside the transaction after its last write; call once it has
 * committed, never for a transaction nested in a caller's (which may yet roll back).
 */
export function keepAfterCommit(sqlite: Database.Database, stamp: string, kind: string, key: string, value: unknown): void {
  let kinds = memos.get(sqlite);
  if (!kinds) memos.set(sqlite, (kinds = new Map()));
  kinds.set(kind, { stamp, entries: [{ key, value }] });
}
