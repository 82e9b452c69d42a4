// The question list's reader (db/queries/questions listQuestionRange, countListedQuestions): its tabs,
// statuses, tag, search, drafts, "mine" and changedSince filters, its order and its pages are SQL; here
// they are compared, on a real SQLite file holding a question in every lifecycle state, with the
// definitions in lib (isInQuestionTab, questionStatus) applied to every question in JavaScript.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { countListedQuestions, createQuestion, insertImportedQuestion, listQuestionRange, listQuestions, questionChangeTimes, type QuestionListFilter } from "@/db/queries/questions";
import { createUser } from "@/db/queries/users";
import { continuousForecasts, questionScales } from "@/db/schema/continuous-questions";
import { forecasts } from "@/db/schema/forecasts";
import { resolutions } from "@/db/schema/resolutions";
import { questionStatus } from "@/lib/question-lifecycle";
import { isInQuestionTab } from "@/lib/question-tabs";
import { QUESTION_STATUSES } from "@/lib/api/schemas";
import { QUESTION_TABS } from "@/lib/validation/question";
import type { Question } from "@/lib/types";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);
let dir: string;
let db: Db;
let pat: string;
let kim: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-question-list-"));
  db = openDb(path.join(dir, "fd.db"));
  pat = createUser(db, { email: "p@x.org", name: "Pat" }).id;
  kim = createUser(db, { email: "k@x.org", name: "Kim" }).id;
  // Every combination of open, close, resolve-by, draft flag and resolution (an outcome, annulled),
  // around NOW and the 14-day edge of "Closing soon"; equal close times, so the id breaks ties.
  let n = 0;
  for (const open of [-30, 1])
    for (const close of [-2, 0, 5, 14, 20])
      for (const resolveBy of [null, -1, 3])
        for (const draft of [false, true])
          for (const resolution of ["none", "option", "annulled"] as const) {
            if (close <= open) continue;
            const id = `q${String(n++).padStart(3, "0")}`;
            const numeric = n % 7 === 0;
            insertImportedQuestion(
              db,
              {
                id,
                type: numeric ? "numeric" : "binary",
                title: n % 5 === 0 ? `Gas price ${id}` : `Union budget ${id}`,
                description: n % 3 === 0 ? "the gas deal" : "",
                resolutionCriteria: "",
                tags: [],
                openTime: NOW + open * DAY,
                closeTime: NOW + close * DAY,
                resolveBy: resolveBy === null ? null : NOW + resolveBy * DAY,
                isDraft: draft,
              },
              NOW - 40 * DAY + n,
            );
            if (numeric)
              db.insert(questionScales).values({ questionId: id, unit: "", rangeMin: 0, rangeMax: 10, zeroPoint: null, openLowerBound: false, openUpperBound: false }).run();
            if (resolution !== "none")
              db.insert(resolutions)
                .values({
                  questionId: id,
                  // a numeric question's annulment is a row without a value
                  outcome: numeric || resolution === "annulled" ? null : 1,
                  value: numeric && resolution === "option" ? 5 : null,
                  annulled: resolution === "annulled" && !numeric,
                  resolveTime: NOW - DAY,
                  recordedAt: NOW - DAY,
                })
                .run();
          }
  createQuestion(db, { title: "Tagged gas question", description: "", resolutionCriteria: "", tags: ["Energy"], openTime: NOW - DAY, closeTime: NOW + DAY, resolveBy: null, type: "binary", scenarios: [], hideCrowdUntilForecast: false, isDraft: false }, { createdBy: kim, now: NOW });
  db.insert(forecasts).values({ questionId: "q000", forecasterId: pat, madeAt: NOW - 35 * DAY, probabilities: [0.4, 0.6], rationale: null }).run();
  db.insert(continuousForecasts).values({ questionId: "q006", forecasterId: pat, madeAt: NOW - 35 * DAY, cdf: Buffer.alloc(8) }).run();
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (qs: Question[]) => qs.map((q) => q.id);
const everything = (includeDrafts = true) => listQuestions(db, { includeDrafts });

describe("the question list in SQL", () => {
  it("holds a question in every state", () => {
    const states = new Set(everything().map((q) => questionStatus(q, NOW)));
    expect([...states].sort()).toEqual([...QUESTION_STATUSES].sort());
    expect(everything().some((q) => q.type === "numeric" && q.outcome?.kind === "annulled")).toBe(true);
  });

  it("lists each tab as lib/question-tabs defines it, soonest close first (Resolved: latest first), counted alike", () => {
    const all = everything();
    // Every instant a question crosses into or out of a tab, a millisecond before and after it, on one
    // connection: the lists it keeps between two such instants must hold at each.
    const instants = all.flatMap((q) => [q.openTime, q.closeTime, q.resolveBy ?? q.closeTime, q.closeTime - 14 * DAY]);
    const nows = [...new Set(instants.flatMap((t) => [t - 1, t, t + 1]))].sort((a, b) => a - b);
    expect(nows.length).toBeGreaterThan(30);
    // (The clock innermost: each list is read at one instant after another, as requests come.)
    for (const includeDrafts of [true, false])
      for (const tab of QUESTION_TABS)
        for (const now of [NOW, NOW + 4 * DAY, ...nows, NOW]) {
          const filter: QuestionListFilter = { includeDrafts, draftsBy: kim, tab, now };
          const expected = ids(all.filter((q) => isInQuestionTab(q, tab, now) && (includeDrafts || !q.isDraft || q.createdBy === kim)));
          if (tab === "resolved") expected.reverse();
          expect(ids(listQuestions(db, filter)), `${tab} at ${now}`).toEqual(expected);
          expect(ids(listQuestionRange(db, filter, 1, 3)), `${tab} at ${now}, 3 from the 2nd`).toEqual(expected.slice(1, 4));
          expect(countListedQuestions(db, filter), `${tab} at ${now}`).toBe(expected.length);
        }
  });

  it("lists each status as lib/question-lifecycle questionStatus says it (the API's status)", () => {
    const all = everything();
    for (const status of QUESTION_STATUSES) {
      const expected = ids(all.filter((q) => questionStatus(q, NOW) === status));
      expect(expected.length, status).toBeGreaterThan(0);
      expect(ids(listQuestions(db, { includeDrafts: true, status, now: NOW })), status).toEqual(expected);
    }
  });

  it("pages: the ranges put end to end are the whole list, each read alone", () => {
    const filter: QuestionListFilter = { includeDrafts: true, tab: "all", now: NOW };
    const whole = ids(listQuestions(db, filter));
    const pages = [0, 7, 14, 21, 28, 35, 42, 49, 56].map((offset) => ids(listQuestionRange(db, filter, offset, 7)));
    expect(pages.flat()).toEqual(whole.slice(0, 63));
    expect(ids(listQuestionRange(db, filter, whole.length, 7))).toEqual([]);
  });

  it("filters by tag and search within a tab; a search orders by match first", () => {
    expect(ids(listQuestions(db, { includeDrafts: false, tag: "energy", tab: "open", now: NOW })).length).toBe(1);
    expect(ids(listQuestions(db, { includeDrafts: false, tag: "energy", tab: "closed", now: NOW }))).toEqual([]);
    const searched = listQuestions(db, { includeDrafts: true, search: "gas" });
    // title matches weigh more than description ones: every title hit comes before every description-only hit
    const firstDescriptionOnly = searched.findIndex((q) => !/gas/i.test(q.title));
    expect(firstDescriptionOnly).toBeGreaterThan(0);
    expect(searched.slice(firstDescriptionOnly).every((q) => !/gas/i.test(q.title))).toBe(true);
    for (const tab of QUESTION_TABS)
      expect(ids(listQuestions(db, { includeDrafts: true, search: "gas", tab, now: NOW })), tab).toEqual(ids(searched.filter((q) => isInQuestionTab(q, tab, NOW))));
    expect(listQuestions(db, { includeDrafts: true, search: "  ?! " })).toEqual([]);
    expect(countListedQuestions(db, { includeDrafts: true, search: "?!" })).toBe(0);
  });

  it("lists the questions a user forecast, probabilities or CDF, and those changed since a time", () => {
    expect(ids(listQuestions(db, { includeDrafts: true, forecastBy: pat }))).toEqual(["q000", "q006"]);
    expect(listQuestions(db, { includeDrafts: true, forecastBy: kim })).toEqual([]);
    const changed = questionChangeTimes(db, ids(everything()));
    const since = NOW - 35 * DAY;
    expect(ids(listQuestions(db, { includeDrafts: true, changedSince: since }))).toEqual(ids(everything().filter((q) => changed.get(q.id)! >= since)));
  });
});
