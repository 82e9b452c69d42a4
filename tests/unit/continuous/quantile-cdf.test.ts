import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cdfProblem, interpolatedCdf } from "@/lib/continuous/cdf";
import { cdfFromQuantiles, quantileProblems, QUANTILE_LEVELS, type QuantileInput } from "@/lib/continuous/quantile-cdf";
import { internalLocation, valueAtLocation } from "@/lib/continuous/scale";
import type { ContinuousScale } from "@/lib/continuous/types";
import { scale } from "./builders";

// The forecast form's quantiles → 201-point CDF (docs/continuous.md "From quantiles to a CDF").
const DAY = 86_400_000;
const scales: Record<string, ContinuousScale> = {
  "linear, closed": scale({ rangeMin: 0, rangeMax: 28 }),
  "linear, open above": scale({ rangeMin: 100, rangeMax: 200, openUpperBound: true }),
  "log, open both": scale({ rangeMin: 50, rangeMax: 1000, zeroPoint: 0, openLowerBound: true, openUpperBound: true }),
  "log, zero point above": scale({ rangeMin: 50, rangeMax: 99, zeroPoint: 100, openLowerBound: true }),
  "date, open above": scale({ rangeMin: Date.UTC(2025, 0, 1), rangeMax: Date.UTC(2028, 0, 1), openUpperBound: true }),
};

/** A set of levels with the median and at least two others, and increasing internal locations for them. */
const quantileSet = (s: ContinuousScale, minGap = 0.012, fromClosedEnd = 0.01) =>
  fc
    .record({
      levels: fc.subarray([0.05, 0.25, 0.75, 0.95] as const, { minLength: 2 }),
      gaps: fc.array(fc.double({ min: minGap, max: 0.4, noNaN: true }), { minLength: 5, maxLength: 5 }),
      start: fc.double({ min: s.openLowerBound ? -0.3 : fromClosedEnd, max: 0.5, noNaN: true }),
    })
    .map(({ levels, gaps, start }) => {
      const all = [...levels, 0.5].sort((a, b) => a - b) as QuantileInput["level"][];
      let u = start;
      return all.map((level, k) => {
        if (k > 0) u += gaps[k];
        return { level, u };
      });
    })
    .filter((qs) => qs[qs.length - 1].u < (s.openUpperBound ? 1.3 : 1 - fromClosedEnd))
    .map((qs) => qs.map(({ level, u }) => ({ level, value: valueAtLocation(s, u) })));

describe.each(Object.entries(scales))("quantiles on a %s scale", (_name, s) => {
  it("give a valid CDF through every quantile within half a point whenever no 1/200 of the range must hold over 11 %", () => {
    fc.assert(
      fc.property(quantileSet(s, 0.04, 0.05), (quantiles) => {
        fc.pre(quantileProblems(s, quantiles).length === 0);
        const result = cdfFromQuantiles(s, quantiles);
        if (!result.ok) throw new Error(JSON.stringify({ quantiles, problems: result.problems }));
        expect(cdfProblem(result.cdf, s)).toBeNull();
        for (const q of quantiles) {
          const u = internalLocation(s, q.value);
          if (u < 0 || u > 1) continue; // beyond an open bound: inside the out-of-range mass
          expect(Math.abs(interpolatedCdf(result.cdf, u) - q.level), JSON.stringify(quantiles)).toBeLessThanOrEqual(0.005);
        }
        const below = quantiles.filter((q) => internalLocation(s, q.value) < 0);
        if (below.length > 0) expect(result.cdf[0]).toBeGreaterThanOrEqual(below[below.length - 1].level - 0.005);
      }),
      { numRuns: 300 },
    );
  });
  it("never give an invalid CDF: sharper sets either pass or are refused with the advice to spread them", () => {
    let refused = 0;
    fc.assert(
      fc.property(quantileSet(s), (quantiles) => {
        fc.pre(quantileProblems(s, quantiles).length === 0);
        const result = cdfFromQuantiles(s, quantiles);
        if (!result.ok) {
          refused++;
          expect(result.problems[0].message).toMatch(/Spread them further apart/);
          return;
        }
        expect(cdfProblem(result.cdf, s)).toBeNull();
        for (const q of quantiles) {
          const u = internalLocation(s, q.value);
          if (u >= 0 && u <= 1) expect(Math.abs(interpolatedCdf(result.cdf, u) - q.level)).toBeLessThanOrEqual(0.005);
        }
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeLessThan(150); // most sets pass
  });
});

describe("cdfFromQuantiles", () => {
  it("turns evenly spread quantiles on a closed range into the uniform distribution", () => {
    const s = scale({ rangeMin: 0, rangeMax: 100 });
    const result = cdfFromQuantiles(
      s,
      QUANTILE_LEVELS.map((level) => ({ level, value: level * 100 })),
    );
    if (!result.ok) throw new Error("valid");
    for (let i = 0; i <= 200; i++) expect(result.cdf[i]).toBeCloseTo(i / 200, 9);
  });
  it("keeps at least 0.1 % beyond an open bound and gives a logistic tail there", () => {
    const s = scale({ rangeMin: Date.UTC(2025, 0, 1), rangeMax: Date.UTC(2026, 0, 1), openLowerBound: true, openUpperBound: true });
    const mid = Date.UTC(2025, 6, 1);
    const result = cdfFromQuantiles(s, [
      { level: 0.25, value: mid - 30 * DAY },
      { level: 0.5, value: mid },
      { level: 0.75, value: mid + 30 * DAY },
    ]);
    if (!result.ok) throw new Error("valid");
    expect(result.cdf[0]).toBeGreaterThanOrEqual(0.001);
    expect(result.cdf[200]).toBeLessThanOrEqual(0.999);
    expect(result.cdf[0]).toBeLessThan(0.05);
  });
  it("names the field of each problem", () => {
    const s = scale({ rangeMin: 0, rangeMax: 28 });
    const problems = (quantiles: QuantileInput[]) => quantileProblems(s, quantiles).map((p) => [p.level, p.message]);
    expect(problems([{ level: 0.25, value: 5 }, { level: 0.75, value: 9 }, { level: 0.95, value: 12 }])[0]).toEqual([0.5, "The median is required."]);
    expect(problems([{ level: 0.25, value: 9 }, { level: 0.5, value: 7 }, { level: 0.75, value: 12 }])[0]).toEqual([0.5, "Must be greater than the 25 % quantile."]);
    expect(problems([{ level: 0.05, value: 0 }, { level: 0.5, value: 7 }, { level: 0.75, value: 12 }])[0][0]).toBe(0.05);
    expect(problems([{ level: 0.05, value: 2 }, { level: 0.5, value: 7 }, { level: 0.95, value: 28 }])[0][0]).toBe(0.95);
    const tooClose = problems([{ level: 0.25, value: 7 }, { level: 0.5, value: 7.01 }, { level: 0.75, value: 12 }]);
    expect(tooClose[0][0]).toBe(0.5);
    expect(tooClose[0][1]).toMatch(/Spread these two quantiles/);
    expect(cdfFromQuantiles(s, [{ level: 0.25, value: 7 }, { level: 0.5, value: 7.01 }, { level: 0.75, value: 12 }]).ok).toBe(false);
  });
});
