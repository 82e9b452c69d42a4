import { describe, expect, it } from "vitest";
import { calibrate, calibrationBinIndex } from "@/lib/calibration/bins";
import { aggregateSample, finalSamples, timeWeightedSamples } from "@/lib/calibration/samples";
import { jeffreysInterval } from "@/lib/calibration/jeffreys-interval";
import { F, Q } from "../builders";

// tests/fixtures/exchange/example-by-hand.md, step 6.
const tiny = [F("ana", 0, 0.6), F("ben", 2, 0.3), F("ana", 4, 0.8), F("ben", 6, 0.7), F("ben", 9, 0.999)];
const tinyQ = Q(10, "yes", 8);

describe("calibrationBinIndex", () => {
  it.each([
    [0.3, 3],
    [0.7 - 0.4, 3],
    [0.999, 9],
    [1, 9],
    [0, 0],
    [0.75, 7],
  ])("%s → bin %s", (p, b) => expect(calibrationBinIndex(p, 10)).toBe(b));
});

describe("samples on the tiny example", () => {
  it("final: one per forecaster at Ta", () => {
    expect(finalSamples(tinyQ, tiny).map((s) => [s.forecaster, s.p, s.w])).toEqual([
      ["ana", 0.8, 1],
      ["ben", 0.7, 1],
    ]);
  });
  it("time weighted: share of [T0, Ta] each forecast stood", () => {
    expect(timeWeightedSamples(tinyQ, tiny).map((s) => [s.forecaster, s.p, s.w])).toEqual([
      ["ana", 0.6, 0.5],
      ["ben", 0.3, 0.5],
      ["ana", 0.8, 0.5],
      ["ben", 0.7, 0.25],
    ]);
  });
  it("drops forecasts superseded before open or in the same millisecond", () => {
    const s = timeWeightedSamples(Q(10, "no"), [F("a", -3, 0.1), F("a", -1, 0.2), F("a", 5, 0.3), F("a", 5, 0.4)]);
    expect(s.map((x) => [x.p, x.w])).toEqual([
      [0.2, 0.5],
      [0.4, 0.5],
    ]);
  });
  it("aggregate sample at Ta; none for unresolved questions", () => {
    expect(aggregateSample(tinyQ, tiny, "median")?.p).toBeCloseTo(0.75, 15);
    expect(aggregateSample(Q(10), tiny, "median")).toBeNull();
    expect(finalSamples(Q(10, "annulled", 5), tiny)).toEqual([]);
  });
});

describe("calibrate", () => {
  it("reproduces the tiny time-weighted table", () => {
    const c = calibrate(timeWeightedSamples(tinyQ, tiny), 10);
    expect(c.brier).toBeCloseTo(0.21, 14);
    expect(c.reliability).toBeCloseTo(0.21, 14);
    expect(c.resolution).toBe(0);
    expect(c.uncertainty).toBe(0);
    expect(c.residual).toBeCloseTo(0, 14);
    expect(c.bins[7]).toMatchObject({ lo: 0.7, hi: 0.8, n: 0.25, observed: 1 });
    expect(c.bins[7].jeffreysLo).toBeCloseTo(0.01590013, 7);
    expect(c.bins[3].jeffreysHi).toBeCloseTo(0.999375, 9);
    expect(c.bins[0]).toEqual({ lo: 0, hi: 0.1, n: 0, meanForecast: null, observed: null, jeffreysLo: null, jeffreysHi: null });
  });
  it("gives null terms and empty bins without samples", () => {
    const c = calibrate([], 4);
    expect(c.bins).toHaveLength(4);
    expect(c.brier).toBeNull();
    expect(c.residual).toBeNull();
  });
  it("Jeffreys interval for n = 1, k = 1 solves α − sin α = π·0.025", () => {
    const { lo, hi } = jeffreysInterval(1, 1);
    expect(lo).toBeCloseTo(0.1467463, 7);
    expect(hi).toBeCloseTo(0.9996144, 7);
  });
  it("splits a mixed set into REL, RES and UNC", () => {
    // Bin 2 holds (0.2, 0) and (0.2, 1): f̄ = 0.2, ō_b = 0.5; bin 8 holds (0.8, 1) twice: ō_b = 1.
    const c = calibrate(
      [
        { p: 0.2, y: 0, w: 1 },
        { p: 0.2, y: 1, w: 1 },
        { p: 0.8, y: 1, w: 1 },
        { p: 0.8, y: 1, w: 1 },
      ],
      10,
    );
    expect(c.uncertainty).toBeCloseTo(0.75 * 0.25, 15);
    expect(c.reliability).toBeCloseTo((2 * 0.09 + 2 * 0.04) / 4, 15);
    expect(c.resolution).toBeCloseTo((2 * 0.0625 + 2 * 0.0625) / 4, 15);
    expect(c.brier).toBeCloseTo((0.04 + 0.64 + 0.04 + 0.04) / 4, 15);
    expect(c.residual).toBeCloseTo(0, 14);
  });
});
