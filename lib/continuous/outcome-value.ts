import type { ContinuousScale } from "./types";

// Whether a value can be the outcome of a numeric or date question (docs/continuous.md §1). Source:
// Metaculus serializers/common.py `validate_question_resolution`: a value may lie beyond a bound only
// when that bound is open, and on a log scale it must lie on the range's side of the zero point (the
// scale is undefined at and beyond it). The exchange reader and the desk's resolution share this rule
// and phrase its answer each in their own terms.

export type OutcomeValueProblem =
  /** x < range_min and the lower bound is closed */
  | "below_closed_bound"
  /** x > range_max and the upper bound is closed */
  | "above_closed_bound"
  /** a log scale's zero point lies between x and the range (or x is the zero point) */
  | "beyond_zero_point";

/** Why `x` cannot resolve a question of this scale; null when it can. `x` must be finite. */
export function outcomeValueProblem(scale: ContinuousScale, x: number): OutcomeValueProblem | null {
  if (x < scale.rangeMin && !scale.openLowerBound) return "below_closed_bound";
  if (x > scale.rangeMax && !scale.openUpperBound) return "above_closed_bound";
  const z = scale.zeroPoint;
  if (z !== null && ((z < scale.rangeMin && !(x > z)) || (z > scale.rangeMax && !(x < z)))) return "beyond_zero_point";
  return null;
}
