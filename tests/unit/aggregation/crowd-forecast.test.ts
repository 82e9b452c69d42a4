import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crowdForecastAt, crowdForecastSeries } from "@/lib/aggregation/crowd-forecast";
import { ascendingOrder, poolRecencyWeightedMedian, recencyWeights, weightedMedian, weightedMedianOfSorted } from "@/lib/aggregation/recency-weighted-median";
import { poolMedian } from "@/lib/aggregation/median";
import { poolGeometricOdds } from "@/lib/aggregation/geometric-odds";
import { F, Q, V, MC, day } from "../builders";

// The tiny example (tests/fixtures/exchange/example-by-hand.md, step 4): at Ta ana 0.8 and ben 0.7 stand.
const tiny = [F("ana", 0, 0.6), F("ben", 2, 0.3), F("ana", 4, 0.8), F("ben", 6, 0.7), F("ben", 9, 0.999)];
const tinyQ = Q(10, "yes", 8);

describe("crowdForecastAt on the tiny example at Ta", () => {
  it.each([
    ["median", 0.75],
    ["recency_weighted_median", 0.75],
    ["mean", 0.75],
    ["geometric_odds", 0.7533939444035329],
    ["extremized", 0.8422671102919929],
  ] as const)("%s = %s", (method, expected) => {
    const a = crowdForecastAt(tinyQ, tiny, day(8), method) as number[];
    expect(a[1]).toBeCloseTo(expected, 12);
    expect(a[0] + a[1]).toBeCloseTo(1, 15);
  });
  it("is null before anyone forecasts", () => {
    expect(crowdForecastAt(tinyQ, tiny.slice(1), day(1), "median")).toBeNull();
  });
  it("uses the extremizing factor from params", () => {
    const a = crowdForecastAt(tinyQ, tiny, day(8), "extremized", { extremizeD: 1 }) as number[];
    expect(a[1]).toBeCloseTo(0.7533939444035329, 12);
  });
});

describe("recency-weighted median", () => {
  it("weights exp(√i − √n), all 1 for n ≤ 2", () => {
    expect(recencyWeights(2)).toEqual([1, 1]);
    const w = recencyWeights(3);
    expect(w[2]).toBe(1);
    expect(w[0]).toBeCloseTo(Math.exp(1 - Math.sqrt(3)), 15);
  });
  it("leans to the newest forecasts", () => {
    // weights ≈ 0.481, 0.730, 1: cumulative over sorted values 0.1 (w .481), 0.2 (w .730), 0.9 (w 1).
    expect(weightedMedian([0.9, 0.1, 0.2], [0.481, 0.73, 1])).toBe(0.2);
    const pooled = poolRecencyWeightedMedian([[0.9, 0.1], [0.8, 0.2], [0.1, 0.9]], true);
    // shares: 0.1 → 0.481/2.211 = 0.22, 0.2 → 0.55 ≥ ½ and > ½ → 0.2
    expect(pooled[1]).toBe(0.2);
  });
  it("maps multiple-choice medians to sum 1 with a 0.001 floor", () => {
    // Per-option medians (n = 2: plain) 0.45, 0.45, 0.001 sum to 0.901; the map keeps 0.001 at 0.001.
    const pooled = poolRecencyWeightedMedian([[0.5, 0.499, 0.001], [0.4, 0.401, 0.199]], false);
    expect(pooled.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 15);
    expect(pooled[2]).toBeCloseTo(0.1, 15);
    const floored = poolRecencyWeightedMedian([[0.5, 0.499, 0.001], [0.4, 0.599, 0.001]], false);
    expect(floored[2]).toBeCloseTo(0.001, 15);
    expect(floored[0]).toBeCloseTo(((0.45 - 0.001) / (0.45 + 0.549 - 0.002)) * 0.997 + 0.001, 15);
  });
});

describe("ascendingOrder (the recency-weighted median's sort)", () => {
  /** What a stable sort by value leaves: the order weightedMedian's definition sorts in. */
  const stableOrder = (values: readonly number[]) => values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const value = fc.oneof(
    fc.constantFrom(0, -0, 0.001, 0.5, 0.999, 1, -1, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE),
    fc.double({ noNaN: true }),
    // Few distinct values: many ties, which must keep index order.
    fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
  );
  const values = fc.integer({ min: 0, max: 700 }).chain((n) => fc.array(value, { minLength: n, maxLength: n }));

  it("is the order of a stable sort by value, below and above the radix sort's size (ties, −0, negatives, infinities)", () => {
    fc.assert(
      fc.property(values, (vs) => {
        expect(Array.from(ascendingOrder(vs))).toEqual(stableOrder(vs));
      }),
      { numRuns: 400 },
    );
  });

  it("leaves weightedMedian what it was by comparison sort", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_100 }).chain((n) => fc.array(fc.integer({ min: 1, max: 999 }).map((k) => k / 1000), { minLength: n, maxLength: n })),
        (ps) => {
          const weights = recencyWeights(ps.length);
          const order = stableOrder(ps);
          const expected = weightedMedianOfSorted(
            order.map((i) => ps[i]),
            order.map((i) => weights[i]),
            ps.length,
          );
          expect(weightedMedian(ps, weights)).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("median and geometric pools for scenarios", () => {
  it("median per option then divided by the total", () => {
    const pooled = poolMedian([[0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.1, 0.6, 0.3]], false);
    // medians 0.2, 0.3, 0.3 → total 0.8
    expect(pooled).toEqual([0.2 / 0.8, 0.3 / 0.8, 0.3 / 0.8]);
  });
  it("geometric pool p_k ∝ exp(mean ln p_k)", () => {
    const pooled = poolGeometricOdds([[0.5, 0.5], [0.2, 0.8]], false);
    const a = Math.sqrt(0.1);
    const b = Math.sqrt(0.4);
    expect(pooled[1]).toBeCloseTo(b / (a + b), 15);
  });
});

describe("crowdForecastSeries", () => {
  it("steps at each change from T0 to Ta and ends with a closing point", () => {
    const series = crowdForecastSeries(tinyQ, tiny, "median");
    expect(series.map((p) => [p.time, p.forecasters])).toEqual([
      [day(0), 1],
      [day(2), 2],
      [day(4), 2],
      [day(6), 2],
      [day(8), 2],
    ]);
    expect(series[1].probabilities[1]).toBeCloseTo(0.45, 15);
  });
  it("moves a forecast made before T0 to T0 and stops at `until`", () => {
    const early = [F("ana", -3, 0.4), F("ben", 5, 0.6)];
    const series = crowdForecastSeries(Q(10), early, "mean", undefined, day(3));
    expect(series.map((p) => p.time)).toEqual([day(0), day(3)]);
    expect(series[0].probabilities[1]).toBeCloseTo(0.4, 15);
  });
  it("pools scenario vectors", () => {
    const series = crowdForecastSeries(MC(3, 10), [V("a", 1, [0.2, 0.3, 0.5])], "mean");
    expect(series[0].probabilities).toEqual([0.2, 0.3, 0.5]);
  });
});
