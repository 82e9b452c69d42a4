// Nothing is lost on the way through the desk: a desk that uses every question field the desk stores
// (resolution criteria and evidence, drafts, the anchoring guard, illustrative questions, tags,
// resolve-by dates, annulments) and forecasts of exactly 0 and 1 is exported, imported into an empty
// desk and exported again; JSON and CSV alike, the second export is byte-identical to the first.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { exportDataset, ImportConflictError, importDataset } from "@/db/queries/exchange";
import { recordForecast } from "@/db/queries/forecasts";
import { createQuestion, getQuestion } from "@/db/queries/questions";
import { recordResolution } from "@/db/queries/resolutions";
import { createUser } from "@/db/queries/users";
import { forecasts } from "@/db/schema/forecasts";
import { questions } from "@/db/schema/questions";
import { datasetToCsv, readDatasetCsv } from "@/lib/exchange/csv";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { datasetToV1Json, v1DocumentText } from "@/lib/exchange/write-v1";
import type { Dataset } from "@/lib/types";

const T = (s: string) => Date.parse(s);
let dir: string;
let n = 0;
const freshDb = (): Db => openDb(path.join(dir, `desk-${n++}.db`));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-desk-round-trip-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const jsonText = (d: Dataset): string => [...v1DocumentText(datasetToV1Json(d))].join("");

function readJsonText(text: string): Dataset {
  const read = readDatasetV1(JSON.parse(text));
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  return read.dataset;
}

function readCsvFiles(files: { questions: string; forecasts: string }): Dataset {
  const read = readDatasetCsv(files);
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  return read.dataset;
}

/**
 * A desk built the way the app builds one: questions from the question form's definition, forecasts
 * through the forecast path, resolutions with evidence by an admin, plus an imported file whose
 * forecasts are exactly 0 and 1 (and 1e-4, 0.9990000000000001, a scenario vector with a 0).
 */
function buildDesk(db: Db): void {
  const admin = createUser(db, { email: "ada@example.org", name: "Ada Admin", password: "correct horse battery", role: "admin" });
  const analyst = createUser(db, { email: "bo@example.org", name: "Bo Analyst", password: "correct horse battery", role: "analyst" });
  const created = T("2025-01-01T00:00:00Z");
  const base = {
    description: "",
    resolutionCriteria: "",
    tags: [] as string[],
    openTime: T("2025-01-02T00:00:00Z"),
    closeTime: T("2025-06-01T00:00:00Z"),
    resolveBy: null,
    scenarios: [] as string[],
    hideCrowdUntilForecast: true,
    isDraft: false,
  };
  const gas = createQuestion(
    db,
    {
      ...base,
      title: "Gas addenda signed by 1 June?",
      type: "binary",
      description: "Background, with a comma, a \"quote\" and\ntwo lines.",
      resolutionCriteria: "Yes if both parliaments ratify the addenda before 1 June 2025.",
      tags: ["energy", "union"],
      resolveBy: T("2025-06-15T00:00:00Z"),
    },
    { createdBy: admin.id, now: created },
  );
  const first = createQuestion(
    db,
    {
      ...base,
      title: "Which comes first?",
      type: "multiple_choice",
      scenarios: ["Gas market", "Currency", "Neither"],
      resolutionCriteria: "The first treaty signed, per the official journal.",
      hideCrowdUntilForecast: false,
      tags: ["energy"],
    },
    { createdBy: admin.id, now: created },
  );
  const annulled = createQuestion(db, { ...base, title: "Tax code by March?", type: "binary" }, { createdBy: admin.id, now: created });
  createQuestion(
    db,
    { ...base, title: "Draft: a currency board?", type: "binary", isDraft: true, resolutionCriteria: "Not final yet." },
    { createdBy: admin.id, now: created },
  );
  // Only the demo seeder marks questions illustrative; no form sets it.
  db.update(questions).set({ isIllustrative: true }).where(eq(questions.id, first)).run();

  const forecast = (questionId: string, who: string, at: string, probabilities: number[], rationale: string | null = null) => {
    const r = recordForecast(db, { questionId, forecasterId: who, madeAt: T(at), probabilities, rationale });
    if (!r.ok) throw new Error(r.reason);
  };
  forecast(gas, analyst.id, "2025-01-10T09:00:00Z", [0.3, 0.7], "Talks resumed, \"finally\".");
  forecast(gas, admin.id, "2025-01-11T00:00:00Z", [0.55, 0.45]);
  forecast(gas, analyst.id, "2025-02-01T00:00:00Z", [0.999, 0.001]);
  forecast(first, analyst.id, "2025-01-10T00:00:00Z", [0.5, 0.1, 0.4], "Gas first,\nthen the rest.");
  forecast(first, admin.id, "2025-01-10T00:00:00Z", [0.2, 0.2, 0.6]);
  forecast(annulled, analyst.id, "2025-01-12T00:00:00Z", [0.8, 0.2]);

  const resolve = (questionId: string, outcome: Parameters<typeof recordResolution>[1]["outcome"], evidence: string) => {
    const r = recordResolution(db, { questionId, outcome, resolveTime: T("2025-05-01T00:00:00Z"), evidence, actorId: admin.id, now: T("2025-05-02T00:00:00Z") });
    if (!r.ok) throw new Error(r.reason);
  };
  resolve(gas, { kind: "option", option: 0 }, "https://example.org/journal/2025-05-01 (not ratified)");
  resolve(first, { kind: "option", option: 1 }, "Currency treaty signed on 30 April.");
  resolve(annulled, { kind: "annulled" }, "The question's premise fell away.");

  const imported = readJsonText(
    JSON.stringify({
      format: "forecast-desk/v1",
      questions: [
        {
          id: "fb:extremes",
          title: "Imported, with extreme forecasts",
          type: "binary",
          tags: ["imported"],
          open_time: "2024-07-21T00:00:00Z",
          close_time: "2024-12-01T00:00:00Z",
          resolve_time: "2024-12-01T00:00:00Z",
          resolution: "yes",
          resolution_criteria: "As the source says.",
          resolution_evidence: "Source: the data set.",
          hide_crowd_until_forecast: false,
          illustrative: false,
        },
        {
          id: "fb:scenarios",
          title: "Imported scenarios",
          type: "multiple_choice",
          options: ["a", "b", "c"],
          open_time: "2024-07-21T00:00:00Z",
          close_time: "2030-01-01T00:00:00Z",
        },
      ],
      forecasts: [
        { question: "fb:extremes", forecaster: "super-1", time: "2024-07-21T00:00:00Z", probability: 0 },
        { question: "fb:extremes", forecaster: "super-2", time: "2024-07-21T00:00:00Z", probability: 1 },
        { question: "fb:extremes", forecaster: "super-3", time: "2024-07-21T00:00:00Z", probability: 1e-4 },
        { question: "fb:extremes", forecaster: "super-4", time: "2024-07-21T00:00:00Z", probability: 0.9990000000000001 },
        { question: "fb:scenarios", forecaster: "super-1", time: "2024-07-22T00:00:00Z", probabilities: { a: 0.5, b: 0.5, c: 0 } },
        { question: "fb:scenarios", forecaster: "super-2", time: "2024-07-22T00:00:00Z", probabilities: { a: 0.2, b: 0.3, c: 0.5004 } },
      ],
    }),
  );
  expect(importDataset(db, imported).clipped).toBe(5);
}

let desk: Db;
let exported: Dataset;

beforeAll(() => {
  desk = freshDb();
  buildDesk(desk);
  exported = exportDataset(desk);
});
afterAll(() => desk.$client.close());

describe("a desk that uses every question field", () => {
  it("exports every one of them, and the forecasts exactly as stored", () => {
    const doc = datasetToV1Json(exported);
    const byTitle = new Map(doc.questions.map((q) => [q.title, q]));
    expect(byTitle.get("Gas addenda signed by 1 June?")).toMatchObject({
      resolution_criteria: "Yes if both parliaments ratify the addenda before 1 June 2025.",
      resolution_evidence: "https://example.org/journal/2025-05-01 (not ratified)",
      draft: false,
      hide_crowd_until_forecast: true,
      illustrative: false,
      resolve_by: "2025-06-15T00:00:00.000Z",
      resolution: "no",
      tags: ["energy", "union"],
    });
    expect(byTitle.get("Which comes first?")).toMatchObject({ illustrative: true, hide_crowd_until_forecast: false, resolution: "Currency" });
    expect(byTitle.get("Tax code by March?")).toMatchObject({ resolution: "annulled", resolution_evidence: "The question's premise fell away." });
    expect(byTitle.get("Draft: a currency board?")).toMatchObject({ draft: true, resolution_criteria: "Not final yet." });
    expect(doc.forecasts.filter((f) => f.question === "fb:extremes").map((f) => f.probability)).toEqual([0, 1, 1e-4, 0.9990000000000001]);
    expect(doc.forecasts.find((f) => f.question === "fb:scenarios")!.probabilities).toEqual({ a: 0.5, b: 0.5, c: 0 });
  });

  it("JSON: export → import into an empty desk → export is byte-identical", () => {
    const first = jsonText(exported);
    const other = freshDb();
    try {
      const summary = importDataset(other, readJsonText(first));
      expect(summary).toMatchObject({ questionsAdded: 6, forecastsAdded: 12, clipped: 5 });
      const second = jsonText(exportDataset(other));
      expect(second).toBe(first);
      // The stored rows agree too: the draft is a draft, the guard and the flags are as they were.
      const draft = exported.questions.find((q) => q.isDraft)!;
      expect(getQuestion(other, draft.id)).toMatchObject({ isDraft: true, resolutionCriteria: "Not final yet." });
      expect(other.select().from(forecasts).all().map((f) => f.probabilities)).toContainEqual([0.5, 0.5, 0]);
    } finally {
      other.$client.close();
    }
  });

  it("CSV: export → import into an empty desk → export is byte-identical", () => {
    const first = datasetToCsv(exported);
    const other = freshDb();
    try {
      expect(importDataset(other, readCsvFiles(first))).toMatchObject({ questionsAdded: 6, forecastsAdded: 12, clipped: 5 });
      const second = datasetToCsv(exportDataset(other));
      expect(second.questions).toBe(first.questions);
      expect(second.forecasts).toBe(first.forecasts);
      // … and the CSV desk exports the same JSON as the original desk.
      expect(jsonText(exportDataset(other))).toBe(jsonText(exported));
    } finally {
      other.$client.close();
    }
  });

  it("re-importing the export into the desk it came from changes nothing", () => {
    expect(importDataset(desk, readJsonText(jsonText(exported)))).toMatchObject({
      questionsAdded: 0,
      questionsUnchanged: 6,
      forecastsAdded: 0,
      forecastsUnchanged: 12,
      forecastersCreated: 0,
    });
  });

  it("hides drafts from a non-admin's export and keeps them in an admin's", () => {
    expect(exportDataset(desk, { viewer: { role: "analyst" } }).questions.some((q) => q.isDraft)).toBe(false);
    expect(exportDataset(desk, { viewer: { role: "admin" } }).questions.filter((q) => q.isDraft)).toHaveLength(1);
  });

  it("refuses evidence on an unresolved question, naming the field, and writes nothing", () => {
    const doc = datasetToV1Json(exported);
    const i = doc.questions.findIndex((q) => q.id === "fb:scenarios");
    doc.questions[i] = { ...doc.questions[i], resolution_evidence: "orphan note" };
    const other = freshDb();
    try {
      let error: unknown;
      try {
        importDataset(other, readJsonText(JSON.stringify(doc)));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportConflictError);
      expect((error as ImportConflictError).problems).toEqual([
        { path: `questions[${i}].resolution_evidence`, rule: expect.stringContaining("while resolution is null") },
      ]);
      expect(other.select().from(questions).all()).toHaveLength(0);
    } finally {
      other.$client.close();
    }
  });
});
