import { roundCdfValue } from "@/lib/continuous/cdf";
import type { ContinuousScale } from "@/lib/continuous/types";

export { logisticCdf } from "@/lib/continuous/logistic-cdf";

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

/** Deterministic PRNG (mulberry32), for statistical tests with a fixed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
