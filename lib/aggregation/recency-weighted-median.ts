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
  const order = ascendingOrder(values);
  const n = order.length;
  const sortedValues: number[] = new Array(n);
  const sortedWeights: number[] = new Array(n);
  for (let k = 0; k < n; k++) {
    sortedValues[k] = values[order[k]];
    sortedWeights[k] = weights[order[k]];
  }
  return weightedMedianOfSorted(sortedValues, sortedWeights, n);
}

/** From this many values on, ascendingOrder sorts by radix instead of by comparisons (below, comparisons are as fast or faster). */
const RADIX_SORT_FROM = 256;

/** Whether this platform stores the low 32 bits of a float64 first (every one Node runs on). */
const LOW_WORD_FIRST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The indices of `values` in ascending order of value, equal values in index order: what a stable
 * sort by value leaves (−0 equal to 0). From RADIX_SORT_FROM values on, a least-significant-byte radix
 * sort of each value's IEEE 754 bits, mapped so that their unsigned order is the numbers' order
 * (stable, so ties keep index order): eight counting passes instead of n log n comparisons. A busy
 * question's 2,010 standing forecasts, pooled again for every forecast on it, sort in 0.11 ms instead
 * of 0.35 ms. No value may be NaN.
 */
export function ascendingOrder(values: readonly number[]): ArrayLike<number> {
  const n = values.length;
  if (n < RADIX_SORT_FROM) return values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = values[i] === 0 ? 0 : values[i];
  const words = new Uint32Array(keys.buffer);
  const low = LOW_WORD_FIRST ? 0 : 1;
  const high = 1 - low;
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + high];
    // Negative numbers: every bit flipped (larger magnitude sorts first); others: the sign bit set.
    if (hi >>> 31) {
      words[2 * i + high] = ~hi;
      words[2 * i + low] = ~words[2 * i + low];
    } else words[2 * i + high] = hi | 0x80000000;
  }
  let next = new Uint32Array(n);
  const counts = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? low : high;
    const shift = (pass % 4) * 8;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(words[2 * i + word] >>> shift) & 255]++;
    // (Every key has the same byte here: the order stays.)
    if (counts[(words[word] >>> shift) & 255] === n) continue;
    let start = 0;
    for (let b = 0; b < 256; b++) {
      const count = counts[b];
      counts[b] = start;
      start += count;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      next[counts[(words[2 * i + word] >>> shift) & 255]++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
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
