import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as z from "zod";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { recordCdfForecast } from "@/db/queries/continuous-questions";
import { exportDataset, importDataset } from "@/db/queries/exchange";
import { createQuestion, getQuestion, listDueQuestions, listQuestions, updateQuestion } from "@/db/queries/questions";
import { listResolutionAudit, recordResolution, snapshotOutcome, undoResolution } from "@/db/queries/resolutions";
import { createUser } from "@/db/queries/users";
import { continuousForecasts, questionScales } from "@/db/schema/continuous-questions";
import { questions } from "@/db/schema/questions";
import { resolutionAudit, resolutions } from "@/db/schema/resolutions";
import { cdfFromQuantiles } from "@/lib/continuous/quantile-cdf";
import { datasetToV1Json } from "@/lib/exchange/write-v1";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { outcomeLabel } from "@/lib/outcome-label";
import { isContinuousQuestion, type ContinuousQuestion } from "@/lib/types";
import { questionFormInput, type QuestionDefinition } from "@/lib/validation/question";
import { resolutionFormInput } from "@/lib/validation/resolution";

// Numeric and date questions on the desk, on real SQLite: created and edited through the question
// form's validator, resolved with a value (closed bounds refused, open ones accepted), every refusal
// writing nothing; and out through the exchange and back in, exactly.

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30);
let dir: string;
let db: Db;
let adminId: string;
let analystId: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-numeric-date-"));
  db = openDb(path.join(dir, "fd.db"));
  adminId = createUser(db, { email: "admin@x.org", name: "Admin Person", role: "admin" }).id;
  analystId = createUser(db, { email: "ana@x.org", name: "Ana Analyst", handle: "ana" }).id;
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The form as a browser sends it: every field text, checkboxes "on" when ticked. */
const FORM = {
  title: "Price Belarus pays for Russian gas in 2027",
  description: "Average contract price.",
  resolutionCriteria: "As reported by Gazprom or the Belarusian government.",
  tags: "gas, prices",
  timeZone: "UTC",
  openTime: "2026-01-01T00:00",
  closeTime: "2026-11-01T00:00",
  resolveBy: "2026-11-15",
  type: "numeric",
  unit: "USD per 1,000 m³",
  rangeMin: "100",
  rangeMax: "400",
  logScale: "on",
  zeroPoint: "0",
  openUpperBound: "on",
};

function parseForm(values: Record<string, string>): { ok: true; def: QuestionDefinition } | { ok: false; errors: Record<string, string[] | undefined> } {
  const parsed = questionFormInput.safeParse(values);
  return parsed.success ? { ok: true, def: parsed.data } : { ok: false, errors: z.flattenError(parsed.error).fieldErrors };
}

function create(values: Record<string, string>): string {
  const read = parseForm(values);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return createQuestion(db, read.def, { createdBy: adminId, now: NOW - 400 * DAY });
}

const rowCounts = () => ({
  questions: db.select().from(questions).all().length,
  scales: db.select().from(questionScales).all().length,
  resolutions: db.select().from(resolutions).all().length,
  audit: db.select().from(resolutionAudit).all().length,
  cdfs: db.select().from(continuousForecasts).all().length,
});

const continuousQuestion = (id: string) => getQuestion(db, id) as ContinuousQuestion;

describe("creating numeric and date questions", () => {
  it("stores a numeric question's unit, range, log scale and bounds, and a date question's range as UTC days", () => {
    const price = create(FORM);
    const q = continuousQuestion(price);
    expect(q.type).toBe("numeric");
    expect(q.options).toEqual([]);
    expect(q.scale).toEqual({ unit: "USD per 1,000 m³", rangeMin: 100, rangeMax: 400, zeroPoint: 0, openLowerBound: false, openUpperBound: true });
    expect(q.tags).toEqual(["gas", "prices"]);

    const signed = create({ ...FORM, title: "When are the gas addenda signed?", type: "date", unit: "ignored", logScale: "", rangeMin: "2026-01-01", rangeMax: "2028-12-31", openUpperBound: "on" });
    const d = continuousQuestion(signed);
    expect(d.scale).toEqual({ unit: "", rangeMin: Date.UTC(2026, 0, 1), rangeMax: Date.UTC(2028, 11, 31), zeroPoint: null, openLowerBound: false, openUpperBound: true });
    // One table: both are desk questions, listed, tagged and searchable like the others.
    expect(listQuestions(db, { includeDrafts: true, tag: "gas" }).map((x) => x.id).sort()).toEqual([price, signed].sort());
    expect(listQuestions(db, { includeDrafts: true, search: "addenda signed" }).map((x) => x.id)).toEqual([signed]);
    // Ids never repeat across types: the id is the question table's primary key.
    expect(new Set([price, signed]).size).toBe(2);
  });

  it("refuses a bad scale with an error on the field that breaks the rule, writing nothing", () => {
    const before = rowCounts();
    const errorsOf = (over: Record<string, string>) => {
      const read = parseForm({ ...FORM, ...over });
      return read.ok ? {} : read.errors;
    };
    expect(errorsOf({ rangeMax: "100" }).rangeMax).toEqual(["Range maximum must be greater than the range minimum"]);
    expect(errorsOf({ rangeMin: "" }).rangeMin).toEqual(["Range minimum is required"]);
    expect(errorsOf({ rangeMin: "about ten" }).rangeMin).toEqual(["Range minimum must be a number"]);
    expect(errorsOf({ zeroPoint: "150" }).zeroPoint).toEqual(["Zero point must lie outside the range: below 100 or above 400"]);
    expect(errorsOf({ zeroPoint: "" }).zeroPoint).toEqual(["A log scale needs a zero point"]);
    expect(errorsOf({ zeroPoint: "-1e300" }).zeroPoint?.[0]).toMatch(/too far from the range/);
    expect(errorsOf({ unit: "x".repeat(61) }).unit).toEqual(["Unit must be at most 60 characters"]);
    expect(errorsOf({ type: "date", rangeMin: "2026-02-30", rangeMax: "2027-01-01" }).rangeMin).toEqual(["Range minimum must be a date (YYYY-MM-DD)"]);
    expect(errorsOf({ type: "date", rangeMin: "2026-01-01", rangeMax: "2027-01-01" }).logScale?.[0]).toMatch(/date question has a linear scale/);
    expect(errorsOf({ type: "ordinal" }).type).toEqual(["Type must be binary, scenario set, numeric or date"]);
    // A linear numeric scale with commas as thousands separators is fine.
    const ok = parseForm({ ...FORM, logScale: "", zeroPoint: "", rangeMin: "1,000", rangeMax: "25,000.5" });
    expect(ok.ok && ok.def.scale).toMatchObject({ rangeMin: 1000, rangeMax: 25000.5, zeroPoint: null });
    expect(rowCounts()).toEqual(before);
  });
});

describe("editing: the scale locks once anyone has forecast", () => {
  it("changes the scale freely before forecasts, refuses it (and the type) after, writing nothing", () => {
    const id = create(FORM);
    const edited = parseForm({ ...FORM, rangeMax: "600", openUpperBound: "" });
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    expect(updateQuestion(db, id, edited.def, NOW - 300 * DAY)).toEqual({ ok: true });
    expect(continuousQuestion(id).scale).toMatchObject({ rangeMax: 600, openUpperBound: false });

    const cdf = cdfFromQuantiles(continuousQuestion(id).scale, [
      { level: 0.25, value: 180 },
      { level: 0.5, value: 220 },
      { level: 0.75, value: 260 },
    ]);
    expect(cdf.ok).toBe(true);
    if (!cdf.ok) return;
    expect(recordCdfForecast(db, { questionId: id, forecasterId: analystId, madeAt: NOW - 200 * DAY, cdf: cdf.cdf, rationale: null }).ok).toBe(true);

    const before = rowCounts();
    const wider = parseForm({ ...FORM, rangeMax: "900", openUpperBound: "" });
    expect(wider.ok && updateQuestion(db, id, wider.def, NOW)).toEqual({
      ok: false,
      code: "locked",
      field: "rangeMin",
      reason: "The scale (unit, range, zero point, bounds) cannot change once forecasts exist",
    });
    const binary = parseForm({ ...FORM, type: "binary", rangeMax: "600", openUpperBound: "" });
    expect(binary.ok && updateQuestion(db, id, binary.def, NOW)).toMatchObject({ ok: false, field: "type" });
    expect(rowCounts()).toEqual(before);
    expect(continuousQuestion(id).scale.rangeMax).toBe(600);
    // Title and tags still change.
    const retitled = parseForm({ ...FORM, title: "Gas price 2027", rangeMax: "600", openUpperBound: "" });
    expect(retitled.ok && updateQuestion(db, id, retitled.def, NOW)).toEqual({ ok: true });
    expect(continuousQuestion(id).title).toBe("Gas price 2027");
  });
});

describe("resolving with a value", () => {
  const resolveWith = (id: string, outcome: Parameters<typeof recordResolution>[1]["outcome"], now = NOW) =>
    recordResolution(db, { questionId: id, outcome, resolveTime: NOW - 20 * DAY, evidence: "Ministry statement", actorId: adminId, now });

  it("refuses a value beyond a closed bound (naming the field and bound) and accepts one beyond an open bound", () => {
    const id = create(FORM); // [100, 400], lower closed, upper open, log scale with zero point 0
    expect(listDueQuestions(db, NOW).map((q) => q.id)).toEqual([id]);
    const before = rowCounts();
    const below = resolveWith(id, { kind: "value", value: 90 });
    expect(below).toEqual({
      ok: false,
      code: "refused",
      field: "value",
      reason: "Value 90 USD per 1,000 m³ is below the range's minimum 100 USD per 1,000 m³, and the lower bound is closed: the value cannot lie below it",
    });
    expect(resolveWith(id, { kind: "option", option: 1 })).toMatchObject({ ok: false, field: "value" });
    expect(rowCounts()).toEqual(before);

    expect(resolveWith(id, { kind: "value", value: 512.5 })).toEqual({ ok: true, action: "resolve" });
    const q = continuousQuestion(id);
    expect(q.outcome).toEqual({ kind: "value", value: 512.5 });
    expect(outcomeLabel(q, q.outcome!)).toBe("512.5 USD per 1,000 m³");
    expect(listDueQuestions(db, NOW)).toEqual([]);
  });

  it("corrects, annuls and undoes, the audit log carrying each value", () => {
    const id = create({ ...FORM, type: "date", logScale: "", rangeMin: "2026-01-01", rangeMax: "2027-12-31", openUpperBound: "" });
    const before = rowCounts();
    expect(resolveWith(id, { kind: "value", value: Date.UTC(2028, 0, 1) })).toMatchObject({
      ok: false,
      field: "value",
      reason: expect.stringMatching(/^Value 1 Jan 2028 is above the range's latest date 31 Dec 2027, and the upper bound is closed/),
    });
    expect(rowCounts()).toEqual(before);
    expect(resolveWith(id, { kind: "value", value: Date.UTC(2026, 5, 3) })).toEqual({ ok: true, action: "resolve" });
    expect(resolveWith(id, { kind: "value", value: Date.UTC(2026, 6, 9) }, NOW + 1)).toEqual({ ok: true, action: "correct" });
    expect(resolveWith(id, { kind: "annulled" }, NOW + 2)).toEqual({ ok: true, action: "annul" });
    expect(undoResolution(db, { questionId: id, actorId: adminId, now: NOW + 3 })).toEqual({ ok: true, action: "undo" });
    expect(continuousQuestion(id).resolution).toBeNull();
    const audit = listResolutionAudit(db, { questionId: id });
    const q = continuousQuestion(id);
    const label = (s: (typeof audit)[number]["after"]) => (s ? outcomeLabel({ ...q, scale: audit[0].questionScale }, snapshotOutcome(s)) : null);
    expect(audit.map((a) => [a.action, label(a.before), label(a.after)])).toEqual([
      ["undo", "Annulled", null],
      ["annul", "9 Jul 2026", "Annulled"],
      ["correct", "3 Jun 2026", "9 Jul 2026"],
      ["resolve", null, "3 Jun 2026"],
    ]);
    expect(audit.at(-1)!.after).toMatchObject({ value: Date.UTC(2026, 5, 3), outcome: null, annulled: false });
  });

  it("the resolve form reads a number or a date and gives the bound's refusal on the value field", () => {
    const id = create(FORM);
    const form = resolutionFormInput(continuousQuestion(id), NOW);
    const errorsOf = (value: string) => {
      const r = form.safeParse({ intent: "resolve", value, evidence: "", resolveTime: "2026-11-10T10:00", timeZone: "UTC" });
      return r.success ? r.data : z.flattenError(r.error).fieldErrors;
    };
    expect(errorsOf("")).toEqual({ value: ["Give the value"] });
    expect(errorsOf("cheap")).toEqual({ value: ["Value must be a number"] });
    expect(errorsOf("99.5")).toEqual({ value: [expect.stringMatching(/below the range's minimum 100 USD per 1,000 m³, and the lower bound is closed/)] });
    expect(errorsOf("1,250")).toMatchObject({ outcome: { kind: "value", value: 1250 } });
    const dateId = create({ ...FORM, type: "date", logScale: "", rangeMin: "2026-01-01", rangeMax: "2027-12-31" });
    const dateForm = resolutionFormInput(continuousQuestion(dateId), NOW);
    expect(dateForm.parse({ intent: "resolve", value: "2026-06-03", resolveTime: "2026-11-10T10:00", timeZone: "UTC" }).outcome).toEqual({
      kind: "value",
      value: Date.UTC(2026, 5, 3),
    });
  });
});

describe("the exchange carries the desk's numeric and date questions", () => {
  it("exports them with their forecasts and resolutions, and a second desk imports the same document", () => {
    const price = create(FORM);
    const signed = create({ ...FORM, title: "Addenda signed", type: "date", logScale: "", rangeMin: "2026-01-01", rangeMax: "2027-12-31" });
    for (const [id, quantiles] of [
      [price, [150, 210, 290]],
      [signed, [Date.UTC(2026, 3, 1), Date.UTC(2026, 8, 1), Date.UTC(2027, 2, 1)]],
    ] as const) {
      const scale = continuousQuestion(id).scale;
      const cdf = cdfFromQuantiles(scale, quantiles.map((value, i) => ({ level: [0.25, 0.5, 0.75][i] as 0.25 | 0.5 | 0.75, value })));
      if (!cdf.ok) throw new Error(JSON.stringify(cdf));
      expect(recordCdfForecast(db, { questionId: id, forecasterId: analystId, madeAt: NOW - 250 * DAY, cdf: cdf.cdf, rationale: "base rates" }).ok).toBe(true);
    }
    expect(recordResolution(db, { questionId: price, outcome: { kind: "value", value: 231.25 }, resolveTime: NOW - 5 * DAY, evidence: "", actorId: adminId, now: NOW }).ok).toBe(true);
    const first = datasetToV1Json(exportDataset(db));
    expect(first.questions.map((q) => q.type).sort()).toEqual(["date", "numeric"]);

    const other = openDb(path.join(dir, "other.db"));
    const read = readDatasetV1(JSON.parse(JSON.stringify(first)));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(importDataset(other, read.dataset)).toMatchObject({ questionsAdded: 2, forecastsAdded: 2 });
    expect(datasetToV1Json(exportDataset(other))).toEqual(first);
    const copy = getQuestion(other, price)!;
    expect(isContinuousQuestion(copy) && copy.scale).toEqual(continuousQuestion(price).scale);
    // A second import changes nothing.
    expect(importDataset(other, read.dataset)).toMatchObject({ questionsAdded: 0, questionsUnchanged: 2, forecastsAdded: 0, forecastsUnchanged: 2 });
    other.$client.close();
  });
});
