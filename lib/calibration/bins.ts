import type { CalibrationSample } from "./samples";
import { jeffreysInterval } from "./jeffreys-interval";

// Reliability bins and the Murphy decomposition (docs/formulas.md §9.2–§9.5; docs/report-format.md §6).

export interface CalibrationBin {
  lo: number;
  hi: number;
  /** Weight sum of the bin's samples. */
  n: number;
  meanForecast: number | null;
  observed: number | null;
  jeffreysLo: number | null;
  jeffreysHi: number | null;
}

export interface Calibration {
  bins: CalibrationBin[];
  brier: number | null;
  reliability: number | null;
  resolution: number | null;
  uncertainty: number | null;
  residual: number | null;
}

/** Bin of a forecast: min(B − 1, floor(p·B + 1e−9)), so 0.3 falls in [0.3, 0.4) despite float noise. */
export function calibrationBinIndex(p: number, binCount: number): number {
  return Math.min(binCount - 1, Math.floor(p * binCount + 1e-9));
}

/**
 * Calibration of weighted samples in B equal bins, with the Murphy (1973) decomposition over the bins:
 * REL = Σ n_b (f̄_b − ō_b)²/N (lower is better), RES = Σ n_b (ō_b − ō)²/N (higher is better),
 * UNC = ō(1 − ō), Brier = Σ w(p − y)²/N, and residual = Brier − (REL − RES + UNC), the within-bin
 * spread binning leaves. Bin statistics are null when a bin is empty; the five terms when N = 0.
 */
export function calibrate(samples: readonly CalibrationSample[], binCount: number): Calibration {
  const accumulator = new CalibrationAccumulator(binCount);
  for (const s of samples) accumulator.add(s.p, s.y, s.w);
  return accumulator.result();
}

/** Collects samples one at a time (no sample objects needed) and gives `calibrate`'s result. */
export class CalibrationAccumulator {
  private readonly weight: Float64Array;
  private readonly weightedForecast: Float64Array;
  private readonly weightedOutcome: Float64Array;
  private total = 0;
  private totalOutcome = 0;
  private squaredError = 0;

  constructor(private readonly binCount: number) {
    this.weight = new Float64Array(binCount);
    this.weightedForecast = new Float64Array(binCount);
    this.weightedOutcome = new Float64Array(binCount);
  }

  add(p: number, y: 0 | 1, w: number): void {
    const b = calibrationBinIndex(p, this.binCount);
    this.weight[b] += w;
    this.weightedForecast[b] += w * p;
    this.weightedOutcome[b] += w * y;
    this.total += w;
    this.totalOutcome += w * y;
    this.squaredError += w * (p - y) ** 2;
  }

  result(): Calibration {
    const { binCount, weight, weightedForecast, weightedOutcome, total, totalOutcome, squaredError } = this;
    const bins: CalibrationBin[] = [];
    for (let b = 0; b < binCount; b++) {
      const n = weight[b];
      const lo = b / binCount;
      const hi = (b + 1) / binCount;
      if (n === 0) {
        bins.push({ lo, hi, n: 0, meanForecast: null, observed: null, jeffreysLo: null, jeffreysHi: null });
        continue;
      }
      const k = weightedOutcome[b];
      const interval = jeffreysInterval(k, n);
      bins.push({ lo, hi, n, meanForecast: weightedForecast[b] / n, observed: k / n, jeffreysLo: interval.lo, jeffreysHi: interval.hi });
    }
    if (total === 0) return { bins, brier: null, reliability: null, resolution: null, uncertainty: null, residual: null };
    const base = totalOutcome / total;
    let reliability = 0;
    let resolution = 0;
    for (const bin of bins) {
      if (bin.n === 0) continue;
      reliability += bin.n * ((bin.meanForecast as number) - (bin.observed as number)) ** 2;
      resolution += bin.n * ((bin.observed as number) - base) ** 2;
    }
    reliability /= total;
    resolution /= total;
    const uncertainty = base * (1 - base);
    const brier = squaredError / total;
    return { bins, brier, reliability, resolution, uncertainty, residual: brier - (reliability - resolution + uncertainty) };
  }
}
