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

/** Summary of a resolved question's scores (`scores.rows` keyed by the same ids as `me`): scored now, or kept (db/queries/kept-scores keptQuestionScores). */
export function questionScoreSummary(scores: Pick<QuestionScores, "rows" | "aggregateScores">, me: string | null): QuestionScoreSummary {
  const own = me === null ? undefined : scores.rows.find((r) => r.forecaster === me);
  const aggregate = scores.aggregateScores[DEFAULT_AGGREGATION_METHOD];
  const rows = scores.rows;
  const median = (pick: (r: ScoreRow) => number) => medianOf(rows.map(pick)) as number;
  return {
    mine: own ? line(own) : null,
    crowd: aggregate ? { finalBrier: aggregate.brier, finalLogScore: aggregate.logScore, baseline: null, peer: null } : null,
    medianForecaster:
      rows.length === 0
        ? null
        : {
            finalBrier: median((r) => r.finalBrier),
            finalLogScore: median((r) => r.finalLogScore),
            baseline: median((r) => r.baseline),
            peer: median((r) => r.peer),
          },
    forecasters: rows.length,
  };
}
