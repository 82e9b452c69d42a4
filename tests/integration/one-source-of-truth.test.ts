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
import { continuousFixture, exchangeFixture } from "../fixtures";
import { close as near, expectSamePitCalibration, type Json } from "../continuous-report";
import { keptContinuousCrowdInputs, keptContinuousRows, keptPitSamples } from "@/db/queries/continuous-track-records";
import { countScoredQuestions, forecasterScoredRows, keptForecasterSamples, leaderboardEntries } from "@/db/queries/track-records";
import { calibratePits } from "@/lib/continuous/pit-calibration";
import { continuousCrowdRecord, continuousRecord, type TrackRecordSummary } from "@/lib/track-records/continuous-record";
import { forecasterRecordFromRows } from "@/lib/track-records/team-record";

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
      // The binary and scenario part: the track records compared here score those (numeric and date
      // questions are scored by lib/continuous and shown by their own pages).
      report = scoreDataset({ ...exportDataset(db), continuous: undefined });
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

// Numeric and date questions (issue 13): a desk imported from the continuous example shows, on the
// profiles, the leaderboard and the crowd page, the numbers of the scorer's report on that file
// (tests/fixtures/continuous/continuous-example.report.json, which `npm run --silent score` prints:
// tests/unit/exchange/golden-reports.test.ts), read from the kept rows the pages read.
describe("the app's numeric and date track records equal the scorer's report (continuous-example.json)", () => {
  let dir: string;
  let db: Db;
  let report: Json;
  let bins: number;
  let handles: string[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-truth-continuous-"));
    db = openDb(path.join(dir, "fd.db"));
    const read = readDatasetV1(JSON.parse(fs.readFileSync(continuousFixture("continuous-example.json"), "utf8")));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    importDataset(db, read.dataset);
    bins = read.dataset.params.calibrationBins;
    report = JSON.parse(fs.readFileSync(continuousFixture("continuous-example.report.json"), "utf8"));
    handles = Object.keys(report.forecasters);
  });
  afterAll(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts the resolved questions and shows every forecaster's score rows on their profile", () => {
    const resolved = Object.values(report.questions as Record<string, Json>).filter((q) => q.status === "resolved");
    expect(countScoredQuestions(db)).toBe(resolved.length);
    expect(resolved.length).toBe(3);
    let seen = 0;
    for (const handle of handles) {
      const rows = keptContinuousRows(db, handle);
      const expected = (report.scores as Json[]).filter((r) => r.forecaster === handle);
      expect(rows.map((r) => r.row.question).sort()).toEqual(expected.map((r) => r.question).sort());
      for (const r of rows) {
        const e = expected.find((x) => x.question === r.row.question)!;
        near(r.row.finalLogScore, e.final_log_score);
        near(r.row.baseline, e.baseline);
        near(r.row.peer, e.peer);
        near(r.row.coverage, e.coverage);
        near(r.row.crps, e.crps);
        near(r.row.crpsTimeAvg, e.crps_time_avg);
        near(r.row.pit, e.pit);
        seen++;
      }
      // The profile's summary (binary rows: none here).
      const record = forecasterRecordFromRows(forecasterScoredRows(db, handle), keptForecasterSamples(db, handle, "final"), bins, rows.map((r) => r.row));
      expectSameSummary(record.summary, report.forecasters[handle]);
    }
    expect(seen).toBe(report.scores.length);
  });

  it("ranks the leaderboard on the report's summaries", () => {
    const entries = leaderboardEntries(db);
    expect(entries.map((e) => e.handle).sort()).toEqual([...handles].sort());
    for (const e of entries) expectSameSummary(e.summary, report.forecasters[e.handle]);
  });

  it("gives each forecaster's PIT histogram and interval coverage, final and time-weighted, and everyone's", () => {
    const continuous = report.calibration.continuous;
    for (const [kind, set] of [["final", continuous.final], ["time_weighted", continuous.time_weighted]] as const) {
      for (const handle of handles)
        expectSamePitCalibration(continuousRecord([], keptPitSamples(db, handle, kind), bins).calibration, set.by_forecaster[handle]);
      expectSamePitCalibration(calibratePits(keptPitSamples(db, null, kind), bins), set.all);
    }
  });

  it("gives the crowd page each aggregate's scores and PIT calibration", () => {
    const inputs = keptContinuousCrowdInputs(db);
    const crowd = continuousCrowdRecord(inputs.questions, inputs.everyoneFinal, bins);
    expect(crowd.nQuestions).toBe(3);
    for (const q of inputs.questions)
      for (const [method, s] of Object.entries(q.aggregateScores)) {
        const e = report.questions[q.questionId].aggregate_scores[method];
        near(s?.logScore ?? null, e.log_score);
        near(s?.crps ?? null, e.crps);
        near(s?.pit ?? null, e.pit);
      }
    for (const m of crowd.methods) expectSamePitCalibration(m.calibration, report.calibration.continuous.aggregates[m.method]);
    expectSamePitCalibration(crowd.everyone, report.calibration.continuous.final.all);
  });
});

// Binary and numeric questions on one desk: the leaderboard pools count, baseline, peer and coverage
// over both and keeps the Brier and log-score means apart, as the scorer does.
describe("the leaderboard of a desk with binary and numeric questions equals the scorer's summaries", () => {
  it("pools every question type", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-truth-mixed-"));
    const db = openDb(path.join(dir, "fd.db"));
    try {
      const readFixture = (file: string) => {
        const read = readDatasetV1(JSON.parse(fs.readFileSync(file, "utf8")));
        if (!read.ok) throw new Error(JSON.stringify(read.errors));
        return read.dataset;
      };
      const binary = readFixture(exchangeFixture("tiny-example.json"));
      const numeric = readFixture(continuousFixture("continuous-example.json"));
      // Binary forecasters named as the numeric ones, so some forecasters have rows of both kinds.
      const names = ["ana", "ben", "cleo"];
      const rename = new Map([...new Set(binary.forecasts.map((f) => f.forecaster))].map((n, i) => [n, names[i % 3]]));
      importDataset(db, { ...binary, forecasts: binary.forecasts.map((f) => ({ ...f, forecaster: rename.get(f.forecaster)! })), continuous: numeric.continuous });
      const report = scoreDataset(exportDataset(db));
      const entries = leaderboardEntries(db);
      expect(entries.length).toBe([...report.forecasters.values()].filter((s) => s.nQuestions > 0).length);
      let mixed = 0;
      for (const e of entries) {
        const expected = report.forecasters.get(e.handle)!;
        const summary = report.continuous!.summaries.get(e.handle)!;
        for (const [key, value] of Object.entries({ ...expected, ...summary })) near(e.summary[key as keyof typeof e.summary] as number | null, value as number | null, 1e-9);
        if (expected.meanFinalBrier !== null && summary.meanCrps !== null) mixed++;
      }
      expect(mixed).toBeGreaterThan(0);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function expectSameSummary(summary: TrackRecordSummary, expected: Json) {
  const actual = summary as unknown as Record<string, number | null>;
  const keys: Record<string, string> = {
    nQuestions: "n_questions",
    meanFinalBrier: "mean_final_brier",
    meanBrierTimeAvg: "mean_brier_time_avg",
    meanRelativeBrier: "mean_relative_brier",
    meanFinalLogScore: "mean_final_log_score",
    meanBaseline: "mean_baseline",
    sumBaseline: "sum_baseline",
    meanPeer: "mean_peer",
    sumPeer: "sum_peer",
    meanCoverage: "mean_coverage",
    meanFinalLogScoreContinuous: "mean_final_log_score_continuous",
    meanCrps: "mean_crps",
    meanCrpsTimeAvg: "mean_crps_time_avg",
    meanPit: "mean_pit",
  };
  for (const [key, reportKey] of Object.entries(keys)) {
    expect(reportKey in expected, reportKey).toBe(true);
    near(actual[key], expected[reportKey]);
  }
}
