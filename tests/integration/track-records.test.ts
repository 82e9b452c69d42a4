// The track-record queries on a real SQLite file give the engine's numbers: the worked example
// (tests/fixtures/exchange/example.json) is imported through db/, loaded back through
// db/queries/track-records, assembled by lib/track-records, and compared with the independently
// computed example.report.json (1e-9; Jeffreys bounds 1e-7, docs/report-format.md §7).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { importDataset } from "@/db/queries/exchange";
import { findForecasterName, listResolvedQuestionTags, loadResolvedQuestions } from "@/db/queries/track-records";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { crowdRecord } from "@/lib/track-records/crowd-record";
import { forecasterRecord, leaderboard, scoreResolvedQuestions } from "@/lib/track-records/team-record";
import { AGGREGATION_METHODS, DEFAULT_SCORING_PARAMS } from "@/lib/types";
import { periodBounds } from "@/lib/validation/track-record-filters";
import { exchangeFixture } from "../fixtures";

const EXAMPLES = exchangeFixture();
const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "example.json"), "utf8"));
const report = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "example.report.json"), "utf8"));

type JsonBin = { lo: number; hi: number; n: number; mean_forecast: number | null; observed: number | null; jeffreys_lo: number | null; jeffreys_hi: number | null };
type JsonCal = { bins: JsonBin[]; brier: number | null; reliability: number | null; resolution: number | null; uncertainty: number | null; residual: number | null };

const close = (actual: number | null, expected: number | null, tol = 1e-9) => {
  if (expected === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol);
  }
};

function expectCalibration(actual: ReturnType<typeof forecasterRecord>["calibration"], expected: JsonCal) {
  expect(actual.bins).toHaveLength(expected.bins.length);
  actual.bins.forEach((b, i) => {
    const e = expected.bins[i];
    close(b.lo, e.lo);
    close(b.hi, e.hi);
    close(b.n, e.n);
    close(b.meanForecast, e.mean_forecast);
    close(b.observed, e.observed);
    close(b.jeffreysLo, e.jeffreys_lo, 1e-7);
    close(b.jeffreysHi, e.jeffreys_hi, 1e-7);
  });
  for (const key of ["brier", "reliability", "resolution", "uncertainty", "residual"] as const) close(actual[key], expected[key]);
}

let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-track-"));
  db = openDb(path.join(dir, "fd.db"));
  const read = readDatasetV1(example);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  importDataset(db, read.dataset, { now: Date.parse("2025-06-01T00:00:00Z") });
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("loadResolvedQuestions", () => {
  it("loads the resolved, not annulled questions, soonest resolution first, forecasters by handle", () => {
    const inputs = loadResolvedQuestions(db);
    expect(inputs.questions.map((q) => q.question.id)).toEqual([
      "union-programmes-approved", // 2021-11-04
      "cb-monetary-2022", // 2023-01-01
      "gas-addenda-2023", // 2023-12-02
      "gas-or-currency-first", // 2025-01-01
    ]);
    expect(inputs.forecasters.map((f) => f.handle)).toEqual(["alina", "boris", "chen", "dana", "emil"]);
    const cb = inputs.questions[1];
    expect(cb.question.tags).toEqual(["monetary", "union-programmes"]);
    expect(cb.question.outcome).toEqual({ kind: "option", option: 0 });
    // every forecast of the question, in input order
    const inputForecasts = example.forecasts.filter((f: { question: string }) => f.question === "cb-monetary-2022");
    expect(cb.forecasts.map((f) => f.forecaster)).toEqual(inputForecasts.map((f: { forecaster: string }) => f.forecaster));
  });

  it("filters by tag and by resolve date, the 'to' day included and the day after it not", () => {
    const ids = (f: Parameters<typeof loadResolvedQuestions>[1]) => loadResolvedQuestions(db, f).questions.map((q) => q.question.id);
    expect(ids({ tag: "energy" })).toEqual(["gas-addenda-2023", "gas-or-currency-first"]);
    expect(ids({ tag: "tax" })).toEqual([]); // the only tax question was annulled
    expect(ids(periodBounds({ from: "2023-01-01", to: "2023-12-02" }))).toEqual(["cb-monetary-2022", "gas-addenda-2023"]);
    expect(ids(periodBounds({ from: "2023-01-01", to: "2023-12-01" }))).toEqual(["cb-monetary-2022"]);
    expect(ids({ ...periodBounds({ to: "2023-12-31" }), tag: "union-programmes" })).toEqual([
      "union-programmes-approved",
      "cb-monetary-2022",
      "gas-addenda-2023",
    ]);
  });

  it("lists the tags of resolved questions and finds forecasters by handle", () => {
    expect(listResolvedQuestionTags(db)).toEqual(["energy", "monetary", "union-programmes"]);
    expect(findForecasterName(db, "alina")).toEqual({ handle: "alina", name: "alina" });
    expect(findForecasterName(db, "nobody")).toBeNull();
  });
});

describe("track records from the database equal the example report", () => {
  const scored = () => scoreResolvedQuestions(loadResolvedQuestions(db).questions, DEFAULT_SCORING_PARAMS);

  it("gives every score row of the report", () => {
    const rows = scored().flatMap((s) => s.scores.rows);
    expect(rows).toHaveLength(report.scores.length);
    for (const e of report.scores) {
      const r = rows.find((x) => x.question === e.question && x.forecaster === e.forecaster)!;
      expect(r, `${e.question}/${e.forecaster}`).toBeDefined();
      close(r.finalBrier, e.final_brier);
      close(r.finalLogScore, e.final_log_score);
      close(r.brierTimeAvg, e.brier_time_avg);
      close(r.relativeBrier, e.relative_brier);
      close(r.baseline, e.baseline);
      close(r.peer, e.peer);
      close(r.coverage, e.coverage);
    }
  });

  it("ranks the forecasters on the report's summaries", () => {
    const inputs = loadResolvedQuestions(db);
    const board = leaderboard(scoreResolvedQuestions(inputs.questions), inputs.forecasters, "peer", 1);
    expect(board).toHaveLength(Object.keys(report.forecasters).length);
    for (const entry of board) {
      const e = report.forecasters[entry.handle];
      expect(entry.summary.nQuestions).toBe(e.n_questions);
      close(entry.summary.meanPeer, e.mean_peer);
      close(entry.summary.meanBaseline, e.mean_baseline);
      close(entry.summary.meanRelativeBrier, e.mean_relative_brier);
      close(entry.summary.meanFinalBrier, e.mean_final_brier);
      close(entry.summary.sumPeer, e.sum_peer);
    }
    const peers = board.map((b) => b.value!);
    expect(peers).toEqual([...peers].sort((a, b) => b - a));
  });

  it("gives each forecaster's final and time-weighted calibration", () => {
    for (const handle of Object.keys(report.forecasters)) {
      expectCalibration(forecasterRecord(scored(), handle, { sample: "final", bins: 10 }).calibration, report.calibration.final.by_forecaster[handle]);
      expectCalibration(
        forecasterRecord(scored(), handle, { sample: "time_weighted", bins: 10 }).calibration,
        report.calibration.time_weighted.by_forecaster[handle],
      );
    }
  });

  it("gives each method's aggregate scores and calibration", () => {
    const crowd = crowdRecord(scored(), DEFAULT_SCORING_PARAMS, 10);
    const resolved = Object.values(report.questions).filter((q) => (q as { status: string }).status === "resolved") as Array<{
      aggregate_scores: Record<string, { brier: number | null; log_score: number | null }>;
    }>;
    for (const method of AGGREGATION_METHODS) {
      const scores = resolved.map((q) => q.aggregate_scores[method]).filter((s) => s.brier !== null);
      const m = crowd.methods.find((x) => x.method === method)!;
      expect(m.n).toBe(scores.length);
      close(m.meanBrier, scores.reduce((s, x) => s + x.brier!, 0) / scores.length);
      close(m.meanLogScore, scores.reduce((s, x) => s + x.log_score!, 0) / scores.length);
      expectCalibration(crowd.calibration[method].calibration, report.calibration.aggregates[method]);
    }
    expect(crowd.methods.find((m) => m.isDefault)!.brierDifference.mean).toBe(0);
    expect(crowd.extremizing.trustworthy).toBe(false); // 3 resolved binary questions < 10
    expect(crowd.sentence).toMatch(/too few to tell/);
  });

  it("keeps a forecaster's rows to the selected period", () => {
    const inTwentyThree = scoreResolvedQuestions(loadResolvedQuestions(db, periodBounds({ from: "2023-01-01", to: "2023-12-31" })).questions);
    const rec = forecasterRecord(inTwentyThree, "alina", { sample: "final", bins: 5 });
    expect(rec.rows.map((r) => r.row.question).sort()).toEqual(
      report.scores
        .filter((s: { forecaster: string; question: string }) => s.forecaster === "alina" && ["cb-monetary-2022", "gas-addenda-2023"].includes(s.question))
        .map((s: { question: string }) => s.question)
        .sort(),
    );
    expect(rec.calibration.bins).toHaveLength(5);
    expect(rec.overTime.map((p) => p.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}`),
    );
  });
});
