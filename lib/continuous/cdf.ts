import { CDF_POINTS, INNER_BUCKETS } from "./scale";
import type { ContinuousScale } from "./types";

// A continuous forecast: the CDF at u_i = i/200 (docs/continuous.md "Forecast" and "Validation").
// Validation is Metaculus' (serializers/common.py `continuous_validation`), after the same rounding.

/** Smallest and largest step between neighbouring CDF values (Metaculus continuous_validation). */
export const MIN_CDF_STEP = 0.00005;
export const MAX_CDF_STEP = 0.2;
/** An open bound keeps at least this much probability beyond it. */
export const MIN_OUT_OF_RANGE_MASS = 0.001;

/**
 * Rounds to `10^digits`-ths, ties to even, in double precision: rint(v·10^d)/10^d, numpy.round(v, d).
 * Math.round sends ties up, so a tie landing on an odd integer is moved down by one.
 */
export function roundHalfEven(v: number, scale: number): number {
  const y = v * scale;
  const r = Math.round(y);
  return (r - y === 0.5 && r % 2 !== 0 ? r - 1 : r) / scale;
}

/** A CDF value as Metaculus stores it: rounded to 10 decimals, half to even. */
export function roundCdfValue(v: number): number {
  return roundHalfEven(v, 1e10);
}

/** A step as the step checks see it: rounded to 9 decimals, half to even. */
export function roundedStep(previous: number, next: number): number {
  return roundHalfEven(next - previous, 1e9);
}

/** The first rule a CDF breaks, at an index (null: the array itself), with a message. */
export interface CdfProblem {
  index: number | null;
  rule: string;
}

/**
 * Reads a CDF as docs/continuous.md ("Validation") says: exactly 201 finite numbers, each
 * rounded to 10 decimals; every step (rounded to 9 decimals) at least 0.00005, then at most 0.2; a
 * closed lower bound needs cdf[0] = 0, an open one cdf[0] ≥ 0.001; a closed upper bound cdf[200] = 1,
 * an open one cdf[200] ≤ 0.999. Returns the rounded values, or the first problem in that order.
 */
export function readCdf(value: unknown, scale: ContinuousScale): { ok: true; cdf: Float64Array } | ({ ok: false } & CdfProblem) {
  if (!Array.isArray(value) || value.length !== CDF_POINTS) {
    const got = Array.isArray(value) ? `has ${value.length} values` : "is missing or not an array";
    return { ok: false, index: null, rule: `must be an array of exactly ${CDF_POINTS} numbers (${got})` };
  }
  const cdf = new Float64Array(CDF_POINTS);
  for (let i = 0; i < CDF_POINTS; i++) {
    const v = value[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return { ok: false, index: i, rule: "must be a finite number" };
    cdf[i] = roundCdfValue(v);
  }
  const problem = cdfProblem(cdf, scale);
  return problem === null ? { ok: true, cdf } : { ok: false, ...problem };
}

/** The first rule broken by CDF values already rounded to 10 decimals (steps, then the two ends); null if none. */
export function cdfProblem(cdf: ArrayLike<number>, scale: ContinuousScale): CdfProblem | null {
  for (let i = 1; i < CDF_POINTS; i++) {
    const step = roundedStep(cdf[i - 1], cdf[i]);
    if (step < MIN_CDF_STEP) {
      return { index: i, rule: `must exceed cdf[${i - 1}] by at least ${MIN_CDF_STEP} (the step, rounded to 9 decimals, is ${step})` };
    }
  }
  for (let i = 1; i < CDF_POINTS; i++) {
    const step = roundedStep(cdf[i - 1], cdf[i]);
    if (step > MAX_CDF_STEP) {
      return { index: i, rule: `must exceed cdf[${i - 1}] by at most ${MAX_CDF_STEP} (the step, rounded to 9 decimals, is ${step})` };
    }
  }
  const first = cdf[0];
  if (!scale.openLowerBound && first !== 0) return { index: 0, rule: `must be 0 (the lower bound is closed), got ${first}` };
  if (scale.openLowerBound && !(first >= MIN_OUT_OF_RANGE_MASS)) {
    return { index: 0, rule: `must be at least ${MIN_OUT_OF_RANGE_MASS} (the lower bound is open), got ${first}` };
  }
  const last = cdf[CDF_POINTS - 1];
  if (!scale.openUpperBound && last !== 1) {
    return { index: CDF_POINTS - 1, rule: `must be 1 (the upper bound is closed), got ${last}` };
  }
  if (scale.openUpperBound && !(last <= 1 - MIN_OUT_OF_RANGE_MASS)) {
    return { index: CDF_POINTS - 1, rule: `must be at most ${1 - MIN_OUT_OF_RANGE_MASS} (the upper bound is open), got ${last}` };
  }
  return null;
}

/**
 * Bucket probability pmf[o], o = 0…201: pmf[0] = cdf[0], pmf[i] = cdf[i] − cdf[i−1], pmf[201] = 1 − cdf[200].
 * Source: Metaculus models.py `Forecast.get_pmf`.
 */
export function bucketProbability(cdf: ArrayLike<number>, o: number): number {
  if (o === 0) return cdf[0];
  if (o === INNER_BUCKETS + 1) return 1 - cdf[INNER_BUCKETS];
  return cdf[o] - cdf[o - 1];
}

/** G(u) for u in [0, 1]: the straight-line interpolation of the CDF through (i/200, cdf[i]). */
export function interpolatedCdf(cdf: ArrayLike<number>, u: number): number {
  const s = u * INNER_BUCKETS;
  const k = Math.min(Math.max(Math.floor(s), 0), INNER_BUCKETS - 1);
  const t = s - k;
  return cdf[k] + t * (cdf[k + 1] - cdf[k]);
}

/**
 * The percent-point function Q(p), the inverse of G on the internal scale: 0 when p < cdf[0], 1 when
 * p ≥ cdf[200], otherwise the u where G(u) = p (the first such u, as steps are strictly positive).
 * Source: Metaculus utils/the_math/measures.py `percent_point_function`.
 */
export function quantileLocation(cdf: ArrayLike<number>, p: number): number {
  return quantileLocationOf((i) => cdf[i], p);
}

/**
 * quantileLocation of a CDF read one point at a time (`valueAt(i)` = cdf[i]): a binary search that reads
 * about ten of the 201 values, for a CDF that is costly to form in full (a pool of many forecasts). With
 * `near`, a grid index where the quantile is expected (say, where it was a moment ago), the search
 * starts there and widens its bracket 1, 2, 4, … points at a time, so a quantile that moved little costs
 * two or three reads.
 */
export function quantileLocationOf(valueAt: (i: number) => number, p: number, near?: number): number {
  const first = valueAt(0);
  if (p < first) return 0;
  if (p >= valueAt(INNER_BUCKETS)) return 1;
  // Invariant: cdf[lo] ≤ p < cdf[hi].
  let lo = 0;
  let hi = INNER_BUCKETS;
  if (near !== undefined && near > 0 && near < INNER_BUCKETS) {
    const start = Math.floor(near);
    let width = 1;
    if (valueAt(start) <= p) {
      lo = start;
      while (lo + width < INNER_BUCKETS && valueAt(lo + width) <= p) {
        lo += width;
        width *= 2;
      }
      hi = Math.min(lo + width, INNER_BUCKETS);
    } else {
      hi = start;
      while (hi - width > 0 && valueAt(hi - width) > p) {
        hi -= width;
        width *= 2;
      }
      lo = Math.max(hi - width, 0);
    }
  }
  // Largest k with cdf[k] ≤ p (cdf[0] ≤ p < cdf[200]).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (valueAt(mid) <= p) lo = mid;
    else hi = mid;
  }
  const low = valueAt(lo);
  const step = valueAt(lo + 1) - low;
  return (lo + (step > 0 ? (p - low) / step : 0)) / INNER_BUCKETS;
}
