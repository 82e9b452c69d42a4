import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, DeskInUseError, integrityProblems, restoreDatabase } from "@/db/backup";
import { openDb } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { questions } from "@/db/schema/questions";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const DAY = 86_400_000;

let dir: string;
let deskFile: string;
let forecasterId: string;
let writer: ChildProcess | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-backup-"));
  deskFile = path.join(dir, "desk.db");
  const db = openDb(deskFile);
  forecasterId = createUser(db, { email: "ana@example.org", name: "Ana Lind", handle: "ana" }).id;
  const now = Date.now();
  db.insert(questions)
    .values({ id: "q1", title: "Q1", type: "binary", openTime: now - DAY, closeTime: now + 30 * DAY, createdAt: now, updatedAt: now })
    .run();
  db.$client.close();
});

afterEach(() => {
  writer?.kill("SIGKILL");
  writer = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the writer process; `acks` fills with the ids it reports committed. */
function startWriter(acks: number[]): Promise<void> {
  writer = spawn(TSX, [path.join(__dirname, "support", "forecast-writer.ts"), deskFile, "q1", forecasterId], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffered = "";
  return new Promise((resolve) => {
    writer!.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) if (line.startsWith("ack ")) acks.push(Number(line.slice(4)));
      if (acks.length >= 200) resolve();
    });
  });
}

function stopWriter(): Promise<void> {
  return new Promise((resolve) => {
    if (!writer || writer.exitCode !== null) return resolve();
    writer.once("exit", () => resolve());
    writer.kill("SIGTERM");
  });
}

function forecastIds(file: string): number[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare("select id from forecasts order by id").pluck().all() as number[];
  } finally {
    sqlite.close();
  }
}

describe("backup and restore", () => {
  it("takes a consistent, complete copy while another process writes, and restores it into a new desk", async () => {
    const acks: number[] = [];
    await startWriter(acks);
    const ackedBefore = [...acks];
    // The CLI exactly as the README runs it, while the writer keeps writing.
    const backupFile = path.join(dir, "backups", "desk-backup.db");
    fs.mkdirSync(path.dirname(backupFile));
    // Run asynchronously, so the writer's acknowledgements keep arriving meanwhile.
    const cli = await promisify(execFile)(TSX, ["cli/backup.ts", backupFile], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: deskFile }, encoding: "utf8" });
    const ackedAfter = [...acks];
    expect(cli.stdout).toMatch(/integrity ok/);
    await stopWriter();
    expect(ackedAfter.length).toBeGreaterThan(ackedBefore.length); // writes went on during the backup

    // The backup is a snapshot: every forecast acknowledged before it began, and a gap-free prefix of the desk.
    const inBackup = forecastIds(backupFile);
    const inDesk = forecastIds(deskFile);
    expect(inBackup.length).toBeGreaterThanOrEqual(ackedBefore.length);
    expect(inBackup).toEqual(inDesk.slice(0, inBackup.length));
    expect(new Set(inBackup)).toSatisfy((s: Set<number>) => ackedBefore.every((id) => s.has(id)));
    expect(fs.existsSync(`${backupFile}-wal`)).toBe(false); // one self-contained file

    // Restore into a new desk with the CLI: sound, the same rows, and the app opens it.
    const newDesk = path.join(dir, "restored", "desk.db");
    const restore = spawnSync(TSX, ["cli/restore.ts", backupFile], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: newDesk }, encoding: "utf8" });
    expect(restore.status, restore.stderr).toBe(0);
    expect(forecastIds(newDesk)).toEqual(inBackup);
    const restored = openDb(newDesk);
    try {
      expect(integrityProblems(restored.$client)).toEqual([]);
      expect(restored.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(restored.$client.pragma("foreign_key_check")).toEqual([]);
      const rows = restored.$client.prepare("select rationale, probabilities from forecasts order by id").all() as Array<{ rationale: string; probabilities: string }>;
      expect(rows[0].rationale).toBe("write 0");
      expect(JSON.parse(rows[0].probabilities)).toEqual([0.95, 0.05]);
    } finally {
      restored.$client.close();
    }
  });

  it("refuses to restore over a desk that is open, and keeps the database it replaces", async () => {
    const backupFile = path.join(dir, "b.db");
    await backupDatabase(deskFile, backupFile);
    const running = openDb(deskFile, { migrate: false });
    running.$client.prepare("select count(*) from forecasts").get();
    await expect(restoreDatabase(backupFile, deskFile)).rejects.toBeInstanceOf(DeskInUseError);
    const cli = spawnSync(TSX, ["cli/restore.ts", backupFile], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: deskFile }, encoding: "utf8" });
    expect(cli.status).toBe(3);
    expect(cli.stderr).toMatch(/open in another process/);
    running.$client.close();

    const result = await restoreDatabase(backupFile, deskFile, Date.UTC(2026, 0, 2));
    expect(result.previous).toMatch(/desk\.db\.before-restore-2026-01-02T00-00-00-000Z$/);
    expect(fs.existsSync(result.previous!)).toBe(true);
  });

  it("refuses a file that is not a database backup and leaves the desk as it was", async () => {
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "this is not sqlite ".repeat(300));
    const before = forecastIds(deskFile);
    await expect(restoreDatabase(junk, deskFile)).rejects.toThrow(/not a SQLite database/);
    expect(forecastIds(deskFile)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes("restoring"))).toEqual([]);
  });
});
