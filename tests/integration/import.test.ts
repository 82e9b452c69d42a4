import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { exportDataset, ImportConflictError, importDataset } from "@/db/queries/exchange";
import { getQuestion } from "@/db/queries/questions";
import { createUser, findUserByHandle } from "@/db/queries/users";
import { forecasts } from "@/db/schema/forecasts";
import { questions } from "@/db/schema/questions";
import { users } from "@/db/schema/users";
import { datasetToV1Json } from "@/lib/exchange/write-v1";
import { DEFAULT_SCORING_PARAMS, type Dataset } from "@/lib/types";

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-import-"));
  db = openDb(path.join(dir, "fd.db"));
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const T = (s: string) => Date.parse(s);

type Q = Dataset["questions"][number];
const binaryQ = (id: string, extra: Partial<Q> = {}): Q => ({
  id,
  type: "binary",
  options: ["no", "yes"],
  openTime: T("2024-01-01T00:00:00Z"),
  closeTime: T("2024-06-01T00:00:00Z"),
  resolveTime: null,
  outcome: null,
  title: `Question ${id}`,
  description: null,
  tags: [],
  resolveBy: null,
  ...extra,
});
const scenarioQ = (id: string, extra: Partial<Q> = {}): Q => ({
  ...binaryQ(id),
  type: "multiple_choice",
  options: ["Gas", "Currency", "Neither"],
  ...extra,
});
const F = (question: string, forecaster: string, time: string, probabilities: number[], rationale: string | null = null) => ({
  question,
  forecaster,
  time: T(time),
  probabilities,
  rationale,
});
const dataset = (qs: Q[], fs: Dataset["forecasts"]): Dataset => ({ params: DEFAULT_SCORING_PARAMS, questions: qs, forecasts: fs });

function counts() {
  return {
    questions: db.select().from(questions).all().length,
    forecasts: db.select().from(forecasts).all().length,
    users: db.select().from(users).all().length,
  };
}

const base = dataset(
  [
    binaryQ("b1", { outcome: { kind: "option", option: 1 }, resolveTime: T("2024-05-01T00:00:00Z"), tags: ["energy", "union"] }),
    scenarioQ("s1", { outcome: { kind: "option", option: 2 }, resolveTime: null, description: "Which first?" }),
  ],
  [
    F("b1", "ana", "2024-01-02T00:00:00Z", [0.7, 0.3], "gut feeling"),
    F("b1", "ben", "2024-01-03T00:00:00Z", [1, 0]),
    F("s1", "ana", "2024-01-02T00:00:00Z", [0.5, 0, 0.5]),
    F("s1", "ana", "2024-01-02T00:00:00Z", [0.5, 0, 0.5]),
  ],
);

describe("importDataset", () => {
  it("loads questions, resolutions, tags, forecasters, and forecasts exactly as given", () => {
    const summary = importDataset(db, base, { now: 1 });
    expect(summary).toEqual({
      questionsAdded: 2,
      questionsUnchanged: 0,
      forecastsAdded: 4,
      forecastsUnchanged: 0,
      forecastersCreated: 2,
      clipped: 3,
    });
    const b1 = getQuestion(db, "b1")!;
    expect(b1.outcome).toEqual({ kind: "option", option: 1 });
    expect(b1.tags).toEqual(["energy", "union"]);
    expect(b1.isDraft).toBe(false);
    expect(b1.hideCrowdUntilForecast).toBe(false);
    // A resolved question without resolve_time is stored with Ta's value, the close time.
    expect(getQuestion(db, "s1")!.resolveTime).toBe(T("2024-06-01T00:00:00Z"));
    // Stored as given: the engine clips 0 and 1 (and renormalises [0.5, 0, 0.5]) only when it reads them.
    const stored = db.select().from(forecasts).all();
    expect(stored.map((f) => f.probabilities)).toEqual([[0.7, 0.3], [1, 0], [0.5, 0, 0.5], [0.5, 0, 0.5]]);
    expect(findUserByHandle(db, "ana")!.email).toMatch(/@imported\.invalid$/);
  });

  it("changes nothing when the same dataset is imported twice", () => {
    importDataset(db, base);
    const before = counts();
    const again = importDataset(db, base);
    expect(again).toMatchObject({ questionsAdded: 0, questionsUnchanged: 2, forecastsAdded: 0, forecastsUnchanged: 4, forecastersCreated: 0 });
    expect(counts()).toEqual(before);
  });

  it("adds only the new forecasts of a longer file", () => {
    importDataset(db, base);
    const more = dataset(base.questions, [...base.forecasts, F("b1", "ana", "2024-02-01T00:00:00Z", [0.4, 0.6])]);
    expect(importDataset(db, more)).toMatchObject({ forecastsAdded: 1, forecastsUnchanged: 4 });
  });

  it("gives forecasts to an existing user with the same handle", () => {
    const ana = createUser(db, { email: "ana@example.org", name: "Ana", handle: "ana", password: "correct horse" });
    const summary = importDataset(db, base);
    expect(summary.forecastersCreated).toBe(1);
    expect(db.select().from(forecasts).all().filter((f) => f.forecasterId === ana.id)).toHaveLength(3);
  });

  it("rejects a question that contradicts the stored one and writes nothing", () => {
    importDataset(db, base);
    const before = counts();
    const changed = dataset(
      [binaryQ("b1", { outcome: { kind: "option", option: 0 }, resolveTime: T("2024-05-01T00:00:00Z") }), binaryQ("new")],
      [F("new", "cleo", "2024-01-02T00:00:00Z", [0.5, 0.5])],
    );
    let error: unknown;
    try {
      importDataset(db, changed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportConflictError);
    expect((error as ImportConflictError).problems).toEqual([
      { path: "questions[0].resolution", rule: expect.stringContaining('stored as "yes"') },
    ]);
    expect(counts()).toEqual(before);
    expect(getQuestion(db, "new")).toBeNull();
  });

  it("rejects changed times and types", () => {
    importDataset(db, base);
    const changed = dataset([binaryQ("b1", { closeTime: T("2024-07-01T00:00:00Z") }), binaryQ("s1")], []);
    expect(() => importDataset(db, changed)).toThrowError(/questions\[0\]\.close_time.*\n.*questions\[1\]\.type/);
  });

  it("rejects a forecast whose vector does not fit its question, writing nothing", () => {
    const bad = dataset(base.questions, [...base.forecasts, F("s1", "dan", "2024-01-05T00:00:00Z", [0.5, 0.5])]);
    expect(() => importDataset(db, bad)).toThrowError(/forecasts\[4\]: must give 3 probabilities/);
    expect(counts()).toEqual({ questions: 0, forecasts: 0, users: 0 });
  });
});

describe("exportDataset", () => {
  it("round-trips: export, import into an empty database, export again gives the same document", () => {
    importDataset(db, base);
    const first = datasetToV1Json(exportDataset(db));
    const other = openDb(path.join(dir, "other.db"));
    try {
      const summary = importDataset(other, exportDataset(db));
      expect(summary.clipped).toBe(3);
      expect(datasetToV1Json(exportDataset(other))).toEqual(first);
      // … and importing the export into the original database changes nothing.
      expect(importDataset(db, exportDataset(other))).toMatchObject({ forecastsAdded: 0, questionsAdded: 0 });
    } finally {
      other.$client.close();
    }
    expect(first.questions[1]).toEqual({
      id: "s1",
      title: "Question s1",
      type: "multiple_choice",
      options: ["Gas", "Currency", "Neither"],
      description: "Which first?",
      tags: [],
      open_time: "2024-01-01T00:00:00.000Z",
      close_time: "2024-06-01T00:00:00.000Z",
      resolve_by: null,
      resolve_time: "2024-06-01T00:00:00.000Z",
      resolution: "Neither",
      draft: false,
      hide_crowd_until_forecast: false,
      illustrative: false,
    });
    expect(first.forecasts[1]).toEqual({
      question: "b1",
      forecaster: "ben",
      time: "2024-01-03T00:00:00.000Z",
      probability: 0,
      rationale: null,
    });
  });
});
