import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolForecasts } from "@/lib/aggregation/crowd-forecast";
import { downsampleSteps, recencyWeightedMedianHistory } from "@/lib/aggregation/crowd-series";
import { countedForecasts, standingForecastsAt } from "@/lib/standing-forecast";
import type { ForecastRecord, ScoringQuestion } from "@/lib/types";
import { MC, Q, day } from "../builders";

// The one-sweep history must equal re-pooling the standing forecasts at every change point, bit for bit.

/** The reference: at each distinct effective time, pool standingForecastsAt with the lib's pool. */
function repooled(q: ScoringQuestion, forecasts: readonly ForecastRecord[]) {
  const counted = countedForecasts(q, forecasts);
  const times = [...new Set(counted.map((f) => Math.max(f.time, q.openTime)))];
  return times.map((time) => {
    const standing = standingForecastsAt(counted, time);
    return {
      time,
      probabilities: poolForecasts(
        standing.map((f) => f.probabilities),
        q.type === "binary",
        "recency_weighted_median",
      ),
      forecasters: standing.length,
    };
  });
}

// Few forecasters, few distinct values and times: many ties in value and time, many updates.
const who = fc.constantFrom("a", "b", "c", "d", "e", "f", "g");
const at = fc.integer({ min: -3, max: 40 });

describe("recencyWeightedMedianHistory", () => {
  it("equals re-pooling at every change point (binary, ties in value and time)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ who, at, p: fc.constantFrom(0.1, 0.25, 0.5, 0.5, 0.7, 0.9, 0.333) }), { maxLength: 80 }),
        (raw) => {
          const q = Q(30);
          const forecasts = raw.map((r) => ({ forecaster: r.who, time: day(r.at), probabilities: [1 - r.p, r.p] }));
          const swept = recencyWeightedMedianHistory(q, countedForecasts(q, forecasts));
          expect(swept).toEqual(repooled(q, forecasts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("equals re-pooling at every change point (scenario sets)", () => {
    const vector = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .map(([a, b, c]) => [a / (a + b + c), b / (a + b + c), c / (a + b + c)]);
    fc.assert(
      fc.property(fc.array(fc.record({ who, at, v: vector }), { maxLength: 60 }), (raw) => {
        const q = MC(3, 30);
        const forecasts = raw.map((r) => ({ forecaster: r.who, time: day(r.at), probabilities: r.v }));
        expect(recencyWeightedMedianHistory(q, countedForecasts(q, forecasts))).toEqual(repooled(q, forecasts));
      }),
      { numRuns: 200 },
    );
  });

  it("is empty without forecasts and counts forecasters, not forecasts", () => {
    const q = Q(30);
    expect(recencyWeightedMedianHistory(q, [])).toEqual([]);
    const history = recencyWeightedMedianHistory(
      q,
      countedForecasts(q, [
        { forecaster: "a", time: day(1), probabilities: [0.8, 0.2] },
        { forecaster: "a", time: day(2), probabilities: [0.4, 0.6] },
        { forecaster: "b", time: day(3), probabilities: [0.1, 0.9] },
      ]),
    );
    expect(history.map((p) => [p.time, p.probabilities[1], p.forecasters])).toEqual([
      [day(1), 0.2, 1],
      [day(2), 0.6, 1],
      [day(3), 0.75, 2],
    ]);
  });
});

describe("downsampleSteps", () => {
  const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ time: i * 10 + (i % 7), v: i }));
  it("returns a series that fits as it is", () => {
    expect(downsampleSteps(steps(30), 30)).toEqual(steps(30));
  });
  it("keeps at most maxPoints, the first and the last, in time order, each an original point", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1500 }), fc.integer({ min: 2, max: 600 }), (n, max) => {
        const all = steps(n);
        const out = downsampleSteps(all, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 2));
        expect(out[0]).toBe(all[0]);
        expect(out.at(-1)).toBe(all.at(-1));
        for (let i = 1; i < out.length; i++) expect(out[i].time).toBeGreaterThan(out[i - 1].time);
      }),
      { numRuns: 60 },
    );
  });
});
