import type { ContinuousQuestionType } from "./types";

// The rules a numeric or date question's scale must meet (docs/continuous.md §1), in one place for every
// way a question comes in: the question form and its server actions (lib/validation/question.ts) and the
// exchange import (lib/exchange/read-continuous.ts). Each caller words the problem in its own terms
// (form labels; the exchange's JSON keys). Source: Metaculus questions/models.py (range_min < range_max,
// zero_point outside the range) and utils/the_math/formulas.py (the log scale needs r ≠ 1).

export type ScaleProblem =
  /** range_max ≤ range_min */
  | { field: "rangeMax"; code: "not_increasing" }
  /** range_max − range_min overflows */
  | { field: "rangeMax"; code: "infinite_width" }
  /** a zero point on a date question */
  | { field: "zeroPoint"; code: "date_has_zero_point" }
  /** a ≤ z ≤ b */
  | { field: "zeroPoint"; code: "inside_range" }
  /** r = (b − z)/(a − z) is 1 in double precision (or ln r is not finite): no log scale */
  | { field: "zeroPoint"; code: "ratio_one" };

/**
 * The problems of a scale with finite ends a, b and zero point z (null: linear), range first: the zero
 * point is only judged against a valid range. Empty when the scale is valid.
 */
export function scaleProblems(type: ContinuousQuestionType, a: number, b: number, z: number | null): ScaleProblem[] {
  if (!(b > a)) return [{ field: "rangeMax", code: "not_increasing" }];
  if (!Number.isFinite(b - a)) return [{ field: "rangeMax", code: "infinite_width" }];
  if (z === null) return [];
  if (type === "date") return [{ field: "zeroPoint", code: "date_has_zero_point" }];
  if (z >= a && z <= b) return [{ field: "zeroPoint", code: "inside_range" }];
  const r = (b - z) / (a - z);
  if (r === 1 || !Number.isFinite(Math.log(r)) || Math.log(r) === 0) return [{ field: "zeroPoint", code: "ratio_one" }];
  return [];
}
