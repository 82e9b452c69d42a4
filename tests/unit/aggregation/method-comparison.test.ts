import { describe, expect, it } from "vitest";
import { fitExtremizingFactor, pairedDifference } from "@/lib/aggregation/method-comparison";

describe("pairedDifference", () => {
  it("mean ± t·sd/√n, hand computed", () => {
    // δ = 0.1, 0.2, 0.3: mean 0.2, sd 0.1, t_{0.975,2} = 4.302652729911275
    const r = pairedDifference([0.3, 0.5, 0.7], [0.2, 0.3, 0.4]);
    expect(r.n).toBe(3);
    expect(r.mean).toBeCloseTo(0.2, 15);
    const half = (4.302652729911275 * 0.1) / Math.sqrt(3);
    expect(r.lo).toBeCloseTo(0.2 - half, 9); // jStat's t quantile is good to ~1e-10
    expect(r.hi).toBeCloseTo(0.2 + half, 9);
  });
  it("has no interval below 2 questions and no mean at 0", () => {
    expect(pairedDifference([1], [0.5])).toEqual({ n: 1, mean: 0.5, lo: null, hi: null });
    expect(pairedDifference([], [])).toEqual({ n: 0, mean: null, lo: null, hi: null });
    expect(() => pairedDifference([1], [])).toThrow(/equal lengths/);
  });
});

describe("fitExtremizingFactor", () => {
  it("is not trustworthy below 10 questions and keeps the default", () => {
    const fit = fitExtremizingFactor([{ forecasts: [0.7, 0.8], outcome: 1 }]);
    expect(fit.n).toBe(1);
    expect(fit.trustworthy).toBe(false);
    expect(fit.recommendedD).toBe(1.5);
    // Always right: the loss falls with d, so the fit runs to the upper end.
    expect(fit.d).toBeGreaterThan(4 - 1e-4);
    expect(fit.curve[0].d).toBe(0.5);
    expect(fit.curve[fit.curve.length - 1].d).toBe(4);
  });
  it("finds the minimiser of a known mix: logits ±ln 3 toward truth 3 of 4 times", () => {
    // z = ln 3 three times, −ln 3 once: loss(d) = ¾ ln(1 + 3^−d) + ¼ ln(1 + 3^d), minimised at 3^d = 3 → d = 1.
    const right = { forecasts: [0.75], outcome: 1 as const };
    const wrong = { forecasts: [0.75], outcome: 0 as const };
    const fit = fitExtremizingFactor([right, right, right, wrong, right, right, right, wrong, right, right, right, wrong]);
    expect(fit.n).toBe(12);
    expect(fit.trustworthy).toBe(true);
    expect(fit.d as number).toBeCloseTo(1, 3);
    expect(fit.recommendedD).toBe(fit.d);
  });
  it("skips questions without forecasts; none at all gives no d", () => {
    expect(fitExtremizingFactor([{ forecasts: [], outcome: 1 }])).toMatchObject({ d: null, n: 0, curve: [] });
  });
});
