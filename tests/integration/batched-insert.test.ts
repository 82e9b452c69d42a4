// BatchedInsert writes rows in order, many per statement, and only what was added; withBulkLoadJournal
// leaves the WAL for a load only when no other connection has the file open, and always comes back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BatchedInsert, withBulkLoadJournal } from "@/db/queries/batched-insert";

let dir: string;
let sqlite: Database.Database;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-batched-"));
  sqlite = new Database(path.join(dir, "t.db"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec("create table t (id integer primary key autoincrement, a text not null, b real)");
});
afterEach(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("BatchedInsert", () => {
  it("writes every row in the order added, ids as one insert per row would give them", () => {
    const rows = new BatchedInsert(sqlite, "t", ["a", "b"]);
    // 64 rows fill a statement; 150 = two full statements and a remainder of 22.
    for (let i = 0; i < 150; i++) rows.add(`row ${i}`, i % 3 === 0 ? null : i / 7);
    rows.flush();
    const stored = sqlite.prepare("select id, a, b from t order by id").all() as Array<{ id: number; a: string; b: number | null }>;
    expect(stored).toHaveLength(150);
    stored.forEach((r, i) => expect(r).toEqual({ id: i + 1, a: `row ${i}`, b: i % 3 === 0 ? null : i / 7 }));
  });

  it("writes nothing it was not flushed, nothing discarded, and refuses a row of the wrong width", () => {
    const rows = new BatchedInsert(sqlite, "t", ["a", "b"]);
    rows.add("kept", 1);
    rows.flush();
    rows.add("dropped", 2);
    rows.discard();
    rows.flush();
    expect(sqlite.prepare("select a from t").pluck().all()).toEqual(["kept"]);
    expect(() => rows.add("one value only")).toThrow(/1 values for 2 columns/);
  });

  it("addEach writes rows that share their first values, in order, and refuses values that do not make whole rows", () => {
    const rows = new BatchedInsert(sqlite, "t", ["a", "b"]);
    // 100 rows of one value each after the shared "same": one full statement and a remainder.
    rows.addEach(["same"], Array.from({ length: 100 }, (_, i) => i));
    rows.add("after", null);
    rows.flush();
    const stored = sqlite.prepare("select id, a, b from t order by id").all() as Array<{ id: number; a: string; b: number | null }>;
    expect(stored).toHaveLength(101);
    stored.slice(0, 100).forEach((r, i) => expect(r).toEqual({ id: i + 1, a: "same", b: i }));
    expect(stored[100]).toEqual({ id: 101, a: "after", b: null });
    const wide = new BatchedInsert(sqlite, "t", ["a", "b"]);
    expect(() => wide.addEach([], ["x", 1, "y"])).toThrow(/3 values do not make rows of 2/);
    expect(() => wide.addEach(["x", 1], [])).toThrow(/do not make rows of 0/);
  });
});

describe("withBulkLoadJournal", () => {
  it("runs the load with the rollback journal and in-memory sorts, then restores WAL and temp_store", () => {
    const during = withBulkLoadJournal(sqlite, () => [sqlite.pragma("journal_mode", { simple: true }), sqlite.pragma("temp_store", { simple: true })]);
    expect(during).toEqual(["delete", 2]);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("temp_store", { simple: true })).toBe(0);
  });

  it("stays in WAL when another connection has the file open, and restores after a failed load", () => {
    const reader = new Database(path.join(dir, "t.db"), { readonly: true });
    try {
      reader.prepare("select count(*) from t").get();
      expect(withBulkLoadJournal(sqlite, () => sqlite.pragma("journal_mode", { simple: true }))).toBe("wal");
    } finally {
      reader.close();
    }
    expect(() =>
      withBulkLoadJournal(sqlite, () => {
        throw new Error("load failed");
      }),
    ).toThrow("load failed");
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("temp_store", { simple: true })).toBe(0);
  });
});
