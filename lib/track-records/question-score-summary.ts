import { medianOf } from "@/lib/aggregation/median";
import type { QuestionScores, ScoreRow } from "@/lib/scoring/question-scores";
import { DEFAULT_AGGREGATION_METHOD } from "@/lib/types";

// A resolved question's scores as its page shows them: mine beside the crowd forecast's and the median
// forecaster's. Every number comes from lib/scoring (docs/formulas.md: Brier, log, baseline, peer —
// Brier 1950; Metaculus scoring FAQ for baseline and peer); this file only picks and takes medians.

export interface ScoreLine {
  finalBrier: number;
  finalLogScore: number;
  /** Time-averaged over the question's window; null for the crowd forecast, which has no such row. */
  baseline: number | null;
  peer: number | null;
}

export interface QuestionScoreSummary {
  /** My row, or null when none of my forecasts counted. */
  mine: ScoreLine | null;
  /** The crowd forecast (default method) at the actual close, scored like a forecast; null without one. */
  crowd: ScoreLine | null;
  /** Per score, the median over every forecaster's row (even count: mean of the middle two); null without rows. */
  medianForecaster: ScoreLine | null;
  forecasters: number;
}

const line = (r: ScoreRow): ScoreLine => ({ finalBrier: r.finalBrier, finalLogScore: r.finalLogScore, baseline: r.baseline, peer: r.peer });

/** Per score, the median over every forecaster's row (even count: mean of the middle two); null without rows. */
export function medianForecasterLine(rows: readonly ScoreRow[]): ScoreLine | null {
  if (rows.length === 0) return null;
  const median = (pick: (r: ScoreRow) => number) => medianOf(rows.map(pick)) as number;
  return {
    finalBrier: median((r) => r.finalBrier),
    finalLogScore: median((r) => r.finalLogScore),
    baseline: median((r) => r.baseline),
    peer: median((r) => r.peer),
  };
}

/**
 * Summary of a resolved question's scores (`scores.rows` keyed by the same ids as `me`): scored now,
 * or kept (db/queries/kept-scores keptQuestionScoreSummary, which passes the medians it keeps).
 */
export function questionScoreSummary(
  scores: Pick<QuestionScores, "rows" | "aggregateScores">,
  me: string | null,
  medianForecaster: ScoreLine | null = medianForecasterLine(scores.rows),
): QuestionScoreSummary {
  const own = me === null ? undefined : scores.rows.find((r) => r.forecaster === me);
  const aggregate = scores.aggregateScores[DEFAULT_AGGREGATION_METHOD];
  return {
    mine: own ? line(own) : null,
    crowd: aggregate ? { finalBrier: aggregate.brier, finalLogScore: aggregate.logScore, baseline: null, peer: null } : null,
    medianForecaster,
    forecasters: scores.rows.length,
  };
}
