import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { sqliteOf } from "@/db/queries/connection";
import { crowdDistributionHistory, listContinuousForecasts, listOwnContinuousForecasts } from "@/db/queries/continuous-forecasts";
import { importDataset } from "@/db/queries/exchange";
import { quantileLocation } from "@/lib/continuous/cdf";
import { encodeCdf } from "@/lib/continuous/cdf-blob";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { continuousFixture } from "../fixtures";
import { cdfThroughKnots } from "../unit/continuous/builders";

// The crowd's distribution of a numeric question as the question page reads it from SQLite
// (db/queries/continuous-forecasts.ts): the scorer's aggregate for the worked example, and a kept result
// that follows every new forecast.

let dir: string;
let db: Db;
const report = JSON.parse(fs.readFileSync(continuousFixture("continuous-example.report.json"), "utf8"));
const document = JSON.parse(fs.readFileSync(continuousFixture("continuous-example.json"), "utf8"));
const question = document.questions.find((q: { id: string }) => q.id === "gas-price-2025");
const openTime = Date.parse(question.open_time);
const ta = Date.parse(report.questions["gas-price-2025"].actual_close_time);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-continuous-crowd-"));
  db = openDb(path.join(dir, "desk.db"));
  const read = readDatasetV1(document);
  if (!read.ok) throw new Error("the worked example reads");
  importDataset(db, read.dataset);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const userId = (handle: string) => (sqliteOf(db).prepare("select id from user where handle = ?").get(handle) as { id: string }).id;

describe("the crowd's distribution read from the desk", () => {
  it("is the scorer's recency-weighted mean at the close, and its fan chart ends at that median", () => {
    const history = crowdDistributionHistory(db, "gas-price-2025", openTime, ta, "both", 500);
    const expected: number[] = report.questions["gas-price-2025"].aggregates.recency_weighted_mean;
    history.current!.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(history.points.at(-1)!.locations[2]).toBeCloseTo(quantileLocation(expected, 0.5), 9);
  });

  it("lists the forecasts in counted order (by time, ties by insertion) and the viewer's own", () => {
    const listed = listContinuousForecasts(db, "gas-price-2025", ta, "both");
    const times = listed.map((f) => f.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(listed.length).toBe(document.forecasts.filter((f: { question: string; time: string }) => f.question === "gas-price-2025" && Date.parse(f.time) <= ta).length);
    const own = listOwnContinuousForecasts(db, "gas-price-2025", userId("ana"));
    expect(own.length).toBe(document.forecasts.filter((f: { question: string; forecaster: string }) => f.question === "gas-price-2025" && f.forecaster === "ana").length);
  });

  it("follows a new forecast at once, and is kept while nothing changes", () => {
    const end = ta + 1; // as if the close were later: the new forecast below counts
    const before = crowdDistributionHistory(db, "gas-price-2025", openTime, end, "both", 500);
    expect(crowdDistributionHistory(db, "gas-price-2025", openTime, end, "both", 500)).toBe(before);
    // ben moves all his probability to the top 1/10 of the range.
    const sharp = cdfThroughKnots([
      [0, 0],
      [0.9, 0.01],
      [1, 1],
    ]);
    // (the question is resolved, so recordCdfForecast refuses: written as an import would write it)
    sqliteOf(db)
      .prepare("insert into continuous_forecasts (question_id, forecaster_id, made_at, cdf) values (?, ?, ?, ?)")
      .run("gas-price-2025", userId("ben"), ta, Buffer.from(encodeCdf(sharp)));
    const after = crowdDistributionHistory(db, "gas-price-2025", openTime, end, "both", 500);
    expect(after).not.toBe(before);
    expect(after.changePoints).toBe(before.changePoints + 1);
    expect(after.points.at(-1)!.locations[2]).toBeGreaterThan(before.points.at(-1)!.locations[2]);
  });
});
