// Linear opinion pool (docs/formulas.md §7.2).

/**
 * Arithmetic mean of standing forecasts, option by option (binary: of P(yes), as [1 − m, m]).
 * The mean of vectors summing to 1 sums to 1. Source: docs/formulas.md §7.2; Stone (1961), linear opinion pool.
 */
export function poolMean(forecasts: readonly (readonly number[])[], binary: boolean): number[] {
  const n = forecasts.length;
  if (binary) {
    let sum = 0;
    for (const f of forecasts) sum += f[1];
    const m = sum / n;
    return [1 - m, m];
  }
  const k = forecasts[0].length;
  const sums = new Array<number>(k).fill(0);
  for (const f of forecasts) for (let o = 0; o < k; o++) sums[o] += f[o];
  return sums.map((s) => s / n);
}
