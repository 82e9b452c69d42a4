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
import { convertForecastBench, withResolutionCriteria } from "@/lib/exchange/forecastbench";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import type { Dataset } from "@/lib/types";
import { readForecastBenchFile } from "../fixtures";

const read = readForecastBenchFile;

let dir: string;
let db: Db;
let dataset: Dataset;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-forecastbench-"));
  db = openDb(path.join(dir, "fd.db"));
  const { document, resolutionCriteria } = convertForecastBench({
    questionSet: read("2024-07-21-human.json"),
    forecasts: read("2024-07-21.ForecastBench.human_super_individual.json"),
    resolutionSet: read("2024-07-21_resolution_set.json"),
  });
  const v1 = readDatasetV1(JSON.parse(JSON.stringify(document)));
  if (!v1.ok) throw new Error(v1.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  dataset = withResolutionCriteria(v1.dataset, resolutionCriteria);
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
