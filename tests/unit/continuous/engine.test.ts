import { describe, expect, it } from "vitest";
import { medianCdf, meanCdf, recencyWeightedMeanCdf } from "@/lib/continuous/aggregation";
import { bucketProbability, cdfProblem, interpolatedCdf, quantileLocation, readCdf, roundCdfValue, roundHalfEven } from "@/lib/continuous/cdf";
import { continuousBaselineScore, continuousLogScore, crps, pit } from "@/lib/continuous/forecast-scores";
import { calibratePits } from "@/lib/continuous/pit-calibration";
import { scoreContinuousQuestion } from "@/lib/continuous/question-scores";
import { internalLocation, outcomeBucket, outcomeLocation, valueAtLocation } from "@/lib/continuous/scale";
import type { ContinuousScoringQuestion } from "@/lib/continuous/types";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson } from "@/lib/exchange/write-report";
import { scoreDataset } from "@/lib/report";
import { cdfThroughKnots, logisticCdf, scale, uniformClosedCdf } from "./builders";

const DAY = 86_400_000;

describe("scale", () => {
  it("puts range_min at 0 and range_max at 1 on both scales, and inverts", () => {
    const log = scale({ rangeMin: 1, rangeMax: 1e6, zeroPoint: 0 });
    expect(internalLocation(log, 1)).toBe(0);
    expect(internalLocation(log, 1000)).toBeCloseTo(0.5, 12); // geometric middle of [1, 1e6] with z = 0
    expect(valueAtLocation(log, 0.5)).toBeCloseTo(1000, 6);
    const linear = scale({ rangeMin: 100, rangeMax: 200 });
    expect(internalLocation(linear, 128.52)).toBeCloseTo(0.2852, 14);
    expect(valueAtLocation(linear, 0.25)).toBe(125);
  });
  it("gives an inner grid point the lower bucket, range_min bucket 1 and range_max bucket 200", () => {
    const s = scale({ rangeMin: 0, rangeMax: 200 });
    expect(outcomeBucket(s, 57)).toBe(57);
    expect(outcomeBucket(s, 57.0001)).toBe(58);
    expect(outcomeBucket(s, 0)).toBe(1);
    expect(outcomeBucket(s, 200)).toBe(200);
    const open = scale({ rangeMin: 0, rangeMax: 200, openLowerBound: true, openUpperBound: true });
    expect(outcomeBucket(open, -1)).toBe(0);
    expect(outcomeBucket(open, 201)).toBe(201);
  });
  it("clamps a log-scaled range_max into bucket 200 (u comes out a hair above 1)", () => {
    const s = scale({ rangeMin: 1, rangeMax: 200, zeroPoint: 0 });
    expect(outcomeLocation(s, 200)).toBe(1);
    expect(outcomeBucket(s, 200)).toBe(200);
  });
  it("keeps u beyond the range for outcomes there", () => {
    const s = scale({ rangeMin: -5, rangeMax: 10, openLowerBound: true });
    expect(outcomeLocation(s, -6.5)).toBeCloseTo(-0.1, 14);
  });
});

describe("reading a CDF", () => {
  const closed = scale();
  it("rounds to 10 decimals half to even", () => {
    expect(roundCdfValue(0.99499999985)).toBe(0.9949999998);
    expect(roundCdfValue(1e-11)).toBe(0);
    expect(roundHalfEven(2.5, 1)).toBe(2);
    expect(roundHalfEven(-3.5, 1)).toBe(-4);
  });
  it("accepts steps of exactly 0.00005 and 0.2 written as decimals", () => {
    const values = Array.from({ length: 201 }, (_, i) => (i <= 20 ? i * 0.00005 : 0.001 + ((i - 20) * 0.999) / 180));
    values[200] = 1;
    expect(readCdf(values, closed).ok).toBe(true);
  });
  it("names the first broken rule in the documented order", () => {
    const uniform = Array.from(uniformClosedCdf());
    expect(readCdf(uniform.slice(1), closed)).toMatchObject({ ok: false, index: null });
    expect(readCdf([...uniform.slice(0, 7), Number.NaN, ...uniform.slice(8)], closed)).toMatchObject({ ok: false, index: 7 });
    const flat = [...uniform];
    flat[50] = flat[49];
    expect(readCdf(flat, closed)).toMatchObject({ ok: false, index: 50 });
    expect(readCdf(uniform, scale({ openUpperBound: true }))).toMatchObject({ ok: false, index: 200 });
    expect(cdfProblem(uniform, scale({ openLowerBound: true }))).toMatchObject({ index: 0 });
  });
});

describe("the worked example (gas-price-2025, docs/continuous.md)", () => {
  // Ana's second forecast: knots (0,0) (0.25,0.2) (0.35,0.75) (1,0.98); range [100, 200], upper bound open.
  const q: ContinuousScoringQuestion = {
    id: "gas-price-2025",
    type: "numeric",
    scale: scale({ rangeMin: 100, rangeMax: 200, openUpperBound: true }),
    openTime: 0,
    closeTime: 91 * DAY,
    resolveTime: 110 * DAY,
    outcome: { kind: "value", value: 128.52 },
  };
  const ana1 = cdfThroughKnots([[0, 0], [0.2, 0.1], [0.4, 0.6], [1, 0.95]]);
  const ben = cdfThroughKnots([[0, 0], [0.3, 0.5], [1, 0.9]]);
  const cleo = cdfThroughKnots([[0, 0], [0.25, 0.3], [0.35, 0.7], [1, 0.99]]);
  const ana2 = cdfThroughKnots([[0, 0], [0.25, 0.2], [0.35, 0.75], [1, 0.98]]);
  const uy = outcomeLocation(q.scale, 128.52);
  const o = outcomeBucket(q.scale, 128.52);

  it("scores one forecast by hand", () => {
    expect(o).toBe(58);
    expect(bucketProbability(ana2, o)).toBeCloseTo(0.0275, 12);
    expect(continuousLogScore(ana2, o)).toBeCloseTo(Math.log(0.0275), 12);
    expect(continuousBaselineScore(ana2, o, 1)).toBeCloseTo((100 * Math.log(0.0275 / 0.00475)) / 2, 10);
    // CRPS piece by piece: ∫G² on [0, 0.25] and [0.25, 0.2852], ∫(1 − G)² on [0.2852, 0.35] and [0.35, 1].
    const g = 0.2 + 0.352 * 0.55;
    const pieces =
      (0.25 * 0.04) / 3 +
      (0.0352 * (0.04 + 0.2 * g + g * g)) / 3 +
      (0.0648 * ((1 - g) ** 2 + (1 - g) * 0.25 + 0.0625)) / 3 +
      (0.65 * (0.0625 + 0.25 * 0.02 + 0.0004)) / 3;
    expect(crps(ana2, uy)).toBeCloseTo(pieces, 12);
    expect(pit(ana2, uy, o)).toBeCloseTo(0.3936, 12);
  });

  it("integrates ana's row over time as the hand calculation does", () => {
    const forecasts = [
      { forecaster: "ana", time: 0, cdf: ana1 },
      { forecaster: "ben", time: 15 * DAY, cdf: ben },
      { forecaster: "cleo", time: 30 * DAY, cdf: cleo },
      { forecaster: "ana", time: 45 * DAY, cdf: ana2 },
    ];
    const { scores } = scoreContinuousQuestion(q, forecasts);
    const ana = scores.rows.find((r) => r.forecaster === "ana");
    const l = (cdf: Float64Array) => Math.log(bucketProbability(cdf, 58));
    const b = (cdf: Float64Array) => (100 * Math.log(bucketProbability(cdf, 58) / 0.00475)) / 2;
    expect(ana?.baseline).toBeCloseTo((b(ana1) * 45 + b(ana2) * 46) / 91, 10);
    expect(ana?.crpsTimeAvg).toBeCloseTo((crps(ana1, uy) * 45 + crps(ana2, uy) * 46) / 91, 12);
    const peer2 = 100 * 2 * (l(ana1) - (l(ana1) + l(ben)) / 2) / 2;
    const peer3a = 100 * 1.5 * (l(ana1) - (l(ana1) + l(ben) + l(cleo)) / 3) / 2;
    const peer3b = 100 * 1.5 * (l(ana2) - (l(ana2) + l(ben) + l(cleo)) / 3) / 2;
    expect(ana?.peer).toBeCloseTo((peer2 * 15 + peer3a * 15 + peer3b * 46) / 91, 10);
    expect(ana?.peer).toBeCloseTo(22.18824, 4);
    expect(ana?.coverage).toBe(1);
    // Aggregates at Ta: ben, cleo, ana oldest first; weights e^(1−√3), e^(√2−√3), 1.
    const w = [Math.exp(1 - Math.sqrt(3)), Math.exp(Math.sqrt(2) - Math.sqrt(3)), 1];
    const expected58 = (w[0] * ben[58] + w[1] * cleo[58] + w[2] * ana2[58]) / (w[0] + w[1] + w[2]);
    expect(scores.aggregates.recency_weighted_mean?.[58]).toBeCloseTo(expected58, 14);
    expect(scores.aggregateScores.median?.logScore).toBeCloseTo(Math.log(0.02), 12);
  });
});

describe("CRPS and PIT", () => {
  it("agree with a fine numerical integration (an independent evaluation)", () => {
    const cdf = logisticCdf(0.4, 0.1, 0.03, 0.05);
    for (const uy of [-0.3, 0, 0.123, 0.5, 0.9999, 1, 1.4]) {
      // F = 0 below 0, G on [0, 1), 1 from 1; midpoint rule over [−1, 2.5] with 700,000 pieces.
      const F = (u: number) => (u < 0 ? 0 : u >= 1 ? 1 : interpolatedCdf(cdf, u));
      let sum = 0;
      const pieces = 700_000;
      const from = -1;
      const width = 3.5 / pieces;
      for (let k = 0; k < pieces; k++) {
        const u = from + (k + 0.5) * width;
        sum += (F(u) - (u >= uy ? 1 : 0)) ** 2 * width;
      }
      expect(crps(cdf, uy)).toBeCloseTo(sum, 6);
    }
  });
  it("places an outcome beyond the range at the middle of the out-of-range mass", () => {
    const cdf = logisticCdf(0.5, 0.1, 0.2, 0.1);
    expect(pit(cdf, -0.5, 0)).toBeCloseTo(0.1, 10);
    expect(pit(cdf, 1.5, 201)).toBeCloseTo(0.95, 10);
  });
  it("Q inverts G", () => {
    const cdf = logisticCdf(0.3, 0.15, 0.01, 0.02);
    for (const p of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(interpolatedCdf(cdf, quantileLocation(cdf, p))).toBeCloseTo(p, 12);
    expect(quantileLocation(cdf, 0.005)).toBe(0);
    expect(quantileLocation(cdf, 0.99)).toBe(1);
  });
});

describe("aggregates", () => {
  const a = logisticCdf(0.3, 0.1, 0, 0);
  const b = logisticCdf(0.5, 0.2, 0, 0);
  const c = logisticCdf(0.7, 0.05, 0, 0);
  it("median takes the middle value, or the mean of the two middle ones", () => {
    expect(medianCdf([a, b, c])[40]).toBe([a[40], b[40], c[40]].sort((x, y) => x - y)[1]);
    expect(medianCdf([a, c])[100]).toBeCloseTo((a[100] + c[100]) / 2, 15);
  });
  it("recency weights are 1 for two forecasts and exp(√i − √n) from three", () => {
    expect(recencyWeightedMeanCdf([a, c])[80]).toBeCloseTo(meanCdf([a, c])[80], 15);
    const w = [1, 2, 3].map((i) => Math.exp(Math.sqrt(i) - Math.sqrt(3)));
    expect(recencyWeightedMeanCdf([a, b, c])[80]).toBeCloseTo((w[0] * a[80] + w[1] * b[80] + w[2] * c[80]) / (w[0] + w[1] + w[2]), 15);
  });
});

describe("PIT calibration", () => {
  it("counts interval coverage with the decimal bounds and the 1e-9 allowance", () => {
    const c = calibratePits(
      [
        { pit: 0.05 - 5e-10, weight: 1 }, // inside the 90 % interval by the allowance
        { pit: 0.25, weight: 1 },
        { pit: 0.5, weight: 2 },
        { pit: 0.97, weight: 1 },
      ],
      10,
    );
    expect(c.n).toBe(5);
    expect(c.bins[0].n).toBe(1);
    expect(c.bins[0].expected).toBe(0.5);
    expect(c.centralIntervals[0]).toMatchObject({ level: 0.5, inside: 3, coverage: 0.6 });
    expect(c.centralIntervals[1]).toMatchObject({ level: 0.9, inside: 4, coverage: 0.8 });
    expect(c.centralIntervals[1].jeffreysLo).toBeLessThan(0.8);
  });
  it("is empty, with null statistics, without samples", () => {
    const c = calibratePits([], 4);
    expect(c.bins.every((b) => b.n === 0 && b.expected === 0)).toBe(true);
    expect(c.centralIntervals[0]).toEqual({ level: 0.5, n: 0, inside: 0, coverage: null, jeffreysLo: null, jeffreysHi: null });
  });
});

describe("a document mixing binary and numeric questions", () => {
  const cdf = Array.from(uniformClosedCdf());
  const doc = {
    format: "forecast-desk/v1",
    questions: [
      { id: "b", title: "binary", type: "binary", open_time: "2024-01-01T00:00:00Z", close_time: "2024-01-11T00:00:00Z", resolve_time: "2024-01-11T00:00:00Z", resolution: "yes" },
      { id: "n", title: "numeric", type: "numeric", range_min: 0, range_max: 10, zero_point: null, open_lower_bound: false, open_upper_bound: false, open_time: "2024-01-01T00:00:00Z", close_time: "2024-01-11T00:00:00Z", resolve_time: "2024-01-11T00:00:00Z", resolution: 5 },
    ],
    forecasts: [
      { question: "b", forecaster: "ana", time: "2024-01-01T00:00:00Z", probability: 0.8 },
      { question: "n", forecaster: "ana", time: "2024-01-01T00:00:00Z", cdf },
      { question: "b", forecaster: "ben", time: "2024-01-06T00:00:00Z", probability: 0.4 },
    ],
  };
  const read = readDatasetV1(doc);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const report = reportToJson(scoreDataset(read.dataset)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("gives every row the added keys, null where the type does not define them", () => {
    expect(report.scores.map((r: { question: string; forecaster: string }) => `${r.question}/${r.forecaster}`)).toEqual(["b/ana", "b/ben", "n/ana"]);
    expect(report.scores[0]).toMatchObject({ crps: null, crps_time_avg: null, pit: null });
    expect(report.scores[0].final_brier).toBeCloseTo(0.04, 14);
    expect(report.scores[2]).toMatchObject({ final_brier: null, relative_brier: null, pit: 0.5 });
    expect(report.scores[2].crps).toBeCloseTo(1 / 12, 14);
  });
  it("pools count, baseline, peer and coverage across types, and keeps the log-score means apart", () => {
    const ana = report.forecasters.ana;
    expect(ana.n_questions).toBe(2);
    expect(ana.sum_baseline).toBeCloseTo(report.scores[0].baseline + report.scores[2].baseline, 12);
    expect(ana.mean_final_log_score).toBeCloseTo(Math.log(0.8), 14);
    expect(ana.mean_final_log_score_continuous).toBeCloseTo(Math.log(1 / 200), 12);
    expect(report.forecasters.ben).toMatchObject({ n_questions: 1, mean_crps: null, mean_pit: null });
    expect(Object.keys(report.calibration.continuous.final.by_forecaster)).toEqual(["ana", "ben"]);
    expect(report.calibration.continuous.final.all.n).toBe(1);
    expect(report.questions.b).not.toHaveProperty("resolution_u");
    expect(report.questions.n).toMatchObject({ status: "resolved", resolution_u: 0.5, resolution_bucket: 100 });
  });
});
