import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as continuousTables from "./schema/continuous-questions";
import * as forecastTables from "./schema/forecasts";
import * as questionTables from "./schema/questions";
import * as resolutionTables from "./schema/resolutions";
import * as userTables from "./schema/users";

/** Every table, for drizzle's relational queries and better-auth's adapter. */
export const schema = { ...userTables, ...questionTables, ...forecastTables, ...resolutionTables, ...continuousTables };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "./data/forecast-desk.db";

/** The database file the app and every CLI use: DATABASE_PATH, or ./data/forecast-desk.db. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

// Resolved at run time from the project root; the ignore comment keeps Turbopack from tracing the
// whole project into the server bundle because of it.
const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Opens (creating if needed) a SQLite file with WAL, a busy timeout and foreign keys on,
 * and applies every pending migration. `:memory:` works too.
 */
export function openDb(file: string = databasePath(), options: { migrate?: boolean } = {}): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

const globalForDb = globalThis as unknown as { forecastDeskDb?: Db; forecastDeskDbPath?: string };

/** The process-wide connection (cached on globalThis so hot reload does not open a new one). */
export function getDb(): Db {
  const file = databasePath();
  if (!globalForDb.forecastDeskDb || globalForDb.forecastDeskDbPath !== file) {
    globalForDb.forecastDeskDb = openDb(file);
    globalForDb.forecastDeskDbPath = file;
  }
  return globalForDb.forecastDeskDb;
}
