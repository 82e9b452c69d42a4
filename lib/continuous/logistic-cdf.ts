import { roundCdfValue } from "./cdf";
import { CDF_POINTS, INNER_BUCKETS } from "./scale";

/**
 * A smooth valid CDF: a logistic distribution on the internal scale (location μ, scale s), its mass
 * inside the range spread as the logistic cut to [0, 1], mixed 2 % with the uniform, with `below` and
 * `above` of the probability beyond the range; rounded to 10 decimals. Metaculus' slider draws one to a
 * few logistic components the same way. Valid (docs/continuous.md "Validation") when the mass inside is
 * at least ½ (so every step is ≥ 0.00005) and s ≥ 0.05 (so no step exceeds 0.2), with `below` 0 or
 * ≥ 0.001 and `above` 0 or ≥ 0.001 matching closed or open bounds. Used for demo and benchmark data.
 */
export function logisticCdf(mu: number, s: number, below: number, above: number): Float64Array {
  const logistic = (u: number) => 1 / (1 + Math.exp(-(u - mu) / s));
  const l0 = logistic(0);
  const l1 = logistic(1);
  const inside = 1 - below - above;
  const cdf = new Float64Array(CDF_POINTS);
  for (let i = 0; i < CDF_POINTS; i++) {
    const u = i / INNER_BUCKETS;
    const shape = 0.98 * ((logistic(u) - l0) / (l1 - l0)) + 0.02 * u;
    cdf[i] = roundCdfValue(below + inside * shape);
  }
  // Closed bounds exactly: shape is 0 at u = 0 and 1 at u = 1 up to rounding.
  cdf[0] = roundCdfValue(below);
  cdf[INNER_BUCKETS] = roundCdfValue(1 - above);
  return cdf;
}
