// Median pool (docs/formulas.md §7.1).

/** Median of numbers; an even count takes the mean of the two middle values. Null for none. */
export function medianOf(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median pool of standing forecasts (each a probability vector, one per forecaster; at least one).
 * Binary: the median of P(yes), returned as [1 − m, m]. Multiple choice: the median of each option,
 * then divided by their total so the vector sums to 1. Source: docs/formulas.md §7.1; Good Judgment's crowd median.
 */
export function poolMedian(forecasts: readonly (readonly number[])[], binary: boolean): number[] {
  if (binary) {
    const m = medianOf(forecasts.map((f) => f[1])) as number;
    return [1 - m, m];
  }
  const k = forecasts[0].length;
  const medians: number[] = [];
  for (let o = 0; o < k; o++) medians.push(medianOf(forecasts.map((f) => f[o])) as number);
  const total = medians.reduce((s, m) => s + m, 0);
  return medians.map((m) => m / total);
}
