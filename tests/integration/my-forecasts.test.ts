// Proposing, publishing and reaffirming on a real SQLite file: an analyst's proposal is a draft only
// they (and admins) list; publishing flips it once; Reaffirm records the standing forecast again and
// is refused, writing nothing, without a forecast or once the question no longer takes forecasts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { listForecastsForQuestion, reaffirmForecast, recordForecast } from "@/db/queries/forecasts";
import { createQuestion, getQuestion, listQuestions, publishQuestion } from "@/db/queries/questions";
import { createUser } from "@/db/queries/users";
import { canSeeQuestion } from "@/lib/question-lifecycle";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);
let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-my-forecasts-"));
  db = openDb(path.join(dir, "fd.db"));
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const definition = (title: string, over: Partial<{ isDraft: boolean; closeTime: number }> = {}) => ({
  title,
  description: "",
  resolutionCriteria: "",
  tags: [],
  openTime: NOW - 10 * DAY,
  closeTime: over.closeTime ?? NOW + 10 * DAY,
  resolveBy: null,
  type: "binary" as const,
  scenarios: [],
  hideCrowdUntilForecast: false,
  isDraft: over.isDraft ?? false,
});

describe("proposals", () => {
  it("an analyst's draft is listed for them and admins only, and publishing flips it once", () => {
    const admin = createUser(db, { email: "a@x.org", name: "Admin", role: "admin" });
    const pat = createUser(db, { email: "p@x.org", name: "Pat" });
    const kim = createUser(db, { email: "k@x.org", name: "Kim" });
    const id = createQuestion(db, definition("Proposed", { isDraft: true }), { createdBy: pat.id, now: NOW });
    const titles = (drafts: { includeDrafts: boolean; draftsBy?: string }) => listQuestions(db, drafts).map((q) => q.title);
    expect(titles({ includeDrafts: false, draftsBy: pat.id })).toEqual(["Proposed"]);
    expect(titles({ includeDrafts: false, draftsBy: kim.id })).toEqual([]);
    expect(titles({ includeDrafts: true })).toEqual(["Proposed"]);
    const q = getQuestion(db, id)!;
    expect(q.createdBy).toBe(pat.id);
    expect([canSeeQuestion(q, pat), canSeeQuestion(q, kim), canSeeQuestion(q, admin), canSeeQuestion(q, null)]).toEqual([true, false, true, false]);
    expect(publishQuestion(db, id, NOW + 1)).toBe(true);
    expect(publishQuestion(db, id, NOW + 2)).toBe(false);
    expect(getQuestion(db, id)).toMatchObject({ isDraft: false, updatedAt: NOW + 1 });
    expect(titles({ includeDrafts: false, draftsBy: kim.id })).toEqual(["Proposed"]);
  });
});

describe("reaffirmForecast", () => {
  it("records the standing forecast again at the given time, same probabilities, no rationale", () => {
    const ana = createUser(db, { email: "ana@x.org", name: "Ana" });
    const id = createQuestion(db, definition("Open"), { createdBy: null, now: NOW });
    expect(reaffirmForecast(db, { questionId: id, forecasterId: ana.id, madeAt: NOW })).toMatchObject({ ok: false, code: "no_forecast" });
    expect(recordForecast(db, { questionId: id, forecasterId: ana.id, probabilities: [0.3, 0.7], rationale: "why", madeAt: NOW - DAY }).ok).toBe(true);
    expect(recordForecast(db, { questionId: id, forecasterId: ana.id, probabilities: [0.45, 0.55], rationale: null, madeAt: NOW - 5000 }).ok).toBe(true);
    expect(reaffirmForecast(db, { questionId: id, forecasterId: ana.id, madeAt: NOW }).ok).toBe(true);
    const mine = listForecastsForQuestion(db, id);
    expect(mine.map((f) => [f.time, f.probabilities[1], f.rationale])).toEqual([
      [NOW - DAY, 0.7, "why"],
      [NOW - 5000, 0.55, null],
      [NOW, 0.55, null],
    ]);
    expect(listQuestions(db, { includeDrafts: false, forecastBy: ana.id }).map((q) => q.id)).toEqual([id]);
  });
  it("is refused, writing nothing, once the question has closed", () => {
    const ana = createUser(db, { email: "ana@x.org", name: "Ana" });
    const id = createQuestion(db, definition("Closing", { closeTime: NOW }), { createdBy: null, now: NOW });
    recordForecast(db, { questionId: id, forecasterId: ana.id, probabilities: [0.3, 0.7], rationale: null, madeAt: NOW - DAY });
    expect(reaffirmForecast(db, { questionId: id, forecasterId: ana.id, madeAt: NOW + 1 })).toMatchObject({ ok: false, code: "not_open" });
    expect(listForecastsForQuestion(db, id)).toHaveLength(1);
  });
});
