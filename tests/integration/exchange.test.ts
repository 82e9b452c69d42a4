import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { exportDataset, importDataset } from "@/db/queries/exchange";
import { forecasts } from "@/db/schema/forecasts";
import { datasetToCsv, readDatasetCsv } from "@/lib/exchange/csv";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson } from "@/lib/exchange/write-report";
import { datasetToV1Json } from "@/lib/exchange/write-v1";
import { readForecasts } from "@/lib/probability";
import { scoreDataset } from "@/lib/report";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import type { Dataset } from "@/lib/types";
import { exchangeFixture } from "../fixtures";

// Import → export → import → export on the worked examples (tests/fixtures/exchange), in JSON and CSV, and the scores of what
// the database holds against the scores of the original document.

const EXAMPLES = ["tiny-example.json", "example.json", "edge-cases.json"];
let dir: string;
let n = 0;
const freshDb = (): Db => openDb(path.join(dir, `db-${n++}.db`));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-exchange-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function readV1(doc: unknown): Dataset {
  const read = readDatasetV1(JSON.parse(JSON.stringify(doc)));
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  return read.dataset;
}

/** Every number within `tol`, everything else equal. */
function expectClose(actual: unknown, expected: unknown, tol: number, at = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Math.abs(actual - expected) > tol) throw new Error(`${at}: ${actual} differs from ${expected} by more than ${tol}`);
    return;
  }
  if (expected && typeof expected === "object" && actual && typeof actual === "object") {
    expect(Object.keys(actual).sort(), at).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, tol, `${at}.${k}`);
    return;
  }
  expect(actual, at).toEqual(expected);
}

describe.each(EXAMPLES)("%s", (name) => {
  const original = readV1(JSON.parse(fs.readFileSync(exchangeFixture(name), "utf8")));
  const report = scoreDataset(original);

  it("stores every forecast exactly as given, and counts the ones the engine clips as the report does", () => {
    const db = freshDb();
    const summary = importDataset(db, original);
    expect(summary.clipped).toBe(report.nClippedForecasts);
    expect(summary.forecastsAdded).toBe(original.forecasts.length);
    const exported = exportDataset(db);
    expect(exported.forecasts).toHaveLength(original.forecasts.length);
    exported.forecasts.forEach((f, i) => {
      const o = original.forecasts[i];
      expect({ question: f.question, forecaster: f.forecaster, time: f.time, probabilities: f.probabilities }, `forecasts[${i}]`).toEqual({
        question: o.question,
        forecaster: o.forecaster,
        time: o.time,
        probabilities: o.probabilities,
      });
    });
    // Scores computed from the database's forecasts, read as the engine reads them, equal the report.
    for (const q of exported.questions) {
      const asRead = readForecasts(q.type, exported.forecasts.filter((f) => f.question === q.id));
      const mine = scoreQuestion(q, asRead, original.params);
      const theirs = report.questions.find((r) => r.questionId === q.id)!;
      const { questionId, status, actualCloseTime, aggregates, aggregateScores, rows } = theirs;
      expectClose(mine, { questionId, status, actualCloseTime, aggregates, aggregateScores, rows }, 1e-12, q.id);
    }
    db.$client.close();
  });

  it("round-trips through JSON: export, import into an empty database, export again gives the same document", () => {
    const a = freshDb();
    importDataset(a, original);
    const first = datasetToV1Json(exportDataset(a));
    const b = freshDb();
    const summary = importDataset(b, readV1(first));
    expect(summary.clipped).toBe(report.nClippedForecasts);
    expect(datasetToV1Json(exportDataset(b))).toEqual(first);
    // Idempotent across formats: the original into b, the export into a, both change nothing.
    expect(importDataset(b, original)).toMatchObject({ questionsAdded: 0, forecastsAdded: 0, forecastersCreated: 0 });
    expect(importDataset(a, readV1(first))).toMatchObject({ questionsAdded: 0, forecastsAdded: 0, forecastersCreated: 0 });
    expect(a.select().from(forecasts).all()).toHaveLength(original.forecasts.length);
    expect(b.select().from(forecasts).all()).toHaveLength(original.forecasts.length);
    a.$client.close();
    b.$client.close();
  });

  it("round-trips through CSV", () => {
    const a = freshDb();
    importDataset(a, original);
    const first = exportDataset(a);
    const read = readDatasetCsv(datasetToCsv(first));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const b = freshDb();
    expect(importDataset(b, read.dataset)).toMatchObject({ clipped: report.nClippedForecasts, forecastsAdded: original.forecasts.length });
    expect(datasetToV1Json(exportDataset(b))).toEqual(datasetToV1Json(first));
    a.$client.close();
    b.$client.close();
  });

  it("re-scoring the exported document gives the original report, n_clipped_forecasts included", () => {
    const db = freshDb();
    importDataset(db, original);
    const exported = readV1(datasetToV1Json(exportDataset(db)));
    db.$client.close();
    const again = reportToJson(scoreDataset(exported)) as Record<string, unknown>;
    const expected = reportToJson(report) as Record<string, unknown>;
    expect(again.n_clipped_forecasts).toBe(expected.n_clipped_forecasts);
    // The same forecasts give the same numbers; the export sorts questions by id, so sums over
    // questions (calibration) are taken in another order and agree to rounding.
    expectClose(again, expected, 1e-12);
    if (name !== "tiny-example.json") expect(report.nClippedForecasts).toBeGreaterThan(0);
  });
});
