import { recencyWeights } from "../aggregation/recency-weighted-median";
import { CDF_POINTS } from "./scale";
import type { ContinuousAggregationMethod } from "./types";

// The crowd's distribution on a continuous question: three pools of the standing CDFs, given oldest
// first (docs/continuous.md "Aggregation"). Each is a valid CDF (a weighted mean of valid CDFs is one;
// each step of the pointwise median lies between the smallest and largest step there), so none is repaired.

/**
 * Σ w_i cdf_i / Σ w_i with w_i = exp(√i − √n) (all 1 when n ≤ 2): Metaculus' community prediction for
 * continuous questions, numpy.average(cdfs, axis=0, weights=w).
 * Source: Metaculus aggregations.py `RecencyWeighted`, `MedianAggregatorMixin.calculate_forecast_values`.
 */
export function recencyWeightedMeanCdf(cdfs: readonly ArrayLike<number>[]): Float64Array {
  return weightedMeanCdf(cdfs, recencyWeights(cdfs.length));
}

/** The equal-weight mean of the CDFs. */
export function meanCdf(cdfs: readonly ArrayLike<number>[]): Float64Array {
  return weightedMeanCdf(
    cdfs,
    cdfs.map(() => 1),
  );
}

function weightedMeanCdf(cdfs: readonly ArrayLike<number>[], weights: readonly number[]): Float64Array {
  const pooled = new Float64Array(CDF_POINTS);
  let total = 0;
  for (let i = 0; i < cdfs.length; i++) {
    const w = weights[i];
    const cdf = cdfs[i];
    total += w;
    for (let j = 0; j < CDF_POINTS; j++) pooled[j] += w * cdf[j];
  }
  for (let j = 0; j < CDF_POINTS; j++) pooled[j] /= total;
  return pooled;
}

/** The pointwise median of the CDFs; an even count takes the mean of the two middle values. */
export function medianCdf(cdfs: readonly ArrayLike<number>[]): Float64Array {
  const n = cdfs.length;
  const pooled = new Float64Array(CDF_POINTS);
  const column = new Float64Array(n);
  for (let j = 0; j < CDF_POINTS; j++) {
    for (let i = 0; i < n; i++) column[i] = cdfs[i][j];
    column.sort();
    pooled[j] = n % 2 === 1 ? column[(n - 1) / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
  }
  return pooled;
}

/** Pools standing CDFs (oldest first) with one method; null when there is nothing to pool. */
export function poolCdfs(cdfs: readonly ArrayLike<number>[], method: ContinuousAggregationMethod): Float64Array | null {
  if (cdfs.length === 0) return null;
  switch (method) {
    case "recency_weighted_mean":
      return recencyWeightedMeanCdf(cdfs);
    case "mean":
      return meanCdf(cdfs);
    case "median":
      return medianCdf(cdfs);
  }
}
