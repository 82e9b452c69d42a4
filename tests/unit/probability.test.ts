import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clipProbability, isClippedOnReading, logit, readForecast, readForecasts, readForecastVector, sigmoid } from "@/lib/probability";

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

describe("readForecast: a stored forecast as the engine reads it", () => {
  it("clips binary P(yes) outside [0.001, 0.999], ignoring the stored P(no)", () => {
    expect(readForecast("binary", [1, 0])).toEqual({ probabilities: [1 - 0.001, 0.001], clipped: true });
    expect(readForecast("binary", [0, 1])).toEqual({ probabilities: [1 - 0.999, 0.999], clipped: true });
    expect(readForecast("binary", [1 - 1e-4, 1e-4]).probabilities[1]).toBe(0.001);
    // Exact bounds: 0.9990000000000001 (three such forecasts in the ForecastBench round) is clipped.
    expect(readForecast("binary", [0.001, 0.9990000000000001])).toEqual({ probabilities: [1 - 0.999, 0.999], clipped: true });
    const inside = [0.7, 0.3];
    expect(readForecast("binary", inside).probabilities).toBe(inside);
    expect(readForecast("binary", [0.999, 0.001]).clipped).toBe(false);
  });
  it("renormalises a scenario vector even when nothing is clipped, and clips one with a 0", () => {
    expect(readForecast("multiple_choice", [0.5, 0.1, 0.4004])).toEqual(readForecastVector([0.5, 0.1, 0.4004]));
    expect(readForecast("multiple_choice", [0.5, 0.5, 0])).toEqual(readForecastVector([0.5, 0.5, 0]));
  });
  const vector = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }).filter((v) => v.reduce((a, b) => a + b, 0) > 0.01);
  it("isClippedOnReading says exactly when readForecast clips (property)", () => {
    fc.assert(
      fc.property(vector, fc.boolean(), (v, binary) => {
        const type = binary ? "binary" : "multiple_choice";
        const raw = binary ? [1 - v[0], v[0]] : v;
        return isClippedOnReading(type, raw) === readForecast(type, raw).clipped;
      }),
    );
  });
  it("every probability the engine reads lies in [0.001, 0.999] up to the final division (property)", () => {
    fc.assert(
      fc.property(vector, (v) => {
        const binary = readForecast("binary", [1 - v[0], v[0]]).probabilities[1];
        const scenarios = readForecast("multiple_choice", v).probabilities;
        const floor = 0.001 / (1 + 0.001 * v.length); // the second division can leave an entry a hair below 0.001
        return binary >= 0.001 && binary <= 0.999 && scenarios.every((p) => p >= floor - 1e-15 && p <= 0.999 + 1e-15);
      }),
    );
  });
  it("readForecasts keeps order and records, copying only those whose vector changes", () => {
    const given = [
      { forecaster: "a", time: 1, probabilities: [0.4, 0.6] },
      { forecaster: "b", time: 2, probabilities: [0, 1] },
    ];
    const read = readForecasts("binary", given);
    expect(read[0]).toBe(given[0]);
    expect(read[1]).toEqual({ forecaster: "b", time: 2, probabilities: [1 - 0.999, 0.999] });
    expect(given[1].probabilities).toEqual([0, 1]); // the stored record is not touched
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
