// The desk refuses to start on a database it cannot serve, with one sentence, instead of starting
// ("Database ready") and failing every request: a read-only file, and a file damaged past its header.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabaseFile, openDb } from "@/db/client";
import { createUser } from "@/db/queries/users";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-db-check-"));
  fs.chmodSync(dir, 0o755);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A desk database with enough rows to span many pages. */
function makeDatabase(name: string): string {
  const file = path.join(dir, name);
  const db = openDb(file);
  for (let i = 0; i < 300; i++) createUser(db, { email: `u${i}@example.org`, name: `User number ${i} ${"x".repeat(60)}` });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return file;
}

/** `npm start`'s first step (cli/prepare.ts), as `uid` when given. */
function prepare(file: string, uid?: number) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/prepare.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_PATH: file, HOME: dir },
    encoding: "utf8",
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

describe("checkDatabaseFile at start", () => {
  it("accepts a healthy file and a file that does not exist yet", () => {
    expect(() => checkDatabaseFile(makeDatabase("healthy.db"))).not.toThrow();
    expect(() => checkDatabaseFile(path.join(dir, "new.db"))).not.toThrow();
  });

  it("refuses a file damaged past its header (quick_check fails), with one sentence and exit 1", () => {
    const file = makeDatabase("damaged.db");
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(8 * 4096);
    // Keep the 100-byte header and the first pages; overwrite the middle of the file.
    bytes.fill(0x5a, 2 * 4096, bytes.length - 4096);
    fs.writeFileSync(file, bytes);
    expect(() => checkDatabaseFile(file)).toThrow(/is damaged \(PRAGMA quick_check: .+\); restore it from a backup\.$/);
    const r = prepare(file);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("Database ready");
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^The database file .*damaged\.db is damaged/);
  });

  it("refuses a file that is not SQLite at all", () => {
    const file = path.join(dir, "garbage.db");
    fs.writeFileSync(file, Buffer.alloc(10_000, 0x41));
    expect(() => checkDatabaseFile(file)).toThrow(/cannot be read as SQLite .*restore it from a backup\.$/);
  });

  it("refuses a read-only file with one sentence and exit 1", () => {
    const file = makeDatabase("readonly.db");
    fs.chmodSync(file, 0o444);
    // root may write anything: run the check as an unprivileged user then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const r = prepare(file, uid);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("Database ready");
    expect(r.stderr).toMatch(/^The (database file .*readonly\.db|folder .*) (is|opens) read-only/);
    expect(r.stderr.split("\n")).toHaveLength(1);
  });
});
