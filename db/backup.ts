import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// Backups of a live desk with SQLite's online backup API (sqlite3_backup_*), and restores.
// A plain copy of the database file misses every write still in the -wal file; the backup API reads
// through SQLite, so it sees exactly the committed state.

export interface BackupResult {
  file: string;
  pages: number;
  /** Rows per table in the copy (what it holds, for the CLI's report). */
  rowCounts: Record<string, number>;
}

/** Every user table of a database file and its row count. */
export function tableRowCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = sqlite.prepare(`select count(*) from "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return out;
}

/** `PRAGMA integrity_check` of an open database: [] when it is sound, else SQLite's complaints. */
export function integrityProblems(sqlite: Database.Database): string[] {
  const rows = sqlite.pragma("integrity_check", { simple: false }) as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).filter((m) => m !== "ok");
}

/**
 * Copies `source` (a desk that may be serving writes from other processes) to `target` with the online
 * backup API in ONE step: the copy is the snapshot of a single read transaction, which in WAL mode does
 * not block the writers. (Copying in small steps would restart whenever another process writes, and
 * could never finish on a busy desk.) The copy is written to a temporary file beside `target`, checked
 * with integrity_check, switched out of WAL (a single self-contained file) and only then renamed over `target`.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  const resolvedTarget = path.resolve(target);
  if (resolvedTarget === path.resolve(source)) throw new Error("The backup file must not be the database itself");
  fs.mkdirSync(path.dirname(resolvedTarget), { recursive: true });
  const partial = `${resolvedTarget}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    const progress = await sqlite.backup(partial, { progress: () => 0x7fffffff });
    const copy = new Database(partial);
    try {
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`The copy failed integrity_check: ${problems.slice(0, 5).join("; ")}`);
      copy.pragma("journal_mode = DELETE");
      const rowCounts = tableRowCounts(copy);
      copy.close();
      fs.renameSync(partial, resolvedTarget);
      return { file: resolvedTarget, pages: progress.totalPages, rowCounts };
    } finally {
      if (copy.open) copy.close();
    }
  } finally {
    sqlite.close();
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
  }
}

export class DeskInUseError extends Error {
  constructor(file: string) {
    super(`${file} is open in another process (a running desk?): stop it before restoring`);
    this.name = "DeskInUseError";
  }
}

/**
 * Whether another process has `file` open. A WAL database can only leave WAL mode when no other
 * connection uses it, so asking for journal_mode=DELETE without waiting answers the question (and, when
 * nobody does, checkpoints and removes the -wal and -shm files, which the restore replaces anyway).
 */
function isInUse(file: string): boolean {
  const sqlite = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    const mode = sqlite.pragma("journal_mode = DELETE", { simple: true });
    return mode !== "delete";
  } catch (error) {
    if (error instanceof Error && /locked|busy/i.test(error.message)) return true;
    throw error;
  } finally {
    sqlite.close();
  }
}

export interface RestoreResult {
  file: string;
  /** Where the database that was there before went (null when there was none). */
  previous: string | null;
  rowCounts: Record<string, number>;
}

/**
 * Brings a backup back as the desk's database `target`. Refuses when `target` is open in another process
 * (a running desk: DeskInUseError) or when the backup is not a sound SQLite database. The database that
 * was at `target` is kept beside it as `<target>.before-restore-<time>`; the backup is copied to a
 * temporary file, checked, switched back to WAL and renamed into place, so `target` is never half-written.
 */
export async function restoreDatabase(backupFile: string, target: string, now = Date.now()): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile)) throw new Error(`No backup at ${backupFile}`);
  const resolvedTarget = path.resolve(target);
  if (fs.existsSync(resolvedTarget) && isInUse(resolvedTarget)) throw new DeskInUseError(resolvedTarget);
  fs.mkdirSync(path.dirname(resolvedTarget), { recursive: true });
  const partial = `${resolvedTarget}.restoring-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const problems = integrityProblems(source);
    if (problems.length) throw new Error(`The backup failed integrity_check: ${problems.slice(0, 5).join("; ")}`);
    await source.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof Error && /not a database|malformed/i.test(error.message))
      throw new Error(`${backupFile} is not a SQLite database backup`);
    throw error;
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  copy.pragma("journal_mode = WAL");
  const rowCounts = tableRowCounts(copy);
  copy.close();
  // Checked again right before the switch: a desk started meanwhile must not lose its file under it.
  if (fs.existsSync(resolvedTarget) && isInUse(resolvedTarget)) {
    fs.rmSync(partial, { force: true });
    throw new DeskInUseError(resolvedTarget);
  }
  let previous: string | null = null;
  if (fs.existsSync(resolvedTarget)) {
    previous = `${resolvedTarget}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(resolvedTarget, previous);
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(resolvedTarget + suffix, { force: true });
  fs.renameSync(partial, resolvedTarget);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(partial + suffix, { force: true });
  return { file: resolvedTarget, previous, rowCounts };
}
