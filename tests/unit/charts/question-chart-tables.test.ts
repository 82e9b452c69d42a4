// The question page's chart cells and the spread table's first rows: the fast paths give exactly what
// the plain definitions give (toFixed's string; a stable sort then a slice).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentValue } from "@/components/forecast/forecast-display";
import { binaryCrowdTable, highestFirst, scenarioCrowdTable } from "@/app/(desk)/questions/[questionId]/_components/chart-tables";
import type { Question } from "@/lib/types";

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

describe("the crowd tables' latest rows (the page's table when the CSV offers them all)", () => {
  const DAY = 86_400_000;
  const T0 = Date.UTC(2026, 0, 1);
  const series = Array.from({ length: 120 }, (_, i) => ({ time: T0 + i * DAY, probabilities: [0.2, 0.3 + (i % 7) / 100, 0.5 - (i % 7) / 100], forecasters: i + 1 }));

  it("are the last rows of the whole table, each with its own forecaster count", () => {
    const question = { type: "multiple_choice", options: ["A", "B", "C"] } as unknown as Question;
    const whole = scenarioCrowdTable(question, series);
    const latest = scenarioCrowdTable(question, series, 50);
    expect(latest.rows).toEqual(whole.rows.slice(-50));
    expect(latest.rows[0]).toMatchObject({ time: new Date(T0 + 70 * DAY).toISOString(), forecasters: 71 });
    expect(latest.chartRows).toEqual(whole.chartRows);
    expect(scenarioCrowdTable(question, series, 500).rows).toEqual(whole.rows);

    const binary = series.map((p) => ({ ...p, probabilities: [1 - p.probabilities[1], p.probabilities[1]] }));
    const own = [{ forecaster: "u", time: T0 + 100 * DAY + 1, probabilities: [0.4, 0.6] }];
    const wholeBinary = binaryCrowdTable(binary, own, T0, T0 + 200 * DAY);
    expect(binaryCrowdTable(binary, own, T0, T0 + 200 * DAY, 50).rows).toEqual(wholeBinary.rows.slice(-50));
    expect(wholeBinary.rows).toHaveLength(121);
  });
});
