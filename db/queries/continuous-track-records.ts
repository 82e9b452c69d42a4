// Numeric and date questions in the track records: what the profile, leaderboard and crowd pages read from
// the kept tables (written by db/queries/kept-continuous-scores.ts), and the inputs of a view scored on
// the request. Every number is the engine's (lib/continuous/question-scores scoreContinuousQuestion);
// this file chooses which questions and forecasts go in and stores or reads what comes out.
import type { Db } from "@/db/client";
import { sqliteOf } from "@/db/queries/connection";
import { botIdentities } from "@/db/queries/bots";
import { CONTINUOUS_TYPES_SQL } from "@/db/queries/kept-continuous-scores";
import { getQuestions } from "@/db/queries/questions";
import { memoWhileUnchanged } from "@/db/queries/read-memo";
import { decodeCdf } from "@/lib/continuous/cdf-blob";
import type { ContinuousAggregateScore } from "@/lib/continuous/question-scores";
import {
  CONTINUOUS_AGGREGATION_METHODS,
  type ContinuousAggregationMethod,
  type ContinuousForecastRecord,
  type ContinuousQuestionType,
} from "@/lib/continuous/types";
import { isContinuousQuestion, type ContinuousQuestion } from "@/lib/types";
import { compareCodePoints } from "@/lib/code-point-order";
import { inPopulation, type Population } from "@/lib/population";
import type { ForecasterName } from "@/lib/track-records/resolved-question";
import type { ContinuousCrowdRecord, ContinuousScoredRow, PitSample, QuestionContinuousAggregateScores } from "@/lib/track-records/continuous-record";
import { BY_FORECASTER, keptFilterKey, keptMemo, keptWhere, ownRowsKept, periodAndTagConditions, type ResolvedQuestionFilter } from "@/db/queries/track-records";
import { calibratePits, type PitCalibration } from "@/lib/continuous/pit-calibration";
import { continuousCrowdRecord, scoreContinuousQuestions } from "@/lib/track-records/continuous-record";

// ---- What the pages read ----

/** One forecaster's kept numeric and date score rows over the selected questions, soonest resolution first. */
export function keptContinuousRows(db: Db, handle: string, filter: ResolvedQuestionFilter = {}): ContinuousScoredRow[] {
  const { where, params } = keptWhere(db, filter);
  const rows = sqliteOf(db)
    .prepare(
      `select k.question_id, k.resolve_time, k.final_log_score, k.baseline, k.peer, k.coverage, k.crps, k.crps_time_avg, k.pit,
              q.title, q.type, s.unit, r.value
       from kept_score_rows k join user u on u.id = k.forecaster_id join questions q on q.id = k.question_id
       join question_scales s on s.question_id = k.question_id join resolutions r on r.question_id = k.question_id
       where ${where} and k.pit is not null and u.handle = ? order by k.resolve_time, k.question_id`,
    )
    .all(...params, handle) as Array<{
    question_id: string;
    resolve_time: number;
    final_log_score: number;
    baseline: number;
    peer: number;
    coverage: number;
    crps: number;
    crps_time_avg: number | null;
    pit: number;
    title: string;
    type: ContinuousQuestionType;
    unit: string;
    value: number;
  }>;
  return rows.map((r) => ({
    row: {
      question: r.question_id,
      forecaster: handle,
      finalLogScore: r.final_log_score,
      baseline: r.baseline,
      peer: r.peer,
      coverage: r.coverage,
      crps: r.crps,
      crpsTimeAvg: r.crps_time_avg,
      pit: r.pit,
    },
    title: r.title,
    type: r.type,
    unit: r.unit,
    outcome: r.value,
    resolveTime: r.resolve_time,
  }));
}

/** Kept PIT samples over the selected questions: one forecaster's (`handle`) or everyone's (null), in resolve order. */
export function keptPitSamples(db: Db, handle: string | null, kind: "final" | "time_weighted", filter: ResolvedQuestionFilter = {}): PitSample[] {
  const { where, params } = keptWhere(db, filter);
  const rows = sqliteOf(db)
    .prepare(
      `select k.p, k.w from kept_calibration_samples k${handle === null ? "" : ` ${BY_FORECASTER}`} join user u on u.id = k.forecaster_id
       where ${where} and k.kind = ?${handle === null ? "" : " and u.handle = ?"} order by k.resolve_time, k.question_id, k.id`,
    )
    .raw()
    .all(...params, `pit_${kind}`, ...(handle === null ? [] : [handle])) as Array<[number, number]>;
  return rows.map(([pit, weight]) => ({ pit, weight }));
}

export interface ContinuousCrowdInputs {
  /** Each resolved numeric or date question's aggregate scores, soonest resolution first. */
  questions: QuestionContinuousAggregateScores[];
  /** Everyone's final PIT samples. */
  everyoneFinal: PitSample[];
}

function emptyAggregateScores(): Record<ContinuousAggregationMethod, ContinuousAggregateScore | null> {
  return Object.fromEntries(CONTINUOUS_AGGREGATION_METHODS.map((m) => [m, null])) as Record<ContinuousAggregationMethod, ContinuousAggregateScore | null>;
}

/** The crowd page's numeric and date inputs from the kept crowd scores and samples. */
export function keptContinuousCrowdInputs(db: Db, filter: ResolvedQuestionFilter = {}): ContinuousCrowdInputs {
  const { where, params } = keptWhere(db, filter);
  const rows = sqliteOf(db)
    .prepare(
      `select k.question_id, k.method, k.log_score, k.crps, k.pit from kept_crowd_scores k join questions q on q.id = k.question_id
       where ${where} and q.type in ${CONTINUOUS_TYPES_SQL} order by k.resolve_time, k.question_id`,
    )
    .raw()
    .all(...params) as Array<[string, ContinuousAggregationMethod, number | null, number | null, number | null]>;
  const questions: QuestionContinuousAggregateScores[] = [];
  const byId = new Map<string, QuestionContinuousAggregateScores>();
  for (const [questionId, method, logScore, crps, pit] of rows) {
    let entry = byId.get(questionId);
    if (!entry) {
      entry = { questionId, aggregateScores: emptyAggregateScores() };
      byId.set(questionId, entry);
      questions.push(entry);
    }
    entry.aggregateScores[method] = logScore === null || crps === null || pit === null ? null : { logScore, crps, pit };
  }
  return { questions, everyoneFinal: keptPitSamples(db, null, "final", filter) };
}

/** The crowd's track record on numeric and date questions from the kept rows, `bins` PIT bins, kept (keptMemo). */
export function keptContinuousCrowdRecord(db: Db, filter: ResolvedQuestionFilter, bins: number): ContinuousCrowdRecord {
  return keptMemo(db, "continuous-crowd-record", `${keptFilterKey(db, filter)} ${bins}`, () => {
    const inputs = keptContinuousCrowdInputs(db, filter);
    return continuousCrowdRecord(inputs.questions, inputs.everyoneFinal, bins);
  });
}

// ---- Scored on the request: a people-only or bots-only view on a desk with bots ----

export interface ResolvedContinuousInput {
  question: ContinuousQuestion;
  /** Every CDF forecast on it in insertion order, forecaster = handle. */
  forecasts: ContinuousForecastRecord[];
}

/**
 * The numeric and date questions resolved to a value in the filter's period and tag, each with the
 * forecasts of the filter's population (forecasters by handle), soonest resolution first, ties by id;
 * and everyone with a forecast on them, by handle.
 */
export function loadResolvedContinuousQuestions(
  db: Db,
  filter: ResolvedQuestionFilter = {},
): { questions: ResolvedContinuousInput[]; forecasters: ForecasterName[] } {
  const sqlite = sqliteOf(db);
  const conditions = periodAndTagConditions(filter, { resolveTime: "r.resolve_time", questionId: "q.id" });
  const parts = [`q.type in ${CONTINUOUS_TYPES_SQL}`, "r.annulled = 0", "r.value is not null", ...conditions.parts];
  const params = conditions.params;
  const ids = (
    sqlite
      .prepare(
        `select q.id from questions q join resolutions r on r.question_id = q.id where ${parts.join(" and ")} order by r.resolve_time, q.id`,
      )
      .raw()
      .all(...params) as Array<[string]>
  ).map((r) => r[0]);
  const byId = new Map(getQuestions(db, ids).filter(isContinuousQuestion).map((q) => [q.id, q]));
  const questions = ids.map((id) => byId.get(id)!);
  const population = filter.population ?? "both";
  const bots = population === "both" ? null : botIdentities(db).handles;
  const forecastsOf = sqlite.prepare(
    "select u.handle, u.name, f.made_at, f.cdf from continuous_forecasts f join user u on u.id = f.forecaster_id where f.question_id = ? order by f.id",
  );
  const names = new Map<string, string>();
  const loaded = questions.map((question) => {
    const forecasts: ContinuousForecastRecord[] = [];
    for (const [handle, name, time, cdf] of forecastsOf.raw().all(question.id) as Array<[string, string, number, Buffer]>) {
      if (bots && handle !== filter.alsoForecaster && !inPopulation(bots.has(handle), population)) continue;
      forecasts.push({ forecaster: handle, time, cdf: decodeCdf(cdf) });
      names.set(handle, name);
    }
    return { question, forecasts };
  });
  const forecasters = [...names].map(([handle, name]) => ({ handle, name }));
  forecasters.sort((a, b) => compareCodePoints(a.handle, b.handle));
  return { questions: loaded, forecasters };
}

/**
 * One forecaster's numeric and date record as the profile (and the API's scores) show it: their rows and
 * the PIT calibration of their `sample`, their forecasts set against everyone of `population` (the peer
 * score and the crowd follow it; the forecaster always counts). From the kept rows when they answer for
 * the population, else scored on the request.
 */
export function forecasterContinuousRecord(
  db: Db,
  handle: string,
  options: ForecasterContinuousOptions,
): { rows: ContinuousScoredRow[]; calibration: PitCalibration } {
  // Read once while the database is unchanged (db/queries/read-memo): a profile is visited far more
  // often than its forecaster's questions resolve.
  return memoWhileUnchanged(sqliteOf(db), "forecaster-continuous-record", JSON.stringify([handle, options]), () =>
    readForecasterContinuousRecord(db, handle, options),
  );
}

type ForecasterContinuousOptions = { filter: ResolvedQuestionFilter; population: Population; sample: "final" | "time_weighted"; bins: number };

function readForecasterContinuousRecord(
  db: Db,
  handle: string,
  options: ForecasterContinuousOptions,
): { rows: ContinuousScoredRow[]; calibration: PitCalibration } {
  const { filter, population, sample, bins } = options;
  if (ownRowsKept(db, handle, population)) {
    const kept = { ...filter, population };
    return { rows: keptContinuousRows(db, handle, kept), calibration: calibratePits(keptPitSamples(db, handle, sample, kept), bins) };
  }
  const loaded = loadResolvedContinuousQuestions(db, { ...filter, population, alsoForecaster: handle }).questions;
  const scored = scoreContinuousQuestions(loaded);
  const rows: ContinuousScoredRow[] = [];
  const samples: PitSample[] = [];
  scored.forEach((s, i) => {
    const q = loaded[i].question;
    for (const r of s.rows) {
      if (r.forecaster !== handle) continue;
      const { finalCdf: _finalCdf, ...row } = r; // eslint-disable-line @typescript-eslint/no-unused-vars
      rows.push({ row, title: q.title, type: q.type, unit: q.scale.unit, outcome: q.outcome?.kind === "value" ? q.outcome.value : NaN, resolveTime: q.resolveTime! });
      if (sample === "final") samples.push({ pit: r.pit, weight: 1 });
    }
    if (sample === "time_weighted") for (const p of s.timeWeightedPits) if (p.forecaster === handle) samples.push({ pit: p.pit, weight: p.weight });
  });
  return { rows, calibration: calibratePits(samples, bins) };
}
