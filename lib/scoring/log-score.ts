import type { OptionIndex } from "../types";

/**
 * Log score ln p_o of the probability given to what happened. Range (−∞, 0] in nats, higher is better
 * (scoringutils' logs_binary is the negative of this). Source: Good (1952); docs/formulas.md §4.2.
 */
export function logScore(p: readonly number[], outcome: OptionIndex): number {
  return Math.log(p[outcome]);
}
