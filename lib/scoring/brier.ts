import type { OptionIndex } from "../types";

/**
 * Brier score of one forecast vector: ½ Σ_k (p_k − [k = o])² over K ≥ 2 options; for K = 2 it equals
 * the binary (p − o)² with p = P(yes). Range 0–1, lower is better (Fatebook and Good Judgment report
 * twice this, 0–2). Source: Brier (1950); docs/formulas.md §4.1.
 */
export function brierScore(p: readonly number[], outcome: OptionIndex): number {
  if (!Number.isInteger(outcome) || outcome < 0 || outcome >= p.length) {
    throw new RangeError(`outcome must be an option index 0..${p.length - 1}, got ${outcome}`);
  }
  let sum = 0;
  for (let k = 0; k < p.length; k++) sum += (p[k] - (k === outcome ? 1 : 0)) ** 2;
  return sum / 2;
}

/** Binary Brier score (p − o)² of P(yes) = p against o ∈ {0, 1}. Range 0–1, lower is better. Brier (1950). */
export function binaryBrierScore(pYes: number, outcome: 0 | 1): number {
  return (pYes - outcome) ** 2;
}
