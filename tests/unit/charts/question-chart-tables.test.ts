// The question page's chart cells and the spread table's first rows: the fast paths give exactly what
// the plain definitions give (toFixed's string; a stable sort then a slice).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentValue } from "@/components/forecast/forecast-display";
import { highestFirst } from "@/app/(desk)/questions/[questionId]/_components/chart-tables";

const byDefinition = (p: number) => Number((p * 100).toFixed(1));

describe("percentValue", () => {
  it("is Number((p × 100).toFixed(1)) for every probability, ties and the values beside them included", () => {
    // Worked by hand: 0.1235 × 100 is stored as 12.3499999999999996…, below the tie, so 12.3; 0.0005 × 100
    // as 0.0500000000000000027…, above it, so 0.1; 0.12351 → 12.351 → 12.4.
    expect(percentValue(0.1235)).toBe(12.3);
    expect(percentValue(0.0005)).toBe(0.1);
    expect(percentValue(0.12351)).toBe(12.4);
    expect(percentValue(1)).toBe(100);
    expect(percentValue(0)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        expect(percentValue(p)).toBe(byDefinition(p));
      }),
      { numRuns: 20_000 },
    );
    // Ties of the shown decimal and their neighbours, where rounding x·10 and toFixed could part.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -3, max: 3 }), (k, step) => {
        let p = (k + 0.5) / 20_000;
        for (let i = 0; i < Math.abs(step); i++) p = step > 0 ? p + Number.EPSILON * p : p - Number.EPSILON * p;
        expect(percentValue(p)).toBe(byDefinition(p));
      }),
      { numRuns: 20_000 },
    );
    for (const x of [-0, -0.0004, -0.12345, 12.5, 1e20, Infinity, NaN]) expect(percentValue(x)).toBe(byDefinition(x));
  });
});

describe("highestFirst (the spread table's first rows)", () => {
  const stableSortThenSlice = (keys: number[], limit?: number) =>
    keys
      .map((k, i) => ({ k, i }))
      .sort((a, b) => b.k - a.k)
      .slice(0, limit)
      .map((x) => x.i);

  it("gives the first rows of a stable descending sort, equal keys in input order", () => {
    // By hand: keys 5, 7, 5, 9, 7 → 9 (3), 7 (1), 7 (4), 5 (0), 5 (2); the first three are 3, 1, 4.
    const items = [5, 7, 5, 9, 7].map((k, i) => ({ k, i }));
    expect(highestFirst(items, (x) => x.k, 3).map((x) => x.i)).toEqual([3, 1, 4]);
    expect(highestFirst(items, (x) => x.k).map((x) => x.i)).toEqual([3, 1, 4, 0, 2]);
    expect(highestFirst(items, (x) => x.k, 0)).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }).map((t) => t / 20), { maxLength: 300 }), fc.option(fc.nat({ max: 320 }), { nil: undefined }), (keys, limit) => {
        const items = keys.map((k, i) => ({ k, i }));
        expect(highestFirst(items, (x) => x.k, limit).map((x) => x.i)).toEqual(stableSortThenSlice(keys, limit));
      }),
      { numRuns: 500 },
    );
  });
});
