import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as apiTables from "./schema/api";
import * as botTables from "./schema/bots";
import * as continuousTables from "./schema/continuous-questions";
import * as forecastTables from "./schema/forecasts";
import * as invitationTables from "./schema/invitations";
import * as notificationTables from "./schema/notifications";
import * as keptTables from "./schema/kept-scores";
import * as latestForecastTables from "./schema/latest-forecasts";
import * as keptTotalsTables from "./schema/kept-forecaster-totals";
import * as questionTables from "./schema/questions";
import * as rateLimitTables from "./schema/rate-limits";
import * as resolutionTables from "./schema/resolutions";
import * as userTables from "./schema/users";

/** Every table, for drizzle's relational queries and better-auth's adapter. */
export const schema = {
  ...userTables,
  ...questionTables,
  ...forecastTables,
  ...resolutionTables,
  ...invitationTables,
  ...rateLimitTables,
  ...notificationTables,
  ...apiTables,
  ...botTables,
  ...continuousTables,
  ...keptTables,
  ...latestForecastTables,
  ...keptTotalsTables,
};

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
  // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), so a busy file makes it
  // wait out busy_timeout. A deferred one that reads first and then writes fails at once with
  // "database is locked" when another process (a CLI beside the server, or the server beside a CLI)
  // committed in between: SQLite cannot move its snapshot forward, and waiting would not help.
  const deferredByDefault = db.transaction.bind(db);
  db.transaction = ((work, config) => deferredByDefault(work, { behavior: "immediate", ...config })) as Db["transaction"];
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

/** The database file cannot serve the desk: one sentence saying why and what to do. */
export class DatabaseNotUsableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseNotUsableError";
  }
}

/**
 * Checks, before the desk starts, that the database file (and its folder, where SQLite keeps the
 * WAL and the lock files) is writable and that `PRAGMA quick_check` passes. Throws
 * DatabaseNotUsableError with one clear sentence otherwise. A missing file is fine (it is created).
 */
export function checkDatabaseFile(file: string): void {
  const folder = path.dirname(file);
  const writable = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (fs.existsSync(file) && !writable(file))
    throw new DatabaseNotUsableError(`The database file ${file} is read-only: give the desk's user write access to it.`);
  if (fs.existsSync(folder) && !writable(folder))
    throw new DatabaseNotUsableError(
      `The folder ${folder} is read-only: SQLite needs to write its journal there, so give the desk's user write access.`,
    );
  if (!fs.existsSync(file)) return;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true });
    if (sqlite.readonly) throw new DatabaseNotUsableError(`The database file ${file} opens read-only: give the desk's user write access to it.`);
    const rows = sqlite.pragma("quick_check") as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
    if (problems.length > 0)
      throw new DatabaseNotUsableError(
        `The database file ${file} is damaged (PRAGMA quick_check: ${problems[0]}); restore it from a backup.`,
      );
    // A read-only mount or an immutable file passes the permission checks above; a write lock does not.
    sqlite.exec("BEGIN IMMEDIATE; ROLLBACK");
  } catch (error) {
    if (error instanceof DatabaseNotUsableError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if ((error as { code?: string }).code === "SQLITE_CORRUPT")
      throw new DatabaseNotUsableError(`The database file ${file} is damaged (PRAGMA quick_check: ${reason}); restore it from a backup.`);
    throw new DatabaseNotUsableError(
      `The database file ${file} cannot be read as SQLite (${error instanceof Error ? error.message : String(error)}); restore it from a backup.`,
    );
  } finally {
    sqlite?.close();
  }
}
