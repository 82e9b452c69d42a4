// Histograms of binary forecasts P(yes): the strip under a reliability diagram and the
// discrimination chart (forecasts on questions that resolved Yes vs No).

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

/** DESIGN §3 Calibration: bin `min(B−1, floor(p·B + 1e−9))`, so 0.3 falls in [0.3, 0.4) and 1 in the last bin. */
function binOf(p: number, binCount: number): number {
  return Math.min(binCount - 1, Math.floor(p * binCount + 1e-9));
}

function checkBinCount(binCount: number): void {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`binCount must be an integer ≥ 1, got ${binCount}`);
}

/** Weight of forecasts per equal-width bin of P(yes), the same bins as the calibration. */
export function forecastHistogram(samples: readonly WeightedForecast[], binCount: number): HistogramBin[] {
  checkBinCount(binCount);
  const bins = Array.from({ length: binCount }, (_, b) => ({ lo: b / binCount, hi: (b + 1) / binCount, n: 0 }));
  for (const s of samples) bins[binOf(s.p, binCount)].n += s.w;
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
    const bin = bins[binOf(s.p, binCount)];
    if (s.y === 1) bin.yes += s.w;
    else bin.no += s.w;
  }
  return bins;
}
