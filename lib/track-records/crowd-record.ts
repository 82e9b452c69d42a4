// Assembles the crowd's track record from the engine: each method's aggregate scores and paired
// differences (lib/track-records/method-record), each method's calibration, everyone's, and the
// extremizing factor fitted on the team's resolved binary questions.
import { fitExtremizingFactor } from "@/lib/aggregation/method-comparison";
import { calibrate } from "@/lib/calibration/bins";
import { aggregateSample, type CalibrationSample } from "@/lib/calibration/samples";
import { actualCloseTime, countedForecasts, standingForecastsAt } from "@/lib/standing-forecast";
import { forecastHistogram } from "@/lib/track-records/forecast-histograms";
import { bestMethodSentence, methodRecords, type QuestionAggregateScores } from "@/lib/track-records/method-record";
import { forecasterSamples, isResolvedBinary, type Calibration, type ScoredQuestion } from "@/lib/track-records/team-record";
import { AGGREGATION_METHODS, type AggregationMethod, type ScoringParams } from "@/lib/types";

/** The standing P(yes) of each forecaster at Ta on every resolved binary question that has any (input of the d fit). */
export function extremizingInputs(scored: readonly ScoredQuestion[]): Array<{ forecasts: number[]; outcome: 0 | 1 }> {
  const out: Array<{ forecasts: number[]; outcome: 0 | 1 }> = [];
  for (const s of scored) {
    const q = s.input.question;
    if (!isResolvedBinary(s.input) || q.outcome?.kind !== "option") continue;
    const standing = standingForecastsAt(countedForecasts(q, s.input.forecasts), actualCloseTime(q));
    if (standing.length === 0) continue;
    out.push({ forecasts: standing.map((f) => f.probabilities[1]), outcome: q.outcome.option === 1 ? 1 : 0 });
  }
  return out;
}

export interface CrowdRecord {
  nQuestions: number;
  methods: ReturnType<typeof methodRecords>;
  sentence: string;
  calibration: Record<AggregationMethod, { samples: CalibrationSample[]; calibration: Calibration; histogram: ReturnType<typeof forecastHistogram> }>;
  extremizing: ReturnType<typeof fitExtremizingFactor>;
  /** Everyone's final forecasts pooled (one sample per forecaster and resolved binary question). */
  everyone: { samples: CalibrationSample[]; calibration: Calibration; histogram: ReturnType<typeof forecastHistogram> };
}

/** The crowd's track record: each method's scores, paired differences, calibration and the fitted d. */
export function crowdRecord(scored: readonly ScoredQuestion[], params: ScoringParams, bins: number): CrowdRecord {
  const binary = scored.filter((s) => isResolvedBinary(s.input));
  const crowdSamples = Object.fromEntries(
    AGGREGATION_METHODS.map((method) => [
      method,
      binary.flatMap((s) => {
        const sample = aggregateSample(s.input.question, s.input.forecasts, method, params);
        return sample === null ? [] : [sample];
      }),
    ]),
  ) as Record<AggregationMethod, CalibrationSample[]>;
  return crowdRecordFrom(
    {
      questions: scored.map((s) => ({ questionId: s.scores.questionId, aggregateScores: s.scores.aggregateScores })),
      crowdSamples,
      finalSamples: forecasterSamples(scored, null, "final"),
    },
    bins,
  );
}

export interface CrowdRecordInputs {
  /** Each resolved question's aggregate scores, soonest resolution first. */
  questions: QuestionAggregateScores[];
  /** Each method's sample per resolved binary question (its P(yes) at Ta). */
  crowdSamples: Record<AggregationMethod, CalibrationSample[]>;
  /** Everyone's final samples (one per forecaster and resolved binary question, `question` set), by question. */
  finalSamples: CalibrationSample[];
}

/**
 * The crowd's track record from aggregate scores and samples (as kept by db/queries/kept-scores, or
 * gathered by crowdRecord). The extremizing fit takes each question's final samples: the standing
 * P(yes) of every forecaster at Ta, which is what extremizingInputs collects.
 */
export function crowdRecordFrom(inputs: CrowdRecordInputs, bins: number): CrowdRecord {
  const methods = methodRecords(inputs.questions);
  const calibration = Object.fromEntries(
    AGGREGATION_METHODS.map((method) => {
      const samples = inputs.crowdSamples[method];
      return [method, { samples, calibration: calibrate(samples, bins), histogram: forecastHistogram(samples, bins) }];
    }),
  ) as CrowdRecord["calibration"];
  const everyone = inputs.finalSamples;
  const byQuestion = new Map<string, { forecasts: number[]; outcome: 0 | 1 }>();
  for (const s of everyone) {
    const entry = byQuestion.get(s.question as string) ?? { forecasts: [], outcome: s.y };
    entry.forecasts.push(s.p);
    byQuestion.set(s.question as string, entry);
  }
  return {
    everyone: { samples: everyone, calibration: calibrate(everyone, bins), histogram: forecastHistogram(everyone, bins) },
    nQuestions: inputs.questions.length,
    methods,
    sentence: bestMethodSentence(methods),
    calibration,
    extremizing: fitExtremizingFactor([...byQuestion.values()]),
  };
}
