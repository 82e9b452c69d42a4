import { logit, sigmoid } from "../probability";
import { cdfProblem, interpolatedCdf, MAX_CDF_STEP, MIN_CDF_STEP, MIN_OUT_OF_RANGE_MASS, roundCdfValue } from "./cdf";
import { CDF_POINTS, INNER_BUCKETS, internalLocation } from "./scale";
import type { ContinuousScale } from "./types";

// A forecast described by its quantiles (the forecast form), turned into the 201-point CDF the desk
// stores (docs/continuous.md "From quantiles to a CDF"). Monotone cubic interpolation (Fritsch & Carlson
// 1980, with the Fritsch–Butland derivatives scipy's PchipInterpolator uses) of the cumulative
// probability through the quantiles on the internal scale; logistic tails (straight in log-odds) for the
// mass an open bound needs; a small share of straight-line interpolation where the step floor needs it.
// Every CDF it returns passes the validation, and goes through each entered quantile.

/** The quantile levels the form offers. */
export const QUANTILE_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export type QuantileLevel = (typeof QUANTILE_LEVELS)[number];

export interface QuantileInput {
  level: QuantileLevel;
  /** The value on the question's scale (a number; a date in epoch ms). */
  value: number;
}

export interface QuantileProblem {
  /** The level of the field the problem belongs to; null for the set as a whole. */
  level: QuantileLevel | null;
  message: string;
}

/** Density floor on the internal scale: every step ≥ 0.00005 needs F' ≥ 200·0.00005 = 0.01; 2 % margin for rounding. */
const DENSITY_FLOOR = INNER_BUCKETS * MIN_CDF_STEP * 1.02;
/** Density ceiling: no step above 0.2 needs F' ≤ 200·0.2 = 40; 2 % margin. */
const DENSITY_CEILING = INNER_BUCKETS * MAX_CDF_STEP * 0.98;

const percent = (level: number) => `${Math.round(level * 100)} %`;

/** Problems of a set of quantiles, each next to its field; empty when the set can be turned into a CDF. */
export function quantileProblems(scale: ContinuousScale, quantiles: readonly QuantileInput[]): QuantileProblem[] {
  const problems: QuantileProblem[] = [];
  const sorted = [...quantiles].sort((a, b) => a.level - b.level);
  const levels = new Set(sorted.map((q) => q.level));
  if (!levels.has(0.5)) problems.push({ level: 0.5, message: "The median is required." });
  if (sorted.length < 3) problems.push({ level: null, message: "Give the median and at least two other quantiles." });
  if (levels.size !== sorted.length) problems.push({ level: null, message: "Give each quantile once." });
  for (const q of sorted) {
    if (!QUANTILE_LEVELS.includes(q.level)) problems.push({ level: null, message: `${q.level} is not a quantile level the form offers.` });
    else if (!Number.isFinite(q.value)) problems.push({ level: q.level, message: "Enter a value." });
    else if (!scale.openLowerBound && q.value <= scale.rangeMin)
      problems.push({ level: q.level, message: "Must lie above the lower end of the range (the lower bound is closed)." });
    else if (!scale.openUpperBound && q.value >= scale.rangeMax)
      problems.push({ level: q.level, message: "Must lie below the upper end of the range (the upper bound is closed)." });
    else if (scale.zeroPoint !== null && !Number.isFinite(internalLocation(scale, q.value)))
      problems.push({ level: q.level, message: "Must lie on the range's side of the zero point of the log scale." });
  }
  if (problems.length > 0) return problems;
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!scale.openLowerBound && first.level / internalLocation(scale, first.value) > DENSITY_CEILING) {
    problems.push({ level: first.level, message: "Too close to the lower end of the range: no 1/200 of the range may hold more than 20 % of the probability." });
  }
  if (!scale.openUpperBound && (1 - last.level) / (1 - internalLocation(scale, last.value)) > DENSITY_CEILING) {
    problems.push({ level: last.level, message: "Too close to the upper end of the range: no 1/200 of the range may hold more than 20 % of the probability." });
  }
  for (let k = 1; k < sorted.length; k++) {
    const lower = sorted[k - 1];
    const upper = sorted[k];
    if (!(upper.value > lower.value)) {
      problems.push({ level: upper.level, message: `Must be greater than the ${percent(lower.level)} quantile.` });
      continue;
    }
    const width = internalLocation(scale, upper.value) - internalLocation(scale, lower.value);
    if ((upper.level - lower.level) / width > DENSITY_CEILING) {
      problems.push({
        level: upper.level,
        message:
          `Too close to the ${percent(lower.level)} quantile: no 1/200 of the range may hold more than 20 % of the ` +
          `probability. Spread these two quantiles further apart.`,
      });
    }
  }
  return problems;
}

/**
 * Fritsch–Butland derivatives of a monotone cubic through (x_k, y_k) with increasing y: the weighted
 * harmonic mean of the neighbouring secants inside, a three-point formula at the ends (capped as in
 * scipy's PchipInterpolator), so the interpolant never decreases. Fritsch & Carlson (1980), SIAM J.
 * Numer. Anal. 17(2); Fritsch & Butland (1984).
 */
function monotoneSlopes(x: readonly number[], y: readonly number[]): number[] {
  const n = x.length;
  const h = x.slice(1).map((v, k) => v - x[k]);
  const delta = h.map((hk, k) => (y[k + 1] - y[k]) / hk);
  if (n === 2) return [delta[0], delta[0]];
  const d = new Array<number>(n).fill(0);
  for (let k = 1; k < n - 1; k++) {
    const w1 = 2 * h[k] + h[k - 1];
    const w2 = h[k] + 2 * h[k - 1];
    d[k] = delta[k - 1] > 0 && delta[k] > 0 ? (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k]) : 0;
  }
  const end = (h0: number, h1: number, d0: number, d1: number): number => {
    const slope = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
    if (slope <= 0) return 0;
    return d1 <= 0 && slope > 3 * d0 ? 3 * d0 : slope;
  };
  d[0] = end(h[0], h[1], delta[0], delta[1]);
  d[n - 1] = end(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3]);
  return d;
}

/**
 * Least and greatest slope of the cubic Hermite piece with end slopes d0, d1 and secant δ: its slope
 * d0(1 − 4t + 3t²) + d1(3t² − 2t) + δ(6t − 6t²) is a parabola in t ∈ [0, 1], so the ends and the vertex.
 */
function slopeRange(d0: number, d1: number, secant: number): [number, number] {
  const slope = (t: number) => d0 * (1 - 4 * t + 3 * t * t) + d1 * (3 * t * t - 2 * t) + secant * (6 * t - 6 * t * t);
  const values = [d0, d1];
  const a = 3 * d0 + 3 * d1 - 6 * secant;
  const b = -4 * d0 - 2 * d1 + 6 * secant;
  if (a !== 0) {
    const vertex = -b / (2 * a);
    if (vertex > 0 && vertex < 1) values.push(slope(vertex));
  }
  return [Math.min(...values), Math.max(...values)];
}

/** The cubic Hermite interpolant through (x_k, y_k) with slopes d_k, at u (x_0 ≤ u ≤ x_{n−1}). */
function hermiteAt(x: readonly number[], y: readonly number[], d: readonly number[], u: number): number {
  let k = 0;
  while (k < x.length - 2 && u > x[k + 1]) k++;
  const h = x[k + 1] - x[k];
  const t = (u - x[k]) / h;
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * y[k] + (t3 - 2 * t2 + t) * h * d[k] + (-2 * t3 + 3 * t2) * y[k + 1] + (t3 - t2) * h * d[k + 1];
}

/**
 * Shifts grid values so that the straight lines between them (G, what the desk scores) pass through
 * every quantile inside the range: a quantile between grid points j and j + 1 that G misses by e moves
 * both by e (a closed end stays, and the other point moves by e/t or e/(1 − t) instead). Without this a
 * sharp distribution would miss its quantiles by the cubic's bend within one 1/200 of the range.
 */
function throughQuantiles(values: Float64Array, us: readonly number[], ps: readonly number[], scale: ContinuousScale): Float64Array {
  const moved = values.slice();
  us.forEach((u, k) => {
    if (!(u > 0 && u < 1)) return;
    const s = u * INNER_BUCKETS;
    const j = Math.min(Math.floor(s), INNER_BUCKETS - 1);
    const t = s - j;
    const e = ps[k] - (moved[j] + t * (moved[j + 1] - moved[j]));
    const lowerFixed = j === 0 && !scale.openLowerBound;
    const upperFixed = j + 1 === INNER_BUCKETS && !scale.openUpperBound;
    if (lowerFixed && upperFixed) return;
    if (lowerFixed) moved[j + 1] += e / t;
    else if (upperFixed) moved[j] += e / (1 - t);
    else {
      moved[j] += e;
      moved[j + 1] += e;
    }
  });
  return moved;
}

/** The largest distance between an entered quantile inside the range and G there. */
function quantileMiss(cdf: Float64Array, us: readonly number[], ps: readonly number[]): number {
  let worst = 0;
  us.forEach((u, k) => {
    if (u >= 0 && u <= 1) worst = Math.max(worst, Math.abs(interpolatedCdf(cdf, u) - ps[k]));
  });
  return worst;
}

/** How far G may miss an entered quantile (half a percentage point). */
export const QUANTILE_TOLERANCE = 0.005;

/**
 * The 201-point CDF of a forecast given by quantiles, or the problems to show next to the fields.
 * Knots: each quantile at its internal location; (0, 0) for a closed lower bound and (1, 1) for a
 * closed upper one; for an open bound whose outermost quantile lies inside the range, a knot at that end
 * whose out-of-range mass continues the log-odds line of the two outermost quantiles (a logistic tail),
 * kept between 0.1 % and what the step floor allows. On each stretch between knots the monotone cubic
 * is blended with the straight line by the least share that keeps the slope above the step floor; a
 * stretch where the cubic would exceed the step ceiling is drawn straight.
 */
export function cdfFromQuantiles(
  scale: ContinuousScale,
  quantiles: readonly QuantileInput[],
): { ok: true; cdf: Float64Array } | { ok: false; problems: QuantileProblem[] } {
  const problems = quantileProblems(scale, quantiles);
  if (problems.length > 0) return { ok: false, problems };
  const sorted = [...quantiles].sort((a, b) => a.level - b.level);
  const us = sorted.map((q) => internalLocation(scale, q.value));
  const ps = sorted.map((q) => q.level as number);
  const n = us.length;
  const x: number[] = [];
  const y: number[] = [];
  if (!scale.openLowerBound) {
    x.push(0);
    y.push(0);
  } else if (us[0] > 0) {
    const slope = (logit(ps[1]) - logit(ps[0])) / (us[1] - us[0]);
    const tail = sigmoid(logit(ps[0]) - slope * us[0]);
    x.push(0);
    y.push(Math.min(Math.max(tail, MIN_OUT_OF_RANGE_MASS * 1.5), ps[0] - DENSITY_FLOOR * us[0]));
  }
  x.push(...us);
  y.push(...ps);
  if (!scale.openUpperBound) {
    x.push(1);
    y.push(1);
  } else if (us[n - 1] < 1) {
    const slope = (logit(ps[n - 1]) - logit(ps[n - 2])) / (us[n - 1] - us[n - 2]);
    const tail = sigmoid(logit(ps[n - 1]) + slope * (1 - us[n - 1]));
    x.push(1);
    y.push(Math.max(Math.min(tail, 1 - MIN_OUT_OF_RANGE_MASS * 1.5), ps[n - 1] + DENSITY_FLOOR * (1 - us[n - 1])));
  }
  const d = monotoneSlopes(x, y);
  // Per stretch: the share λ of the straight line that keeps F' ≥ the floor (λ·secant ≥ floor), or the
  // straight line alone where the cubic's slope at either end passes the ceiling.
  const share = x.slice(1).map((_, k) => {
    const secant = (y[k + 1] - y[k]) / (x[k + 1] - x[k]);
    const [least, most] = slopeRange(d[k], d[k + 1], secant);
    if (most > DENSITY_CEILING) return 1;
    if (least >= DENSITY_FLOOR) return 0;
    return secant <= least ? 1 : Math.min(1, (DENSITY_FLOOR - least) / (secant - least));
  });
  const at = (u: number): number => {
    let k = 0;
    while (k < x.length - 2 && u > x[k + 1]) k++;
    const straight = y[k] + ((u - x[k]) / (x[k + 1] - x[k])) * (y[k + 1] - y[k]);
    return (1 - share[k]) * hermiteAt(x, y, d, u) + share[k] * straight;
  };
  const values = new Float64Array(CDF_POINTS);
  for (let i = 0; i < CDF_POINTS; i++) values[i] = at(i / INNER_BUCKETS);
  if (!scale.openLowerBound) values[0] = 0;
  if (!scale.openUpperBound) values[INNER_BUCKETS] = 1;
  // The shifted grid when it is valid and closer; else the plain one; else the quantiles ask for more
  // than 201 points with these step limits can give.
  for (const candidate of [throughQuantiles(values, us, ps, scale), values]) {
    const cdf = candidate.map(roundCdfValue);
    if (cdfProblem(cdf, scale) === null && quantileMiss(cdf, us, ps) <= QUANTILE_TOLERANCE) return { ok: true, cdf };
  }
  return {
    ok: false,
    problems: [
      {
        level: null,
        message:
          "These quantiles are too close together to be met within the step limits (at least 0.005 % and at most 20 % of " +
          "the probability in each 1/200 of the range). Spread them further apart.",
      },
    ],
  };
}
