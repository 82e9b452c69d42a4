import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { forecasts } from "@/db/schema/forecasts";
import { questions } from "@/db/schema/questions";
import { exchangeFixture } from "../fixtures";

// The import/export commands as a user runs them: exit codes, messages, files, and nothing written on bad input.

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-import-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], database: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_PATH: database },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function count(database: string) {
  const db = openDb(database);
  try {
    return { questions: db.select().from(questions).all().length, forecasts: db.select().from(forecasts).all().length };
  } finally {
    db.$client.close();
  }
}

const example = exchangeFixture("example.json");

describe("npm run import / export", { timeout: 180_000 }, () => {
  it("rejects a bad forecast with exit 2, naming its JSON path, and writes nothing", () => {
    const doc = JSON.parse(fs.readFileSync(example, "utf8"));
    doc.forecasts[7].probability = 1.5;
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify(doc));
    const database = path.join(dir, "bad.db");
    const result = run("cli/import.ts", [bad], database);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/forecasts\[7\]\.probability: /);
    expect(result.stdout).toBe("");
    expect(count(database)).toEqual({ questions: 0, forecasts: 0 });
  });

  it("reads text beyond ASCII as UTF-8, and a file of ASCII only (escapes) to the same text", () => {
    const title = "Will Россия and Беларусь sign — über, naïve, 🌍?";
    const doc = JSON.parse(fs.readFileSync(example, "utf8"));
    doc.questions[0].title = title;
    const utf8 = path.join(dir, "utf8.json");
    fs.writeFileSync(utf8, JSON.stringify(doc));
    const ascii = path.join(dir, "ascii.json");
    fs.writeFileSync(ascii, JSON.stringify(doc).replace(/[^\x00-\x7f]/gu, (c) => c.split("").map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")));
    expect(fs.readFileSync(ascii, "utf8")).toMatch(/^[\x00-\x7f]*$/);
    for (const [file, database] of [
      [utf8, path.join(dir, "utf8.db")],
      [ascii, path.join(dir, "ascii.db")],
    ]) {
      expect(run("cli/import.ts", [file], database).code).toBe(0);
      const db = openDb(database);
      try {
        expect(db.select({ title: questions.title }).from(questions).all().map((q) => q.title)).toContain(title);
      } finally {
        db.$client.close();
      }
    }
  });

  it("reports usage errors with exit 2", () => {
    const database = path.join(dir, "usage.db");
    expect(run("cli/import.ts", ["--questions", "q.csv"], database)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--questions and --forecasts go together/),
    });
    const notJson = path.join(dir, "not.json");
    fs.writeFileSync(notJson, "{");
    expect(run("cli/import.ts", [notJson], database)).toMatchObject({ code: 2, stderr: expect.stringMatching(/\$: not valid JSON/) });
  });

  it("imports, re-imports without change, and exports JSON and CSV that import to the same desk", () => {
    const a = path.join(dir, "a.db");
    const first = run("cli/import.ts", [example], a);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/questions +6 added[\s\S]*forecasts +40 added[\s\S]*clipped +2 forecasts/);
    expect(run("cli/import.ts", [example], a).stdout).toMatch(/questions +0 added, 6 already there[\s\S]*forecasts +0 added, 40 already there/);

    const json = path.join(dir, "a.json");
    expect(run("cli/export.ts", [json], a).code).toBe(0);
    const csvDir = path.join(dir, "csv");
    expect(run("cli/export.ts", ["--csv", csvDir], a).code).toBe(0);

    const b = path.join(dir, "b.db");
    const fromCsv = run("cli/import.ts", ["--questions", path.join(csvDir, "questions.csv"), "--forecasts", path.join(csvDir, "forecasts.csv")], b);
    expect(fromCsv.code).toBe(0);
    const again = path.join(dir, "b.json");
    expect(run("cli/export.ts", [again], b).code).toBe(0);
    expect(fs.readFileSync(again, "utf8")).toBe(fs.readFileSync(json, "utf8"));
  });

  it("names the CSV line of a conflicting question and writes nothing", () => {
    // Continues from the previous test: a.db holds the example, csv/ its export.
    const database = path.join(dir, "a.db");
    const qFile = path.join(dir, "csv", "questions.csv");
    const lines = fs.readFileSync(qFile, "utf8").split("\n");
    // The resolution cell, followed by resolution_evidence and the three flags.
    const changed = lines[1].replace(/,no(,[^,]*,(?:true|false),(?:true|false),(?:true|false))$/, ",yes$1");
    expect(changed).not.toBe(lines[1]);
    lines[1] = changed;
    fs.writeFileSync(qFile, lines.join("\n"));
    const result = run("cli/import.ts", ["--questions", qFile, "--forecasts", path.join(dir, "csv", "forecasts.csv")], database);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/questions\.csv line 2, column resolution: question cb-monetary-2022 is stored as "no"/);
    expect(count(database)).toEqual({ questions: 6, forecasts: 40 });
  });
});
