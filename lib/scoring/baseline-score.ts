/**
 * Metaculus baseline score of one forecast: 100 · (ln p_o − ln(1/K)) / ln K. 0 for the uniform forecast
 * 1/K, 100 for certainty on the outcome, higher is better. Source: Metaculus scoring FAQ; docs/formulas.md §4.3.
 */
export function baselineScore(pOutcome: number, optionCount: number): number {
  return (100 * (Math.log(pOutcome) - Math.log(1 / optionCount))) / Math.log(optionCount);
}
