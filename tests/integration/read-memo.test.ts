// Reads kept while the database is unchanged (db/queries/read-memo): any row written by the server's
// connection, or any commit by another connection (an import from the CLI), must drop them, so a busy
// question's crowd history and standing forecasts are never served stale.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { sqliteOf } from "@/db/queries/connection";
import { forecasterCountsByQuestion, listStandingForecasts, rationalePage, recordForecast, STANDING_MEMO } from "@/db/queries/forecasts";
import { keptCrowdForecastAt, keptCrowdForecastsAt, keptQuestionScoreSummary, listCrowdHistory, refreshKeptScores } from "@/db/queries/kept-scores";
import { getDiscreteQuestion, listQuestionRange, listTagsInUse } from "@/db/queries/questions";
import { keptSinceWrite, memoWhileUnchanged } from "@/db/queries/read-memo";
import { createUser } from "@/db/queries/users";
import { listResolutionAudit, recordResolution, undoResolution } from "@/db/queries/resolutions";
import { countScoredQuestions, forecasterTrackRecord, leaderboardPage } from "@/db/queries/track-records";
import { questions, questionTags, tags } from "@/db/schema/questions";
import { crowdForecastSeries } from "@/lib/aggregation/crowd-forecast";
import { listForecastsForQuestion } from "@/db/queries/forecasts";
import { readForecasts } from "@/lib/probability";
import { DEFAULT_AGGREGATION_METHOD } from "@/lib/types";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

let dir: string;
let file: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-read-memo-"));
  file = path.join(dir, "test.db");
  db = openDb(file);
});
afterEach(() => {
  sqliteOf(db).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A user's id (e-mail from the handle). */
const person = (handle: string, name: string = handle, role?: "admin") => createUser(db, { email: `${handle}@example.org`, name, handle, ...(role ? { role } : {}) }).id;

/** A published binary question opening at T0. */
function binaryQuestion(id: string, closeTime: number): void {
  db.insert(questions).values({ id, title: `Question ${id}`, type: "binary", openTime: T0, closeTime, createdAt: T0, updatedAt: T0 }).run();
}

/** How many times `compute` ran over a sequence of reads. */
function counter() {
  let runs = 0;
  const read = () => memoWhileUnchanged(sqliteOf(db), "test", "k", () => ++runs);
  return { read, runs: () => runs };
}

describe("reads kept while the database is unchanged", () => {
  it("are computed once between writes", () => {
    const c = counter();
    expect([c.read(), c.read(), c.read()]).toEqual([1, 1, 1]);
    expect(c.runs()).toBe(1);
  });

  it("are dropped by a row this connection writes, even one rolled back", () => {
    const c = counter();
    c.read();
    createUser(db, { email: "ana@example.org", name: "Ana Lind", handle: "ana" });
    expect(c.read()).toBe(2);
    const sqlite = sqliteOf(db);
    expect(() =>
      sqlite.transaction(() => {
        createUser(db, { email: "ben@example.org", name: "Ben Ortiz", handle: "ben" });
        throw new Error("roll back");
      })(),
    ).toThrow("roll back");
    expect(c.read()).toBe(3);
    expect(c.read()).toBe(3);
  });

  it("are dropped by another connection's commit (an import from the command line)", () => {
    const c = counter();
    c.read();
    const other = new Database(file);
    other.prepare("insert into kept_state (key, value) values ('read-memo-test', 1)").run();
    other.close();
    expect(c.read()).toBe(2);
  });

  it("are not kept inside a transaction", () => {
    const c = counter();
    sqliteOf(db).transaction(() => {
      c.read();
      c.read();
    })();
    expect(c.runs()).toBe(2);
  });

  it("give a question's crowd history and standing forecasts with each new forecast", () => {
    const people = ["ana", "ben", "cleo"].map((handle) => person(handle));
    const now = T0 + 20 * DAY;
    binaryQuestion("q", T0 + 60 * DAY);
    const q = getDiscreteQuestion(db, "q")!;
    people.forEach((forecasterId, i) => {
      recordForecast(db, { questionId: "q", forecasterId, madeAt: T0 + (i + 1) * DAY, probabilities: [0.8 - 0.2 * i, 0.2 + 0.2 * i], rationale: null });
      // Read between writes, as visitors do, then compare with the engine on every stored forecast.
      for (let read = 0; read < 2; read++) {
        const forecasts = readForecasts(q.type, listForecastsForQuestion(db, "q"));
        expect(listCrowdHistory(db, "q", now)).toEqual(crowdForecastSeries(q, forecasts, DEFAULT_AGGREGATION_METHOD, undefined, now));
        expect(listStandingForecasts(db, "q", now).map((f) => f.forecasterId)).toEqual(people.slice(0, i + 1));
        expect(forecasterCountsByQuestion(db, ["q", "none"])).toEqual({ q: i + 1, none: 0 });
      }
    });
  });

  it("give a question's rationale page and resolution log anew after a forecast, a rename and a resolution", () => {
    const admin = person("ada", "Ada", "admin");
    const ana = person("ana", "Ana");
    binaryQuestion("q", T0 + 60 * DAY);
    const page = () => rationalePage(db, "q", 1, 2);
    const shown = () => page().items.map((f) => `${f.name}: ${f.rationale}`);
    recordForecast(db, { questionId: "q", forecasterId: ana, madeAt: T0 + DAY, probabilities: [0.6, 0.4], rationale: "first" });
    for (let read = 0; read < 2; read++) expect([shown(), page().total]).toEqual([["Ana: first"], 1]);
    recordForecast(db, { questionId: "q", forecasterId: ana, madeAt: T0 + 2 * DAY, probabilities: [0.5, 0.5], rationale: "second" });
    for (let read = 0; read < 2; read++) expect([shown(), page().total]).toEqual([["Ana: second", "Ana: first"], 2]);
    // Another connection's commit (a rename from the command line) shows too.
    const other = new Database(file);
    other.prepare("update user set name = 'Ana Lind' where id = ?").run(ana);
    other.close();
    expect(shown()).toEqual(["Ana Lind: second", "Ana Lind: first"]);

    const log = () => listResolutionAudit(db, { questionId: "q" }).map((e) => e.action);
    for (let read = 0; read < 2; read++) expect(log()).toEqual([]);
    expect(recordResolution(db, { questionId: "q", outcome: { kind: "option", option: 1 }, resolveTime: T0 + 3 * DAY, evidence: "", actorId: admin, now: T0 + 4 * DAY }).ok).toBe(true);
    for (let read = 0; read < 2; read++) expect(log()).toEqual(["resolve"]);
    expect(undoResolution(db, { questionId: "q", actorId: admin, now: T0 + 5 * DAY }).ok).toBe(true);
    expect(log()).toEqual(["undo", "resolve"]);
  });

  it("give the list's crowd cells as keptCrowdForecastAt gives each, at any clock, anew after a forecast", () => {
    const [ana, ben] = ["ana", "ben"].map((handle) => person(handle));
    for (const id of ["a", "b", "c", "d"])
      binaryQuestion(id, T0 + 60 * DAY);
    recordForecast(db, { questionId: "a", forecasterId: ana, madeAt: T0 + DAY, probabilities: [0.7, 0.3], rationale: null });
    recordForecast(db, { questionId: "a", forecasterId: ben, madeAt: T0 + 3 * DAY, probabilities: [0.2, 0.8], rationale: null });
    recordForecast(db, { questionId: "c", forecasterId: ben, madeAt: T0 + 2 * DAY, probabilities: [0.4, 0.6], rationale: null });
    // d: only a forecast from before the open, as an import may bring (the crowd before T0 pools it).
    sqliteOf(db).prepare("insert into forecasts (question_id, forecaster_id, made_at, probabilities) values ('d', ?, ?, '[0.3,0.7]')").run(ana, T0 - 2 * DAY);
    refreshKeptScores(db, ["d"]);
    const qs = ["a", "b", "c", "d"].map((id) => getDiscreteQuestion(db, id)!);
    expect(keptCrowdForecastAt(db, qs[3], T0 - DAY)).not.toBeNull();
    const check = () => {
      // Before the open, at each point, between points, after the last, in the order a clock runs and back.
      for (const at of [T0 - DAY, T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY - 1, T0 + 3 * DAY, T0 + 4 * DAY, T0 + 90 * DAY, T0 + DAY])
        expect(keptCrowdForecastsAt(db, qs.map((question) => ({ question, at }))), `at ${at}`).toEqual(qs.map((q) => keptCrowdForecastAt(db, q, at)));
    };
    check();
    // An open question's cell now is the last point of its crowd history.
    expect(keptCrowdForecastsAt(db, [{ question: qs[0], at: T0 + 10 * DAY }])).toEqual([listCrowdHistory(db, "a", T0 + 10 * DAY).at(-1)!.probabilities]);
    const cellOfB = () => keptCrowdForecastsAt(db, qs.map((question) => ({ question, at: T0 + 10 * DAY })))[1];
    expect(cellOfB()).toBeNull();
    recordForecast(db, { questionId: "b", forecasterId: ana, madeAt: T0 + 5 * DAY, probabilities: [0.1, 0.9], rationale: null });
    check();
    expect(cellOfB()).toEqual(listCrowdHistory(db, "b", T0 + 10 * DAY).at(-1)!.probabilities);
    expect(cellOfB()![1]).toBeCloseTo(0.9, 12);
  });

  it("give the question list's questions and tags anew after an edit", () => {
    binaryQuestion("q", T0 + 60 * DAY);
    const page = () => listQuestionRange(db, { includeDrafts: true, tab: "all", now: T0 }, 0, 10).map((q) => [q.title, q.tags]);
    for (let read = 0; read < 2; read++) {
      expect(page()).toEqual([["Question q", []]]);
      expect(listTagsInUse(db, false)).toEqual([]);
    }
    db.update(questions).set({ title: "Question q, renamed" }).where(eq(questions.id, "q")).run();
    const tag = db.insert(tags).values({ name: "energy" }).returning().all()[0];
    db.insert(questionTags).values({ questionId: "q", tagId: tag.id }).run();
    for (let read = 0; read < 2; read++) {
      expect(page()).toEqual([["Question q, renamed", ["energy"]]]);
      expect(listTagsInUse(db, false)).toEqual(["energy"]);
    }
  });

  it("give a question resolved before its close its standing forecasts and score summary at Ta, anew after a correction", () => {
    const admin = person("ada", "Ada", "admin");
    const [ana, ben] = ["ana", "ben"].map((handle) => person(handle));
    binaryQuestion("q", T0 + 10 * DAY);
    recordForecast(db, { questionId: "q", forecasterId: ana, madeAt: T0 + DAY, probabilities: [0.3, 0.7], rationale: null });
    recordForecast(db, { questionId: "q", forecasterId: ben, madeAt: T0 + 2 * DAY, probabilities: [0.6, 0.4], rationale: null });
    // Ana's latest forecast comes after Ta: the standing forecasts at Ta are not the kept latest ones.
    recordForecast(db, { questionId: "q", forecasterId: ana, madeAt: T0 + 8 * DAY, probabilities: [0.9, 0.1], rationale: null });
    const ta = T0 + 5 * DAY;
    const resolve = (option: number, now: number) =>
      expect(recordResolution(db, { questionId: "q", outcome: { kind: "option", option }, resolveTime: ta, evidence: "", actorId: admin, now }).ok).toBe(true);
    resolve(1, T0 + 11 * DAY);
    for (let read = 0; read < 2; read++) {
      expect(listStandingForecasts(db, "q", ta).map((f) => [f.forecasterId, f.probabilities[1]])).toEqual([
        [ana, 0.7],
        [ben, 0.4],
      ]);
      // Brier (docs/formulas.md §4.1) on a yes: Ana (0.7 − 1)² = 0.09, Ben (0.4 − 1)² = 0.36; the median of two is their mean.
      const summary = keptQuestionScoreSummary(db, "q", ana);
      expect(summary.mine?.finalBrier).toBeCloseTo(0.09, 12);
      expect(summary.medianForecaster?.finalBrier).toBeCloseTo(0.225, 12);
      expect(summary.forecasters).toBe(2);
      expect(keptQuestionScoreSummary(db, "q", null).mine).toBeNull();
    }
    // Corrected to no: Ana (0.7 − 0)² = 0.49, Ben (0.4 − 0)² = 0.16, median 0.325.
    expect(undoResolution(db, { questionId: "q", actorId: admin, now: T0 + 12 * DAY }).ok).toBe(true);
    resolve(0, T0 + 12 * DAY);
    const corrected = keptQuestionScoreSummary(db, "q", ben);
    expect(corrected.mine?.finalBrier).toBeCloseTo(0.16, 12);
    expect(corrected.medianForecaster?.finalBrier).toBeCloseTo(0.325, 12);
    // A forecast dated before Ta (an import may add one) changes the standing forecasts at Ta.
    const cleo = person("cleo");
    sqliteOf(db).prepare("insert into forecasts (question_id, forecaster_id, made_at, probabilities) values ('q', ?, ?, '[0.5,0.5]')").run(cleo, T0 + 3 * DAY);
    expect(listStandingForecasts(db, "q", ta).map((f) => f.forecasterId)).toEqual([ana, ben, cleo]);
  });

  it("give a profile's record anew once a question of theirs resolves", () => {
    const admin = person("ada", "Ada", "admin");
    const ana = person("ana", "Ana");
    binaryQuestion("q", T0 + 10 * DAY);
    recordForecast(db, { questionId: "q", forecasterId: ana, madeAt: T0 + DAY, probabilities: [0.3, 0.7], rationale: null });
    const options = { filter: {}, population: "both" as const, sample: "final" as const, bins: 10 };
    const before = forecasterTrackRecord(db, "ana", options);
    expect(before.summary.nQuestions).toBe(0);
    expect(forecasterTrackRecord(db, "ana", options)).toBe(before); // kept between reads
    const resolved = recordResolution(db, { questionId: "q", outcome: { kind: "option", option: 1 }, resolveTime: T0 + 11 * DAY, evidence: "", actorId: admin, now: T0 + 12 * DAY });
    expect(resolved.ok).toBe(true);
    const after = forecasterTrackRecord(db, "ana", options);
    expect(after.summary.nQuestions).toBe(1);
    // Brier of a 70% forecast on a question that resolved yes (docs/formulas.md §4.1): (0.7 − 1)² = 0.09.
    expect(after.summary.meanFinalBrier).toBeCloseTo(0.09, 12);
  });

  it("give the leaderboard anew after a resolution, and after a rename reorders a tie", () => {
    const admin = person("ada", "Ada", "admin");
    const [ana, ben] = ["ana", "ben"].map((handle) => person(handle));
    for (const id of ["q1", "q2"])
      binaryQuestion(id, T0 + 10 * DAY);
    // The same forecast from both on each question: equal scores, so the name orders them.
    for (const id of ["q1", "q2"])
      for (const forecasterId of [ana, ben])
        recordForecast(db, { questionId: id, forecasterId, madeAt: T0 + DAY, probabilities: [0.3, 0.7], rationale: null });
    const resolve = (questionId: string) =>
      expect(recordResolution(db, { questionId, outcome: { kind: "option", option: 1 }, resolveTime: T0 + 11 * DAY, evidence: "", actorId: admin, now: T0 + 12 * DAY }).ok).toBe(true);
    const board = () => leaderboardPage(db, { population: "both" }, "brier", 1, 1, 50);
    resolve("q1");
    const first = board();
    expect(first.shown.map((r) => [r.handle, r.summary.nQuestions])).toEqual([["ana", 1], ["ben", 1]]);
    expect(board()).toBe(first); // kept between reads
    expect(countScoredQuestions(db, { population: "both" })).toBe(1);
    resolve("q2");
    expect(countScoredQuestions(db, { population: "both" })).toBe(2);
    // Brier of a 70% forecast on a yes (docs/formulas.md §4.1): (0.7 − 1)² = 0.09 on each question.
    const second = board();
    expect(second.shown.map((r) => [r.handle, r.summary.nQuestions, r.summary.meanFinalBrier])).toEqual([
      ["ana", 2, expect.closeTo(0.09, 12)],
      ["ben", 2, expect.closeTo(0.09, 12)],
    ]);
    sqliteOf(db).prepare("update user set name = 'Aaron' where id = ?").run(ben);
    expect(board().shown.map((r) => r.name)).toEqual(["Aaron", "ana"]);
  });

  it("keep a question's standing forecasts from one forecast to the next, until anything else writes", () => {
    const [ana, ben, cleo, dan] = ["ana", "ben", "cleo", "dan"].map((handle) => person(handle));
    const now = T0 + 20 * DAY;
    binaryQuestion("q", T0 + 60 * DAY);
    const q = getDiscreteQuestion(db, "q")!;
    const sqlite = sqliteOf(db);
    const kept = () => keptSinceWrite<Array<{ forecaster: string; probabilities: number[] }>>(sqlite, STANDING_MEMO, "q")?.map((s) => [s.forecaster, s.probabilities[1]]);
    const record = (on: Db, forecasterId: string, day: number, pYes: number) =>
      expect(recordForecast(on, { questionId: "q", forecasterId, madeAt: T0 + day * DAY, probabilities: [1 - pYes, pYes], rationale: null }).ok).toBe(true);
    const matchesEngine = () => {
      const forecasts = readForecasts(q.type, listForecastsForQuestion(db, "q"));
      expect(listCrowdHistory(db, "q", now)).toEqual(crowdForecastSeries(q, forecasts, DEFAULT_AGGREGATION_METHOD, undefined, now));
    };
    record(db, ana, 1, 0.2);
    record(db, ben, 2, 0.4);
    // Ana again: her newer forecast replaces hers, at the end of the standing order.
    record(db, ana, 3, 0.9);
    expect(kept()).toEqual([
      [ben, 0.4],
      [ana, 0.9],
    ]);
    matchesEngine();
    // Reads leave it kept.
    listStandingForecasts(db, "q", now);
    expect(kept()).toHaveLength(2);
    // Another connection's forecast (the API on a second server process): dropped, then read again.
    const other = openDb(file);
    record(other, cleo, 4, 0.6);
    sqliteOf(other).close();
    expect(kept()).toBeUndefined();
    record(db, dan, 5, 0.7);
    expect(kept()?.map(([id]) => id)).toEqual([ben, ana, cleo, dan]);
    matchesEngine();
    // A forecast recorded inside a caller's transaction that rolls back keeps nothing, and drops what was kept.
    expect(() =>
      sqlite.transaction(() => {
        record(db, ben, 6, 0.1);
        throw new Error("roll back");
      })(),
    ).toThrow("roll back");
    expect(kept()).toBeUndefined();
    record(db, cleo, 7, 0.3);
    expect(kept()).toEqual([
      [ben, 0.4],
      [ana, 0.9],
      [dan, 0.7],
      [cleo, 0.3],
    ]);
    matchesEngine();
  });
});
