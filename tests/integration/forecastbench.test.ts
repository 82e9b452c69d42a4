import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { importDataset } from "@/db/queries/exchange";
import { getQuestion } from "@/db/queries/questions";
import { forecasts } from "@/db/schema/forecasts";
import { questions } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import { users } from "@/db/schema/users";
import { exportDataset } from "@/db/queries/exchange";
import { convertForecastBench } from "@/lib/exchange/forecastbench";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson } from "@/lib/exchange/write-report";
import { datasetToV1Json, v1DocumentText } from "@/lib/exchange/write-v1";
import { scoreDataset } from "@/lib/report";
import type { Dataset } from "@/lib/types";
import { readForecastBenchFile } from "../fixtures";

const read = readForecastBenchFile;

let dir: string;
let db: Db;
let dataset: Dataset;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-forecastbench-"));
  db = openDb(path.join(dir, "fd.db"));
  const { document } = convertForecastBench({
    questionSet: read("2024-07-21-human.json"),
    forecasts: read("2024-07-21.ForecastBench.human_super_individual.json"),
    resolutionSet: read("2024-07-21_resolution_set.json"),
  });
  const v1 = readDatasetV1(JSON.parse(JSON.stringify(document)));
  if (!v1.ok) throw new Error(v1.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  dataset = v1.dataset;
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("importing the ForecastBench 2024-07-21 human round", () => {
  it("loads 968 questions, 471 resolutions, 40 forecasters and 7,693 forecasts as given; 1,649 are clipped when read", () => {
    const summary = importDataset(db, dataset);
    // 1,624 forecasts are exactly 0 or 1; 25 more lie in (0, 0.001) or (0.999, 1] (e.g. 0.0001, 0.9990000000000001).
    expect(summary).toEqual({
      questionsAdded: 968,
      questionsUnchanged: 0,
      forecastsAdded: 7693,
      forecastsUnchanged: 0,
      forecastersCreated: 40,
      clipped: 1649,
    });
    expect(db.select().from(questions).all()).toHaveLength(968);
    expect(db.select().from(resolutions).all()).toHaveLength(471);
    expect(db.select().from(users).all()).toHaveLength(40);
    const stored = db.select().from(forecasts).all();
    // Stored as given: 0 and 1 stay 0 and 1, and so do 0.0001 and 0.9990000000000001.
    const pYes = stored.map((f) => f.probabilities[1]);
    expect(Math.min(...pYes)).toBe(0);
    expect(Math.max(...pYes)).toBe(1);
    expect(pYes.filter((p) => p === 0 || p === 1)).toHaveLength(1624);
    expect(pYes).toContain(0.9990000000000001);
  });

  it("stores a question with its tags, times, outcome and attribution", () => {
    const q = getQuestion(db, "manifold:TPkEjiNb1wVCIGFnPcDD")!;
    expect(q).toMatchObject({
      type: "binary",
      title: "Will the average global temperature in 2024 exceed 2023?",
      tags: ["forecastbench", "manifold", "market"],
      openTime: Date.parse("2024-07-21T00:00:00Z"),
      closeTime: Date.parse("2025-01-17T00:00:00Z"),
      resolveTime: Date.parse("2025-01-17T00:00:00Z"),
      outcome: { kind: "option", option: 1 },
      isDraft: false,
      hideCrowdUntilForecast: false,
    });
    expect(q.description).toContain("ForecastBench (Karger et al., ICLR 2025), CC BY-SA 4.0");
    expect(q.description).not.toContain("Resolution criteria");
    expect(q.resolutionCriteria).toBe("Resolves to the outcome of the question found at https://manifold.markets/SteveRabin/will-the-average-global-temperature.");
  });

  it("changes nothing when imported again", () => {
    expect(importDataset(db, dataset)).toEqual({
      questionsAdded: 0,
      questionsUnchanged: 968,
      forecastsAdded: 0,
      forecastsUnchanged: 7693,
      forecastersCreated: 0,
      clipped: 1649,
    });
    expect(db.select().from(forecasts).all()).toHaveLength(7693);
  });
});

// The loading rules of docs/forecastbench.md written out again, as plainly as possible and apart from
// lib/exchange/forecastbench.ts: the round "converted directly by those rules". Only what scoring uses.
interface Fb {
  questions: Array<{ id: string; source: string; resolution_dates: string[] | "N/A"; market_info_close_datetime?: string | null }>;
  forecast_due_date: string;
}
function convertByTheRules(questionSet: Fb, forecastFile: { forecasts: Array<Record<string, unknown>> }, resolutionSet: { resolutions: Array<Record<string, unknown>> }) {
  const open = `${questionSet.forecast_due_date}T00:00:00Z`;
  const rows = resolutionSet.resolutions.filter((r) => typeof r.id === "string"); // lists: combination questions
  const pair = new Map(rows.map((r) => [`${r.source}:${r.id}@${r.resolution_date}`, r]));
  const latest = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const key = `${r.source}:${r.id}`;
    const seen = latest.get(key);
    if (!seen || (r.resolution_date as string) > (seen.resolution_date as string)) latest.set(key, r);
  }
  const question = (id: string, close: string, row: Record<string, unknown> | undefined) => {
    const resolved = row?.resolved === true;
    return {
      id,
      title: id,
      type: "binary",
      open_time: open,
      close_time: close,
      resolve_time: resolved ? close : null,
      resolution: resolved ? (row!.resolved_to === 1 ? "yes" : "no") : null,
    };
  };
  const questions = questionSet.questions.flatMap((q) =>
    Array.isArray(q.resolution_dates)
      ? q.resolution_dates.map((date) => question(`${q.source}:${q.id}@${date}`, `${date}T00:00:00Z`, pair.get(`${q.source}:${q.id}@${date}`)))
      : [
          (() => {
            const row = latest.get(`${q.source}:${q.id}`);
            const close = row ? `${row.resolution_date}T00:00:00Z` : new Date(q.market_info_close_datetime as string).toISOString();
            return question(`${q.source}:${q.id}`, close, row);
          })(),
        ],
  );
  const forecasts = forecastFile.forecasts.map((f) => ({
    question: f.resolution_date ? `${f.source}:${f.id}@${f.resolution_date}` : `${f.source}:${f.id}`,
    forecaster: f.user_id,
    time: open,
    probability: f.forecast,
  }));
  return { format: "forecast-desk/v1", questions, forecasts };
}

/** The largest absolute difference between two report objects of the same shape (throws where the shapes differ). */
function largestDifference(a: unknown, b: unknown, at = "$"): number {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b);
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keysA = Object.keys(a).sort();
    const keysB = Object.keys(b).sort();
    if (JSON.stringify(keysA) !== JSON.stringify(keysB)) throw new Error(`${at}: keys differ`);
    let most = 0;
    for (const k of keysA) most = Math.max(most, largestDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`));
    return most;
  }
  if (a !== b) throw new Error(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  return 0;
}

describe("scoring the desk's export of the imported round", () => {
  it("gives the numbers of the round converted directly by the loading rules, n_clipped_forecasts 1,649 included", () => {
    const direct = readDatasetV1(
      convertByTheRules(
        read("2024-07-21-human.json") as Fb,
        read("2024-07-21.ForecastBench.human_super_individual.json") as { forecasts: Array<Record<string, unknown>> },
        read("2024-07-21_resolution_set.json") as { resolutions: Array<Record<string, unknown>> },
      ),
    );
    if (!direct.ok) throw new Error(direct.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
    const expected = reportToJson(scoreDataset(direct.dataset)) as Record<string, Record<string, unknown>>;

    // The desk's export, as its bytes, read back and scored.
    const text = [...v1DocumentText(datasetToV1Json(exportDataset(db)))].join("");
    const exported = readDatasetV1(JSON.parse(text));
    if (!exported.ok) throw new Error(exported.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
    expect(exported.dataset.questions).toHaveLength(968);
    expect(exported.dataset.forecasts).toHaveLength(7693);
    const actual = reportToJson(scoreDataset(exported.dataset)) as Record<string, Record<string, unknown>>;

    expect(actual.n_clipped_forecasts).toBe(1649);
    expect(expected.n_clipped_forecasts).toBe(1649);
    expect(Object.keys(actual.questions)).toHaveLength(968);
    expect((actual.scores as unknown as unknown[]).length).toBe((expected.scores as unknown as unknown[]).length);
    expect((actual.scores as unknown as unknown[]).length).toBeGreaterThan(3000);
    // Every question, score row, summary and calibration bin: the same shape and the same numbers. The
    // export lists questions by id, the question set in its own order, so sums over questions
    // (calibration) may differ in the last bits.
    const differences = {
      questions: largestDifference(actual.questions, expected.questions, "questions"),
      scores: largestDifference(actual.scores, expected.scores, "scores"),
      forecasters: largestDifference(actual.forecasters, expected.forecasters, "forecasters"),
      calibration: largestDifference(actual.calibration, expected.calibration, "calibration"),
    };
    expect(largestDifference(actual, expected)).toBeLessThanOrEqual(1e-12);
    expect(differences.questions).toBe(0);
    expect(differences.scores).toBe(0);
    expect(differences.forecasters).toBe(0);
  });
});
