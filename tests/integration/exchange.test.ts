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
import { clipDatasetForecast, scoreDataset } from "@/lib/report";
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

  it("stores exactly the forecasts the scorer reads, and counts the clipped ones as the report does", () => {
    const db = freshDb();
    const summary = importDataset(db, original);
    expect(summary.clipped).toBe(report.nClippedForecasts);
    expect(summary.forecastsAdded).toBe(original.forecasts.length);
    const exported = exportDataset(db);
    const typeOf = new Map(original.questions.map((q) => [q.id, q.type]));
    expect(exported.forecasts).toHaveLength(original.forecasts.length);
    exported.forecasts.forEach((f, i) => {
      const o = original.forecasts[i];
      expect({ question: f.question, forecaster: f.forecaster, time: f.time }).toEqual({
        question: o.question,
        forecaster: o.forecaster,
        time: o.time,
      });
      // Equal up to the last bit of a renormalisation: a vector that already sums to 1 within 1e-12 and
      // needs no clipping is stored as given (0.5 + 0.1 + 0.3 + 0.1 = 0.9999999999999999), so exports round-trip exactly.
      expectClose(f.probabilities, clipDatasetForecast(typeOf.get(o.question)!, o.probabilities).probabilities, 1e-15, `forecasts[${i}]`);
    });
    // Scores computed from the database's forecasts equal the report of the original document.
    for (const q of exported.questions) {
      const mine = scoreQuestion(q, exported.forecasts.filter((f) => f.question === q.id), original.params);
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
    expect(summary.clipped).toBe(0);
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
    expect(importDataset(b, read.dataset)).toMatchObject({ clipped: 0, forecastsAdded: original.forecasts.length });
    expect(datasetToV1Json(exportDataset(b))).toEqual(datasetToV1Json(first));
    a.$client.close();
    b.$client.close();
  });

  it("re-scoring the exported document gives the original report, except where a clipped vector is clipped again", () => {
    const db = freshDb();
    importDataset(db, original);
    const exported = readV1(datasetToV1Json(exportDataset(db)));
    db.$client.close();
    const again = reportToJson(scoreDataset(exported)) as Record<string, Record<string, unknown>>;
    const expected = reportToJson(report) as Record<string, Record<string, unknown>>;
    // Exported forecasts are already clipped: only an entry a hair below 0.001 (a scenario vector
    // clipped on import) is clipped again, which moves that question's numbers by ~1e-6.
    const typeOf = new Map(exported.questions.map((q) => [q.id, q.type]));
    const reclippedForecasts = exported.forecasts.filter((f) => clipDatasetForecast(typeOf.get(f.question)!, f.probabilities).clipped);
    const reclipped = new Set(reclippedForecasts.map((f) => f.question));
    expect(again.n_clipped_forecasts).toBe(reclippedForecasts.length);
    if (name !== "tiny-example.json") expect(reclippedForecasts.length).toBe(1); // the one scenario vector with a 0
    for (const id of Object.keys(expected.questions)) if (!reclipped.has(id)) expectClose(again.questions[id], expected.questions[id], 1e-12, id);
    const rows = (r: Record<string, unknown>) => (r.scores as unknown as Array<{ question: string }>).filter((s) => !reclipped.has(s.question));
    expectClose(rows(again), rows(expected), 1e-12, "scores");
    expectClose(again.calibration, expected.calibration, 1e-12, "calibration"); // binary questions only
    if (reclipped.size === 0) expectClose(again.forecasters, expected.forecasters, 1e-12, "forecasters");
  });
});
