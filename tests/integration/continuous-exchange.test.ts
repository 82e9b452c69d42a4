import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { exportDataset, ImportConflictError, importDataset } from "@/db/queries/exchange";
import { continuousForecasts } from "@/db/schema/continuous-questions";
import { datasetToCsv, readDatasetCsv } from "@/lib/exchange/csv";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson } from "@/lib/exchange/write-report";
import { datasetToV1Json } from "@/lib/exchange/write-v1";
import { scoreDataset } from "@/lib/report";
import type { Dataset } from "@/lib/types";
import { continuousFixture, exchangeFixture } from "../fixtures";

// Numeric and date questions through the desk: JSON and CSV in, SQLite, JSON and CSV out, exactly.
let dir: string;
let n = 0;
const freshDb = (): Db => openDb(path.join(dir, `db-${n++}.db`));
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-continuous-exchange-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function readV1(doc: unknown): Dataset {
  const read = readDatasetV1(JSON.parse(JSON.stringify(doc)));
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  return read.dataset;
}
const fixture = (file: string) => readV1(JSON.parse(fs.readFileSync(file, "utf8")));

/** The v1 document of a dataset with questions sorted by id (the order an export writes them). */
function sortedV1(dataset: Dataset): unknown {
  const doc = datasetToV1Json(dataset);
  const questions = [...doc.questions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byQuestion = (list: typeof doc.forecasts) => [...list].sort((a, b) => (a.question < b.question ? -1 : a.question > b.question ? 1 : 0));
  return { ...doc, questions, forecasts: byQuestion(doc.forecasts) };
}

/** What the desk stores for flags a document leaves out: published, crowd shown, not illustrative. */
function withDeskDefaults(dataset: Dataset): Dataset {
  const questions = dataset.continuous?.questions.map((q) => ({
    ...q,
    isDraft: q.isDraft ?? false,
    hideCrowdUntilForecast: q.hideCrowdUntilForecast ?? false,
    isIllustrative: q.isIllustrative ?? false,
  }));
  return { ...dataset, continuous: dataset.continuous && { ...dataset.continuous, questions: questions ?? [] } };
}

describe.each(["continuous-example.json", "continuous-edge-cases.json"])("%s", (name) => {
  const original = fixture(continuousFixture(name));

  it("comes back out of the database exactly, and scores the same to the last bit", () => {
    const db = freshDb();
    const summary = importDataset(db, original);
    expect(summary.questionsAdded).toBe(original.continuous?.questions.length);
    expect(summary.forecastsAdded).toBe(original.continuous?.forecasts.length);
    const exported = exportDataset(db);
    expect(sortedV1(exported)).toEqual(sortedV1({ ...withDeskDefaults(original), params: exported.params }));
    // The same report to the last bit (the export lists questions by id, so the original is scored in that order).
    const again = readV1(JSON.parse(JSON.stringify(datasetToV1Json(exported))));
    const inIdOrder = readV1({ ...(sortedV1(original) as object), params: { calibration_bins: original.params.calibrationBins } });
    expect(reportToJson(scoreDataset({ ...again, params: original.params }))).toEqual(reportToJson(scoreDataset(inIdOrder)));
  });

  it("is imported once: a second import of the export changes nothing", () => {
    const db = freshDb();
    importDataset(db, original);
    const exported = readV1(JSON.parse(JSON.stringify(datasetToV1Json(exportDataset(db)))));
    const summary = importDataset(db, exported);
    expect(summary).toMatchObject({ questionsAdded: 0, forecastsAdded: 0, forecastsUnchanged: original.continuous?.forecasts.length });
  });

  it("round-trips through CSV exactly: CSV → dataset → CSV gives the same bytes, and the same dataset", () => {
    const csv = datasetToCsv(original);
    const read = readDatasetCsv(csv);
    if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
    expect(datasetToV1Json(read.dataset)).toEqual(datasetToV1Json({ ...original, params: read.dataset.params }));
    expect(datasetToCsv(read.dataset)).toEqual(csv);
    const db = freshDb();
    importDataset(db, read.dataset);
    expect(sortedV1(exportDataset(db))).toEqual(sortedV1({ ...withDeskDefaults(original), params: exportDataset(db).params }));
  });
});

describe("storing numeric and date questions", () => {
  it("keeps a CDF in 809 bytes", () => {
    const db = freshDb();
    importDataset(db, fixture(continuousFixture("continuous-example.json")));
    const sizes = db.$client.prepare(`select distinct length(${continuousForecasts.cdf.name}) as bytes from continuous_forecasts`).all();
    expect(sizes).toEqual([{ bytes: 809 }]);
  });
  it("keeps binary and numeric questions side by side in one document", () => {
    const db = freshDb();
    const binary = fixture(exchangeFixture("tiny-example.json"));
    const numeric = fixture(continuousFixture("continuous-example.json"));
    const mixed: Dataset = { ...binary, continuous: numeric.continuous };
    importDataset(db, mixed);
    const exported = exportDataset(db);
    expect(exported.questions.map((q) => q.id)).toEqual(binary.questions.map((q) => q.id).sort());
    expect(exported.continuous?.questions.map((q) => q.id)).toEqual(numeric.continuous?.questions.map((q) => q.id).sort());
    const report = reportToJson(scoreDataset(exported)) as { calibration: Record<string, unknown> };
    expect(report.calibration).toHaveProperty("continuous");
  });
  it("refuses, writing nothing, a question whose id or scoring fields contradict what is stored", () => {
    const db = freshDb();
    const numeric = fixture(continuousFixture("continuous-example.json"));
    importDataset(db, numeric);
    const changed = structuredClone(numeric);
    changed.continuous!.questions[0].scale.rangeMax = 300;
    expect(() => importDataset(db, changed)).toThrow(ImportConflictError);
    const clash: Dataset = {
      ...fixture(exchangeFixture("tiny-example.json")),
    };
    clash.questions[0] = { ...clash.questions[0], id: numeric.continuous!.questions[0].id };
    expect(() => importDataset(db, clash)).toThrow(/stored as a numeric question/);
    expect(exportDataset(db).questions).toEqual([]);
  });
});
