import { logit, sigmoid } from "../probability";

// Geometric pooling of odds, optionally extremized (docs/formulas.md §7.4–§7.5).

/**
 * Geometric mean of odds with an extremizing factor d (d = 1: plain geometric_odds).
 * Binary: σ(d · mean_i logit p_i), as [1 − a, a]. Multiple choice: p_k ∝ exp(d · mean_i ln p_ik),
 * normalised to sum 1. Source: docs/formulas.md §7.4; Satopää et al. (2014), Baron et al. (2014).
 */
export function poolGeometricOdds(forecasts: readonly (readonly number[])[], binary: boolean, d = 1): number[] {
  const n = forecasts.length;
  if (binary) {
    let sum = 0;
    for (const f of forecasts) sum += logit(f[1]);
    const a = sigmoid((d * sum) / n);
    return [1 - a, a];
  }
  const k = forecasts[0].length;
  const logSums = new Array<number>(k).fill(0);
  for (const f of forecasts) for (let o = 0; o < k; o++) logSums[o] += Math.log(f[o]);
  const exponents = logSums.map((s) => (d * s) / n);
  const top = Math.max(...exponents);
  const unnormalised = exponents.map((x) => Math.exp(x - top));
  const total = unnormalised.reduce((s, x) => s + x, 0);
  return unnormalised.map((x) => x / total);
}
