import type Database from "better-sqlite3";

// Bulk loads (an import, a rebuild of the kept tables) insert up to millions of rows. One statement
// per row pays SQLite's per-statement work (and an AUTOINCREMENT table's sqlite_sequence update) and
// a call into the driver each time; one statement of many rows pays it once per batch: 1M forecast
// rows took 1.5 s of CPU in batches of 64 against 2.6–3.2 s one by one (same table and index, one run
// on the shared machine). Rows keep their order, so AUTOINCREMENT ids come out as with single inserts.

const ROWS_PER_STATEMENT = 64;

/** Statements by connection and SQL text, prepared once. */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let bySql = prepared.get(sqlite);
  if (!bySql) prepared.set(sqlite, (bySql = new Map()));
  let s = bySql.get(sql);
  if (!s) bySql.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

/**
 * Buffers rows for `insert into <table> (<columns>)` and writes them many per statement. Call
 * `flush()` before anything reads the table back and when done: rows still buffered are not written.
 */
export class BatchedInsert {
  private readonly width: number;
  private readonly values: unknown[];
  private rows = 0;
  private readonly head: string;
  private readonly tuple: string;
  private readonly many: Database.Statement;

  constructor(
    private readonly sqlite: Database.Database,
    table: string,
    columns: readonly string[],
  ) {
    this.width = columns.length;
    this.values = new Array(this.width * ROWS_PER_STATEMENT);
    this.head = `insert into ${table} (${columns.join(", ")}) values `;
    this.tuple = `(${columns.map(() => "?").join(", ")})`;
    this.many = this.statementOf(ROWS_PER_STATEMENT);
  }

  private statementOf(rows: number): Database.Statement {
    return statement(this.sqlite, this.head + new Array(rows).fill(this.tuple).join(", "));
  }

  /** One row, its values in the order of the columns given. */
  add(...row: unknown[]): void {
    if (row.length !== this.width) throw new Error(`BatchedInsert: ${row.length} values for ${this.width} columns`);
    const at = this.rows * this.width;
    for (let i = 0; i < this.width; i++) this.values[at + i] = row[i];
    if (++this.rows === ROWS_PER_STATEMENT) {
      this.many.run(this.values);
      this.rows = 0;
    }
  }

  /**
   * Many rows that share their first values: `prefix`, then each row's own values taken in turn from
   * `flat` (width minus the prefix's length values a row).
   */
  addEach(prefix: readonly unknown[], flat: readonly unknown[]): void {
    const own = this.width - prefix.length;
    if (own <= 0 || flat.length % own !== 0) throw new Error(`BatchedInsert: ${flat.length} values do not make rows of ${own}`);
    for (let start = 0; start < flat.length; start += own) {
      let at = this.rows * this.width;
      for (let i = 0; i < prefix.length; i++) this.values[at++] = prefix[i];
      for (let i = 0; i < own; i++) this.values[at++] = flat[start + i];
      if (++this.rows === ROWS_PER_STATEMENT) {
        this.many.run(this.values);
        this.rows = 0;
      }
    }
  }

  /** Drops the rows still buffered (the load failed; its transaction rolls back). */
  discard(): void {
    this.rows = 0;
  }

  /** Writes the rows still buffered (one statement). */
  flush(): void {
    if (this.rows === 0) return;
    this.statementOf(this.rows).run(this.values.slice(0, this.rows * this.width));
    this.rows = 0;
  }
}

/**
 * Runs a bulk load into a desk that holds nothing yet (a first import of an archive) with SQLite's
 * rollback journal instead of the WAL, and sorts (index builds) in memory. In WAL mode every page is
 * written twice, to the WAL and then by the checkpoint into the file (the 1M import's commit
 * checkpointed ~400 MB); with the rollback journal, pages beyond the file's old end need no journal
 * copy, so a fresh file is written once. Atomicity is the same: a crash leaves a hot journal that the
 * next open rolls back. Restores both settings after. When another connection has the file open,
 * the WAL cannot be left and the load runs in it as usual.
 */
export function withBulkLoadJournal<T>(sqlite: Database.Database, load: () => T): T {
  const tempStore = sqlite.pragma("temp_store", { simple: true }) as number;
  let leftWal = false;
  if (sqlite.pragma("journal_mode", { simple: true }) === "wal") {
    try {
      leftWal = sqlite.pragma("journal_mode = DELETE", { simple: true }) === "delete";
    } catch {
      // SQLITE_BUSY: a reader or the server holds the WAL open.
    }
  }
  sqlite.pragma("temp_store = MEMORY");
  try {
    return load();
  } finally {
    sqlite.pragma(`temp_store = ${tempStore}`);
    if (leftWal) sqlite.pragma("journal_mode = WAL");
  }
}
