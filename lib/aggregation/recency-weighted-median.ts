import { MIN_PROBABILITY } from "../probability";

// Recency-weighted median, Metaculus' community prediction (docs/formulas.md §7.3).

/**
 * Recency weights for n standing forecasts ordered oldest first: w_i = exp(√i − √n), i = 1..n, and all
 * weights 1 when n ≤ 2. Source: Metaculus utils/the_math/aggregations.py, RecencyWeighted.
 */
export function recencyWeights(n: number): number[] {
  const weights: number[] = [];
  const rootN = Math.sqrt(n);
  for (let i = 1; i <= n; i++) weights.push(n <= 2 ? 1 : Math.exp(Math.sqrt(i) - rootN));
  return weights;
}

/**
 * Weighted median: sort the values, and average the first value whose cumulative weight divided by the
 * total is ≥ ½ with the first whose cumulative weight divided by the total is > ½ (docs/formulas.md §7.3).
 * With equal weights this is the plain median. `values` and `weights` have the same non-zero length.
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  return weightedMedianOfSorted(
    order.map((i) => values[i]),
    order.map((i) => weights[i]),
    order.length,
  );
}

/**
 * weightedMedian of the first `n` values already in ascending order (equal values in the order the
 * stable sort of weightedMedian leaves them), each with its weight at the same index. The one
 * definition both weightedMedian and the incremental crowd history (./crowd-series) use.
 */
export function weightedMedianOfSorted(sortedValues: ArrayLike<number>, sortedWeights: ArrayLike<number>, n: number): number {
  let total = 0;
  for (let k = 0; k < n; k++) total += sortedWeights[k];
  let cumulative = 0;
  let atLeastHalf: number | null = null;
  for (let k = 0; k < n; k++) {
    cumulative += sortedWeights[k];
    const share = cumulative / total;
    if (atLeastHalf === null && share >= 0.5) atLeastHalf = sortedValues[k];
    if (share > 0.5) return ((atLeastHalf as number) + sortedValues[k]) / 2;
  }
  // Only reached through rounding (share never above ½): fall back to the largest value.
  const last = sortedValues[n - 1];
  return ((atLeastHalf ?? last) + last) / 2;
}

/**
 * Scenario medians m_k mapped to (m_k − 0.001)/Σ(m − 0.001) · (1 − 0.001K) + 0.001, so they sum to 1
 * and keep every option ≥ 0.001 (docs/formulas.md §7.3; Metaculus community prediction).
 */
export function renormaliseScenarioMedians(medians: readonly number[]): number[] {
  const k = medians.length;
  let excess = 0;
  for (const m of medians) excess += m - MIN_PROBABILITY;
  return medians.map((m) => ((m - MIN_PROBABILITY) / excess) * (1 - MIN_PROBABILITY * k) + MIN_PROBABILITY);
}

/**
 * Recency-weighted median of standing forecasts given oldest first (time as given, ties by input
 * order). Binary: the weighted median of P(yes), as [1 − m, m]. Multiple choice: a weighted median m_k
 * per option, then mapped to (m_k − 0.001)/Σ(m − 0.001) · (1 − 0.001K) + 0.001 so it sums to 1 and
 * keeps every option ≥ 0.001. Source: docs/formulas.md §7.3; Metaculus community prediction.
 */
export function poolRecencyWeightedMedian(forecasts: readonly (readonly number[])[], binary: boolean): number[] {
  const weights = recencyWeights(forecasts.length);
  if (binary) {
    const m = weightedMedian(
      forecasts.map((f) => f[1]),
      weights,
    );
    return [1 - m, m];
  }
  const k = forecasts[0].length;
  const medians: number[] = [];
  for (let o = 0; o < k; o++) {
    medians.push(
      weightedMedian(
        forecasts.map((f) => f[o]),
        weights,
      ),
    );
  }
  return renormaliseScenarioMedians(medians);
}
