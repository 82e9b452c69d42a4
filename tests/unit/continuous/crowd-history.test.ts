import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolCdfs } from "@/lib/continuous/aggregation";
import { quantileLocation, quantileLocationOf } from "@/lib/continuous/cdf";
import { FAN_LEVELS, recencyWeightedMeanHistory } from "@/lib/continuous/crowd-history";
import type { ContinuousForecastRecord } from "@/lib/continuous/types";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { countedForecasts, standingForecastsAt } from "@/lib/standing-forecast";
import { cdfThroughKnots, validLogisticCdf } from "./builders";

// The crowd's distribution over time (lib/continuous/crowd-history.ts): the running sums must give what
// pooling the standing forecasts afresh gives, and the last point the scorer's aggregate.

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/continuous", name), "utf8"));
const HOUR = 3_600_000;

describe("the crowd's distribution at the close equals the scorer's report", () => {
  for (const name of ["continuous-example", "continuous-edge-cases"]) {
    const read = readDatasetV1(fixture(`${name}.json`));
    if (!read.ok || !read.dataset.continuous) throw new Error(`${name} does not read`);
    const { questions, forecasts } = read.dataset.continuous;
    const report = fixture(`${name}.report.json`).questions as Record<string, { aggregates?: Record<string, number[] | null> }>;
    for (const q of questions) {
      const expected = report[q.id]?.aggregates?.recency_weighted_mean;
      if (!expected) continue;
      it(`${name}: ${q.id}`, () => {
        const counted = countedForecasts(
          q,
          forecasts.filter((f) => f.question === q.id),
        );
        const history = recencyWeightedMeanHistory(q.openTime, counted);
        expect(history.current).not.toBeNull();
        history.current!.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
        const last = history.points.at(-1)!;
        FAN_LEVELS.forEach((p, k) => expect(last.locations[k]).toBeCloseTo(quantileLocation(expected, p), 9));
      });
    }
  }
});

describe("recencyWeightedMeanHistory", () => {
  const uniform = cdfThroughKnots([[0, 0], [1, 1]]);
  // 80 % of the probability below the middle of the range.
  const early = cdfThroughKnots([[0, 0], [0.5, 0.8], [1, 1]]);
  const late = cdfThroughKnots([[0, 0], [0.5, 0.2], [1, 1]]);
  const f = (forecaster: string, time: number, cdf: Float64Array): ContinuousForecastRecord => ({ forecaster, time, cdf });

  it("pools by hand: one forecast, then two with equal weights, then three with exp(√i − √3)", () => {
    const history = recencyWeightedMeanHistory(0, [f("ana", 1 * HOUR, uniform), f("ben", 2 * HOUR, early), f("cy", 3 * HOUR, late)]);
    expect(history.points.map((p) => [p.time, p.forecasters])).toEqual([
      [HOUR, 1],
      [2 * HOUR, 2],
      [3 * HOUR, 3],
    ]);
    // One uniform forecast: its quantiles are the levels.
    FAN_LEVELS.forEach((p, k) => expect(history.points[0].locations[k]).toBeCloseTo(p, 9));
    // Uniform and `early` in equal parts: G(u) = (u + 1.6u)/2 = 1.3u below ½, so the median is ½ / 1.3.
    expect(history.points[1].locations[2]).toBeCloseTo(0.5 / 1.3, 9);
    // Weights e^(1 − √3), e^(√2 − √3), 1: below ½ G(u) = (w₁·u + w₂·1.6u + w₃·0.4u)/Σw.
    const w = [Math.exp(1 - Math.sqrt(3)), Math.exp(Math.sqrt(2) - Math.sqrt(3)), 1];
    const slope = (w[0] + 1.6 * w[1] + 0.4 * w[2]) / (w[0] + w[1] + w[2]);
    expect(slope * 0.5).toBeLessThan(0.5); // so the median lies above ½: G = G(½) + slope' (u − ½)
    const slopeAbove = (w[0] + 0.4 * w[1] + 1.6 * w[2]) / (w[0] + w[1] + w[2]);
    expect(history.points[2].locations[2]).toBeCloseTo(0.5 + (0.5 - slope * 0.5) / slopeAbove, 9);
  });

  it("starts forecasts made before the open time at T0 and pools forecasts made at one instant together", () => {
    const history = recencyWeightedMeanHistory(10 * HOUR, [f("ana", HOUR, uniform), f("ben", 2 * HOUR, early), f("ben", 12 * HOUR, late), f("ana", 12 * HOUR, late)]);
    expect(history.points.map((p) => [p.time, p.forecasters])).toEqual([
      [10 * HOUR, 2],
      [12 * HOUR, 2],
    ]);
    FAN_LEVELS.forEach((p, k) => expect(history.points[1].locations[k]).toBeCloseTo(quantileLocation(late, p), 9));
  });

  it("is empty without forecasts", () => {
    expect(recencyWeightedMeanHistory(0, [])).toEqual({ points: [], changePoints: 0, current: null });
  });

  // Few forecasters and many updates: every removal path (corrected sums, probes, rebuilds) is taken.
  const forecastSequence = fc.array(
    fc.record({ forecaster: fc.integer({ min: 0, max: 11 }), gap: fc.integer({ min: 0, max: 3 }), cdf: validLogisticCdf.map((x) => x.cdf) }),
    { minLength: 1, maxLength: 80 },
  );
  const toRecords = (items: Array<{ forecaster: number; gap: number; cdf: Float64Array }>) => {
    let time = 0;
    return items.map(({ forecaster, gap, cdf }) => f(`f${forecaster}`, (time += gap * HOUR), cdf));
  };

  it("corrects its sums when a recent forecaster updates, reads the pool directly after an old one does, then rebuilds", () => {
    const cdfs = fc.sample(validLogisticCdf, { numRuns: 60, seed: 7 }).map((x) => x.cdf);
    const order = [
      ...Array.from({ length: 20 }, (_, k) => k), // 20 forecasters
      18, 19, 18, 19, // the second newest updates: one newer forecast moves down a rank (sums corrected)
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, // the oldest update: sums set aside, the pool read directly
      ...Array.from({ length: 14 }, (_, k) => 20 + k), // 14 new forecasters: the sums are rebuilt after 12
      32, 33, 32, // corrected again after the rebuild
    ];
    const counted = order.map((k, i) => f(`f${k}`, (i + 1) * HOUR, cdfs[i]));
    const history = recencyWeightedMeanHistory(0, counted);
    expect(history.points).toHaveLength(order.length);
    for (const point of history.points) {
      const pooled = poolCdfs(
        standingForecastsAt(counted, point.time).map((r) => r.cdf),
        "recency_weighted_mean",
      )!;
      FAN_LEVELS.forEach((p, k) => expect(point.locations[k]).toBeCloseTo(quantileLocation(pooled, p), 9));
    }
  });

  it("equals pooling the standing forecasts afresh at every change point", () => {
    fc.assert(
      fc.property(forecastSequence, (items) => {
        const counted = countedForecasts({ closeTime: Number.MAX_SAFE_INTEGER, resolveTime: null, outcome: null }, toRecords(items));
        const history = recencyWeightedMeanHistory(0, counted);
        for (const point of history.points) {
          const pooled = poolCdfs(
            standingForecastsAt(counted, point.time).map((r) => r.cdf),
            "recency_weighted_mean",
          )!;
          FAN_LEVELS.forEach((p, k) => expect(point.locations[k]).toBeCloseTo(quantileLocation(pooled, p), 9));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("ends the fan chart's median at the median of the crowd's distribution now, downsampled or not", () => {
    fc.assert(
      fc.property(forecastSequence, fc.integer({ min: 2, max: 20 }), (items, maxPoints) => {
        const counted = toRecords(items);
        const full = recencyWeightedMeanHistory(0, counted);
        const drawn = recencyWeightedMeanHistory(0, counted, maxPoints);
        expect(drawn.points.length).toBeLessThanOrEqual(Math.max(maxPoints, 1));
        expect(drawn.changePoints).toBe(full.points.length);
        const median = quantileLocation(full.current!, 0.5);
        expect(full.points.at(-1)!.locations[2]).toBeCloseTo(median, 9);
        expect(drawn.points.at(-1)!.locations[2]).toBeCloseTo(median, 9);
        // The kept points are points of the full history, with its values.
        const byTime = new Map(full.points.map((p) => [p.time, p]));
        for (const p of drawn.points) FAN_LEVELS.forEach((_, k) => expect(p.locations[k]).toBeCloseTo(byTime.get(p.time)!.locations[k], 9));
      }),
      { numRuns: 100 },
    );
  });
});

describe("quantileLocationOf", () => {
  it("finds quantileLocation's answer reading one value at a time, from any starting guess", () => {
    fc.assert(
      fc.property(validLogisticCdf, fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.double({ min: -5, max: 205, noNaN: true })), ({ cdf }, p, near) => {
        let reads = 0;
        const found = quantileLocationOf((i) => (reads++, cdf[i]), p, near ?? undefined);
        expect(found).toBe(quantileLocation(cdf, p));
        expect(reads).toBeLessThanOrEqual(22);
      }),
      { numRuns: 500 },
    );
  });
});
