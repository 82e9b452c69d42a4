import { poolForecasts } from "../aggregation/crowd-forecast";
import { compareCodePoints } from "../code-point-order";
import { actualCloseTime, countedForecasts } from "../standing-forecast";
import {
  AGGREGATION_METHODS,
  DEFAULT_SCORING_PARAMS,
  type AggregationMethod,
  type ForecastRecord,
  type ScoringParams,
  type ScoringQuestion,
} from "../types";
import { baselineScore } from "./baseline-score";
import { binaryBrierScore, brierScore } from "./brier";
import { OrderStatistics } from "./order-statistics";

// Every score of one question (docs/formulas.md §5, §7.7; docs/report-format.md §3–§4).
// One sweep over the change points, oldest first: between two change points the set of standing
// forecasts is constant, so every integral is a sum of value × duration. Per-forecaster integrals are
// settled lazily when that forecaster changes (O(1)); the crowd terms (median Brier, peer sums) are kept
// as running integrals, so a question with F forecasts costs O(F log F).

export type QuestionScoreStatus = "resolved" | "annulled" | "unresolved";

export interface ScoreRow {
  question: string;
  forecaster: string;
  /** The standing forecast at Ta (binary [P(no), P(yes)]). */
  finalProbabilities: readonly number[];
  finalBrier: number;
  finalLogScore: number;
  /** Mean Brier over the covered time; null when it has zero length. */
  brierTimeAvg: number | null;
  relativeBrier: number;
  baseline: number;
  peer: number;
  coverage: number;
}

export interface AggregateScore {
  brier: number;
  logScore: number;
}

export interface QuestionScores {
  questionId: string;
  status: QuestionScoreStatus;
  actualCloseTime: number;
  /** The crowd forecast at Ta per method (vectors; binary [P(no), P(yes)]); null when no forecast counts. */
  aggregates: Record<AggregationMethod, number[] | null>;
  /** Each aggregate scored as a forecast at Ta; null unless resolved and the aggregate exists. */
  aggregateScores: Record<AggregationMethod, AggregateScore | null>;
  /** One row per forecaster with a counted forecast, sorted by forecaster; empty unless resolved. */
  rows: ScoreRow[];
}

export function questionScoreStatus(q: ScoringQuestion): QuestionScoreStatus {
  if (q.outcome === null) return "unresolved";
  return q.outcome.kind === "annulled" ? "annulled" : "resolved";
}

/** Brier score of a vector, in the binary form (p − o)² on binary questions (equal up to rounding). */
function forecastBrier(q: ScoringQuestion, p: readonly number[], outcome: number): number {
  return q.type === "binary" ? binaryBrierScore(p[1], outcome as 0 | 1) : brierScore(p, outcome);
}

/**
 * Scores one question from its forecasts (input order, as the engine reads them: clipped into [0.001, 0.999]
 * by lib/probability readForecasts).
 * Aggregates are taken at Ta for every status; rows and aggregate scores only for a resolved question.
 */
export function scoreQuestion(
  q: ScoringQuestion,
  forecasts: readonly ForecastRecord[],
  params: Partial<ScoringParams> = {},
): QuestionScores {
  return scoreQuestionInDetail(q, forecasts, params).scores;
}

/**
 * scoreQuestion plus what the sweep saw: the counted forecasts (sorted), their forecasters numbered,
 * and, on a resolved question, how long each stood inside [T0, Ta] in ms (time-weighted calibration reuses it).
 */
export function scoreQuestionInDetail(
  q: ScoringQuestion,
  forecasts: readonly ForecastRecord[],
  params: Partial<ScoringParams> = {},
): { scores: QuestionScores; counted: ForecastRecord[]; forecasters: ForecasterIndex; stood: Float64Array | null } {
  const merged = { ...DEFAULT_SCORING_PARAMS, ...params };
  const ta = actualCloseTime(q);
  const status = questionScoreStatus(q);
  const counted = countedForecasts(q, forecasts);
  const forecasters = indexForecasters(counted);
  // Everything counted is at or before Ta, so each forecaster's standing forecast at Ta is their last
  // counted one (docs/exchange-format.md §6.4); walking `counted` in order keeps the recency order.
  const standing: (readonly number[])[] = [];
  for (let i = 0; i < counted.length; i++) {
    if (forecasters.last[forecasters.of[i]] === i) standing.push(counted[i].probabilities);
  }
  const binary = q.type === "binary";
  const aggregates = {} as Record<AggregationMethod, number[] | null>;
  const aggregateScores = {} as Record<AggregationMethod, AggregateScore | null>;
  for (const method of AGGREGATION_METHODS) {
    const pooled = poolForecasts(standing, binary, method, merged);
    aggregates[method] = pooled;
    aggregateScores[method] =
      pooled !== null && q.outcome?.kind === "option"
        ? { brier: forecastBrier(q, pooled, q.outcome.option), logScore: Math.log(pooled[q.outcome.option]) }
        : null;
  }
  const stood = q.outcome?.kind === "option" ? new Float64Array(counted.length) : null;
  const rows =
    q.outcome?.kind === "option" ? sweepScoreRows(q, counted, forecasters, q.outcome.option, ta, stood as Float64Array) : [];
  return { scores: { questionId: q.id, status, actualCloseTime: ta, aggregates, aggregateScores, rows }, counted, forecasters, stood };
}

/** The forecasters of `counted`, numbered in order of first appearance, with their last position. */
export interface ForecasterIndex {
  names: string[];
  /** of[i]: the number of counted[i]'s forecaster. */
  of: Int32Array;
  /** last[u]: the position in `counted` of forecaster u's last forecast. */
  last: Int32Array;
}

function indexForecasters(counted: readonly ForecastRecord[]): ForecasterIndex {
  const n = counted.length;
  const of = new Int32Array(n);
  const names: string[] = [];
  const numberOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const name = counted[i].forecaster;
    let u = numberOf.get(name);
    if (u === undefined) {
      u = names.length;
      numberOf.set(name, u);
      names.push(name);
    }
    of[i] = u;
  }
  const last = new Int32Array(names.length);
  for (let i = 0; i < n; i++) last[of[i]] = i;
  return { names, of, last };
}

/** Position of `value` in the ascending `sorted` (it must be there). */
function positionIn(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The time-integrated scores of every forecaster on a resolved question (docs/formulas.md §5). */
function sweepScoreRows(
  q: ScoringQuestion,
  counted: readonly ForecastRecord[],
  forecasters: ForecasterIndex,
  outcome: number,
  ta: number,
  stood: Float64Array,
): ScoreRow[] {
  const t0 = q.openTime;
  const scheduledWindow = q.closeTime - t0;
  const actualWindow = ta - t0;
  const optionCount = q.options.length;
  const n = counted.length;

  // Per forecast: Brier, ln p_o, baseline, and the rank of its Brier among the question's distinct Briers.
  const brier = new Float64Array(n);
  const logP = new Float64Array(n);
  const baseline = new Float64Array(n);
  const { names, of: forecasterOf } = forecasters;
  for (let i = 0; i < n; i++) {
    const f = counted[i];
    brier[i] = forecastBrier(q, f.probabilities, outcome);
    logP[i] = Math.log(f.probabilities[outcome]);
    baseline[i] = baselineScore(f.probabilities[outcome], optionCount);
  }
  // Rank each forecast's Brier among the distinct values (one numeric sort, then a binary search),
  // for the order-statistics tree. Briers are ≥ 0 and never NaN, so the numeric order is plain <.
  const sortedBriers = brier.slice().sort();
  const distinct: number[] = [];
  for (let k = 0; k < n; k++) {
    if (distinct.length === 0 || distinct[distinct.length - 1] !== sortedBriers[k]) distinct.push(sortedBriers[k]);
  }
  const distinctBriers = Float64Array.from(distinct);
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = positionIn(distinctBriers, brier[i]);
  const briers = new OrderStatistics(distinct);

  const m = names.length;
  const current = new Int32Array(m).fill(-1);
  const since = new Float64Array(m); // when the forecaster's lazy integrals were last settled
  const firstAt = new Float64Array(m); // F = max(first counted forecast, T0)
  const peerGainAt = new Float64Array(m);
  const peerCrowdAt = new Float64Array(m);
  const medianAtFirst = new Float64Array(m);
  const brierIntegral = new Float64Array(m);
  const baselineIntegral = new Float64Array(m);
  const peerIntegral = new Float64Array(m);

  // Running crowd integrals from T0. With N ≥ 2 standing and S = Σ ln p_v,o, u's peer score is
  // 100 · (ln p_u · N/(N−1) − S/(N−1)), so ∫peer = 100 · (ln p_u · ∫N/(N−1) − ∫S/(N−1)) while u stands.
  let standingCount = 0;
  let logSum = 0;
  let peerGain = 0; // ∫ N/(N−1) dt over time with N ≥ 2
  let peerCrowd = 0; // ∫ S/(N−1) dt over time with N ≥ 2
  let medianIntegral = 0; // ∫ M(t) dt, M = median standing Brier
  let clock = t0;

  const advanceTo = (t: number): void => {
    const length = t - clock;
    if (length > 0 && standingCount > 0) {
      medianIntegral += length * briers.median();
      if (standingCount >= 2) {
        peerGain += (length * standingCount) / (standingCount - 1);
        peerCrowd += (length * logSum) / (standingCount - 1);
      }
    }
    clock = t;
  };
  const settle = (u: number, t: number): void => {
    const j = current[u];
    const length = t - since[u];
    stood[j] += length;
    brierIntegral[u] += brier[j] * length;
    baselineIntegral[u] += baseline[j] * length;
    peerIntegral[u] += 100 * (logP[j] * (peerGain - peerGainAt[u]) - (peerCrowd - peerCrowdAt[u]));
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
        briers.add(rank[previous], -1);
      } else {
        firstAt[u] = t;
        since[u] = t;
        peerGainAt[u] = peerGain;
        peerCrowdAt[u] = peerCrowd;
        medianAtFirst[u] = medianIntegral;
      }
      current[u] = i;
      standingCount++;
      logSum += logP[i];
      briers.add(rank[i], 1);
    }
  }
  advanceTo(ta);

  const rows: ScoreRow[] = [];
  for (let u = 0; u < m; u++) {
    settle(u, ta);
    const j = current[u];
    const covered = ta - firstAt[u];
    rows.push({
      question: q.id,
      forecaster: names[u],
      finalProbabilities: counted[j].probabilities,
      finalBrier: brier[j],
      finalLogScore: logP[j],
      // Time-averaged Brier: mean standing Brier over [F, Ta]; null when F = Ta (docs/formulas.md §5.3).
      brierTimeAvg: covered > 0 ? brierIntegral[u] / covered : null,
      // Relative Brier: (1/(Ta − T0)) ∫_F^Ta (B_u − M) dt; negative beats the crowd (Good Judgment Open).
      relativeBrier: (brierIntegral[u] - (medianIntegral - medianAtFirst[u])) / actualWindow,
      // Baseline and peer (Metaculus FAQ): integrals over [T0, Ta] divided by the scheduled Tc − T0.
      baseline: baselineIntegral[u] / scheduledWindow,
      peer: peerIntegral[u] / scheduledWindow,
      // Coverage (Metaculus FAQ): (Ta − F) / (Tc − T0).
      coverage: covered / scheduledWindow,
    });
  }
  return rows.sort((a, b) => compareCodePoints(a.forecaster, b.forecaster));
}
