// Issue 3.5, "one source of truth": the demo desk, exported to forecast-desk/v1 and scored by the
// command-line scorer's scoreDataset, shows the same scores, aggregates and calibration bins as the
// app's track-record queries on the same database. Any drift between the two paths (which forecasts
// count, their order, the stored probabilities, the forecaster names) fails here.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { exportDataset, importDataset } from "@/db/queries/exchange";
import { forecasts } from "@/db/schema/forecasts";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { loadResolvedQuestions } from "@/db/queries/track-records";
import { seedDemo } from "@/db/seed-demo";
import type { Calibration } from "@/lib/calibration/bins";
import { scoreDataset, type Report } from "@/lib/report";
import { crowdRecord } from "@/lib/track-records/crowd-record";
import {
  forecasterRecord,
  leaderboard,
  scoreResolvedQuestions,
  type ScoredQuestion,
} from "@/lib/track-records/team-record";
import { AGGREGATION_METHODS, DEFAULT_SCORING_PARAMS } from "@/lib/types";
import { exchangeFixture } from "../fixtures";

const NOW = Date.UTC(2025, 9, 15, 12); // a fixed seeding day keeps the demo reproducible


const close = (actual: number | null, expected: number | null, tol = 1e-12) => {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol);
  }
};

function sameCalibration(actual: Calibration, expected: Calibration) {
  expect(actual.bins).toHaveLength(expected.bins.length);
  actual.bins.forEach((b, i) => {
    const e = expected.bins[i];
    for (const key of ["lo", "hi", "n", "meanForecast", "observed", "jeffreysLo", "jeffreysHi"] as const) close(b[key], e[key]);
  });
  for (const key of ["brier", "reliability", "resolution", "uncertainty", "residual"] as const) close(actual[key], expected[key]);
}

/**
 * The checks, on a desk that `fill` loads: the track records the app computes from the database against
 * the scorer's report on the desk's export.
 */
function describeOneTruth(title: string, fill: (db: Db) => void, minResolved: number) {
  describe(title, () => {
    let dir: string;
    let db: Db;
    let report: Report;
    let scored: ScoredQuestion[];
    let forecasters: ReturnType<typeof loadResolvedQuestions>["forecasters"];

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-truth-"));
      db = openDb(path.join(dir, "fd.db"));
      fill(db);
      report = scoreDataset(exportDataset(db));
      const inputs = loadResolvedQuestions(db);
      forecasters = inputs.forecasters;
      scored = scoreResolvedQuestions(inputs.questions, DEFAULT_SCORING_PARAMS);
    });
    afterAll(() => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("covers the same resolved questions", () => {
      const resolved = report.questions.filter((q) => q.status === "resolved").map((q) => q.questionId);
      expect(scored.map((s) => s.scores.questionId).sort()).toEqual([...resolved].sort());
      expect(resolved.length).toBeGreaterThanOrEqual(minResolved);
    });

    it("gives the same score rows", () => {
      const rows = scored.flatMap((s) => s.scores.rows);
      expect(rows.length).toBe(report.scores.length);
      const key = (r: { question: string; forecaster: string }) => `${r.question}\u0000${r.forecaster}`;
      const expected = new Map(report.scores.map((r) => [key(r), r]));
      for (const r of rows) {
        const e = expected.get(key(r))!;
        expect(e, key(r)).toBeDefined();
        expect(r.finalProbabilities).toEqual(e.finalProbabilities);
        for (const k of ["finalBrier", "finalLogScore", "brierTimeAvg", "relativeBrier", "baseline", "peer", "coverage"] as const) close(r[k], e[k]);
      }
    });

    it("gives the same aggregates and aggregate scores for every method", () => {
      for (const s of scored) {
        const e = report.questions.find((q) => q.questionId === s.scores.questionId)!;
        expect(s.scores.actualCloseTime).toBe(e.actualCloseTime);
        for (const m of AGGREGATION_METHODS) {
          expect(s.scores.aggregates[m]).toEqual(e.aggregates[m]);
          expect(s.scores.aggregateScores[m]).toEqual(e.aggregateScores[m]);
        }
      }
    });

    it("gives the same forecaster summaries on the leaderboard", () => {
      const board = leaderboard(scored, forecasters, "peer", 1);
      const withRows = [...report.forecasters].filter(([, s]) => s.nQuestions > 0);
      expect(board.map((b) => b.handle).sort()).toEqual(withRows.map(([h]) => h).sort());
      for (const b of board) {
        const e = report.forecasters.get(b.handle)!;
        expect(b.summary.nQuestions).toBe(e.nQuestions);
        // the same rows summed in another order (resolve time here, question id there): equal to rounding
        for (const k of Object.keys(e) as Array<keyof typeof e>) close(b.summary[k], e[k]);
      }
    });

    it("gives the same calibration bins per forecaster (final and time-weighted), for everyone and per method", () => {
      const bins = report.params.calibrationBins;
      for (const { handle } of forecasters) {
        sameCalibration(forecasterRecord(scored, handle, { sample: "final", bins }).calibration, report.calibration.final.byForecaster.get(handle)!);
        sameCalibration(
          forecasterRecord(scored, handle, { sample: "time_weighted", bins }).calibration,
          report.calibration.timeWeighted.byForecaster.get(handle)!,
        );
      }
      const crowd = crowdRecord(scored, report.params, bins);
      sameCalibration(crowd.everyone.calibration, report.calibration.final.all);
      for (const m of AGGREGATION_METHODS) sameCalibration(crowd.calibration[m].calibration, report.calibration.aggregates[m]);
    });
  });
}

describeOneTruth(
  "the app's track records equal the scorer's report on the exported demo",
  (db) => {
    const seeded = seedDemo(db, { now: NOW });
    if (!seeded.seeded) throw new Error(seeded.reason);
  },
  10, // the demo has a real track record to show
);

// Forecasts of exactly 0 and 1 and a scenario vector with a 0 are stored as given; the track records
// must read them clipped, as the scorer does.
describeOneTruth(
  "the app's track records equal the scorer's report on an imported file with 0 and 1 (edge-cases.json)",
  (db) => {
    const read = readDatasetV1(JSON.parse(fs.readFileSync(exchangeFixture("edge-cases.json"), "utf8")));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const summary = importDataset(db, read.dataset);
    expect(summary.clipped).toBeGreaterThan(0);
    expect(db.select().from(forecasts).all().some((f) => f.probabilities.includes(0))).toBe(true);
  },
  2,
);
