// How an imported forecast is compared with a stored one, so that importing a file twice changes nothing.
// Forecasts are stored exactly as given (0 and 1 included): the engine clips them when it reads them
// (lib/probability readForecast), so an export gives back what was imported.

/** Two stored vectors are the same forecast when every entry agrees within this. */
export const SAME_VECTOR_TOLERANCE = 1e-12;

/**
 * Whether two vectors are the same stored forecast (entries equal within 1e-12). The tolerance covers
 * P(no) = 1 − P(yes) of a binary forecast, which the app computes from a percentage (70 % → exactly
 * [0.3, 0.7]) and a file import from P(yes) (1 − 0.7 = 0.30000000000000004).
 */
export function sameForecastVector(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((p, k) => Math.abs(p - b[k]) <= SAME_VECTOR_TOLERANCE);
}
