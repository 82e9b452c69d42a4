import type Database from "better-sqlite3";

/**
 * What the server reads most often and recomputes for every visitor — a busy question's crowd
 * history (10,000 points) and its standing forecasts (2,000) — kept per connection while the
 * database is unchanged: no other connection committed (PRAGMA data_version moves on each such
 * commit) and this one inserted, updated or deleted no row (SQLite's total_changes() counts every
 * row any of its statements changed, triggers included, even when rolled back). Any write at all
 * drops everything kept, so nothing is ever served stale; a desk only read between writes, or read
 * far more than written, serves these reads from memory. Never inside a transaction. Callers share
 * what is returned and must not change it.
 */
const memos = new WeakMap<object, { stamp: string; entries: Map<string, Array<{ key: string; value: unknown }>> }>();
const KEPT_PER_KIND = 8;

function databaseStamp(sqlite: Database.Database): string {
  const version = sqlite.pragma("data_version", { simple: true }) as number;
  const changes = (sqlite.prepare("select total_changes()").raw().get() as [number])[0];
  return `${version}:${changes}`;
}

export function memoWhileUnchanged<T>(sqlite: Database.Database, kind: string, key: string, compute: () => T): T {
  if (sqlite.inTransaction) return compute();
  const stamp = databaseStamp(sqlite);
  let memo = memos.get(sqlite);
  if (memo?.stamp !== stamp) memos.set(sqlite, (memo = { stamp, entries: new Map() }));
  const entries = memo.entries.get(kind) ?? [];
  const hit = entries.find((e) => e.key === key);
  if (hit) return hit.value as T;
  const value = compute();
  memo.entries.set(kind, [{ key, value }, ...entries].slice(0, KEPT_PER_KIND));
  return value;
}
