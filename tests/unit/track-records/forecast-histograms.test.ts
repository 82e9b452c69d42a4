import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discriminationHistogram, forecastHistogram } from "@/lib/track-records/forecast-histograms";

const W = (p: number, y: number, w = 1) => ({ p, y, w });

describe("forecastHistogram", () => {
  it("uses the calibration bins: 0.3 in [0.3, 0.4), 0.999 and 1 in the last bin, 0 in the first", () => {
    const h = forecastHistogram([W(0.3, 1), W(0.999, 0), W(1, 1), W(0, 0), W(0.7, 1, 0.25), W(0.75, 0, 0.5)], 10);
    expect(h.map((b) => b.n)).toEqual([1, 0, 0, 1, 0, 0, 0, 0.75, 0, 2]);
    expect(h[3]).toEqual({ lo: 0.3, hi: 0.4, n: 1 });
  });

  it("works with 5 and 20 bins", () => {
    expect(forecastHistogram([W(0.6, 1), W(0.59, 1)], 5).map((b) => b.n)).toEqual([0, 0, 1, 1, 0]);
    expect(forecastHistogram([W(0.05, 1)], 20)[1].n).toBe(1);
  });

  it("rejects a bin count that is not an integer ≥ 1", () => {
    expect(() => forecastHistogram([], 0)).toThrow(/binCount/);
  });
});

describe("discriminationHistogram", () => {
  it("splits each bin by outcome (hand-counted)", () => {
    const d = discriminationHistogram([W(0.85, 1), W(0.9, 1), W(0.15, 0), W(0.8, 0), W(0.12, 1, 0.5)], 5);
    expect(d.map((b) => [b.yes, b.no])).toEqual([
      [0.5, 1],
      [0, 0],
      [0, 0],
      [0, 0],
      [2, 1],
    ]);
  });

  it("yes + no equals the forecast histogram, whose total is the weight sum", () => {
    const sample = fc.record({ p: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.constantFrom(0, 1), w: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 40 }), fc.constantFrom(5, 10, 20), (samples, bins) => {
        const h = forecastHistogram(samples, bins);
        const d = discriminationHistogram(samples, bins);
        expect(d.map((b) => b.yes + b.no)).toEqual(h.map((b) => b.n));
        expect(h.reduce((s, b) => s + b.n, 0)).toBe(samples.reduce((s, x) => s + x.w, 0));
      }),
    );
  });
});
