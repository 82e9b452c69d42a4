// The crowd's track record: each aggregation method's aggregate at Ta scored like a forecast,
// averaged over the resolved questions, and compared with the default method by paired
// differences (docs/formulas.md §8).
import { pairedDifference } from "@/lib/aggregation/method-comparison";
import { AGGREGATION_METHODS, DEFAULT_AGGREGATION_METHOD, type AggregationMethod } from "@/lib/types";
import { formatNumber } from "@/lib/format/number";

export const AGGREGATION_METHOD_LABELS: Record<AggregationMethod, string> = {
  median: "median",
  recency_weighted_median: "recency-weighted median",
  mean: "mean",
  geometric_odds: "geometric mean of odds",
  extremized: "extremized geometric mean of odds",
};

/** Below this many paired questions the sentence says it is too few to tell (as for the fitted d). */
export const MIN_QUESTIONS_TO_TELL = 10;

export interface AggregateScore {
  brier: number;
  logScore: number;
}

/** One resolved question's aggregate scores, as lib/scoring/question-scores gives them. */
export interface QuestionAggregateScores {
  questionId: string;
  aggregateScores: Record<AggregationMethod, AggregateScore | null>;
}

export interface Interval {
  n: number;
  mean: number | null;
  lo: number | null;
  hi: number | null;
}

export interface MethodRecord {
  method: AggregationMethod;
  isDefault: boolean;
  /** Resolved questions with an aggregate for this method. */
  n: number;
  /** Mean Brier (0–1, lower is better); null when n = 0. */
  meanBrier: number | null;
  /** Mean log score ln p_o (≤ 0, nats, higher is better); null when n = 0. */
  meanLogScore: number | null;
  /** Brier of this method minus the default's, per question both cover: mean and 95% paired t-interval. */
  brierDifference: Interval;
  /** Log score of this method minus the default's. */
  logScoreDifference: Interval;
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Per method: means over the questions it covers and paired differences from the default method. */
export function methodRecords(questions: readonly QuestionAggregateScores[]): MethodRecord[] {
  const D = DEFAULT_AGGREGATION_METHOD;
  return AGGREGATION_METHODS.map((method) => {
    const own = questions.map((q) => q.aggregateScores[method]).filter((s): s is AggregateScore => s !== null);
    const pairs = questions.filter((q) => q.aggregateScores[method] && q.aggregateScores[D]);
    const a = pairs.map((q) => q.aggregateScores[method]!);
    const d = pairs.map((q) => q.aggregateScores[D]!);
    return {
      method,
      isDefault: method === D,
      n: own.length,
      meanBrier: mean(own.map((s) => s.brier)),
      meanLogScore: mean(own.map((s) => s.logScore)),
      brierDifference: pairedDifference(
        a.map((s) => s.brier),
        d.map((s) => s.brier),
      ),
      logScoreDifference: pairedDifference(
        a.map((s) => s.logScore),
        d.map((s) => s.logScore),
      ),
    };
  });
}

/** Brier values as the desk writes scores (4 decimals: team-level differences are often in the third). */
function f3(x: number): string {
  return formatNumber(x, "score");
}

function signed(x: number): string {
  return formatNumber(x, "score", { signed: true });
}

/**
 * The method with the lowest mean Brier (ties: the default first, then the order of
 * AGGREGATION_METHODS); null when no method has a scored question.
 */
export function bestMethod(records: readonly MethodRecord[]): MethodRecord | null {
  let best: MethodRecord | null = null;
  for (const r of records) {
    if (r.meanBrier === null) continue;
    if (!best || r.meanBrier < best.meanBrier! || (r.meanBrier === best.meanBrier && r.isDefault)) best = r;
  }
  return best;
}

/**
 * One sentence: which rule has served the team best (lowest mean Brier over the resolved
 * questions) and by how much against the default, or, when the default is best, against the
 * runner-up; with a caveat when there are fewer than MIN_QUESTIONS_TO_TELL questions or the
 * 95% interval of the difference includes 0.
 */
export function bestMethodSentence(records: readonly MethodRecord[]): string {
  const best = bestMethod(records);
  if (!best) return "No resolved question has a crowd forecast yet, so the aggregation rules cannot be compared.";
  const def = records.find((r) => r.isDefault)!;
  let comparison: MethodRecord | null;
  let diff: Interval;
  let head: string;
  if (best.isDefault) {
    comparison = bestMethod(records.filter((r) => !r.isDefault));
    if (!comparison) return `Only the ${AGGREGATION_METHOD_LABELS[best.method]} could be scored.`;
    // runner-up minus default: positive means the default did better.
    diff = comparison.brierDifference;
    head =
      `Over ${best.n} resolved question${best.n === 1 ? "" : "s"}, the default ${AGGREGATION_METHOD_LABELS[best.method]} ` +
      `has served the team best (mean Brier ${f3(best.meanBrier!)}); the runner-up, the ${AGGREGATION_METHOD_LABELS[comparison.method]}, ` +
      `scored ${f3(comparison.meanBrier!)}`;
  } else {
    comparison = def;
    diff = best.brierDifference;
    head =
      `Over ${best.n} resolved question${best.n === 1 ? "" : "s"}, the ${AGGREGATION_METHOD_LABELS[best.method]} ` +
      `would have served the team best (mean Brier ${f3(best.meanBrier!)}` +
      (def.meanBrier === null ? ")" : ` against ${f3(def.meanBrier)} for the default ${AGGREGATION_METHOD_LABELS[def.method]})`);
  }
  let sentence = head;
  if (diff.mean !== null) {
    sentence += `, a paired difference of ${signed(best.isDefault ? -diff.mean : diff.mean)} in Brier`;
    if (diff.lo !== null && diff.hi !== null) {
      const [lo, hi] = best.isDefault ? [-diff.hi, -diff.lo] : [diff.lo, diff.hi];
      sentence += ` (95% interval ${signed(lo)} to ${signed(hi)})`;
    }
  }
  sentence += ".";
  if (diff.n < MIN_QUESTIONS_TO_TELL)
    sentence += ` With only ${diff.n} question${diff.n === 1 ? "" : "s"} to compare, that is too few to tell the rules apart.`;
  else if (diff.lo === null || diff.hi === null || (diff.lo <= 0 && diff.hi >= 0))
    sentence += " The 95% interval includes zero, so the data cannot yet tell these two rules apart.";
  return sentence;
}
