import { jStat } from "jstat";

/**
 * 95 % Jeffreys interval for an observed frequency k/n (k and n may be non-integer weight sums): the
 * 0.025 and 0.975 quantiles of Beta(k + ½, n − k + ½), with no special case at k = 0 or k = n.
 * Source: Brown, Cai & DasGupta (2001); docs/formulas.md §9.4; quantiles by jStat.
 */
export function jeffreysInterval(k: number, n: number): { lo: number; hi: number } {
  return { lo: jStat.beta.inv(0.025, k + 0.5, n - k + 0.5), hi: jStat.beta.inv(0.975, k + 0.5, n - k + 0.5) };
}
