import { bucketProbability } from "./cdf";
import { INNER_BUCKETS } from "./scale";

// Scores of one continuous forecast against an outcome at internal location u_y in bucket o
// (docs/continuous.md "Per forecast").

/** Log score ln pmf[o] in nats (≤ 0). Source: Metaculus score_math.py; Good (1952). */
export function continuousLogScore(cdf: ArrayLike<number>, o: number): number {
  return Math.log(bucketProbability(cdf, o));
}

/**
 * The baseline's probability for bucket o: 0.05 beyond the range (o = 0 or 201), otherwise (1 − 0.05·m)/200
 * with m the number of open bounds. Source: Metaculus score_math.py `evaluate_forecasts_baseline_accuracy`.
 */
export function baselineBucketProbability(o: number, openBounds: number): number {
  return o === 0 || o === INNER_BUCKETS + 1 ? 0.05 : (1 - 0.05 * openBounds) / INNER_BUCKETS;
}

/**
 * Baseline score of one continuous forecast: 100 · ln(pmf[o]/base) / 2. Metaculus halves the continuous
 * score so it shares one scale with the binary one. Source: Metaculus score_math.py (lines 99–103).
 */
export function continuousBaselineScore(cdf: ArrayLike<number>, o: number, openBounds: number): number {
  return (100 * Math.log(bucketProbability(cdf, o) / baselineBucketProbability(o, openBounds))) / 2;
}

const H = 1 / INNER_BUCKETS;

/** ∫ g² over a segment of width w where g goes straight from g0 to g1. */
function squareIntegral(w: number, g0: number, g1: number): number {
  return (w * (g0 * g0 + g0 * g1 + g1 * g1)) / 3;
}

/** ∫ (1 − g)² over a segment of width w where g goes straight from g0 to g1. */
function complementSquareIntegral(w: number, g0: number, g1: number): number {
  const c0 = 1 - g0;
  const c1 = 1 - g1;
  return (w * (c0 * c0 + c0 * c1 + c1 * c1)) / 3;
}

/**
 * CRPS on the internal scale: ∫ (F(u) − [u ≥ u_y])² du, with F = 0 below 0, the interpolated CDF G on
 * [0, 1) and 1 from 1 on (the out-of-range masses sit at u = 0 and u = 1). Evaluated exactly, segment by
 * segment (the integrand is quadratic on each), and |u_y| or u_y − 1 added for an outcome beyond the
 * range. 0 is perfect. Source: Matheson & Winkler (1976); Gneiting & Raftery (2007), eq. 20.
 */
export function crps(cdf: ArrayLike<number>, uy: number): number {
  let total = 0;
  if (uy <= 0) {
    for (let i = 0; i < INNER_BUCKETS; i++) total += complementSquareIntegral(H, cdf[i], cdf[i + 1]);
    return total - uy;
  }
  if (uy >= 1) {
    for (let i = 0; i < INNER_BUCKETS; i++) total += squareIntegral(H, cdf[i], cdf[i + 1]);
    return total + (uy - 1);
  }
  const s = INNER_BUCKETS * uy;
  const k = Math.min(Math.floor(s), INNER_BUCKETS - 1);
  const t = s - k;
  const g = cdf[k] + t * (cdf[k + 1] - cdf[k]);
  for (let i = 0; i < k; i++) total += squareIntegral(H, cdf[i], cdf[i + 1]);
  total += squareIntegral(t * H, cdf[k], g);
  total += complementSquareIntegral((1 - t) * H, g, cdf[k + 1]);
  for (let i = k + 1; i < INNER_BUCKETS; i++) total += complementSquareIntegral(H, cdf[i], cdf[i + 1]);
  return total;
}

/**
 * Probability integral transform: G(u_y) inside the range; beyond it, the middle of the forecast's
 * out-of-range mass, cdf[0]/2 below and (1 + cdf[200])/2 above. Uniform on [0, 1] for a calibrated
 * forecaster. Source: Dawid (1984); Gneiting, Balabdaoui & Raftery (2007).
 */
export function pit(cdf: ArrayLike<number>, uy: number, o: number): number {
  if (o === 0) return cdf[0] / 2;
  if (o === INNER_BUCKETS + 1) return (1 + cdf[INNER_BUCKETS]) / 2;
  const s = INNER_BUCKETS * uy;
  const k = Math.min(Math.floor(s), INNER_BUCKETS - 1);
  const t = s - k;
  return cdf[k] + t * (cdf[k + 1] - cdf[k]);
}
