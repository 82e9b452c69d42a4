// Two processes write one desk file: the server and a CLI beside it (`npm run user:create`, an import).
// Every transaction of openDb begins IMMEDIATE, so it waits for the other writer instead of failing:
// a deferred one that read before the other committed could not write after (SQLITE_BUSY_SNAPSHOT,
// "database is locked", at once and whatever busy_timeout says). Seen in a clean-clone run: the e2e
// setup's `user:create` beside a server whose job loop wrote at that moment.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { users } from "@/db/schema/users";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-write-tx-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Another process that takes the write lock, says "locked", inserts a row and commits `holdMs` later
 * (as the server's job loop or a second CLI would); resolves once it has said "locked", with a promise
 * of its exit code (wrapped: a promise resolved with a promise would wait for the exit).
 */
function otherWriter(file: string, holdMs: number): Promise<{ exited: Promise<number | null> }> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare("insert into kept_state (key, value) values ('other-writer', 1)").run();
    process.stdout.write("locked\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec("COMMIT");
    db.close();
  `;
  const child = spawn(process.execPath, ["-e", script, file, String(holdMs)], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve({ exited });
    });
    child.on("exit", (code) => reject(new Error(`the other writer exited (${code}) before it held the lock`)));
  });
}

describe("a write beside another process's write", () => {
  it("waits for it and goes through, where a transaction begun deferred fails at once", async () => {
    const file = path.join(dir, "desk.db");
    const db = openDb(file);

    // Begun deferred (drizzle's default): it reads, the other process commits meanwhile, its write fails.
    const deferred = await otherWriter(file, 300);
    expect(() =>
      db.transaction(
        (tx) => {
          tx.select().from(users).all();
          tx.insert(users).values({ id: "d", name: "Deferred", email: "d@example.org", handle: "d", role: "analyst", emailVerified: false, createdAt: new Date(), updatedAt: new Date() }).run();
        },
        { behavior: "deferred" },
      ),
    ).toThrow(/database is locked/);
    expect(await deferred.exited).toBe(0);
    db.$client.prepare("delete from kept_state where key = 'other-writer'").run();

    // openDb's default: createUser (reads, then writes) waits for the other writer's commit, then writes.
    const other = await otherWriter(file, 300);
    // (It could only write once the other process had committed: its row is there, and ours after it.)
    const created = createUser(db, { email: "cli@example.org", name: "Made beside the server", handle: "beside" });
    expect(await other.exited).toBe(0);
    expect(db.select({ handle: users.handle }).from(users).all()).toEqual([{ handle: created.handle }]);
    expect(db.$client.prepare("select value from kept_state where key = 'other-writer'").get()).toEqual({ value: 1 });
    db.$client.close();
  });
});
