import type Database from "better-sqlite3";
import type { Db } from "@/db/client";

// The SQLite connection under a drizzle database or transaction, and queries prepared once per
// connection and run again with new parameters: building a drizzle query and having SQLite compile
// it cost several times running it for the small reads every page and every forecast makes (a
// forecaster's name, the bots, the tags: ~1 ms a page at 1M forecasts). A transaction runs on the
// same connection, so a prepared query read inside one sees its writes.

const prepared = new WeakMap<object, Map<(db: Db) => unknown, unknown>>();

/** What `prepare(db)` returned the first time on this connection; `prepare` must be a module-level function (it is the key). */
export function preparedOnce<T>(db: Db, prepare: (db: Db) => T): T {
  const connection = sqliteOf(db);
  let queries = prepared.get(connection);
  if (!queries) prepared.set(connection, (queries = new Map()));
  let query = queries.get(prepare) as T | undefined;
  if (query === undefined) queries.set(prepare, (query = prepare(db)));
  return query;
}

/**
 * The better-sqlite3 connection under a drizzle database or transaction (bulk writes use prepared
 * statements directly; on the same connection they are part of the caller's transaction).
 */
export function sqliteOf(db: Db): Database.Database {
  return db.$client ?? (db as unknown as { session: { client: Database.Database } }).session.client;
}
