import { describe, expect, it } from "vitest";
import { clipProbability, logit, readForecastVector, sigmoid } from "@/lib/probability";

describe("clipProbability", () => {
  it.each([
    [0, 0.001],
    [0.0005, 0.001],
    [0.001, 0.001],
    [0.5, 0.5],
    [0.999, 0.999],
    [1, 0.999],
  ])("%s → %s", (p, expected) => expect(clipProbability(p)).toBe(expected));
});

describe("readForecastVector (docs/formulas.md §2.4)", () => {
  it("only renormalises a vector whose entries stay inside [0.001, 0.999]", () => {
    const r = readForecastVector([0.2, 0.2, 0.6004]);
    expect(r.clipped).toBe(false);
    expect(r.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 15);
    expect(r.probabilities[2]).toBeCloseTo(0.6004 / 1.0004, 15);
  });
  it("clips and renormalises again: [0.5, 0.5, 0] → [0.4995…, 0.4995…, 0.000999…]", () => {
    const r = readForecastVector([0.5, 0.5, 0]);
    expect(r.clipped).toBe(true);
    expect(r.probabilities[0]).toBeCloseTo(0.5 / 1.001, 15);
    expect(r.probabilities[2]).toBeCloseTo(0.001 / 1.001, 15);
    expect(r.probabilities[2]).toBeLessThan(0.001);
  });
  it("a binary [1 − p, p] is clipped exactly when p is outside [0.001, 0.999]", () => {
    expect(readForecastVector([0, 1]).clipped).toBe(true);
    expect(readForecastVector([0.001, 0.999]).clipped).toBe(false);
    expect(readForecastVector([0, 1]).probabilities[1]).toBeCloseTo(0.999, 15);
  });
});

describe("logit and sigmoid", () => {
  it("logit 0.8 = ln 4 and sigmoid inverts it", () => {
    expect(logit(0.8)).toBeCloseTo(Math.log(4), 14);
    expect(sigmoid(Math.log(4))).toBeCloseTo(0.8, 14);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });
});
