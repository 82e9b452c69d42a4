import fc from "fast-check";
import { demoRandom } from "@/db/demo/demo-random";
import { roundCdfValue } from "@/lib/continuous/cdf";
import { logisticCdf } from "@/lib/continuous/logistic-cdf";
import type { ContinuousScale } from "@/lib/continuous/types";

export { logisticCdf };

// Test helpers: CDFs drawn through knots (as the worked example's rationales describe them) and smooth
// random CDFs that pass the validation.

/** The CDF at u_i = i/200 of the straight lines through knots (u, F), knots sorted by u from 0 to 1. */
export function cdfThroughKnots(knots: ReadonlyArray<readonly [number, number]>): Float64Array {
  const cdf = new Float64Array(201);
  for (let i = 0; i <= 200; i++) {
    const u = i / 200;
    let k = 0;
    while (k < knots.length - 2 && knots[k + 1][0] < u) k++;
    const [u0, f0] = knots[k];
    const [u1, f1] = knots[k + 1];
    cdf[i] = roundCdfValue(f0 + ((u - u0) / (u1 - u0)) * (f1 - f0));
  }
  return cdf;
}

export const uniformClosedCdf = (): Float64Array => cdfThroughKnots([[0, 0], [1, 1]]);

export const scale = (partial: Partial<ContinuousScale> = {}): ContinuousScale => ({
  rangeMin: 0,
  rangeMax: 1,
  zeroPoint: null,
  openLowerBound: false,
  openUpperBound: false,
  ...partial,
});

/** A seeded uniform source for statistical tests with a fixed seed (the demo generator's mulberry32). */
export const seededRandom = (seed: number): (() => number) => demoRandom(seed).next;

/** fast-check: a valid logistic CDF and its out-of-range masses (0 means that bound is closed). */
export const validLogisticCdf = fc
  .record({
    mu: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
    s: fc.double({ min: 0.05, max: 2, noNaN: true }),
    below: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 0.25, noNaN: true })),
    above: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 0.25, noNaN: true })),
  })
  .map(({ mu, s, below, above }) => ({ cdf: logisticCdf(mu, s, below, above), below, above }));
