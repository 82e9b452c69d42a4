// Probability helpers shared by reading, scoring and pooling. Probabilities are in [0, 1].
import type { ForecastRecord, QuestionType } from "./types";

/**
 * Lowest and highest probability the engine reads (docs/formulas.md §2.2). The app's form accepts
 * 0.1 %–99.9 %; imported forecasts are stored exactly as given, 0 and 1 included, and clipped into
 * this range only when the engine reads them (readForecast below).
 */
export const MIN_PROBABILITY = 0.001;
export const MAX_PROBABILITY = 0.999;

/** Clips a probability into [0.001, 0.999] (docs/formulas.md §2.3). */
export function clipProbability(p: number): number {
  return Math.min(Math.max(p, MIN_PROBABILITY), MAX_PROBABILITY);
}

/**
 * Reads a forecast vector as docs/formulas.md §2.4 says: divide by the sum; if any entry then lies
 * outside [0.001, 0.999], clip every entry into it and divide by the sum again (an entry may end a
 * hair below 0.001: intended). `clipped` is true only when the second step ran: renormalising alone
 * is not clipping. For a binary [1 − p, p] this clips exactly when p is outside [0.001, 0.999].
 */
export function readForecastVector(raw: readonly number[]): { probabilities: number[]; clipped: boolean } {
  let sum = 0;
  for (const p of raw) sum += p;
  const normalised = raw.map((p) => p / sum);
  if (!normalised.some((p) => p < MIN_PROBABILITY || p > MAX_PROBABILITY)) {
    return { probabilities: normalised, clipped: false };
  }
  const clipped = normalised.map(clipProbability);
  let clippedSum = 0;
  for (const p of clipped) clippedSum += p;
  return { probabilities: clipped.map((p) => p / clippedSum), clipped: true };
}

/**
 * A stored (or dataset) forecast as the engine reads it, docs/exchange-format.md §6.1: a binary [P(no), P(yes)]
 * whose P(yes) lies outside [0.001, 0.999] becomes [1 − c, c] with c the clipped P(yes), otherwise it is
 * used as it is; a scenario vector is divided by its sum, and clipped and divided again when needed
 * (readForecastVector). `clipped` says whether clipping happened (renormalising alone is not clipping).
 * Every reader of forecasts (scores, crowd forecasts, charts, calibration) goes through this, once.
 */
export function readForecast(type: QuestionType, raw: readonly number[]): { probabilities: readonly number[]; clipped: boolean } {
  if (type === "binary") {
    const p = raw[1];
    if (p >= MIN_PROBABILITY && p <= MAX_PROBABILITY) return { probabilities: raw, clipped: false };
    const c = clipProbability(p);
    return { probabilities: [1 - c, c], clipped: true };
  }
  return readForecastVector(raw);
}

/** readForecast(type, raw).clipped, without building the vector. */
export function isClippedOnReading(type: QuestionType, raw: readonly number[]): boolean {
  if (type === "binary") return !(raw[1] >= MIN_PROBABILITY && raw[1] <= MAX_PROBABILITY);
  let sum = 0;
  for (let k = 0; k < raw.length; k++) sum += raw[k];
  for (let k = 0; k < raw.length; k++) {
    const p = raw[k] / sum;
    if (p < MIN_PROBABILITY || p > MAX_PROBABILITY) return true;
  }
  return false;
}

/**
 * The forecasts of one question as the engine reads them (readForecast on each), in the same order; a
 * record whose vector does not change is passed through as it is, the others are copied.
 */
export function readForecasts<F extends ForecastRecord>(type: QuestionType, forecasts: readonly F[]): F[] {
  return forecasts.map((f) => {
    if (type === "binary" && !isClippedOnReading(type, f.probabilities)) return f;
    return { ...f, probabilities: readForecast(type, f.probabilities).probabilities };
  });
}

/** Binary probability P(yes) as the lib vector [P(no), P(yes)] (docs/formulas.md §1.1; Metaculus get_pmf). */
export function binaryVector(pYes: number): number[] {
  return [1 - pYes, pYes];
}

/** Log-odds ln(p / (1 − p)); finite for p in (0, 1). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** Logistic function 1 / (1 + e^(−x)), the inverse of logit. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
