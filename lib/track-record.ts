import type { ScoreRow } from "./scoring/question-scores";

// A forecaster's track record over score rows (docs/formulas.md §6.1; docs/report-format.md §5).

export interface ForecasterSummary {
  nQuestions: number;
  meanFinalBrier: number | null;
  meanBrierTimeAvg: number | null;
  meanRelativeBrier: number | null;
  meanFinalLogScore: number | null;
  meanBaseline: number | null;
  sumBaseline: number;
  meanPeer: number | null;
  sumPeer: number;
  meanCoverage: number | null;
}

/** Mean of the non-null values; null over none. */
export function meanOf(values: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Summarises one forecaster's rows (pass only theirs, e.g. the resolved questions of a period or tag):
 * count, means (a mean skips nulls and is null over nothing) and the sums of baseline and peer (0 over
 * nothing). Source: docs/formulas.md §6.1; Metaculus sums baseline and peer scores.
 */
export function summariseForecaster(rows: readonly ScoreRow[]): ForecasterSummary {
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    nQuestions: rows.length,
    meanFinalBrier: meanOf(rows.map((r) => r.finalBrier)),
    meanBrierTimeAvg: meanOf(rows.map((r) => r.brierTimeAvg)),
    meanRelativeBrier: meanOf(rows.map((r) => r.relativeBrier)),
    meanFinalLogScore: meanOf(rows.map((r) => r.finalLogScore)),
    meanBaseline: meanOf(rows.map((r) => r.baseline)),
    sumBaseline: sum(rows.map((r) => r.baseline)),
    meanPeer: meanOf(rows.map((r) => r.peer)),
    sumPeer: sum(rows.map((r) => r.peer)),
    meanCoverage: meanOf(rows.map((r) => r.coverage)),
  };
}
