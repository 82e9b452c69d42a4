import type { ContinuousScale } from "./types";

// The internal scale of a numeric or date question (docs/continuous.md "Scale"; Metaculus
// utils/the_math/formulas.py). A forecast is a CDF at 201 internal locations u_i = i/200.

/** Number of points of a continuous forecast's CDF. */
export const CDF_POINTS = 201;
/** Number of inner buckets: the CDF has 200 steps. */
export const INNER_BUCKETS = 200;

/** r = (b − z)/(a − z) of a logarithmic scale. */
function logBase(scale: ContinuousScale, zeroPoint: number): number {
  return (scale.rangeMax - zeroPoint) / (scale.rangeMin - zeroPoint);
}

/**
 * Internal location u(x) of a value, also outside [a, b]. Linear: (x − a)/(b − a). With a zero point z:
 * [ln((x − a)(r − 1) + (b − a)) − ln(b − a)] / ln r, r = (b − z)/(a − z).
 * Source: Metaculus formulas.py `scaled_location_to_unscaled_location`.
 */
export function internalLocation(scale: ContinuousScale, x: number): number {
  const a = scale.rangeMin;
  const width = scale.rangeMax - a;
  if (scale.zeroPoint === null) return (x - a) / width;
  const r = logBase(scale, scale.zeroPoint);
  return (Math.log((x - a) * (r - 1) + width) - Math.log(width)) / Math.log(r);
}

/**
 * The value at internal location u, the inverse of internalLocation. Linear: a + (b − a)·u; with a zero
 * point: a + (b − a)(r^u − 1)/(r − 1). Source: Metaculus formulas.py `unscaled_location_to_scaled_location`.
 */
export function valueAtLocation(scale: ContinuousScale, u: number): number {
  const a = scale.rangeMin;
  const width = scale.rangeMax - a;
  if (scale.zeroPoint === null) return a + width * u;
  const r = logBase(scale, scale.zeroPoint);
  return a + (width * (Math.pow(r, u) - 1)) / (r - 1);
}

/** Which side of the range a value lies on, comparing in nominal units. */
export type RangeSide = "below" | "inside" | "above";

export function rangeSide(scale: ContinuousScale, x: number): RangeSide {
  if (x < scale.rangeMin) return "below";
  if (x > scale.rangeMax) return "above";
  return "inside";
}

/**
 * u_y: u(x) clamped to the outcome's side — inside into [0, 1], below at most 0, above at least 1. The
 * clamp keeps a log-scaled range_max (u often 1.0000000000000002) inside. docs/continuous.md "Outcome".
 */
export function outcomeLocation(scale: ContinuousScale, x: number): number {
  const u = internalLocation(scale, x);
  switch (rangeSide(scale, x)) {
    case "below":
      return Math.min(u, 0);
    case "above":
      return Math.max(u, 1);
    case "inside":
      return Math.min(Math.max(u, 0), 1);
  }
}

/**
 * The bucket o of an outcome, 0…201: 0 below, 201 above; inside 200 when u_y = 1, else
 * max(1, ⌊200·u_y + 1 − 10⁻¹⁰⌋), so a grid point k/200 falls in bucket k.
 * Source: Metaculus formulas.py `unscaled_location_to_bucket_index`.
 */
export function outcomeBucket(scale: ContinuousScale, x: number): number {
  const side = rangeSide(scale, x);
  if (side === "below") return 0;
  if (side === "above") return INNER_BUCKETS + 1;
  const u = outcomeLocation(scale, x);
  if (u === 1) return INNER_BUCKETS;
  return Math.max(1, Math.floor(u * INNER_BUCKETS + 1 - 1e-10));
}

/** The number of open bounds, m in the baseline score. */
export function openBoundCount(scale: ContinuousScale): number {
  return (scale.openLowerBound ? 1 : 0) + (scale.openUpperBound ? 1 : 0);
}
