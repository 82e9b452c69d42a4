// Assembles the forecaster track records (profile, leaderboard) from the engine: every number comes from lib/scoring,
// lib/track-record, lib/calibration and lib/aggregation; this file only chooses which questions,
// which forecasters and which samples go in, and groups what comes out.
import { calibrate } from "@/lib/calibration/bins";
import { readForecasts } from "@/lib/probability";
import { finalSamples, timeWeightedSamples, type CalibrationSample } from "@/lib/calibration/samples";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import { actualCloseTime } from "@/lib/standing-forecast";
import { outcomeLabel } from "@/lib/outcome-label";
import { summariseForecaster } from "@/lib/track-record";
import { summariseTrackRecord, type ContinuousRowScores, type TrackRecordSummary } from "@/lib/track-records/continuous-record";
import { discriminationHistogram, forecastHistogram } from "@/lib/track-records/forecast-histograms";
import { rankLeaderboard, type LeaderboardRanking } from "@/lib/track-records/leaderboard";
import type { ForecasterName, ResolvedQuestionInput } from "@/lib/track-records/resolved-question";
import { trailingWindowScores } from "@/lib/track-records/scores-over-time";
import { DEFAULT_SCORING_PARAMS, type ScoringParams } from "@/lib/types";

export type QuestionScores = ReturnType<typeof scoreQuestion>;
export type ScoreRow = QuestionScores["rows"][number];
export type ForecasterSummary = ReturnType<typeof summariseForecaster>;
export type Calibration = ReturnType<typeof calibrate>;
export type CalibrationSampleKind = "final" | "time_weighted";

export interface ScoredQuestion {
  input: ResolvedQuestionInput;
  scores: QuestionScores;
}

/**
 * Scores every resolved question once (scoreQuestion); the pages below only regroup the results. The
 * stored forecasts are read here as the engine reads them (clipped into [0.001, 0.999], scenario vectors
 * renormalised: lib/probability readForecast), and `input` of each result holds them so read, so the
 * calibration samples and the crowd's record use the same numbers as the scores.
 */
export function scoreResolvedQuestions(
  inputs: readonly ResolvedQuestionInput[],
  params: ScoringParams = DEFAULT_SCORING_PARAMS,
): ScoredQuestion[] {
  return inputs.map(({ question, forecasts }) => {
    const input = { question, forecasts: readForecasts(question.type, forecasts) };
    return { input, scores: scoreQuestion(question, input.forecasts, params) };
  });
}

export function isResolvedBinary(input: ResolvedQuestionInput): boolean {
  return input.question.type === "binary" && input.question.outcome?.kind === "option";
}

/** The calibration samples (resolved binary questions only) of one forecaster, or of everyone when `handle` is null. */
export function forecasterSamples(
  scored: readonly ScoredQuestion[],
  handle: string | null,
  kind: CalibrationSampleKind,
): CalibrationSample[] {
  const make = kind === "final" ? finalSamples : timeWeightedSamples;
  return scored
    .filter((s) => isResolvedBinary(s.input))
    .flatMap((s) => make(s.input.question, s.input.forecasts))
    .filter((sample) => handle === null || sample.forecaster === handle);
}

export interface ScoredRow {
  row: ScoreRow;
  title: string;
  type: "binary" | "multiple_choice";
  /** The option that happened, as stored ("yes", a scenario's label): what the API answers. */
  outcomeLabel: string;
  /** The outcome as the desk writes it for people ("Yes"/"No", the scenario; lib/outcome-label). */
  outcomeText: string;
  /** P(yes) for binary questions, the probability given to what happened for multiple choice. */
  finalForecast: number;
  resolveTime: number;
}

export interface ForecasterRecord {
  rows: ScoredRow[];
  /** Over the binary/scenario rows and the numeric/date rows handed in (summariseTrackRecord). */
  summary: TrackRecordSummary;
  samples: CalibrationSample[];
  calibration: Calibration;
  histogram: ReturnType<typeof forecastHistogram>;
  discrimination: ReturnType<typeof discriminationHistogram>;
  overTime: ReturnType<typeof trailingWindowScores>;
}

/** A score row with what the profile's table shows beside it; null unless `q` resolved to an option. */
export function scoredRow(q: ResolvedQuestionInput["question"], row: ScoreRow): ScoredRow | null {
  if (q.outcome?.kind !== "option") return null;
  const option = q.outcome.option;
  return {
    row,
    title: q.title,
    type: q.type,
    outcomeLabel: q.options[option],
    outcomeText: outcomeLabel(q, q.outcome),
    finalForecast: q.type === "binary" ? row.finalProbabilities[1] : row.finalProbabilities[option],
    resolveTime: q.resolveTime ?? actualCloseTime(q),
  };
}

/**
 * Everything the profile page shows for one forecaster, over the given resolved questions; numeric and
 * date rows (all forecasters' or only theirs: this picks `handle`'s) join the summary.
 */
export function forecasterRecord(
  scored: readonly ScoredQuestion[],
  handle: string,
  options: { sample: CalibrationSampleKind; bins: number },
  continuousRows: readonly ContinuousRowScores[] = [],
): ForecasterRecord {
  const rows: ScoredRow[] = [];
  for (const s of scored) {
    for (const row of s.scores.rows) {
      if (row.forecaster !== handle) continue;
      const entry = scoredRow(s.input.question, row);
      if (entry) rows.push(entry);
    }
  }
  return forecasterRecordFromRows(
    rows,
    forecasterSamples(scored, handle, options.sample),
    options.bins,
    continuousRows.filter((r) => r.forecaster === handle),
  );
}

/**
 * The profile from one forecaster's score rows and calibration samples (as kept by db/queries/kept-scores,
 * or gathered by forecasterRecord): summary, calibration, histograms and scores over time.
 */
export function forecasterRecordFromRows(
  rows: ScoredRow[],
  samples: CalibrationSample[],
  bins: number,
  continuousRows: readonly ContinuousRowScores[] = [],
): ForecasterRecord {
  const options = { bins };
  return {
    rows,
    summary: summariseTrackRecord(
      rows.map((r) => r.row),
      continuousRows,
    ),
    samples,
    calibration: calibrate(samples, options.bins),
    histogram: forecastHistogram(samples, options.bins),
    discrimination: discriminationHistogram(samples, options.bins),
    overTime: trailingWindowScores(rows.map((r) => ({ resolveTime: r.resolveTime, finalBrier: r.row.finalBrier, peer: r.row.peer }))),
  };
}

/**
 * Each forecaster's summary over the given questions, ranked (docs/formulas.md §6.1–§6.2); numeric and
 * date rows (forecaster = handle) join the pooled means (summariseTrackRecord). A forecaster with only
 * numeric or date rows must be among `forecasters` too.
 */
export function leaderboard(
  scored: readonly ScoredQuestion[],
  forecasters: readonly ForecasterName[],
  ranking: LeaderboardRanking,
  minQuestions: number,
  continuousRows: readonly ContinuousRowScores[] = [],
) {
  const group = <R extends { forecaster: string }>(rows: Iterable<R>) => {
    const by = new Map<string, R[]>();
    for (const row of rows) {
      const list = by.get(row.forecaster) ?? [];
      list.push(row);
      by.set(row.forecaster, list);
    }
    return by;
  };
  const rowsBy = group(scored.flatMap((s) => s.scores.rows));
  const continuousBy = group(continuousRows);
  const entries = forecasters.map((f) => ({
    ...f,
    summary: summariseTrackRecord(rowsBy.get(f.handle) ?? [], continuousBy.get(f.handle) ?? []),
  }));
  return rankLeaderboard(entries, ranking, minQuestions);
}
