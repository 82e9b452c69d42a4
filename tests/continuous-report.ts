// Comparing the app's numeric and date numbers with a report (docs/continuous.md §7; tolerances of
// docs/report-format.md: 1e-9, and 1e-7 for the Jeffreys bounds).
import { expect } from "vitest";
import type { PitCalibration } from "@/lib/continuous/pit-calibration";

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const close = (actual: number | null | undefined, expected: number | null, tol = 1e-9) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol);
};

/** PITCAL of the report (docs/continuous.md §7) against the engine's: 1e-9, Jeffreys bounds 1e-7. */
export function expectSamePitCalibration(actual: PitCalibration, expected: Json) {
  close(actual.n, expected.n);
  expect(actual.bins).toHaveLength(expected.bins.length);
  actual.bins.forEach((b, i) => {
    for (const key of ["lo", "hi", "n", "expected"] as const) close(b[key], expected.bins[i][key]);
  });
  actual.centralIntervals.forEach((c, i) => {
    const e = expected.central_intervals[i];
    close(c.level, e.level);
    close(c.n, e.n);
    close(c.inside, e.inside);
    close(c.coverage, e.coverage);
    close(c.jeffreysLo, e.jeffreys_lo, 1e-7);
    close(c.jeffreysHi, e.jeffreys_hi, 1e-7);
  });
}

