import { compareCodePoints } from "../code-point-order";
import { actualCloseTime, countedForecasts } from "../standing-forecast";
import { poolCdfs } from "./aggregation";
import { bucketProbability } from "./cdf";
import { continuousBaselineScore, crps, pit } from "./forecast-scores";
import { openBoundCount, outcomeBucket, outcomeLocation } from "./scale";
import {
  CONTINUOUS_AGGREGATION_METHODS,
  type ContinuousAggregationMethod,
  type ContinuousForecastRecord,
  type ContinuousScoringQuestion,
} from "./types";

// Every score of one numeric or date question (docs/continuous.md "Per forecaster and question"). The
// timing rules are those of binary questions: one sweep over the moments the standing forecasts change;
// per-forecaster integrals are settled lazily when that forecaster changes, the crowd's peer terms are
// running integrals. A pure function: the rows it returns are what a score table keeps.

export type ContinuousQuestionStatus = "resolved" | "annulled" | "unresolved";

export interface ContinuousScoreRow {
  question: string;
  forecaster: string;
  /** The standing CDF at Ta. */
  finalCdf: Float64Array;
  /** ln pmf[o] of the standing forecast at Ta. */
  finalLogScore: number;
  /** Σ 100·ln(pmf[o]/base)/2 · duration/(Tc − T0) over the covered time. */
  baseline: number;
  /** Σ 100·n/(n−1)·(ln pmf_u[o] − mean_v ln pmf_v[o])/2 · duration/(Tc − T0); 0 while n = 1. */
  peer: number;
  /** Covered time / (Tc − T0). */
  coverage: number;
  /** CRPS of the standing forecast at Ta (internal scale, ≥ 0, 0 perfect). */
  crps: number;
  /** The standing forecast's CRPS averaged over the covered time; null when it has zero length. */
  crpsTimeAvg: number | null;
  /** PIT of the standing forecast at Ta. */
  pit: number;
}

export interface ContinuousAggregateScore {
  logScore: number;
  crps: number;
  pit: number;
}

export interface ContinuousQuestionScores {
  questionId: string;
  status: ContinuousQuestionStatus;
  actualCloseTime: number;
  /** The crowd's CDF at Ta per method; null when no forecast counts. */
  aggregates: Record<ContinuousAggregationMethod, Float64Array | null>;
  /** Each aggregate scored as a forecast at Ta; null unless resolved and the aggregate exists. */
  aggregateScores: Record<ContinuousAggregationMethod, ContinuousAggregateScore | null>;
  /** u_y of a resolved question (below 0 or above 1 beyond the range); null otherwise. */
  resolutionU: number | null;
  /** The outcome's bucket 0…201 of a resolved question; null otherwise. */
  resolutionBucket: number | null;
  /** One row per forecaster with a counted forecast, sorted by forecaster; empty unless resolved. */
  rows: ContinuousScoreRow[];
}

/** A time-weighted calibration sample: a counted forecast's PIT and the share of [T0, Ta] it stood. */
export interface WeightedPit {
  forecaster: string;
  pit: number;
  weight: number;
}

export function continuousQuestionStatus(q: ContinuousScoringQuestion): ContinuousQuestionStatus {
  if (q.outcome === null) return "unresolved";
  return q.outcome.kind === "annulled" ? "annulled" : "resolved";
}

/**
 * Scores a continuous question from its forecasts (input order, CDFs already rounded and validated).
 * Aggregates are taken at Ta for every status; rows, aggregate scores and the time-weighted PIT samples
 * (weight > 0 only, in time order) only for a resolved question.
 */
export function scoreContinuousQuestion(
  q: ContinuousScoringQuestion,
  forecasts: readonly ContinuousForecastRecord[],
): { scores: ContinuousQuestionScores; timeWeightedPits: WeightedPit[] } {
  const ta = actualCloseTime(q);
  const counted = countedForecasts(q, forecasts);
  // Each forecaster's last counted forecast stands at Ta; walking `counted` keeps the recency order.
  const lastOf = new Map<string, number>();
  for (let i = 0; i < counted.length; i++) lastOf.set(counted[i].forecaster, i);
  const standing: Float64Array[] = [];
  for (let i = 0; i < counted.length; i++) if (lastOf.get(counted[i].forecaster) === i) standing.push(counted[i].cdf);

  const outcome = q.outcome?.kind === "value" ? q.outcome.value : null;
  const uy = outcome === null ? null : outcomeLocation(q.scale, outcome);
  const o = outcome === null ? null : outcomeBucket(q.scale, outcome);
  const aggregates = {} as Record<ContinuousAggregationMethod, Float64Array | null>;
  const aggregateScores = {} as Record<ContinuousAggregationMethod, ContinuousAggregateScore | null>;
  for (const method of CONTINUOUS_AGGREGATION_METHODS) {
    const pooled = poolCdfs(standing, method);
    aggregates[method] = pooled;
    aggregateScores[method] =
      pooled !== null && uy !== null && o !== null
        ? { logScore: Math.log(bucketProbability(pooled, o)), crps: crps(pooled, uy), pit: pit(pooled, uy, o) }
        : null;
  }
  const scores: ContinuousQuestionScores = {
    questionId: q.id,
    status: continuousQuestionStatus(q),
    actualCloseTime: ta,
    aggregates,
    aggregateScores,
    resolutionU: uy,
    resolutionBucket: o,
    rows: [],
  };
  if (uy === null || o === null) return { scores, timeWeightedPits: [] };
  const swept = sweepContinuousRows(q, counted, uy, o, ta);
  scores.rows = swept.rows;
  return { scores, timeWeightedPits: swept.timeWeightedPits };
}

function sweepContinuousRows(
  q: ContinuousScoringQuestion,
  counted: readonly ContinuousForecastRecord[],
  uy: number,
  o: number,
  ta: number,
): { rows: ContinuousScoreRow[]; timeWeightedPits: WeightedPit[] } {
  const t0 = q.openTime;
  const scheduledWindow = q.closeTime - t0;
  const n = counted.length;
  const openBounds = openBoundCount(q.scale);

  const logP = new Float64Array(n);
  const baseline = new Float64Array(n);
  const crpsOf = new Float64Array(n);
  const pitOf = new Float64Array(n);
  const forecasterOf = new Int32Array(n);
  const names: string[] = [];
  const numberOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = counted[i];
    logP[i] = Math.log(bucketProbability(f.cdf, o));
    baseline[i] = continuousBaselineScore(f.cdf, o, openBounds);
    crpsOf[i] = crps(f.cdf, uy);
    pitOf[i] = pit(f.cdf, uy, o);
    let u = numberOf.get(f.forecaster);
    if (u === undefined) {
      u = names.length;
      numberOf.set(f.forecaster, u);
      names.push(f.forecaster);
    }
    forecasterOf[i] = u;
  }

  const m = names.length;
  const current = new Int32Array(m).fill(-1);
  const since = new Float64Array(m);
  const firstAt = new Float64Array(m); // F = max(first counted forecast, T0)
  const peerGainAt = new Float64Array(m);
  const peerCrowdAt = new Float64Array(m);
  const baselineIntegral = new Float64Array(m);
  const crpsIntegral = new Float64Array(m);
  const peerIntegral = new Float64Array(m);
  const stood = new Float64Array(n);

  // With N ≥ 2 standing and S = Σ ln pmf_v[o], u's peer score is 50·(N/(N−1)·ln pmf_u[o] − S/(N−1)),
  // so ∫peer = 50·(ln pmf_u[o]·∫N/(N−1) − ∫S/(N−1)) while u's forecast stands.
  let standingCount = 0;
  let logSum = 0;
  let peerGain = 0;
  let peerCrowd = 0;
  let clock = t0;
  const advanceTo = (t: number): void => {
    const length = t - clock;
    if (length > 0 && standingCount >= 2) {
      peerGain += (length * standingCount) / (standingCount - 1);
      peerCrowd += (length * logSum) / (standingCount - 1);
    }
    clock = t;
  };
  const settle = (u: number, t: number): void => {
    const j = current[u];
    const length = t - since[u];
    stood[j] += length;
    baselineIntegral[u] += baseline[j] * length;
    crpsIntegral[u] += crpsOf[j] * length;
    peerIntegral[u] += 50 * (logP[j] * (peerGain - peerGainAt[u]) - (peerCrowd - peerCrowdAt[u]));
    since[u] = t;
    peerGainAt[u] = peerGain;
    peerCrowdAt[u] = peerCrowd;
  };

  let i = 0;
  while (i < n) {
    const t = Math.max(counted[i].time, t0); // a forecast made before T0 stands from T0
    advanceTo(t);
    for (; i < n && Math.max(counted[i].time, t0) === t; i++) {
      const u = forecasterOf[i];
      const previous = current[u];
      if (previous >= 0) {
        settle(u, t);
        standingCount--;
        logSum -= logP[previous];
      } else {
        firstAt[u] = t;
        since[u] = t;
        peerGainAt[u] = peerGain;
        peerCrowdAt[u] = peerCrowd;
      }
      current[u] = i;
      standingCount++;
      logSum += logP[i];
    }
  }
  advanceTo(ta);

  const rows: ContinuousScoreRow[] = [];
  for (let u = 0; u < m; u++) {
    settle(u, ta);
    const j = current[u];
    const covered = ta - firstAt[u];
    rows.push({
      question: q.id,
      forecaster: names[u],
      finalCdf: counted[j].cdf,
      finalLogScore: logP[j],
      baseline: baselineIntegral[u] / scheduledWindow,
      peer: peerIntegral[u] / scheduledWindow,
      coverage: covered / scheduledWindow,
      crps: crpsOf[j],
      crpsTimeAvg: covered > 0 ? crpsIntegral[u] / covered : null,
      pit: pitOf[j],
    });
  }
  rows.sort((a, b) => compareCodePoints(a.forecaster, b.forecaster));
  const window = ta - t0;
  const timeWeightedPits: WeightedPit[] = [];
  for (let k = 0; k < n; k++) {
    if (stood[k] > 0) timeWeightedPits.push({ forecaster: counted[k].forecaster, pit: pitOf[k], weight: stood[k] / window });
  }
  return { rows, timeWeightedPits };
}
