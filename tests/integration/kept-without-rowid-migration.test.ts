import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDb, schema, type Db } from "@/db/client";
import { importDataset } from "@/db/queries/exchange";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { exchangeFixture } from "../fixtures";
import { MIGRATIONS, migrationsBefore } from "./support/migrations-before";

// The migration that stores kept_crowd_history and kept_score_rows WITHOUT ROWID (db/migrations
// *_import11_kept_without_rowid.sql) keeps every row and index: a demo desk filled at the previous
// migration (with the worked example imported) holds the same kept rows after it.

const TAG = "import11_kept_without_rowid";
const TABLES = {
  kept_crowd_history: "question_id, population, method, time",
  kept_score_rows: "question_id, population, forecaster_id",
};
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-kept-rowid-migration-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function keptRows(sqlite: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(TABLES).map(([table, key]) => [table, sqlite.prepare(`select * from ${table} order by ${key}`).all()]));
}

const layout = (sqlite: Database.Database) => ({
  withoutRowid: sqlite.prepare(`select name, wr from pragma_table_list where name in ('kept_crowd_history', 'kept_score_rows') order by name`).all(),
  indexes: sqlite.prepare(`select name from sqlite_master where type = 'index' and tbl_name in ('kept_crowd_history', 'kept_score_rows') order by name`).pluck().all(),
});

it("keeps every crowd history point and score row, now stored WITHOUT ROWID", () => {
  const file = path.join(dir, "desk.db");
  const old = new Database(file);
  old.pragma("foreign_keys = ON");
  const oldDb = drizzle(old, { schema }) as unknown as Db;
  migrate(oldDb, { migrationsFolder: migrationsBefore(dir, TAG) });
  const read = readDatasetV1(JSON.parse(fs.readFileSync(exchangeFixture("example.json"), "utf8")));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  // Today's import also keeps each forecaster's latest forecast and per-forecaster totals, tables of later
  // migrations (the first statement of each): made for the import and dropped again, so the migrations
  // below meet the desk as it was then.
  const laterTables = ["kept_latest_forecasts", "kept_forecaster_totals"];
  for (const table of laterTables) {
    const migration = fs.readdirSync(MIGRATIONS).find((f) => f.endsWith(`_${table.replace(/^kept_/, "")}.sql`))!;
    old.exec(fs.readFileSync(path.join(MIGRATIONS, migration), "utf8").split("--> statement-breakpoint")[0]);
  }
  importDataset(oldDb, read.dataset, { now: Date.UTC(2026, 10, 30, 12) });
  for (const table of laterTables) old.exec(`drop table ${table}`);
  const before = keptRows(old);
  expect(layout(old).withoutRowid).toEqual([
    { name: "kept_crowd_history", wr: 0 },
    { name: "kept_score_rows", wr: 0 },
  ]);
  old.close();
  expect(before.kept_crowd_history.length).toBeGreaterThan(10);
  expect(before.kept_score_rows.length).toBeGreaterThan(5);

  // The indexes a new desk has after every migration (later ones replace some of them).
  const fresh = openDb(path.join(dir, "fresh.db"));
  const freshIndexes = layout(fresh.$client).indexes;
  fresh.$client.close();
  expect(freshIndexes).toContain("kept_score_rows_resolve_idx");
  const db = openDb(file);
  try {
    expect(keptRows(db.$client)).toEqual(before);
    expect(layout(db.$client)).toEqual({
      withoutRowid: [
        { name: "kept_crowd_history", wr: 1 },
        { name: "kept_score_rows", wr: 1 },
      ],
      indexes: freshIndexes,
    });
  } finally {
    db.$client.close();
  }
});
