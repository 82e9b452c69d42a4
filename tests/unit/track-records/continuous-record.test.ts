// The track-record grouping of numeric and date scores (lib/track-records/continuous-record) against the
// reports of the continuous examples, which a reference implementation computed (tests/fixtures/continuous):
// the pooled summaries of each forecaster, the PIT calibration per forecaster, for everyone and per
// aggregate, from the report's own score rows and aggregate scores.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTINUOUS_AGGREGATION_METHODS } from "@/lib/continuous/types";
import {
  centralIntervalSentence,
  continuousCrowdRecord,
  continuousRecord,
  summariseTrackRecord,
  type ContinuousRowScores,
  type QuestionContinuousAggregateScores,
} from "@/lib/track-records/continuous-record";
import { rankLeaderboard } from "@/lib/track-records/leaderboard";
import { continuousFixture } from "../../fixtures";

import { close, expectSamePitCalibration, type Json } from "../../continuous-report";

describe.each(["continuous-example", "continuous-edge-cases"])("%s: track records from the report's rows", (name) => {
  const report: Json = JSON.parse(fs.readFileSync(continuousFixture(`${name}.report.json`), "utf8"));
  const input: Json = JSON.parse(fs.readFileSync(continuousFixture(`${name}.json`), "utf8"));
  const bins: number = input.params?.calibration_bins ?? 10;
  const rows: ContinuousRowScores[] = (report.scores as Json[]).map((r) => ({
    question: r.question,
    forecaster: r.forecaster,
    finalLogScore: r.final_log_score,
    baseline: r.baseline,
    peer: r.peer,
    coverage: r.coverage,
    crps: r.crps,
    crpsTimeAvg: r.crps_time_avg,
    pit: r.pit,
  }));
  const rowsOf = (f: string) => rows.filter((r) => r.forecaster === f);
  const continuousCalibration = report.calibration.continuous;

  it("pools each forecaster's rows as the report's summary does", () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const [forecaster, expected] of Object.entries(report.forecasters as Record<string, Json>)) {
      const s = summariseTrackRecord([], rowsOf(forecaster));
      expect(s.nQuestions).toBe(expected.n_questions);
      close(s.meanFinalBrier, expected.mean_final_brier);
      close(s.meanFinalLogScore, expected.mean_final_log_score);
      close(s.meanBaseline, expected.mean_baseline);
      close(s.sumBaseline, expected.sum_baseline);
      close(s.meanPeer, expected.mean_peer);
      close(s.sumPeer, expected.sum_peer);
      close(s.meanCoverage, expected.mean_coverage);
      close(s.meanFinalLogScoreContinuous, expected.mean_final_log_score_continuous);
      close(s.meanCrps, expected.mean_crps);
      close(s.meanCrpsTimeAvg, expected.mean_crps_time_avg);
      close(s.meanPit, expected.mean_pit);
    }
  });

  it("gives each forecaster's final PIT calibration", () => {
    for (const forecaster of Object.keys(report.forecasters)) {
      const record = continuousRecord(rowsOf(forecaster), rowsOf(forecaster).map((r) => ({ pit: r.pit, weight: 1 })), bins);
      expectSamePitCalibration(record.calibration, continuousCalibration.final.by_forecaster[forecaster]);
    }
  });

  it("gives everyone's and each aggregate's PIT calibration on the crowd page", () => {
    const questions: QuestionContinuousAggregateScores[] = Object.entries(report.questions as Record<string, Json>)
      .filter(([, q]) => q.status === "resolved")
      .map(([questionId, q]) => ({
        questionId,
        aggregateScores: Object.fromEntries(
          CONTINUOUS_AGGREGATION_METHODS.map((m) => {
            const s = q.aggregate_scores[m];
            return [m, s.log_score === null ? null : { logScore: s.log_score, crps: s.crps, pit: s.pit }];
          }),
        ) as QuestionContinuousAggregateScores["aggregateScores"],
      }));
    const crowd = continuousCrowdRecord(questions, rows.map((r) => ({ pit: r.pit, weight: 1 })), bins);
    expectSamePitCalibration(crowd.everyone, continuousCalibration.final.all);
    for (const m of crowd.methods) {
      expectSamePitCalibration(m.calibration, continuousCalibration.aggregates[m.method]);
      const own = questions.map((q) => q.aggregateScores[m.method]).filter((s) => s !== null);
      expect(m.n).toBe(own.length);
      // means by hand over the report's aggregate scores
      close(m.meanCrps, own.length === 0 ? null : own.reduce((a, s) => a + s!.crps, 0) / own.length, 1e-12);
      close(m.meanLogScore, own.length === 0 ? null : own.reduce((a, s) => a + s!.logScore, 0) / own.length, 1e-12);
    }
    expect(crowd.methods.find((m) => m.isDefault)?.method).toBe("recency_weighted_mean");
  });
});

describe("binary and continuous rows together", () => {
  it("keep the Brier and log-score means apart and pool count, baseline, peer and coverage", () => {
    const binary = [
      { question: "b", forecaster: "ana", finalProbabilities: [0.2, 0.8], finalBrier: 0.04, finalLogScore: Math.log(0.8), brierTimeAvg: 0.05, relativeBrier: -0.01, baseline: 30, peer: 10, coverage: 1 },
    ];
    const continuous: ContinuousRowScores[] = [
      { question: "c", forecaster: "ana", finalLogScore: -4, baseline: 10, peer: -4, coverage: 0.5, crps: 0.1, crpsTimeAvg: null, pit: 0.3 },
    ];
    const s = summariseTrackRecord(binary, continuous);
    expect(s.nQuestions).toBe(2);
    expect(s.meanFinalBrier).toBe(0.04);
    expect(s.meanFinalLogScore).toBe(Math.log(0.8));
    expect(s.meanFinalLogScoreContinuous).toBe(-4);
    expect(s.meanBaseline).toBe(20);
    expect(s.sumPeer).toBe(6);
    expect(s.meanCoverage).toBe(0.75);
    expect(s.meanCrps).toBe(0.1);
    expect(s.meanCrpsTimeAvg).toBeNull();
    expect(s.meanPit).toBe(0.3);
  });

  it("rank by mean CRPS, lower first, forecasters without numeric rows last", () => {
    const entry = (handle: string, meanCrps: number | null) => ({
      handle,
      name: handle,
      summary: { nQuestions: 1, meanPeer: 0, meanBaseline: 0, meanRelativeBrier: null, meanFinalBrier: null, meanCrps },
    });
    const ranked = rankLeaderboard([entry("a", 0.2), entry("b", null), entry("c", 0.1)], "crps");
    expect(ranked.map((r) => [r.handle, r.rank])).toEqual([["c", 1], ["a", 2], ["b", null]]);
  });
});

describe("central-interval coverage in words", () => {
  it("says what share of the intervals caught the outcome, with its Jeffreys interval", () => {
    const c = { level: 0.9, n: 14, inside: 10, coverage: 10 / 14, jeffreysLo: 0.61, jeffreysHi: 0.79 };
    expect(centralIntervalSentence(c, "Ana's")).toBe("Ana's 90% intervals caught the outcome 71% of the time (95% interval 61–79%), over 14 forecasts.");
    expect(centralIntervalSentence({ ...c, level: 0.5, n: 2.5, inside: 1 }, "Everyone's")).toBe(
      "Everyone's 50% intervals caught the outcome 71% of the time (95% interval 61–79%), over 2.50 forecast-weights.",
    );
    expect(centralIntervalSentence({ level: 0.5, n: 0, inside: 0, coverage: null, jeffreysLo: null, jeffreysHi: null }, "Your")).toBe(
      "Your 50% intervals: no resolved numeric or date forecast in this selection.",
    );
  });
});
