// Probability helpers shared by reading, scoring and pooling. Probabilities are in [0, 1].

/** Lowest and highest probability the desk stores (docs/formulas.md §2: 0.1 %–99.9 %). */
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
