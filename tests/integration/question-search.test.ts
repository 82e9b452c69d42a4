// Full-text search over questions (SQLite FTS5, kept in step by triggers in the writing transaction):
// words in any order, prefixes, diacritics folded, best match first; edits and failed transactions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createQuestion, listQuestions, questionSearchQuery, updateQuestion } from "@/db/queries/questions";
import { createUser } from "@/db/queries/users";
import { questions } from "@/db/schema/questions";
import { seedDemo } from "@/db/seed-demo";
import type { QuestionDefinition } from "@/lib/validation/question";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);
let dir: string;
let db: Db;
let adminId: string;

const def = (over: Partial<QuestionDefinition> = {}): QuestionDefinition => ({
  title: "Untitled",
  description: "",
  resolutionCriteria: "",
  tags: [],
  openTime: NOW - 30 * DAY,
  closeTime: NOW + 30 * DAY,
  resolveBy: null,
  type: "binary",
  scenarios: [],
  hideCrowdUntilForecast: true,
  isDraft: false,
  ...over,
});
const titles = (search: string, includeDrafts = false) => listQuestions(db, { search, includeDrafts }).map((q) => q.title);
const indexRows = () => db.all<{ n: number }>(sql`select count(*) as n from question_search`)[0].n;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-search-"));
  db = openDb(path.join(dir, "fd.db"));
  adminId = createUser(db, { email: "admin@x.org", name: "Admin", role: "admin" }).id;
  createQuestion(db, def({ title: "Will the president of Belarus change?", description: "Lukashenko has ruled since 1994." }), { createdBy: adminId, now: NOW });
  createQuestion(db, def({ title: "Gas price agreement", description: "Minsk and Moscow; the president may sign.", resolutionCriteria: "Yes if Lukashenko signs" }), { createdBy: adminId, now: NOW });
  createQuestion(db, def({ title: "Union state budget", description: "Nothing about the others." }), { createdBy: adminId, now: NOW });
  createQuestion(db, def({ title: "Wiśniewska joins the cabinet", isDraft: true }), { createdBy: adminId, now: NOW });
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("questionSearchQuery", () => {
  it("quotes every word as a prefix and drops operators and punctuation", () => {
    expect(questionSearchQuery("Lukashenko president")).toBe(`"Lukashenko"* "president"*`);
    expect(questionSearchQuery(`NEAR(a b) OR "x" -y*`)).toBe(`"NEAR"* "a"* "b"* "OR"* "x"* "y"*`);
    expect(questionSearchQuery(" %% ")).toBeNull();
  });
});

describe("listQuestions search", () => {
  it("finds words in any order, in any of title, description and criteria, title matches first", () => {
    expect(titles("Lukashenko president")).toEqual(["Will the president of Belarus change?", "Gas price agreement"]);
    expect(titles("president Lukashenko")).toEqual(["Will the president of Belarus change?", "Gas price agreement"]);
    expect(titles("lukashenko SIGNS")).toEqual(["Gas price agreement"]);
  });

  it("matches prefixes, folds case and diacritics, and leaves out drafts unless asked", () => {
    expect(titles("presid belar")).toEqual(["Will the president of Belarus change?"]);
    expect(titles("wisniewska")).toEqual([]);
    expect(titles("wisniewska", true)).toEqual(["Wiśniewska joins the cabinet"]);
    expect(titles("nothing-at-all")).toEqual([]);
    expect(titles("%%")).toEqual([]);
  });

  it("follows an edit in the same transaction that writes it", () => {
    const id = createQuestion(db, def({ title: "Referendum on the constitution" }), { createdBy: adminId, now: NOW });
    expect(titles("referendum")).toEqual(["Referendum on the constitution"]);
    expect(updateQuestion(db, id, def({ title: "Plebiscite on the constitution" }), NOW + 1).ok).toBe(true);
    expect(titles("referendum")).toEqual([]);
    expect(titles("plebiscite constitution")).toEqual(["Plebiscite on the constitution"]);
    const rowsBefore = indexRows();
    // a transaction that fails after writing a question leaves no index row behind
    expect(() =>
      db.transaction((tx) => {
        tx.update(questions).set({ title: "Rolled back title" }).where(eq(questions.id, id)).run();
        throw new Error("abort");
      }),
    ).toThrow("abort");
    expect(titles("rolled")).toEqual([]);
    expect(indexRows()).toBe(rowsBefore);
    db.delete(questions).where(eq(questions.id, id)).run();
    expect(titles("plebiscite")).toEqual([]);
    expect(indexRows()).toBe(rowsBefore - 1);
  });
});

describe("the demo desk", () => {
  it("finds the demo's question for “Lukashenko president”", () => {
    const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-search-demo-"));
    const demo = openDb(path.join(demoDir, "demo.db"));
    try {
      seedDemo(demo, { now: NOW });
      const found = listQuestions(demo, { search: "Lukashenko president", includeDrafts: false });
      expect(found.length).toBeGreaterThan(0);
      for (const q of found) {
        const text = `${q.title} ${q.description} ${q.resolutionCriteria}`.toLowerCase();
        expect(text).toContain("lukashenko");
        expect(text).toContain("presid");
      }
    } finally {
      demo.$client.close();
      fs.rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
