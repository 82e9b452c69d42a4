import { calibrationBinIndex } from "../calibration/bins";
import { jeffreysInterval } from "../calibration/jeffreys-interval";

// Calibration of continuous forecasts from their PITs (docs/continuous.md "Calibration"): a PIT histogram
// against the N/B a calibrated forecaster puts in each bin, and the central-interval coverage at 50 % and
// 90 % with 95 % Jeffreys intervals.

export interface PitBin {
  lo: number;
  hi: number;
  /** Weight sum of the samples in the bin. */
  n: number;
  /** N/B, the weight a uniform PIT puts in each bin. */
  expected: number;
}

export interface CentralIntervalCoverage {
  level: number;
  n: number;
  /** Weight sum of the samples whose outcome fell inside the forecast's central interval. */
  inside: number;
  coverage: number | null;
  jeffreysLo: number | null;
  jeffreysHi: number | null;
}

export interface PitCalibration {
  n: number;
  bins: PitBin[];
  centralIntervals: CentralIntervalCoverage[];
}

/**
 * The central intervals checked, with their PIT bounds written as decimals ((1 − 0.9)/2 is
 * 0.04999999999999999 in floating point). An outcome lies inside the level-L interval
 * [Q((1−L)/2), Q((1+L)/2)] exactly when lo ≤ PIT ≤ hi (within 1e-9).
 */
export const CENTRAL_INTERVALS = [
  { level: 0.5, lo: 0.25, hi: 0.75 },
  { level: 0.9, lo: 0.05, hi: 0.95 },
] as const;

const PIT_TOLERANCE = 1e-9;

/** Whether a PIT lies in a central interval's bounds, with the 1e-9 allowance. */
export function insideCentralInterval(pitValue: number, interval: { lo: number; hi: number }): boolean {
  return pitValue >= interval.lo - PIT_TOLERANCE && pitValue <= interval.hi + PIT_TOLERANCE;
}

/** Collects weighted PIT samples one at a time. A sample goes to bin min(B − 1, ⌊PIT·B + 1e−9⌋). */
export class PitCalibrationAccumulator {
  private readonly weight: Float64Array;
  private readonly inside = new Float64Array(CENTRAL_INTERVALS.length);
  private total = 0;

  constructor(private readonly binCount: number) {
    this.weight = new Float64Array(binCount);
  }

  add(pitValue: number, w: number): void {
    this.weight[calibrationBinIndex(pitValue, this.binCount)] += w;
    this.total += w;
    CENTRAL_INTERVALS.forEach((interval, k) => {
      if (insideCentralInterval(pitValue, interval)) this.inside[k] += w;
    });
  }

  result(): PitCalibration {
    const { binCount, total } = this;
    const bins: PitBin[] = [];
    for (let b = 0; b < binCount; b++) bins.push({ lo: b / binCount, hi: (b + 1) / binCount, n: this.weight[b], expected: total / binCount });
    const centralIntervals = CENTRAL_INTERVALS.map((interval, k): CentralIntervalCoverage => {
      const inside = this.inside[k];
      if (total === 0) return { level: interval.level, n: 0, inside: 0, coverage: null, jeffreysLo: null, jeffreysHi: null };
      const bounds = jeffreysInterval(inside, total);
      return { level: interval.level, n: total, inside, coverage: inside / total, jeffreysLo: bounds.lo, jeffreysHi: bounds.hi };
    });
    return { n: total, bins, centralIntervals };
  }
}

/** Calibration of a list of weighted PITs. */
export function calibratePits(samples: readonly { pit: number; weight: number }[], binCount: number): PitCalibration {
  const accumulator = new PitCalibrationAccumulator(binCount);
  for (const s of samples) accumulator.add(s.pit, s.weight);
  return accumulator.result();
}
