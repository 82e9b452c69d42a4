import { crowdForecastAt } from "../aggregation/crowd-forecast";
import { compareCodePoints } from "../code-point-order";
import { actualCloseTime, countedForecasts, standingForecastsAt } from "../standing-forecast";
import type { AggregationMethod, ForecastRecord, ScoringParams, ScoringQuestion } from "../types";

// Calibration samples (docs/formulas.md §9.1; docs/report-format.md §6). Only resolved binary questions give
// samples; the functions return none for any other question.

export interface CalibrationSample {
  /** Forecast P(yes). */
  p: number;
  /** Outcome: 1 = yes, 0 = no. */
  y: 0 | 1;
  /** Weight > 0. */
  w: number;
  forecaster?: string;
  question?: string;
}

function binaryOutcome(q: ScoringQuestion): 0 | 1 | null {
  if (q.type !== "binary" || q.outcome?.kind !== "option") return null;
  return q.outcome.option === 1 ? 1 : 0;
}

/** One sample per forecaster with a counted forecast: the standing P(yes) at Ta, weight 1. */
export function finalSamples(q: ScoringQuestion, forecasts: readonly ForecastRecord[]): CalibrationSample[] {
  const y = binaryOutcome(q);
  if (y === null) return [];
  return standingForecastsAt(countedForecasts(q, forecasts), actualCloseTime(q))
    .sort((a, b) => compareCodePoints(a.forecaster, b.forecaster))
    .map((f) => ({ p: f.probabilities[1], y, w: 1, forecaster: f.forecaster, question: q.id }));
}

/**
 * One sample per counted forecast, weighted by the share of [T0, Ta] it stood: from max(time, T0)
 * until the same forecaster's next counted forecast (or Ta), divided by Ta − T0. Weight-0 forecasts
 * (superseded before T0, replaced in the same millisecond, made at Ta) are left out. In input-sorted order.
 */
export function timeWeightedSamples(q: ScoringQuestion, forecasts: readonly ForecastRecord[]): CalibrationSample[] {
  const y = binaryOutcome(q);
  if (y === null) return [];
  const ta = actualCloseTime(q);
  const t0 = q.openTime;
  const counted = countedForecasts(q, forecasts);
  const nextStart = new Map<string, number>();
  const stood = new Float64Array(counted.length);
  // Walk newest first so each forecast sees when its forecaster's next one took effect.
  for (let i = counted.length - 1; i >= 0; i--) {
    const f = counted[i];
    const start = Math.max(f.time, t0);
    const end = nextStart.get(f.forecaster) ?? ta;
    stood[i] = Math.max(0, end - start);
    nextStart.set(f.forecaster, start);
  }
  const samples: CalibrationSample[] = [];
  counted.forEach((f, i) => {
    if (stood[i] > 0) samples.push({ p: f.probabilities[1], y, w: stood[i] / (ta - t0), forecaster: f.forecaster, question: q.id });
  });
  return samples;
}

/** The sample of one aggregation method: its crowd P(yes) at Ta, weight 1; null without one. */
export function aggregateSample(
  q: ScoringQuestion,
  forecasts: readonly ForecastRecord[],
  method: AggregationMethod,
  params?: Partial<ScoringParams>,
): CalibrationSample | null {
  const y = binaryOutcome(q);
  if (y === null) return null;
  const pooled = crowdForecastAt(q, forecasts, actualCloseTime(q), method, params);
  return pooled === null ? null : { p: pooled[1], y, w: 1, question: q.id };
}
