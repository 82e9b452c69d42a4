import { jStat } from "jstat";
import { logit } from "../probability";
import { DEFAULT_EXTREMIZE_D } from "./extremize";

// Which crowd method would have served the team best (docs/formulas.md §8).

export interface PairedDifference {
  /** Questions both methods cover. */
  n: number;
  /** Mean of δ_q = score_A(q) − score_D(q); null when n = 0. */
  mean: number | null;
  /** 95 % paired t-interval; null when n < 2. */
  lo: number | null;
  hi: number | null;
}

/**
 * Paired difference of method A from the default D over the questions both cover (a[i] and d[i] are
 * the same question's scores): mean δ ± t_{0.975, n−1} · sd/√n, sd the sample standard deviation.
 * Source: Student's paired t-interval; docs/formulas.md §8.2; t quantile from jStat.
 */
export function pairedDifference(a: readonly number[], d: readonly number[]): PairedDifference {
  if (a.length !== d.length) throw new RangeError(`pairedDifference needs equal lengths, got ${a.length} and ${d.length}`);
  const n = a.length;
  if (n === 0) return { n, mean: null, lo: null, hi: null };
  const deltas = a.map((x, i) => x - d[i]);
  const mean = deltas.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { n, mean, lo: null, hi: null };
  const variance = deltas.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const halfWidth = (jStat.studentt.inv(0.975, n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { n, mean, lo: mean - halfWidth, hi: mean + halfWidth };
}

export const EXTREMIZE_RANGE = { min: 0.5, max: 4 } as const;
/** Below this many resolved binary questions the fitted d is shown but not used (docs/formulas.md §8.3). */
export const MIN_QUESTIONS_FOR_FIT = 10;
const TOLERANCE = 1e-4;
const CURVE_STEP = 0.125;

/** −ln σ(z), computed without overflow: the log loss of probability σ(z) on the outcome. */
function negativeLogSigmoid(z: number): number {
  return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
}

export interface ExtremizingFit {
  /** The fitted d in [0.5, 4]; null when no question qualifies. */
  d: number | null;
  n: number;
  /** n ≥ 10: only then should the extremized method use the fitted d. */
  trustworthy: boolean;
  /** The d to pool with: the fitted one when trustworthy, else the default 1.5. */
  recommendedD: number;
  /** Mean log loss at d = 0.5, 0.625, …, 4 (empty when n = 0). */
  curve: Array<{ d: number; meanLogLoss: number }>;
}

/**
 * Fits the extremizing factor: the d in [0.5, 4] minimising the mean log loss −ln p_o of the
 * extremized pool σ(d · mean logit p_i) at Ta over resolved binary questions, by golden-section search
 * to a tolerance of 1e-4 (the loss is convex in d). Source: docs/formulas.md §8.3; Satopää et al. (2014).
 * Each question gives the standing P(yes) of every forecaster at Ta; questions without any are skipped.
 */
export function fitExtremizingFactor(questions: ReadonlyArray<{ forecasts: readonly number[]; outcome: 0 | 1 }>): ExtremizingFit {
  // Signed mean log-odds toward the outcome: the pool gives the outcome σ(d · z).
  const towardOutcome = questions
    .filter((q) => q.forecasts.length > 0)
    .map((q) => {
      const meanLogit = q.forecasts.reduce((s, p) => s + logit(p), 0) / q.forecasts.length;
      return q.outcome === 1 ? meanLogit : -meanLogit;
    });
  const n = towardOutcome.length;
  if (n === 0) return { d: null, n, trustworthy: false, recommendedD: DEFAULT_EXTREMIZE_D, curve: [] };
  const meanLogLoss = (d: number): number => towardOutcome.reduce((s, z) => s + negativeLogSigmoid(d * z), 0) / n;

  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo: number = EXTREMIZE_RANGE.min;
  let hi: number = EXTREMIZE_RANGE.max;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let f1 = meanLogLoss(x1);
  let f2 = meanLogLoss(x2);
  while (hi - lo > TOLERANCE) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - ratio * (hi - lo);
      f1 = meanLogLoss(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + ratio * (hi - lo);
      f2 = meanLogLoss(x2);
    }
  }
  const d = (lo + hi) / 2;
  const curve: Array<{ d: number; meanLogLoss: number }> = [];
  for (let x = EXTREMIZE_RANGE.min; x <= EXTREMIZE_RANGE.max + 1e-12; x += CURVE_STEP) curve.push({ d: x, meanLogLoss: meanLogLoss(x) });
  const trustworthy = n >= MIN_QUESTIONS_FOR_FIT;
  return { d, n, trustworthy, recommendedD: trustworthy ? d : DEFAULT_EXTREMIZE_D, curve };
}
