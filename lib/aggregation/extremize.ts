import { poolGeometricOdds } from "./geometric-odds";

/** Default extremizing factor d (docs/formulas.md §7.5; Satopää et al. 2014, Baron et al. 2014). */
export const DEFAULT_EXTREMIZE_D = 1.5;

/**
 * Extremized pool: geometric_odds with the mean log-odds (binary) or mean log-probabilities
 * (multiple choice) multiplied by d > 1, pushing the crowd away from 50 %. Source: docs/formulas.md §7.5;
 * Satopää et al. (2014), Baron et al. (2014).
 */
export function poolExtremized(
  forecasts: readonly (readonly number[])[],
  binary: boolean,
  d: number = DEFAULT_EXTREMIZE_D,
): number[] {
  return poolGeometricOdds(forecasts, binary, d);
}
