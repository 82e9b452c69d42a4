import { downsampleSteps } from "../aggregation/crowd-series";
import { poolCdfs } from "./aggregation";
import { quantileLocation, quantileLocationOf } from "./cdf";
import { CDF_POINTS as SCALE_CDF_POINTS, INNER_BUCKETS } from "./scale";
import type { ContinuousForecastRecord } from "./types";

// The crowd's distribution on a numeric or date question over time: at every moment the standing
// forecasts change, the recency-weighted mean of their CDFs (docs/continuous.md "The crowd's
// distribution"; Metaculus' community prediction for continuous questions, aggregations.py
// `RecencyWeighted`), summarised by its 5, 25, 50, 75 and 95 % quantiles for a fan chart.
//
// Pooling every standing CDF again at each change point costs O(n · 201) per point: 4·10⁹ operations for
// 10,000 forecasts by 2,000 forecasters. Here the pool is kept as running sums S = Σ f(rank)·cdf and
// W = Σ f(rank), with f(i) = exp(√i − c) (the weights exp(√i − √n) times a constant, which cancels):
// a new forecaster adds one term (201 operations). An update removes the forecaster's old forecast, and
// every newer standing forecast moves down one rank, f(i) → f(i − 1): the sums are corrected when few
// forecasts are newer, and otherwise set aside. While they are set aside a point reads the pool only
// where the quantile search looks (about 25 of the 201 values, each a weighted sum over the standing
// forecasts), and the sums are rebuilt once a run of changes shows they would survive (new forecasters,
// updates of recent forecasts).

/** The quantile levels of the fan chart: its median, 50 % and 90 % central intervals. */
export const FAN_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface CrowdDistributionPoint {
  /** From this instant (epoch ms) the crowd's distribution is this one until the next point's time. */
  time: number;
  /** How many forecasters' standing forecasts were pooled. */
  forecasters: number;
  /** The pooled CDF's quantiles at FAN_LEVELS, as internal locations (cdf.ts quantileLocation, 0…1). */
  locations: number[];
}

export interface CrowdDistributionHistory {
  /** The change points (at most `maxPoints` of them, chosen as downsampleSteps chooses). */
  points: CrowdDistributionPoint[];
  /** How many change points the whole history has. */
  changePoints: number;
  /** The pool of the forecasts standing after the last one: poolCdfs(standing, "recency_weighted_mean"). */
  current: Float64Array | null;
}

/** A local binding: an imported constant read in a hot loop costs a module getter call per read in some bundlers. */
const CDF_POINTS = SCALE_CDF_POINTS;

/** Rebuilding the sums costs 201 weighted sums, a point read without them about 15 (W and ~14 probes). */
const REBUILD_AFTER = 12;

let scratch = new Float64Array(0);
/**
 * A buffer of at least `length` doubles, kept between calls: 16 MB for 10,000 forecasts, and a fresh
 * buffer of that size costs more in page faults than the whole sweep. Only this synchronous function uses
 * it, and it writes every value it reads.
 */
function columnScratch(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, Math.ceil(scratch.length * 1.5)));
  return scratch;
}

/**
 * The recency-weighted mean at every change point of `counted` (countedForecasts order: by time, ties by
 * input order, only forecasts made by Ta), each the pool of the forecasts standing just after the
 * forecasts made at that instant take effect at max(time, T0); or, with `maxPoints`, at the change points
 * downsampleSteps keeps (the first and last of each time bucket). Equal to poolCdfs over
 * standingForecastsAt at each point up to rounding (the sums are added in another order).
 */
export function recencyWeightedMeanHistory(
  openTime: number,
  counted: readonly ContinuousForecastRecord[],
  maxPoints = Number.POSITIVE_INFINITY,
): CrowdDistributionHistory {
  const total = counted.length;
  if (total === 0) return { points: [], changePoints: 0, current: null };

  // The change points, then which of them to compute.
  const changeTimes: Array<{ time: number; index: number }> = [];
  for (let i = 0; i < total; i++) {
    const time = Math.max(counted[i].time, openTime);
    if (changeTimes.length === 0 || changeTimes[changeTimes.length - 1].time !== time) changeTimes.push({ time, index: changeTimes.length });
  }
  const wanted = new Uint8Array(changeTimes.length);
  for (const p of downsampleSteps(changeTimes, maxPoints)) wanted[p.index] = 1;

  // f(i) = exp(√i − c) for ranks i = 1…total; c keeps every weight between exp(−600) and exp(700).
  const offset = Math.min(Math.sqrt(total), 600);
  const weightOfRank = new Float64Array(total + 1);
  for (let i = 1; i <= total; i++) weightOfRank[i] = Math.exp(Math.sqrt(i) - offset);

  // The CDFs column by column as well (columns[j·total + seq]): a probe of value j then reads the standing
  // forecasts' j-th values in memory order (standing seqs increase with rank).
  const columns = columnScratch(CDF_POINTS * total);
  for (let seq = 0; seq < total; seq++) {
    const cdf = counted[seq].cdf;
    for (let j = 0; j < CDF_POINTS; j++) columns[j * total + seq] = cdf[j];
  }
  const standing = new Int32Array(total); // seqs (positions in `counted`), oldest first
  const rankOf = new Int32Array(total);
  let n = 0;
  const standingSeqOf = new Map<string, number>();
  const sums = new Float64Array(CDF_POINTS);
  let weightSum = 0;
  let sumsValid = true;
  /** Changes in a row that kept the sums (or would have kept them). */
  let cheapChanges = 0;

  const addTerm = (seq: number, w: number) => {
    const cdf = counted[seq].cdf;
    for (let j = 0; j < CDF_POINTS; j++) sums[j] += w * cdf[j];
    weightSum += w;
  };
  const rebuild = () => {
    sums.fill(0);
    weightSum = 0;
    for (let k = 0; k < n; k++) addTerm(standing[k], weightOfRank[k + 1]);
    sumsValid = true;
  };
  const append = (seq: number) => {
    standing[n] = seq;
    rankOf[seq] = n;
    n++;
    cheapChanges++;
    if (sumsValid) addTerm(seq, weightOfRank[n]);
  };
  const remove = (seq: number) => {
    const r = rankOf[seq];
    const newer = n - 1 - r;
    const cheap = newer * 8 <= n;
    cheapChanges = cheap ? cheapChanges + 1 : 0;
    if (sumsValid && cheap) {
      // Each newer forecast at rank k (weight f(k + 1)) moves to rank k − 1 (weight f(k)).
      for (let k = r + 1; k < n; k++) addTerm(standing[k], weightOfRank[k] - weightOfRank[k + 1]);
      addTerm(seq, -weightOfRank[r + 1]);
    } else sumsValid = false;
    standing.copyWithin(r, r + 1, n);
    n--;
    for (let k = r; k < n; k++) rankOf[standing[k]] = k;
  };

  const pooled = new Float64Array(CDF_POINTS);
  const read = new Uint8Array(CDF_POINTS);
  /** The quantiles now; `previous`, those of the last point computed, tell the searches where to start. */
  const locationsNow = (previous: readonly number[] | undefined): number[] => {
    if (n <= 2) {
      // All weights 1 (recencyWeights): the plain mean of one or two CDFs.
      const a = counted[standing[0]].cdf;
      const b = counted[standing[n - 1]].cdf;
      for (let j = 0; j < CDF_POINTS; j++) pooled[j] = (a[j] + b[j]) / 2;
      return FAN_LEVELS.map((p) => quantileLocation(pooled, p));
    }
    // Rebuild the sums once they would have survived the last REBUILD_AFTER changes (new forecasters, or
    // updates with few newer forecasts): while old forecasts keep being updated, a rebuild is lost again.
    if (!sumsValid && cheapChanges >= REBUILD_AFTER) rebuild();
    if (sumsValid) {
      for (let j = 0; j < CDF_POINTS; j++) pooled[j] = sums[j] / weightSum;
      return FAN_LEVELS.map((p) => quantileLocation(pooled, p));
    }
    // Only the values the searches read, each a weighted sum over the standing forecasts.
    let w = 0;
    for (let k = 0; k < n; k++) w += weightOfRank[k + 1];
    read.fill(0);
    const valueAt = (j: number): number => {
      if (read[j] === 0) {
        let s = 0;
        const base = j * total;
        for (let k = 0; k < n; k++) s += weightOfRank[k + 1] * columns[base + standing[k]];
        pooled[j] = s / w;
        read[j] = 1;
      }
      return pooled[j];
    };
    return FAN_LEVELS.map((p, k) => quantileLocationOf(valueAt, p, previous?.[k] === undefined ? undefined : previous[k] * INNER_BUCKETS));
  };

  const points: CrowdDistributionPoint[] = [];
  let i = 0;
  for (let c = 0; c < changeTimes.length; c++) {
    const time = changeTimes[c].time;
    while (i < total && Math.max(counted[i].time, openTime) === time) {
      const previous = standingSeqOf.get(counted[i].forecaster);
      if (previous !== undefined) remove(previous);
      append(i);
      standingSeqOf.set(counted[i].forecaster, i);
      i++;
    }
    if (wanted[c] === 1) {
      const locations = locationsNow(points.at(-1)?.locations);
      points.push({ time, forecasters: n, locations });
    }
  }
  const last: Float64Array[] = [];
  for (let k = 0; k < n; k++) last.push(counted[standing[k]].cdf);
  return { points, changePoints: changeTimes.length, current: poolCdfs(last, "recency_weighted_mean") };
}
