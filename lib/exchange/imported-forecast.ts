// How an imported forecast vector becomes the stored one, so that importing an export changes nothing.
import { MAX_PROBABILITY, MIN_PROBABILITY, readForecastVector } from "@/lib/probability";
import { clipDatasetForecast } from "@/lib/report";
import type { QuestionType } from "@/lib/types";

/** Two stored vectors are the same forecast when every entry agrees within this. */
export const SAME_VECTOR_TOLERANCE = 1e-12;

/**
 * True when `v` is exactly what docs/exchange-format.md §6.1 yields for some input: it sums to 1 and
 * either lies in [0.001, 0.999] already, or, scaled back by S = 0.001 / min(v) (the sum the clipped
 * vector had before the last division, S ≤ 1 + n·0.001 for n entries at the floor), every entry lies in [0.001, 0.999].
 * Such a vector (an exported, already clipped forecast, e.g. [0.4995…, 0.4995…, 0.000999…]) is stored
 * as it is: clipping it again would move it by ~1e-6 and break round trips and idempotent re-imports.
 */
export function isStoredForm(v: readonly number[]): boolean {
  const eps = SAME_VECTOR_TOLERANCE;
  let sum = 0;
  for (const p of v) sum += p;
  if (Math.abs(sum - 1) > v.length * eps) return false;
  const min = Math.min(...v);
  const max = Math.max(...v);
  // Exact bounds here, as the scorer's: 0.9990000000000001 is clipped (ForecastBench has three).
  if (max > MAX_PROBABILITY) return false;
  if (min >= MIN_PROBABILITY) return true;
  if (min <= 0) return false;
  const scale = MIN_PROBABILITY / min;
  const atFloor = v.filter((p) => Math.abs(p * scale - MIN_PROBABILITY) <= eps).length;
  if (scale > 1 + atFloor * MIN_PROBABILITY + eps) return false;
  return v.every((p) => p * scale <= MAX_PROBABILITY + eps);
}

/**
 * The vector the desk stores for an imported forecast, exactly what the scorer uses for it: a binary
 * [P(no), P(yes)] becomes [1 − c, c] with c = P(yes) clipped (as lib/report does); a scenario vector
 * already in stored form is kept as given, anything else is read by docs/exchange-format.md §6.1 (divide by
 * the sum; clip into [0.001, 0.999] and divide again when needed). `clipped` counts as the scorer does.
 */
export function storedForecastVector(type: QuestionType, raw: readonly number[]): { probabilities: number[]; clipped: boolean } {
  if (type === "binary") return clipDatasetForecast("binary", raw);
  if (isStoredForm(raw)) return { probabilities: [...raw], clipped: false };
  return readForecastVector(raw);
}

/** Whether two vectors are the same stored forecast (entries equal within 1e-12). */
export function sameForecastVector(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((p, k) => Math.abs(p - b[k]) <= SAME_VECTOR_TOLERANCE);
}
