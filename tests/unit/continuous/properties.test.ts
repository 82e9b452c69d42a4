import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { medianCdf, meanCdf, recencyWeightedMeanCdf } from "@/lib/continuous/aggregation";
import { cdfProblem, quantileLocation } from "@/lib/continuous/cdf";
import { crps } from "@/lib/continuous/forecast-scores";
import { scoreContinuousQuestion } from "@/lib/continuous/question-scores";
import { valueAtLocation } from "@/lib/continuous/scale";
import type { ContinuousScoringQuestion } from "@/lib/continuous/types";
import { logisticCdf, scale, seededRandom, uniformClosedCdf, validLogisticCdf } from "./builders";

// Properties of the continuous scores (docs/continuous.md) for any valid forecast (fast-check).
const validCdf = fc
  .record({
    mu: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
    s: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
    below: fc.constantFrom(0, 0.001, 0.01, 0.1),
    above: fc.constantFrom(0, 0.001, 0.05, 0.2),
  })
  .map(({ mu, s, below, above }) => ({ cdf: logisticCdf(mu, s, below, above), below, above }));

describe("logisticCdf (demo and benchmark forecasts)", () => {
  it("is valid for the bounds its out-of-range masses imply", () => {
    fc.assert(
      fc.property(validLogisticCdf, ({ cdf, below, above }) => {
        expect(cdfProblem(cdf, scale({ openLowerBound: below > 0, openUpperBound: above > 0 }))).toBeNull();
      }),
    );
  });
});

describe("CRPS", () => {
  it("is never negative, wherever the outcome falls", () => {
    fc.assert(
      fc.property(validCdf, fc.double({ min: -2, max: 3, noNaN: true }), ({ cdf }, uy) => {
        expect(crps(cdf, uy)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it("grows by exactly the distance travelled beyond the range", () => {
    fc.assert(
      fc.property(validCdf, fc.double({ min: 0, max: 2, noNaN: true }), ({ cdf }, d) => {
        expect(crps(cdf, -d)).toBeCloseTo(crps(cdf, 0) + d, 12);
        expect(crps(cdf, 1 + d)).toBeCloseTo(crps(cdf, 1) + d, 12);
      }),
    );
  });
  it("is 1/12 for a uniform forecast on a closed range with the outcome in the middle", () => {
    expect(crps(uniformClosedCdf(), 0.5)).toBeCloseTo(1 / 12, 15);
  });
});

describe("aggregates of identical forecasts", () => {
  it("the mean (and the recency-weighted mean and the median) of n copies is the forecast, to 1e-12", () => {
    fc.assert(
      fc.property(validCdf, fc.integer({ min: 1, max: 40 }), ({ cdf }, n) => {
        const copies = Array.from({ length: n }, () => cdf);
        for (const pooled of [meanCdf(copies), recencyWeightedMeanCdf(copies), medianCdf(copies)]) {
          for (let j = 0; j < 201; j++) expect(Math.abs(pooled[j] - cdf[j])).toBeLessThanOrEqual(1e-12);
        }
      }),
    );
  });
  it("every aggregate of valid forecasts is itself valid", () => {
    fc.assert(
      fc.property(fc.array(validCdf, { minLength: 1, maxLength: 9 }), (forecasts) => {
        // All on one scale: the widest out-of-range masses decide which bounds are open.
        const s = scale({ openLowerBound: forecasts.some((f) => f.below > 0), openUpperBound: forecasts.some((f) => f.above > 0) });
        const same = forecasts.every((f) => (f.below > 0) === s.openLowerBound && (f.above > 0) === s.openUpperBound);
        fc.pre(same);
        const cdfs = forecasts.map((f) => f.cdf);
        for (const pooled of [meanCdf(cdfs), recencyWeightedMeanCdf(cdfs), medianCdf(cdfs)]) {
          expect(cdfProblem(Array.from(pooled, (v) => Math.round(v * 1e10) / 1e10), s)).toBeNull();
        }
      }),
    );
  });
});

describe("PIT of a calibrated forecaster", () => {
  it("is uniform: the outcome drawn from the forecast itself, chi-square over 10 bins (seed 20240901)", () => {
    const random = seededRandom(20_240_901);
    const open = scale({ rangeMin: 10, rangeMax: 1000, zeroPoint: 0, openLowerBound: true, openUpperBound: true });
    const bins = new Array<number>(10).fill(0);
    const N = 4000;
    for (let k = 0; k < N; k++) {
      const cdf = logisticCdf(random(), 0.05 + 0.3 * random(), 0.001 + 0.05 * random(), 0.001 + 0.05 * random());
      // Draw the outcome by inverting the forecast: inside the range through Q, beyond it past the bound.
      const p = random();
      const x =
        p < cdf[0] ? open.rangeMin - 1 - random() : p >= cdf[200] ? open.rangeMax * (1.01 + random()) : valueAtLocation(open, quantileLocation(cdf, p));
      const q: ContinuousScoringQuestion = {
        id: `q${k}`,
        type: "numeric",
        scale: open,
        openTime: 0,
        closeTime: 10,
        resolveTime: 10,
        outcome: { kind: "value", value: x },
      };
      const { scores } = scoreContinuousQuestion(q, [{ forecaster: "calibrated", time: 0, cdf }]);
      const value = scores.rows[0].pit;
      bins[Math.min(9, Math.floor(value * 10))]++;
    }
    const expected = N / 10;
    const chiSquare = bins.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 99.9 % point of chi-square with 9 degrees of freedom: 27.88.
    expect(chiSquare).toBeLessThan(27.88);
  });
  it("is not uniform for an overconfident forecaster (the test can fail)", () => {
    const random = seededRandom(7);
    const s = scale();
    const bins = new Array<number>(10).fill(0);
    for (let k = 0; k < 2000; k++) {
      const truth = logisticCdf(0.5, 0.2, 0, 0);
      const x = quantileLocation(truth, random());
      const forecast = logisticCdf(0.5, 0.04, 0, 0); // far too narrow
      const q: ContinuousScoringQuestion = { id: "q", type: "numeric", scale: s, openTime: 0, closeTime: 10, resolveTime: 10, outcome: { kind: "value", value: x } };
      bins[Math.min(9, Math.floor(scoreContinuousQuestion(q, [{ forecaster: "o", time: 0, cdf: forecast }]).scores.rows[0].pit * 10))]++;
    }
    const chiSquare = bins.reduce((sum, observed) => sum + (observed - 200) ** 2 / 200, 0);
    expect(chiSquare).toBeGreaterThan(27.88);
  });
});
