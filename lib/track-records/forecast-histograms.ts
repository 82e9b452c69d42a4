// Histograms of binary forecasts P(yes): the strip under a reliability diagram and the
// discrimination chart (forecasts on questions that resolved Yes vs No), in the calibration bins.
import { calibrationBinIndex } from "@/lib/calibration/bins";

/** A calibration sample as lib/calibration/samples makes it: forecast P(yes), outcome, weight. */
export interface WeightedForecast {
  p: number;
  y: number;
  w: number;
}

export interface HistogramBin {
  lo: number;
  hi: number;
  /** Weight sum of the forecasts in the bin (a count when every weight is 1). */
  n: number;
}

export interface DiscriminationBin {
  lo: number;
  hi: number;
  /** Weight sum of forecasts on questions that resolved Yes. */
  yes: number;
  /** Weight sum of forecasts on questions that resolved No. */
  no: number;
}


function checkBinCount(binCount: number): void {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`binCount must be an integer ≥ 1, got ${binCount}`);
}

/** Weight of forecasts per equal-width bin of P(yes), the same bins as the calibration. */
export function forecastHistogram(samples: readonly WeightedForecast[], binCount: number): HistogramBin[] {
  checkBinCount(binCount);
  const bins = Array.from({ length: binCount }, (_, b) => ({ lo: b / binCount, hi: (b + 1) / binCount, n: 0 }));
  for (const s of samples) bins[calibrationBinIndex(s.p, binCount)].n += s.w;
  return bins;
}

/**
 * Discrimination: the same bins split by outcome. A forecaster who discriminates well puts the
 * Yes forecasts to the right and the No forecasts to the left.
 */
export function discriminationHistogram(samples: readonly WeightedForecast[], binCount: number): DiscriminationBin[] {
  checkBinCount(binCount);
  const bins = Array.from({ length: binCount }, (_, b) => ({ lo: b / binCount, hi: (b + 1) / binCount, yes: 0, no: 0 }));
  for (const s of samples) {
    const bin = bins[calibrationBinIndex(s.p, binCount)];
    if (s.y === 1) bin.yes += s.w;
    else bin.no += s.w;
  }
  return bins;
}
