import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import {
  forecasterCountsByQuestion,
  hasForecast,
  listForecastsByHandle,
  listForecastsForQuestion,
  recordForecast,
} from "@/db/queries/forecasts";
import { createUser } from "@/db/queries/users";
import { forecasts } from "@/db/schema/forecasts";
import { questionOptions, questions } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import { crowdForecastAt } from "@/lib/aggregation/crowd-forecast";
import { getDiscreteQuestion } from "@/db/queries/questions";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const TC = T0 + 30 * DAY;
const MID = T0 + 10 * DAY;

let dir: string;
let db: Db;
let ana: string;
let ben: string;

/** Q = a question row: binary unless options are given. */
function Q(id: string, extra: Partial<typeof questions.$inferInsert> = {}, options?: string[]) {
  db.insert(questions)
    .values({
      id,
      title: `Question ${id}`,
      type: options ? "multiple_choice" : "binary",
      openTime: T0,
      closeTime: TC,
      createdAt: T0 - DAY,
      updatedAt: T0 - DAY,
      ...extra,
    })
    .run();
  options?.forEach((label, position) => db.insert(questionOptions).values({ questionId: id, position, label }).run());
}
/** F = a forecast input on q by u at t with P(yes) = p. */
const F = (questionId: string, forecasterId: string, madeAt: number, p: number, rationale: string | null = null) => ({
  questionId,
  forecasterId,
  madeAt,
  probabilities: [1 - p, p],
  rationale,
});
const rowCount = () => db.select().from(forecasts).all().length;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-forecasts-"));
  db = openDb(path.join(dir, "test.db"));
  ana = createUser(db, { email: "ana@example.org", name: "Ana Lind", handle: "ana" }).id;
  ben = createUser(db, { email: "ben@example.org", name: "Ben Ortiz", handle: "ben" }).id;
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("recordForecast", () => {
  it("appends: an update is a new row and both stay, listed oldest first with names and rationales", () => {
    Q("q1");
    const first = recordForecast(db, F("q1", ana, MID, 0.6, "Base rate"));
    const second = recordForecast(db, F("q1", ana, MID + DAY, 0.7));
    expect(first).toEqual({ ok: true, id: expect.any(Number) });
    expect(second.ok && first.ok && second.id > first.id).toBe(true);
    const listed = listForecastsForQuestion(db, "q1");
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({
      forecaster: ana,
      forecasterId: ana,
      handle: "ana",
      name: "Ana Lind",
      time: MID,
      probabilities: [0.4, 0.6],
      rationale: "Base rate",
    });
    expect(listed[1]).toMatchObject({ time: MID + DAY, probabilities: [0.30000000000000004, 0.7], rationale: null });
  });

  it("orders equal times by id (insertion order), whatever order the times arrive in", () => {
    Q("q1");
    const ids = [
      F("q1", ana, MID + DAY, 0.2),
      F("q1", ben, MID, 0.3),
      F("q1", ana, MID, 0.4),
      F("q1", ben, MID, 0.5),
    ].map((f) => {
      const r = recordForecast(db, f);
      if (!r.ok) throw new Error(r.reason);
      return r.id;
    });
    const listed = listForecastsForQuestion(db, "q1");
    expect(listed.map((f) => [f.time, f.probabilities[1]])).toEqual([
      [MID, 0.3],
      [MID, 0.4],
      [MID, 0.5],
      [MID + DAY, 0.2],
    ]);
    expect(listed.map((f) => f.id)).toEqual([ids[1], ids[2], ids[3], ids[0]]);
    // The engine sees Ben's 0.5 as standing at MID (it came after his 0.3): median of {0.4, 0.5} = 0.45.
    const q = getDiscreteQuestion(db, "q1")!;
    expect(crowdForecastAt(q, listed, MID, "median")![1]).toBeCloseTo(0.45, 12);
  });

  it("accepts a forecast at the open instant and refuses one at the close instant", () => {
    Q("q1");
    expect(recordForecast(db, F("q1", ana, T0, 0.5)).ok).toBe(true);
    expect(recordForecast(db, F("q1", ana, TC, 0.5))).toEqual({
      ok: false,
      code: "not_open",
      reason: "This question is closed: forecasting has ended.",
    });
    expect(rowCount()).toBe(1);
  });

  it.each([
    ["not yet open", {}, T0 - 1, "This question is not open for forecasting yet."],
    ["closed", {}, TC + DAY, "This question is closed: forecasting has ended."],
    ["a draft", { isDraft: true }, MID, "This question is a draft and does not accept forecasts yet."],
  ])("refuses a question that is %s and writes nothing", (_label, extra, madeAt, reason) => {
    Q("q1", extra);
    expect(recordForecast(db, F("q1", ana, madeAt, 0.5))).toEqual({ ok: false, code: "not_open", reason });
    expect(rowCount()).toBe(0);
  });

  it("refuses a resolved or annulled question even before its scheduled close", () => {
    Q("q1");
    Q("q2");
    db.insert(resolutions).values({ questionId: "q1", outcome: 1, resolveTime: MID, recordedAt: MID }).run();
    db.insert(resolutions).values({ questionId: "q2", annulled: true, resolveTime: MID, recordedAt: MID }).run();
    expect(recordForecast(db, F("q1", ana, MID + DAY, 0.9))).toEqual({
      ok: false,
      code: "not_open",
      reason: "This question is resolved: forecasting has ended.",
    });
    expect(recordForecast(db, F("q2", ana, MID + DAY, 0.9))).toMatchObject({ ok: false, code: "not_open" });
    expect(rowCount()).toBe(0);
  });

  it("refuses an unknown question and writes nothing", () => {
    expect(recordForecast(db, F("nope", ana, MID, 0.5))).toEqual({
      ok: false,
      code: "not_found",
      reason: "This question does not exist.",
    });
    expect(rowCount()).toBe(0);
  });

  it("checks the vector against the question's scenarios", () => {
    Q("s1", {}, ["Merger", "Status quo", "Split"]);
    expect(recordForecast(db, { ...F("s1", ana, MID, 0.5) })).toEqual({
      ok: false,
      code: "invalid",
      reason: "A forecast on this question needs 3 probabilities, got 2.",
    });
    expect(
      recordForecast(db, { questionId: "s1", forecasterId: ana, madeAt: MID, probabilities: [0.2, 0.2, 0.2], rationale: null }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(rowCount()).toBe(0);
    const ok = recordForecast(db, {
      questionId: "s1",
      forecasterId: ana,
      madeAt: MID,
      probabilities: [0.2, 0.3, 0.5],
      rationale: "Split is likeliest",
    });
    expect(ok.ok).toBe(true);
    expect(listForecastsForQuestion(db, "s1")[0].probabilities).toEqual([0.2, 0.3, 0.5]);
  });
});

describe("hasForecast and forecasterCountsByQuestion", () => {
  it("count distinct forecasters per question, 0 for none", () => {
    Q("q1");
    Q("q2");
    Q("q3");
    recordForecast(db, F("q1", ana, MID, 0.5));
    recordForecast(db, F("q1", ana, MID + 1, 0.6));
    recordForecast(db, F("q1", ben, MID + 2, 0.7));
    recordForecast(db, F("q2", ben, MID, 0.1));
    expect(forecasterCountsByQuestion(db, ["q1", "q2", "q3", "unknown"])).toEqual({ q1: 2, q2: 1, q3: 0, unknown: 0 });
    expect(forecasterCountsByQuestion(db, [])).toEqual({});
    expect(hasForecast(db, "q1", ana)).toBe(true);
    expect(hasForecast(db, "q2", ana)).toBe(false);
    expect(hasForecast(db, "q3", ben)).toBe(false);
  });
});

describe("listForecastsByHandle", () => {
  it("names forecasters by handle and keeps insertion order, also across the 500-question chunks", () => {
    const ids = Array.from({ length: 501 }, (_, i) => `q${String(i).padStart(3, "0")}`);
    for (const id of ids) Q(id);
    // Insert on the last question first: a per-chunk order would put it after the first chunk's rows.
    db.insert(forecasts).values(F("q500", ben, MID + 1, 0.9)).run();
    db.insert(forecasts).values(F("q000", ana, MID, 0.2, "base rate")).run();
    db.insert(forecasts).values(F("q001", ben, MID - 1, 0.4)).run();
    const all = listForecastsByHandle(db);
    expect(all.map((f) => [f.question, f.forecaster, f.name])).toEqual([
      ["q500", "ben", "Ben Ortiz"],
      ["q000", "ana", "Ana Lind"],
      ["q001", "ben", "Ben Ortiz"],
    ]);
    expect(all[1]).toMatchObject({ time: MID, probabilities: [0.8, 0.2], rationale: "base rate" });
    expect(listForecastsByHandle(db, ids)).toEqual(all);
    expect(listForecastsByHandle(db, ["q001", "q500"]).map((f) => f.question)).toEqual(["q500", "q001"]);
    expect(listForecastsByHandle(db, [])).toEqual([]);
  });

  it("loads more rows than a spread into push() can take (200,000 forecasts on one question)", () => {
    Q("busy");
    Q("quiet");
    const N = 200_000;
    const insert = db.$client.prepare(
      "insert into forecasts (question_id, forecaster_id, made_at, probabilities, rationale) values (?, ?, ?, ?, null)",
    );
    db.$client.transaction(() => {
      for (let i = 0; i < N; i++) insert.run("busy", i % 2 === 0 ? ana : ben, MID + i, JSON.stringify([0.5, 0.5]));
    })();
    db.insert(forecasts).values(F("quiet", ana, MID, 0.3)).run();
    const loaded = listForecastsByHandle(db, ["busy", "quiet"]);
    expect(loaded).toHaveLength(N + 1);
    expect(loaded[0]).toMatchObject({ question: "busy", forecaster: "ana", time: MID });
    expect(loaded[N - 1]).toMatchObject({ question: "busy", forecaster: "ben", time: MID + N - 1 });
    expect(loaded[N]).toMatchObject({ question: "quiet", probabilities: [0.7, 0.3] });
  });
});
