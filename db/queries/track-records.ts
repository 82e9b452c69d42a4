import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce, sqliteOf } from "@/db/queries/connection";
import { listForecastsByHandle } from "@/db/queries/forecasts";
import { getQuestions } from "@/db/queries/questions";
import { questions, questionTags, tags } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import { users } from "@/db/schema/users";
import type { ForecasterName, ResolvedQuestionInput } from "@/lib/track-records/resolved-question";
import { isDiscreteQuestion, type ForecastRecord } from "@/lib/types";
import { compareCodePoints } from "@/lib/code-point-order";
import { botIdentities } from "@/db/queries/bots";
import { inPopulation, type Population } from "@/lib/population";
import { keptGeneration, keptPopulationFor } from "@/db/queries/kept-scores";
import { memoWhileStamp, memoWhileUnchanged } from "@/db/queries/read-memo";
import { FORECASTER_SUMMARY } from "@/db/queries/kept-forecaster-totals";
import type { CalibrationSample } from "@/lib/calibration/samples";
import type { ScoreRow } from "@/lib/scoring/question-scores";
import type { ContinuousRowScores, TrackRecordSummary } from "@/lib/track-records/continuous-record";
import { crowdRecordFrom, type CrowdRecord, type CrowdRecordInputs } from "@/lib/track-records/crowd-record";
import { higherIsBetter, rankCandidates, type LeaderboardEntry, type LeaderboardRanking, type RankedEntry } from "@/lib/track-records/leaderboard";
import { questionPage } from "@/lib/question-paging";
import type { QuestionAggregateScores } from "@/lib/track-records/method-record";
import {
  forecasterRecord,
  forecasterRecordFromRows,
  scoredRow,
  scoreResolvedQuestions,
  type CalibrationSampleKind,
  type ForecasterRecord,
  type ScoredRow,
} from "@/lib/track-records/team-record";
import { AGGREGATION_METHODS, type AggregationMethod } from "@/lib/types";

export interface ResolvedQuestionFilter {
  /** Resolve time ≥ from (UTC epoch ms); null: no lower bound. */
  from?: number | null;
  /** Resolve time < to; null: no upper bound. */
  to?: number | null;
  /** Only questions carrying this tag. */
  tag?: string | null;
  /** Whose forecasts count: people, bots or both (default both: every forecast). */
  population?: Population;
  /** A forecaster (handle) whose forecasts count whatever the population: a profile sets the forecaster against the population's crowd. */
  alsoForecaster?: string;
}

export interface TrackRecordInputs {
  /** Resolved (not annulled) questions, soonest resolution first, ties by id. */
  questions: ResolvedQuestionInput[];
  /** Everyone with a forecast on those questions, by handle. */
  forecasters: ForecasterName[];
}

/**
 * The resolved (not annulled: annulled questions get no scores) questions whose resolve time lies in
 * [from, to) and that carry `tag`, each with every forecast on it in (made_at, id) order, forecasters
 * named by handle: the inputs of the track-record math (lib/track-records/team-record).
 */
export function loadResolvedQuestions(db: Db, filter: ResolvedQuestionFilter = {}): TrackRecordInputs {
  // Binary and scenario questions: the engine these inputs feed scores only them.
  const conds: SQL[] = [eq(resolutions.annulled, false), inArray(questions.type, ["binary", "multiple_choice"])];
  if (filter.from != null) conds.push(gte(resolutions.resolveTime, filter.from));
  if (filter.to != null) conds.push(lt(resolutions.resolveTime, filter.to));
  if (filter.tag)
    conds.push(
      inArray(
        questions.id,
        db
          .select({ id: questionTags.questionId })
          .from(questionTags)
          .innerJoin(tags, eq(tags.id, questionTags.tagId))
          .where(eq(tags.name, filter.tag)),
      ),
    );
  const ids = db
    .select({ id: questions.id })
    .from(questions)
    .innerJoin(resolutions, eq(resolutions.questionId, questions.id))
    .where(and(...conds))
    .orderBy(asc(resolutions.resolveTime), asc(questions.id))
    .all()
    .map((r) => r.id);
  const byQuestion = new Map<string, ForecastRecord[]>(ids.map((id) => [id, []]));
  const names = new Map<string, string>();
  const population = filter.population ?? "both";
  const bots = population === "both" ? null : botIdentities(db).handles;
  for (const f of listForecastsByHandle(db, ids)) {
    if (bots && f.forecaster !== filter.alsoForecaster && !inPopulation(bots.has(f.forecaster), population)) continue;
    byQuestion.get(f.question)!.push({ forecaster: f.forecaster, time: f.time, probabilities: f.probabilities });
    names.set(f.forecaster, f.name);
  }
  // Insertion order in, (made_at, id) order out: a stable sort by time.
  for (const list of byQuestion.values()) list.sort((a, b) => a.time - b.time);
  const loaded = getQuestions(db, ids).filter(isDiscreteQuestion).map(
    (q): ResolvedQuestionInput => ({ question: q, forecasts: byQuestion.get(q.id)! }),
  );
  const forecasters = [...names].map(([handle, name]) => ({ handle, name }));
  forecasters.sort((a, b) => compareCodePoints(a.handle, b.handle));
  return { questions: loaded, forecasters };
}

/** Tag names that label at least one resolved question, alphabetical (the tag filter's choices). */
export function listResolvedQuestionTags(db: Db): string[] {
  return preparedOnce(db, prepareResolvedQuestionTags)
    .all()
    .map((r) => r.name);
}

function prepareResolvedQuestionTags(db: Db) {
  return db
    .selectDistinct({ name: tags.name })
    .from(tags)
    .innerJoin(questionTags, eq(questionTags.tagId, tags.id))
    .innerJoin(resolutions, eq(resolutions.questionId, questionTags.questionId))
    .where(eq(resolutions.annulled, false))
    .orderBy(asc(tags.name))
    .prepare();
}

/** The name behind a handle (profile header), or null for an unknown handle. */
export function findForecasterName(db: Db, handle: string): ForecasterName | null {
  return preparedOnce(db, prepareForecasterName).get({ handle }) ?? null;
}

function prepareForecasterName(db: Db) {
  return db.select({ handle: users.handle, name: users.name }).from(users).where(eq(users.handle, sql.placeholder("handle"))).prepare();
}

// ---- Kept rows (db/schema/kept-scores.ts): what the track-record pages read per request ----

/**
 * The WHERE clause of a kept table (alias `k`) for a population (default both: everyone), period and
 * tag, with its parameters. Bots only is never kept (keptRowsServe says no).
 */
export function keptWhere(db: Db, filter: ResolvedQuestionFilter): { where: string; params: unknown[] } {
  const population = keptPopulationFor(db, filter.population ?? "both");
  if (population === null) throw new Error("no kept rows answer for bots only: score them on the request");
  const { parts, params } = periodAndTagConditions(filter, { resolveTime: "k.resolve_time", questionId: "k.question_id" });
  return { where: ["k.population = ?", ...parts].join(" and "), params: [population, ...params] };
}

/**
 * The period and tag conditions of a filter on a resolve-time column and a question-id column, with
 * their parameters (none: an empty list).
 */
export function periodAndTagConditions(
  filter: ResolvedQuestionFilter,
  columns: { resolveTime: string; questionId: string },
): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.from != null) {
    parts.push(`${columns.resolveTime} >= ?`);
    params.push(filter.from);
  }
  if (filter.to != null) {
    parts.push(`${columns.resolveTime} < ?`);
    params.push(filter.to);
  }
  if (filter.tag) {
    parts.push(`${columns.questionId} in (select qt.question_id from question_tags qt join tags t on t.id = qt.tag_id where t.name = ?)`);
    params.push(filter.tag);
  }
  return { parts, params };
}

/** How many resolved (not annulled) questions the filter selects. */
export function countScoredQuestions(db: Db, filter: ResolvedQuestionFilter = {}): number {
  const { where, params } = keptWhere(db, filter);
  // a count over every kept crowd score (~5 ms at 1M), the same for every visitor until a write
  return memoWhileUnchanged(sqliteOf(db), "scored-question-count", JSON.stringify([where, params]), () => {
    const row = sqliteOf(db)
      .prepare(`select count(distinct k.question_id) as n from kept_crowd_scores k where ${where}`)
      .get(...params) as { n: number };
    return row.n;
  });
}

/**
 * Each forecaster's track-record summary over the selected resolved questions, from the kept score
 * rows (lib/track-record summariseForecaster's means and sums: a mean skips nulls, as SQL's avg does).
 * Unfiltered (every resolved question), the kept per-forecaster totals (one row each); a period or
 * tag runs the same summary (FORECASTER_SUMMARY) as one GROUP BY over the rows it keeps. Only
 * forecasters with at least one score row; unordered (rankLeaderboard orders).
 */
export function leaderboardEntries(db: Db, filter: ResolvedQuestionFilter = {}, forecasterIds?: readonly string[]): LeaderboardEntry<TrackRecordSummary>[] {
  const kept = keptWhere(db, filter);
  const { params } = kept;
  let { where } = kept;
  if (forecasterIds) {
    where += " and k.forecaster_id in (select value from json_each(?))";
    params.push(JSON.stringify(forecasterIds));
  }
  const rows = sqliteOf(db)
    .prepare(
      isUnfiltered(filter)
        ? `select u.handle, u.name, k.* from kept_forecaster_totals k join user u on u.id = k.forecaster_id where ${where}`
        : `select u.handle, u.name, ${FORECASTER_SUMMARY}
           from kept_score_rows k join user u on u.id = k.forecaster_id where ${where} group by k.forecaster_id`,
    )
    .all(...params) as Array<Record<string, number | null> & { handle: string; name: string; n_questions: number }>;
  return rows.map((r) => ({
    handle: r.handle,
    name: r.name,
    summary: {
      nQuestions: r.n_questions,
      meanFinalBrier: r.mean_final_brier,
      meanBrierTimeAvg: r.mean_brier_time_avg,
      meanRelativeBrier: r.mean_relative_brier,
      meanFinalLogScore: r.mean_final_log_score,
      meanBaseline: r.mean_baseline,
      sumBaseline: r.sum_baseline ?? 0,
      meanPeer: r.mean_peer,
      sumPeer: r.sum_peer ?? 0,
      meanCoverage: r.mean_coverage,
      meanFinalLogScoreContinuous: r.mean_final_log_score_continuous,
      meanCrps: r.mean_crps,
      meanCrpsTimeAvg: r.mean_crps_time_avg,
      meanPit: r.mean_pit,
    },
  }));
}

/** Every resolved question (no period, no tag): the kept per-forecaster totals answer. */
const isUnfiltered = (filter: ResolvedQuestionFilter) => filter.from == null && filter.to == null && !filter.tag;

/** The column of kept_forecaster_totals, and of kept_score_rows averaged, that each ranking reads (FORECASTER_SUMMARY's means). */
const RANKING_COLUMNS: Record<LeaderboardRanking, { total: string; row: string }> = {
  peer: { total: "mean_peer", row: "peer" },
  baseline: { total: "mean_baseline", row: "baseline" },
  relative_brier: { total: "mean_relative_brier", row: "relative_brier" },
  brier: { total: "mean_final_brier", row: "final_brier" },
  crps: { total: "mean_crps", row: "crps" },
};

export interface LeaderboardPage {
  /** The page's forecasters, ranked, each with its whole summary. */
  shown: RankedEntry<TrackRecordSummary>[];
  page: number;
  pageCount: number;
  /** Forecasters ranked (those with at least minQuestions). */
  total: number;
}

/**
 * One page of the leaderboard from the kept rows: what rankLeaderboard gives for
 * leaderboardEntries(db, filter), sliced to the page. Ranking reads each forecaster's count and the
 * one value ranked on (two columns, not the summary's sixteen: at 2,000 forecasters that was most of
 * the page's time); only the page's forecasters have their whole summary read. Kept while the
 * database is unchanged (db/queries/read-memo): ranking 2,000 forecasters is ~10 ms of server time at 1M,
 * the same for every visitor; any write (a new name orders ties differently) reads it again.
 */
export function leaderboardPage(
  db: Db,
  filter: ResolvedQuestionFilter,
  ranking: LeaderboardRanking,
  minQuestions: number,
  requestedPage: number,
  perPage: number,
): LeaderboardPage {
  const { where, params } = keptWhere(db, filter);
  const key = JSON.stringify([where, params, isUnfiltered(filter), ranking, minQuestions, requestedPage, perPage]);
  return memoWhileUnchanged(sqliteOf(db), "leaderboard-page", key, () => {
    const column = RANKING_COLUMNS[ranking];
    // Read best first, so rankCandidates' sort (the one definition of the order) finds one ascending
    // run and only orders ties by name: n comparisons, not n log n.
    const order = higherIsBetter(ranking) ? "desc nulls last" : "asc nulls last";
    const rows = sqliteOf(db)
      .prepare(
        isUnfiltered(filter)
          ? `select k.forecaster_id, u.handle, u.name, k.n_questions, k.${column.total} as value
             from kept_forecaster_totals k join user u on u.id = k.forecaster_id where ${where} order by value ${order}`
          : `select k.forecaster_id, u.handle, u.name, count(*), avg(k.${column.row}) as value
             from kept_score_rows k join user u on u.id = k.forecaster_id where ${where} group by k.forecaster_id order by value ${order}`,
      )
      .raw()
      .all(...params) as Array<[string, string, string, number, number | null]>;
    const candidates = rows.map(([forecasterId, handle, name, nQuestions, value]) => ({ forecasterId, handle, name, nQuestions, value }));
    const { items, page, pageCount, total } = questionPage(rankCandidates(candidates, ranking, minQuestions), requestedPage, perPage);
    const summaries = new Map(
      leaderboardEntries(
        db,
        filter,
        items.map((c) => c.forecasterId),
      ).map((e) => [e.handle, e.summary]),
    );
    const shown = items.map(({ handle, name, value, rank }) => ({ handle, name, value, rank, summary: summaries.get(handle)! }));
    return { shown, page, pageCount, total };
  });
}

type KeptRow = {
  question_id: string;
  final_probabilities: string | null;
  final_brier: number;
  final_log_score: number;
  brier_time_avg: number | null;
  relative_brier: number;
  baseline: number;
  peer: number;
  coverage: number;
};

/** One forecaster's kept score rows over the selected questions, soonest resolution first, with their questions. */
export function forecasterScoredRows(db: Db, handle: string, filter: ResolvedQuestionFilter = {}): ScoredRow[] {
  const { where, params } = keptWhere(db, filter);
  const rows = sqliteOf(db)
    .prepare(
      `select k.* from kept_score_rows k join user u on u.id = k.forecaster_id
       where ${where} and k.pit is null and u.handle = ? order by k.resolve_time, k.question_id`,
    )
    .all(...params, handle) as KeptRow[];
  const questionsById = new Map(getQuestions(db, rows.map((r) => r.question_id)).filter(isDiscreteQuestion).map((q) => [q.id, q]));
  const out: ScoredRow[] = [];
  for (const r of rows) {
    const row: ScoreRow = {
      question: r.question_id,
      forecaster: handle,
      finalProbabilities: r.final_probabilities === null ? [] : (JSON.parse(r.final_probabilities) as number[]),
      finalBrier: r.final_brier,
      finalLogScore: r.final_log_score,
      brierTimeAvg: r.brier_time_avg,
      relativeBrier: r.relative_brier,
      baseline: r.baseline,
      peer: r.peer,
      coverage: r.coverage,
    };
    const entry = scoredRow(questionsById.get(r.question_id)!, row);
    if (entry) out.push(entry);
  }
  return out;
}

/**
 * One forecaster's kept samples are found by their index: without it SQLite would rather walk every
 * sample of the kind in the covering index's order (no sort) than the forecaster's few (and sort).
 */
export const BY_FORECASTER = "indexed by kept_calibration_samples_forecaster_idx";

/**
 * Kept calibration samples over the selected questions, in resolve order (then question, then the
 * order the engine gave them): one forecaster's (`handle`), or everyone's (`handle` null).
 */
export function keptForecasterSamples(
  db: Db,
  handle: string | null,
  kind: "final" | "time_weighted",
  filter: ResolvedQuestionFilter = {},
): CalibrationSample[] {
  const { where, params } = keptWhere(db, filter);
  const rows = sqliteOf(db)
    .prepare(
      `select k.p, k.y, k.w, k.question_id, u.handle from kept_calibration_samples k${handle === null ? "" : ` ${BY_FORECASTER}`} join user u on u.id = k.forecaster_id
       where ${where} and k.kind = ?${handle === null ? "" : " and u.handle = ?"} order by k.resolve_time, k.question_id, k.id`,
    )
    .raw()
    .all(...params, kind, ...(handle === null ? [] : [handle])) as Array<[number, 0 | 1, number, string, string]>;
  return rows.map(([p, y, w, question, forecaster]) => ({ p, y, w, question, forecaster }));
}

/**
 * Values derived from the kept rows alone (the crowd page's inputs and its records), kept per
 * connection while no write changed the kept rows (keptGeneration; db/queries/read-memo): at 1M the
 * crowd page's inputs are ~100,000 samples and its record a fit over 500 questions, the same for
 * every visitor until the next resolution.
 */
export function keptMemo<T>(db: Db, kind: string, key: string, compute: () => T): T {
  return memoWhileStamp(sqliteOf(db), String(keptGeneration(db)), kind, key, compute);
}

/** The memo key of a filter: the kept rows' condition it selects. */
export const keptFilterKey = (db: Db, filter: ResolvedQuestionFilter) => JSON.stringify(Object.values(keptWhere(db, filter)));

/** The crowd page's inputs from the kept crowd scores and samples (lib/track-records/crowd-record crowdRecordFrom), kept (keptMemo). */
export function crowdRecordInputs(db: Db, filter: ResolvedQuestionFilter = {}): CrowdRecordInputs {
  return keptMemo(db, "crowd-inputs", keptFilterKey(db, filter), () => readCrowdRecordInputs(db, filter));
}

/** The crowd's track record (binary and scenario questions) from the kept rows, `bins` calibration bins, kept (keptMemo). */
export function keptCrowdRecord(db: Db, filter: ResolvedQuestionFilter, bins: number): CrowdRecord {
  return keptMemo(db, "crowd-record", `${keptFilterKey(db, filter)} ${bins}`, () => crowdRecordFrom(crowdRecordInputs(db, filter), bins));
}

function readCrowdRecordInputs(db: Db, filter: ResolvedQuestionFilter): CrowdRecordInputs {
  const { where, params } = keptWhere(db, filter);
  const sqlite = sqliteOf(db);
  const scores = sqlite
    .prepare(
      `select k.question_id, k.method, k.brier, k.log_score from kept_crowd_scores k join questions q on q.id = k.question_id
       where ${where} and q.type in ('binary', 'multiple_choice') order by k.resolve_time, k.question_id`,
    )
    .raw()
    .all(...params) as Array<[string, AggregationMethod, number | null, number | null]>;
  const questions: QuestionAggregateScores[] = [];
  const byId = new Map<string, QuestionAggregateScores>();
  for (const [questionId, method, brier, logScore] of scores) {
    let entry = byId.get(questionId);
    if (!entry) {
      entry = { questionId, aggregateScores: Object.fromEntries(AGGREGATION_METHODS.map((m) => [m, null])) as QuestionAggregateScores["aggregateScores"] };
      byId.set(questionId, entry);
      questions.push(entry);
    }
    entry.aggregateScores[method] = brier === null || logScore === null ? null : { brier, logScore };
  }
  const crowdSamples = Object.fromEntries(AGGREGATION_METHODS.map((m) => [m, [] as CalibrationSample[]])) as CrowdRecordInputs["crowdSamples"];
  const samples = sqlite
    .prepare(`select k.method, k.p, k.y, k.w, k.question_id from kept_calibration_samples k where ${where} and k.kind = 'crowd' order by k.resolve_time, k.question_id`)
    .raw()
    .all(...params) as Array<[AggregationMethod, number, 0 | 1, number, string]>;
  for (const [method, p, y, w, question] of samples) crowdSamples[method].push({ p, y, w, question });
  return { questions, crowdSamples, finalSamples: keptEveryonesFinalSamples(db, filter) };
}

/**
 * Everyone's final samples over the selected questions (keptForecasterSamples(db, null, "final"),
 * without the forecaster), read as a list of P(yes) and one (question, count, y, w) row per question:
 * a final sample's outcome is its question's and its weight 1 (lib/calibration/samples finalSamples),
 * so ~100k samples cost two index scans instead of one JavaScript row each. Falls back to a row per
 * sample when a question's samples differ in y or w.
 */
function keptEveryonesFinalSamples(db: Db, filter: ResolvedQuestionFilter): CalibrationSample[] {
  const { where, params } = keptWhere(db, filter);
  const sqlite = sqliteOf(db);
  const groups = sqlite
    .prepare(
      `select k.question_id, count(*), min(k.y), max(k.y), min(k.w), max(k.w) from kept_calibration_samples k
       where ${where} and k.kind = 'final' group by k.resolve_time, k.question_id order by k.resolve_time, k.question_id`,
    )
    .raw()
    .all(...params) as Array<[string, number, 0 | 1, 0 | 1, number, number]>;
  if (groups.some(([, , yMin, yMax, wMin, wMax]) => yMin !== yMax || wMin !== wMax))
    return keptForecasterSamples(db, null, "final", filter).map(({ p, y, w, question }) => ({ p, y, w, question }));
  const ps = sqlite
    .prepare(`select k.p from kept_calibration_samples k where ${where} and k.kind = 'final' order by k.resolve_time, k.question_id, k.id`)
    .pluck()
    .all(...params) as number[];
  const samples: CalibrationSample[] = new Array(ps.length);
  let i = 0;
  for (const [question, n, y, , w] of groups) for (let j = 0; j < n; j++, i++) samples[i] = { p: ps[i], y, w, question };
  return samples;
}

/**
 * One forecaster's track record as their profile page (and the API's scores) show it: their own
 * forecasts scored against everyone of `population` (the comparison crowd, peer and relative scores
 * follow it; the forecaster always counts, so a bot's profile shows its own record). From the kept rows
 * when they answer for the population, else scored on the request.
 */
export function forecasterTrackRecord(
  db: Db,
  handle: string,
  options: { filter: ResolvedQuestionFilter; population: Population; sample: CalibrationSampleKind; bins: number },
  /** The forecaster's numeric and date rows (db/queries/continuous-track-records), pooled into the summary. */
  continuousRows: readonly ContinuousRowScores[] = [],
): ForecasterRecord {
  // Read once while the database is unchanged (db/queries/read-memo): a profile is visited far more
  // often than its forecaster's questions resolve.
  return memoWhileUnchanged(sqliteOf(db), "forecaster-record", JSON.stringify([handle, options, continuousRows]), () =>
    readForecasterTrackRecord(db, handle, options, continuousRows),
  );
}

function readForecasterTrackRecord(
  db: Db,
  handle: string,
  options: { filter: ResolvedQuestionFilter; population: Population; sample: CalibrationSampleKind; bins: number },
  continuousRows: readonly ContinuousRowScores[],
): ForecasterRecord {
  const { filter, population, sample, bins } = options;
  if (ownRowsKept(db, handle, population)) {
    const kept = { ...filter, population };
    return forecasterRecordFromRows(forecasterScoredRows(db, handle, kept), keptForecasterSamples(db, handle, sample, kept), bins, continuousRows);
  }
  const inputs = loadResolvedQuestions(db, { ...filter, population, alsoForecaster: handle });
  return forecasterRecord(scoreResolvedQuestions(inputs.questions), handle, { sample, bins }, continuousRows);
}

/** Whether a forecaster's own kept rows answer for `population` (the kept people rows leave bots out entirely). */
export function ownRowsKept(db: Db, handle: string, population: Population): boolean {
  return keptRowsServe(db, population) && !(population === "people" && botIdentities(db).handles.has(handle));
}

/**
 * True when kept rows answer for `population`: everyone, and people only (the kept "people" rows on a
 * desk with bots, everyone's without). Bots only is scored on the request (loadResolvedQuestions with
 * `population`).
 */
export function keptRowsServe(db: Db, population: Population): boolean {
  return keptPopulationFor(db, population) !== null;
}
