import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { sqliteOf } from "@/db/queries/connection";
import { listCdfForecasts } from "@/db/queries/continuous-questions";
import { BatchedInsert } from "@/db/queries/batched-insert";
import { BULK_LOAD, keptRowsByPopulation, type KeptQuestionRows, type KeptRowsSource, type StartKeptRows } from "@/db/queries/kept-rows";
import { memoWhileUnchanged } from "@/db/queries/read-memo";
import { writeKeptContinuousQuestion } from "@/db/queries/kept-continuous-scores";
import { rebuildForecasterTotals, refreshForecasterTotals, scoredForecastersOf, TOTALS_COLUMNS } from "@/db/queries/kept-forecaster-totals";
import { getQuestions } from "@/db/queries/questions";
import type { KeptPopulation } from "@/db/schema/kept-scores";
import type { Population } from "@/lib/population";
import { poolForecasts } from "@/lib/aggregation/crowd-forecast";
import { closeHistoryAt, recencyWeightedMedianHistory, type CrowdHistoryPoint } from "@/lib/aggregation/crowd-series";
import type { QuestionScores, ScoreRow } from "@/lib/scoring/question-scores";
import { compareCodePoints } from "@/lib/code-point-order";
import { medianForecasterLine, questionScoreSummary, type QuestionScoreSummary } from "@/lib/track-records/question-score-summary";
import { positionFrom, type MyPosition } from "@/lib/my-forecasts";
import { readForecasts } from "@/lib/probability";
import { countedForecasts, latestPositions, withLatestForecast } from "@/lib/standing-forecast";
import { AGGREGATION_METHODS, DEFAULT_AGGREGATION_METHOD, type AggregationMethod, type DiscreteQuestion, type ForecastRecord, isDiscreteQuestion } from "@/lib/types";

// Writes the kept tables (db/schema/kept-scores.ts) from the engine in lib/: every number is what
// scoreQuestion, timeWeightedSamples and the crowd history compute from the stored forecasts and
// resolution; this file only chooses what to recompute and stores it. Callers run these inside the
// transaction of the write that changes the inputs, so readers never see stale kept rows.

/** Bump when what the kept tables hold changes: `prepare` (npm start) then rebuilds them. */
export const KEPT_TABLES_VERSION = 5; // 3: numeric and date questions; 4: kept_latest_forecasts; 5: kept_forecaster_totals
const VERSION_KEY = "kept_tables_version";
const GENERATION_KEY = "kept_generation";
const EVERYONE: KeptPopulation = "everyone";
const PEOPLE: KeptPopulation = "people";

/** The user ids of the desk's bot accounts (db/queries/bots; read here to keep this file below it). */
function botIdsOf(sqlite: Database.Database): Set<string> {
  return new Set((statementsOf(sqlite).botIds.all() as Array<[string]>).map((r) => r[0]));
}

/**
 * The kept population that answers for a page's population, or null when none does (bots only: scored
 * on the request). People only is "everyone" on a desk without bots, the kept "people" rows otherwise.
 */
export function keptPopulationFor(db: Db, population: Population): KeptPopulation | null {
  if (population === "both") return EVERYONE;
  if (population === "bots") return null;
  return botIdsOf(sqliteOf(db)).size > 0 ? PEOPLE : EVERYONE;
}

/**
 * After `userId` became a bot or a person again (call in that write's transaction, only when it
 * changed): the people-only rows. The first bot on a desk copies every question's rows to "people"
 * (equal on questions no bot forecast on) and rescores the questions it forecast on; the last one
 * leaving deletes them; otherwise only the questions it forecast on change.
 */
export function refreshKeptAfterBotChange(db: Db, userId: string): void {
  const sqlite = sqliteOf(db);
  const bots = botIdsOf(sqlite);
  if (bots.size === 0) {
    for (const table of [...DELETES, "kept_forecaster_totals"]) sqlite.prepare(`delete from ${table} where population = ?`).run(PEOPLE);
    bumpKeptGeneration(sqlite);
    return;
  }
  const forecastOn = (
    sqlite
      .prepare("select question_id from forecasts where forecaster_id = ? union select question_id from continuous_forecasts where forecaster_id = ?")
      .raw()
      .all(userId, userId) as Array<[string]>
  ).map((r) => r[0]);
  if (bots.size === 1 && bots.has(userId)) {
    for (const [table, columns] of Object.entries(KEPT_COLUMNS))
      sqlite
        .prepare(`insert into ${table} (population, ${columns}) select ?, ${columns} from ${table} where population = ?${WITHOUT_ROWID.has(table) ? "" : " order by rowid"}`)
        .run(PEOPLE, EVERYONE);
  }
  refreshKeptScores(db, forecastOn);
}

/** Kept tables stored WITHOUT ROWID (migration import11_kept_without_rowid): rows in primary key order, no rowid. */
const WITHOUT_ROWID = new Set(["kept_score_rows", "kept_crowd_history"]);

/** Each kept table's columns but its population (and the samples' id). */
const KEPT_COLUMNS: Record<string, string> = {
  kept_score_rows:
    "question_id, forecaster_id, resolve_time, final_probabilities, final_brier, final_log_score, brier_time_avg, relative_brier, baseline, peer, coverage, crps, crps_time_avg, pit",
  kept_crowd_scores: "question_id, method, resolve_time, probabilities, brier, log_score, crps, pit",
  kept_calibration_samples: "question_id, kind, forecaster_id, method, resolve_time, p, y, w",
  kept_crowd_history: "question_id, method, time, probabilities, forecasters",
  // Equal too for a forecaster with no rows on the questions the bot forecast on; refreshKeptScores
  // recomputes the others' totals.
  kept_forecaster_totals: TOTALS_COLUMNS.replace(/^population, /, ""),
};

/** The kept tables' statements, prepared once per connection (preparing them per question cost more than running them). */
interface KeptStatements {
  botIds: Database.Statement;
  forecastsOf: Database.Statement;
  deleteLatest: Database.Statement;
  insertLatestOf: Database.Statement;
  upsertLatest: Database.Statement;
  standingOf: Database.Statement;
  crowdAt: Database.Statement;
  laterHistory: Database.Statement;
  deleteHistory: Database.Statement;
  upsertHistory: Database.Statement;
  deletes: Database.Statement[];
  insertHistory: Database.Statement;
  latestRows: BatchedInsert;
  /** writeQuestion's rows, many per statement (flushed at the end of each question). */
  historyRows: BatchedInsert;
  scoreRows: BatchedInsert;
  crowdRows: BatchedInsert;
  sampleRows: BatchedInsert;
}
const preparedStatements = new WeakMap<Database.Database, KeptStatements>();

/**
 * A question's kept latest forecasts with their probabilities, in standing order: what a new forecast's
 * crowd point pools (read from kept_latest_forecasts_question_time_idx alone, unsorted).
 */
export const STANDING_OF_SQL = `select l.forecaster_id, l.made_at, l.forecast_id, f.probabilities from kept_latest_forecasts l join forecasts f on f.id = l.forecast_id
  where l.question_id = ? order by l.made_at, l.forecast_id`;

function statementsOf(sqlite: Database.Database): KeptStatements {
  let kept = preparedStatements.get(sqlite);
  if (!kept) {
    kept = {
      botIds: sqlite.prepare("select user_id from bot_accounts").raw(),
      deleteLatest: sqlite.prepare("delete from kept_latest_forecasts where question_id = ?"),
      insertLatestOf: sqlite.prepare(
        `insert into kept_latest_forecasts (question_id, forecaster_id, forecast_id, made_at)
         select question_id, forecaster_id, id, made_at from (
           select question_id, forecaster_id, id, made_at,
                  row_number() over (partition by forecaster_id order by made_at desc, id desc) as latest
           from forecasts where question_id = ?)
         where latest = 1`,
      ),
      // A forecast replaces the kept one only when it is later by (made_at, id): the standing order.
      upsertLatest: sqlite.prepare(
        `insert into kept_latest_forecasts (question_id, forecaster_id, forecast_id, made_at) values (?, ?, ?, ?)
         on conflict (question_id, forecaster_id) do update set forecast_id = excluded.forecast_id, made_at = excluded.made_at
         where excluded.made_at > kept_latest_forecasts.made_at
            or (excluded.made_at = kept_latest_forecasts.made_at and excluded.forecast_id > kept_latest_forecasts.forecast_id)`,
      ),
      standingOf: sqlite.prepare(STANDING_OF_SQL).raw(),
      deleteHistory: sqlite.prepare("delete from kept_crowd_history where question_id = ?"),
      // (The list page asks it for each of its 50 questions.)
      crowdAt: sqlite
        .prepare("select time, probabilities, forecasters from kept_crowd_history where question_id = ? and population = ? and method = ? and time <= ? order by time desc limit 1")
        .raw(),
      laterHistory: sqlite.prepare("select 1 from kept_crowd_history where question_id = ? and population = ? and method = ? and time > ? limit 1"),
      upsertHistory: sqlite.prepare(
        `insert into kept_crowd_history (question_id, population, method, time, probabilities, forecasters) values (?, ?, ?, ?, ?, ?)
         on conflict (question_id, population, method, time) do update set probabilities = excluded.probabilities, forecasters = excluded.forecasters`,
      ),
      forecastsOf: sqlite.prepare("select forecaster_id, made_at, probabilities from forecasts where question_id = ? order by id").raw(),
      deletes: DELETES.map((table) => sqlite.prepare(`delete from ${table} where question_id = ?`)),
      insertHistory: sqlite.prepare(
        "insert into kept_crowd_history (question_id, population, method, time, probabilities, forecasters) values (?, ?, ?, ?, ?, ?)",
      ),
      latestRows: new BatchedInsert(sqlite, "kept_latest_forecasts", ["question_id", "forecaster_id", "forecast_id", "made_at"]),
      historyRows: new BatchedInsert(sqlite, "kept_crowd_history", ["question_id", "population", "method", "time", "probabilities", "forecasters"]),
      scoreRows: new BatchedInsert(sqlite, "kept_score_rows", [
        "question_id",
        "population",
        "forecaster_id",
        "resolve_time",
        "final_probabilities",
        "final_brier",
        "final_log_score",
        "brier_time_avg",
        "relative_brier",
        "baseline",
        "peer",
        "coverage",
      ]),
      crowdRows: new BatchedInsert(sqlite, "kept_crowd_scores", ["question_id", "population", "method", "resolve_time", "probabilities", "brier", "log_score"]),
      sampleRows: new BatchedInsert(sqlite, "kept_calibration_samples", [
        "question_id",
        "population",
        "kind",
        "forecaster_id",
        "method",
        "resolve_time",
        "p",
        "y",
        "w",
      ]),
    };
    preparedStatements.set(sqlite, kept);
  }
  return kept;
}
/** Every forecast on a question in insertion (id) order, forecaster = user id, as stored (not yet read). */
function loadStoredForecasts(sqlite: Database.Database, questionId: string): ForecastRecord[] {
  const rows = statementsOf(sqlite).forecastsOf.all(questionId) as Array<[string, number, string]>;
  const out: ForecastRecord[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = { forecaster: rows[i][0], time: rows[i][1], probabilities: JSON.parse(rows[i][2]) };
  return out;
}

/** The engine's input: every forecast on `q` as the engine reads it (lib/probability readForecasts: clipped). */
function loadForecasts(sqlite: Database.Database, q: DiscreteQuestion): ForecastRecord[] {
  return readForecasts(q.type, loadStoredForecasts(sqlite, q.id));
}

const DELETES = ["kept_score_rows", "kept_crowd_scores", "kept_calibration_samples", "kept_crowd_history"];

/** Writes one question's kept rows of one population (its old ones already deleted). */
function writeQuestion(sqlite: Database.Database, questionId: string, population: KeptPopulation, rows: KeptQuestionRows): void {
  const { historyRows, scoreRows, crowdRows, sampleRows } = statementsOf(sqlite);
  const buffers = [historyRows, scoreRows, crowdRows, sampleRows];
  try {
    historyRows.addEach([questionId, population, DEFAULT_AGGREGATION_METHOD], rows.history);
    scoreRows.addEach([questionId, population], rows.scores);
    crowdRows.addEach([questionId, population], rows.crowd);
    sampleRows.addEach([questionId, population], rows.samples);
  } catch (error) {
    // (The caller's transaction rolls back; nothing of this question may linger for the next one.)
    for (const buffer of buffers) buffer.discard();
    throw error;
  }
  // Every row of this question is written before the next statement (a delete, a read, another question's rows).
  for (const buffer of buffers) buffer.flush();
}

/**
 * Recomputes every kept number of the given questions: after a resolution, correction, annulment or
 * undo, an edit of the question, or an import that added forecasts to it. Run it inside that write's
 * transaction. Unknown ids are skipped (their rows are gone by cascade).
 */
export function refreshKeptScores(db: Db, questionIds: Iterable<string>, options: RefreshOptions = {}): void {
  const sqlite = sqliteOf(db);
  const ids = [...new Set(questionIds)];
  const { deletes, deleteLatest, insertLatestOf } = statementsOf(sqlite);
  // With bots on the desk, the people-only rows go in beside everyone's (db/schema/kept-scores).
  const bots = botIdsOf(sqlite);
  // Whose per-forecaster totals change: those with score rows on these questions before and after.
  const scoredBefore = options.skipTotals ? [] : scoredForecastersOf(sqlite, ids);
  for (let i = 0; i < ids.length; i += 500) {
    for (const q of getQuestions(db, ids.slice(i, i + 500))) {
      const known = options.storedForecasts?.get(q.id);
      if (!known) {
        for (const d of deletes) d.run(q.id);
        deleteLatest.run(q.id);
      }
      const knownIds = options.storedForecastIds?.get(q.id);
      if (known && knownIds) insertLatestFrom(sqlite, q.id, known, knownIds, options.computed?.latestOf(q.id));
      else insertLatestOf.run(q.id);
      if (!isDiscreteQuestion(q)) {
        // Numeric and date questions: the continuous engine's rows (db/queries/kept-continuous-scores).
        const cdfs = listCdfForecasts(db, q.id).map((f) => ({ forecaster: f.forecasterId, time: f.madeAt, cdf: f.cdf }));
        writeKeptContinuousQuestion(sqlite, q, cdfs, EVERYONE);
        if (bots.size > 0)
          writeKeptContinuousQuestion(
            sqlite,
            q,
            cdfs.filter((f) => !bots.has(f.forecaster)),
            PEOPLE,
          );
        continue;
      }
      // Rows another thread computed (an import's), else the engine's here.
      const populations = bots.size > 0 ? [EVERYONE, PEOPLE] : [EVERYONE];
      const computed = populations.map((population) => ({ population, rows: options.computed?.rowsOf(q.id, population) }));
      const byPopulation = computed.every((c) => c.rows !== undefined)
        ? (computed as Array<{ population: KeptPopulation; rows: KeptQuestionRows }>)
        : keptRowsByPopulation(q, known ?? loadStoredForecasts(sqlite, q.id), bots);
      for (const { population, rows } of byPopulation) writeQuestion(sqlite, q.id, population, rows);
    }
  }
  if (!options.skipTotals) refreshForecasterTotals(sqlite, [...scoredBefore, ...scoredForecastersOf(sqlite, ids)]);
  bumpKeptGeneration(sqlite);
}

/**
 * kept_latest_forecasts of a question from its forecasts in memory, in insertion order (ids[i] is
 * forecasts[i]'s id); `positions` are their latestPositions when another thread found them.
 */
function insertLatestFrom(
  sqlite: Database.Database,
  questionId: string,
  forecasts: readonly ForecastRecord[],
  ids: readonly number[],
  positions: readonly number[] = latestPositions(forecasts),
): void {
  if (ids.length !== forecasts.length) throw new Error(`insertLatestFrom: ${ids.length} ids for ${forecasts.length} forecasts`);
  const { latestRows } = statementsOf(sqlite);
  for (const i of positions) latestRows.add(questionId, forecasts[i].forecaster, ids[i], forecasts[i].time);
  latestRows.flush();
}

/**
 * Counts the writes of resolved questions' kept rows (scores, crowd scores, samples, totals; not the
 * crowd history a forecast appends): a reader may reuse what it derived from them while it is unchanged.
 */
function bumpKeptGeneration(sqlite: Database.Database): void {
  sqlite
    .prepare("insert into kept_state (key, value) values (?, 1) on conflict (key) do update set value = value + 1")
    .run(GENERATION_KEY);
}

/** The count bumpKeptGeneration keeps (0: never written), read on the caller's connection. */
export function keptGeneration(db: Db): number {
  const row = sqliteOf(db).prepare("select value from kept_state where key = ?").get(GENERATION_KEY) as { value: number } | undefined;
  return row?.value ?? 0;
}

export interface RefreshOptions {
  /**
   * Questions new in this transaction, with every forecast on them as just stored (insertion order,
   * forecaster = user id, probabilities as stored): an import hands them over instead of reading
   * back what it wrote, and they have no kept rows to delete.
   */
  storedForecasts?: ReadonlyMap<string, readonly ForecastRecord[]>;
  /**
   * The rows of some of these questions, computed on another thread from the same questions and
   * storedForecasts (an import's, kept-rows-worker-host.ts); a question it has none for is computed here.
   */
  computed?: KeptRowsSource;
  /**
   * The forecasts.id of each of storedForecasts' forecasts, in the same order, when the caller knows
   * them: each forecaster's latest is then picked here instead of by a window query over the table.
   */
  storedForecastIds?: ReadonlyMap<string, readonly number[]>;
  /** Leave kept_forecaster_totals alone: the caller rebuilds them once at the end (rebuildKeptScores). */
  skipTotals?: boolean;
}

/**
 * Indexes of forecasts and of the kept tables that a bulk load builds once at the end instead of
 * row by row (SQLite sorts once; inserts in random key order into a b-tree cost several times more:
 * 1M forecast rows took 19 s with both indexes kept up, 9 s with them built after, in one run on the
 * shared machine). Those that lead with
 * question_id stay: the load reads and deletes by question, and fills them in question order.
 */
const DEFERRABLE_INDEX_TABLES = ["forecasts", "kept_score_rows", "kept_crowd_scores", "kept_calibration_samples", "kept_crowd_history", "kept_latest_forecasts"];
/** Led by question_id, but nothing in a load reads through them (the kept latest forecasts' standing order): built after too. */
const DEFERRED_QUESTION_INDEXES = new Set(["kept_latest_forecasts_question_time_idx"]);

export interface IndexDeferral {
  /** Tables whose secondary indexes are built after the load; by default every table a load writes. */
  tables?: readonly string[];
  /**
   * Of those, tables whose question_id-led indexes are built after too: the load reads none of their
   * rows by question (an import into new questions only). The 1M import wrote its forecast rows in
   * 3.5 s with the forecasts table's three kept up, in 1.7 s without; building them after took 1.3 s.
   */
  questionLed?: readonly string[];
}

/**
 * Runs `load` with the deferrable indexes dropped and creates them again, from their own stored
 * definitions, when it returns. `load` may call `buildNow` to have them back at once (it must then
 * read through them). Call inside the load's transaction: a failure rolls the drop back too, and
 * readers (WAL) see the indexes throughout.
 */
export function withIndexesBuiltAfter<T>(db: Db, load: (buildNow: () => void) => T, deferral: IndexDeferral = {}): T {
  const sqlite = sqliteOf(db);
  const tables = deferral.tables ?? DEFERRABLE_INDEX_TABLES;
  const questionLed = new Set(deferral.questionLed ?? []);
  const placeholders = tables.map(() => "?").join(", ");
  const indexes = (
    sqlite
      .prepare(`select name, tbl_name as "table", sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${placeholders})`)
      .all(...tables) as Array<{ name: string; table: string; sql: string }>
  ).filter(
    (index) =>
      questionLed.has(index.table) || DEFERRED_QUESTION_INDEXES.has(index.name) || !/\(\s*[`"]?question_id[`"]?\s*[,)]/.test(index.sql),
  );
  for (const index of indexes) sqlite.exec(`drop index "${index.name.replace(/"/g, '""')}"`);
  let built = false;
  const buildNow = () => {
    if (built) return;
    built = true;
    for (const index of indexes) sqlite.exec(index.sql);
  };
  const result = load(buildNow);
  buildNow();
  return result;
}

/** " and <column> not in (the bot accounts)": the SQL condition that keeps people's forecasts only. */
export function peopleOnlyCondition(column: string): string {
  return ` and ${column} not in (select user_id from bot_accounts)`;
}

/**
 * A forecaster's kept latest forecast on a question (kept_latest_forecasts): forecaster = user id, id =
 * forecasts.id, probabilities as stored (not yet read by lib/probability). What a new forecast's crowd
 * point pools.
 */
export interface KeptStandingForecast {
  forecaster: string;
  time: number;
  id: number;
  probabilities: readonly number[];
}

/** A question's kept latest forecasts in standing order, read from kept_latest_forecasts. */
function readStanding(sqlite: Database.Database, questionId: string): KeptStandingForecast[] {
  const rows = statementsOf(sqlite).standingOf.all(questionId) as Array<[string, number, number, string]>;
  const out: KeptStandingForecast[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = { forecaster: rows[i][0], time: rows[i][1], id: rows[i][2], probabilities: JSON.parse(rows[i][3]) };
  return out;
}

/**
 * Keeps what a forecast just recorded on open question `q` changes (in the same transaction): the
 * forecaster's latest forecast (kept_latest_forecasts) and the crowd history point at its time, the
 * pool of each forecaster's standing forecast then. When every kept latest forecast is at or before
 * that time (always, for a forecast made at the server's clock) they are the standing forecasts, so
 * the point pools them alone, not every forecast on the question. A forecast dated before the last
 * kept point (never from the form or the API) rewrites the history.
 *
 * `standingBefore`: the question's kept latest forecasts before this write, when the caller has them
 * (recordForecast keeps them between forecasts); else they are read. Returns them after this write, or
 * null when the history was rewritten.
 */
export function keepRecordedForecast(
  db: Db,
  q: DiscreteQuestion,
  forecast: KeptStandingForecast,
  standingBefore?: readonly KeptStandingForecast[],
): readonly KeptStandingForecast[] | null {
  const sqlite = sqliteOf(db);
  const statements = statementsOf(sqlite);
  statements.upsertLatest.run(q.id, forecast.forecaster, forecast.id, forecast.time);
  const time = Math.max(forecast.time, q.openTime);
  const bots = botIdsOf(sqlite);
  if (statements.laterHistory.get(q.id, EVERYONE, DEFAULT_AGGREGATION_METHOD, time)) {
    statements.deleteHistory.run(q.id);
    const forecasts = loadForecasts(sqlite, q);
    const write = (population: KeptPopulation, of: readonly ForecastRecord[]) => {
      for (const p of recencyWeightedMedianHistory(q, countedForecasts(q, of)))
        statements.insertHistory.run(q.id, population, DEFAULT_AGGREGATION_METHOD, p.time, JSON.stringify(p.probabilities), p.forecasters);
    };
    write(EVERYONE, forecasts);
    if (bots.size > 0) write(PEOPLE, forecasts.filter((f) => !bots.has(f.forecaster)));
    return null;
  }
  // Each forecaster's latest forecast in standing order (made_at, id): standingForecastsAt(time) when none is later.
  const latest = standingBefore ? withLatestForecast(standingBefore, forecast) : readStanding(sqlite, q.id);
  const anyLater = latest.some((s) => s.time > time);
  // A bot's forecast leaves the people-only history as it was.
  const populations = bots.size === 0 ? [EVERYONE] : bots.has(forecast.forecaster) ? [EVERYONE] : [EVERYONE, PEOPLE];
  for (const population of populations) {
    const { pooled, forecasters } = anyLater
      ? poolStandingAt(sqlite, q, time, population)
      : poolStanding(
          q,
          latest.filter((s) => population === EVERYONE || !bots.has(s.forecaster)).map((s) => s.probabilities),
        );
    if (!pooled) continue;
    statements.upsertHistory.run(q.id, population, DEFAULT_AGGREGATION_METHOD, time, JSON.stringify(pooled), forecasters);
  }
  return latest;
}

/** The crowd forecast (default method) of standing forecasts as stored, in recency order. */
function poolStanding(q: DiscreteQuestion, probabilities: readonly (readonly number[])[]): { pooled: number[] | null; forecasters: number } {
  const standing = probabilities.map((p) => ({ forecaster: "", time: 0, probabilities: p as number[] }));
  const pooled = poolForecasts(
    readForecasts(q.type, standing).map((f) => f.probabilities),
    q.type === "binary",
    DEFAULT_AGGREGATION_METHOD,
  );
  return { pooled, forecasters: standing.length };
}

/**
 * The crowd forecast (default method) of each forecaster's (of `population`) standing forecast at `time`
 * (their last by (made_at, id) with made_at ≤ time, in recency order: what standingForecastsAt hands
 * the pool), read by one window query: crowdForecastAt(q, forecasts, time) for time ≤ Ta.
 */
function poolStandingAt(
  sqlite: Database.Database,
  q: DiscreteQuestion,
  time: number,
  population: KeptPopulation,
): { pooled: number[] | null; forecasters: number } {
  const peopleOnly = population === PEOPLE ? peopleOnlyCondition("forecaster_id") : "";
  const standing = (
    sqlite
      .prepare(
        `select probabilities from (
           select probabilities, made_at, id,
                  row_number() over (partition by forecaster_id order by made_at desc, id desc) as latest
           from forecasts where question_id = ? and made_at <= ?${peopleOnly})
         where latest = 1 order by made_at, id`,
      )
      .raw()
      .all(q.id, time) as Array<[string]>
  ).map((r) => JSON.parse(r[0]) as number[]);
  return poolStanding(q, standing);
}

/**
 * crowdForecastAt(q, every forecast, t, DEFAULT_AGGREGATION_METHOD) without loading every forecast:
 * the kept history's point standing at t from T0 on, the standing forecasts pooled before T0 (only
 * imported forecasts can predate it). For t ≤ Ta, the window myPosition asks about.
 */
export function keptCrowdForecastAt(db: Db, q: DiscreteQuestion, t: number, population: KeptPopulation = EVERYONE): number[] | null {
  if (t >= q.openTime) return keptCrowdAt(db, q.id, t, population)?.probabilities ?? null;
  return poolStandingAt(sqliteOf(db), q, t, population).pooled;
}

/**
 * keptCrowdForecastAt for several questions at once (the question list's crowd cells). Each question's
 * latest kept point, read once while the database is unchanged, answers every `at` from its time on
 * (an open question's crowd now, whatever the clock); an earlier `at` is read as keptCrowdForecastAt
 * reads it. No point means no counted forecast at any time (the history starts at T0 with any
 * forecast made before it), so no crowd. On the 1M desk the list's 50 reads were 1.3 ms of each request.
 */
export function keptCrowdForecastsAt(
  db: Db,
  wanted: ReadonlyArray<{ question: DiscreteQuestion; at: number }>,
  population: KeptPopulation = EVERYONE,
): Array<number[] | null> {
  const ids = wanted.map((w) => w.question.id);
  const latest = memoWhileUnchanged(sqliteOf(db), "latest-crowd-points", `${population} ${JSON.stringify(ids)}`, () =>
    ids.map((id) => keptCrowdAt(db, id, Number.MAX_SAFE_INTEGER, population)),
  );
  return wanted.map(({ question, at }, i) => {
    const point = latest[i];
    if (point === null) return null;
    if (point.time <= at) return point.probabilities;
    return keptCrowdForecastAt(db, question, at, population);
  });
}

/**
 * A forecaster's position on `q` (lib/my-forecasts positionFrom: standing forecast, age, needs-update
 * reasons) from their own forecasts (as stored, insertion order) against the kept crowd of
 * `population`: what myPosition computes from every forecast on the question. The question list's
 * "You" column and the needs-update notifications both read it.
 */
export function keptPosition<F extends ForecastRecord>(
  db: Db,
  q: DiscreteQuestion,
  mine: readonly F[],
  now: number,
  staleAfterDays: number,
  population: KeptPopulation,
): MyPosition<F> | null {
  return positionFrom(q, readForecasts(q.type, mine), now, staleAfterDays, (t) => keptCrowdForecastAt(db, q, t, population));
}

/**
 * A resolved question's kept scores (everyone), in the shape questionScoreSummary reads: the score
 * rows (forecaster = user id) and each method's crowd scored at Ta. Equal to scoreQuestion's.
 */
export function keptQuestionScores(db: Db, questionId: string): Pick<QuestionScores, "rows" | "aggregateScores"> {
  const sqlite = sqliteOf(db);
  const rows = (
    sqlite
      .prepare(
        `select forecaster_id, final_probabilities, final_brier, final_log_score, brier_time_avg, relative_brier, baseline, peer, coverage
         from kept_score_rows where question_id = ? and population = ?`,
      )
      .raw()
      .all(questionId, EVERYONE) as Array<[string, string, number, number, number | null, number, number, number, number]>
  ).map(
    ([forecaster, finalProbabilities, finalBrier, finalLogScore, brierTimeAvg, relativeBrier, baseline, peer, coverage]): ScoreRow => ({
      question: questionId,
      forecaster,
      finalProbabilities: JSON.parse(finalProbabilities),
      finalBrier,
      finalLogScore,
      brierTimeAvg,
      relativeBrier,
      baseline,
      peer,
      coverage,
    }),
  );
  rows.sort((a, b) => compareCodePoints(a.forecaster, b.forecaster));
  const aggregateScores = Object.fromEntries(AGGREGATION_METHODS.map((m) => [m, null])) as QuestionScores["aggregateScores"];
  const crowd = sqlite
    .prepare("select method, brier, log_score from kept_crowd_scores where question_id = ? and population = ?")
    .raw()
    .all(questionId, EVERYONE) as Array<[AggregationMethod, number | null, number | null]>;
  for (const [method, brier, logScore] of crowd) if (brier !== null && logScore !== null) aggregateScores[method] = { brier, logScore };
  return { rows, aggregateScores };
}

/**
 * A resolved question's score summary as its page shows it to `me` (lib/track-records
 * question-score-summary), from the kept rows; the rows and the median forecaster's line (2,000
 * rows on a busy question) are read and taken once while the database is unchanged (read-memo).
 */
export function keptQuestionScoreSummary(db: Db, questionId: string, me: string | null): QuestionScoreSummary {
  const kept = memoWhileUnchanged(sqliteOf(db), "question-scores", questionId, () => {
    const scores = keptQuestionScores(db, questionId);
    return { scores, medians: medianForecasterLine(scores.rows) };
  });
  return questionScoreSummary(kept.scores, me, kept.medians);
}

/** The kept tables' version in this database (0: never built). */
export function keptTablesVersion(db: Db): number {
  const row = sqliteOf(db).prepare("select value from kept_state where key = ?").get(VERSION_KEY) as { value: number } | undefined;
  return row?.value ?? 0;
}

/**
 * Rebuilds every kept table from forecasts and resolutions in one transaction (`npm run db:rescore`,
 * and `prepare` after an upgrade): what the incremental path must have left. With `startKeptRows`
 * (the CLIs' second thread, as an import uses it) the binary and scenario questions' rows are
 * computed there from every forecast read once, while this thread writes.
 */
export function rebuildKeptScores(
  db: Db,
  onProgress?: (done: number, total: number) => void,
  options: { startKeptRows?: StartKeptRows } = {},
): { questions: number } {
  const sqlite = sqliteOf(db);
  // IMMEDIATE, as openDb's transactions: the questions are listed under the write lock, so none added
  // by another process (the server beside `npm run db:rescore`) is left without kept rows.
  return sqlite.transaction((): { questions: number } => {
    const ids = (sqlite.prepare("select id from questions order by id").raw().all() as Array<[string]>).map((r) => r[0]);
    for (const table of [...DELETES, "kept_latest_forecasts"]) sqlite.prepare(`delete from ${table}`).run();
    // Every kept row is written anew: their indexes are built once at the end (forecasts' stay).
    withIndexesBuiltAfter(
      db,
      () => {
        const stored = options.startKeptRows && forecastCount(sqlite) >= BULK_LOAD ? storedDiscreteForecasts(db, ids) : undefined;
        const computed = stored && options.startKeptRows!({ questions: stored.questions, forecasts: stored.forecasts, botIds: botIdsOf(sqlite) });
        try {
          for (let i = 0; i < ids.length; i += 100) {
            refreshKeptScores(db, ids.slice(i, i + 100), { skipTotals: true, storedForecasts: stored?.forecasts, storedForecastIds: stored?.ids, computed });
            onProgress?.(Math.min(i + 100, ids.length), ids.length);
          }
        } finally {
          computed?.close();
        }
      },
      { tables: DEFERRABLE_INDEX_TABLES.filter((table) => table !== "forecasts") },
    );
    rebuildForecasterTotals(sqlite);
    bumpKeptGeneration(sqlite);
    sqlite
      .prepare("insert into kept_state (key, value) values (?, ?) on conflict (key) do update set value = excluded.value")
      .run(VERSION_KEY, KEPT_TABLES_VERSION);
    return { questions: ids.length };
  }).immediate();
}

/** How many forecasts (binary and scenario) the desk holds. */
export function forecastCount(sqlite: Database.Database): number {
  return (sqlite.prepare("select count(*) from forecasts").raw().get() as [number])[0];
}

/** The binary and scenario questions of `questionIds`, and every forecast on each with its id, in insertion order (one scan). */
function storedDiscreteForecasts(
  db: Db,
  questionIds: readonly string[],
): { questions: DiscreteQuestion[]; forecasts: Map<string, ForecastRecord[]>; ids: Map<string, number[]> } {
  const sqlite = sqliteOf(db);
  const questions = getQuestions(db, questionIds).filter(isDiscreteQuestion);
  const forecasts = new Map<string, ForecastRecord[]>(questions.map((q) => [q.id, []]));
  const ids = new Map<string, number[]>(questions.map((q) => [q.id, []]));
  for (const [id, questionId, forecaster, time, probabilities] of sqlite
    .prepare("select id, question_id, forecaster_id, made_at, probabilities from forecasts order by id")
    .raw()
    .iterate() as IterableIterator<[number, string, string, number, string]>) {
    const list = forecasts.get(questionId);
    if (!list) continue;
    list.push({ forecaster, time, probabilities: JSON.parse(probabilities) });
    ids.get(questionId)!.push(id);
  }
  return { questions, forecasts, ids };
}

/**
 * A question's kept crowd history (the default method, everyone) up to `end`, with the closing point
 * at `end`: crowdForecastSeries(q, forecasts, DEFAULT_AGGREGATION_METHOD, undefined, end) for end ≥ T0.
 */
export function listCrowdHistory(db: Db, questionId: string, end: number, population: KeptPopulation = EVERYONE): CrowdHistoryPoint[] {
  const sqlite = sqliteOf(db);
  // Every kept point (read once while the database is unchanged), cut at `end` on each request.
  const points = memoWhileUnchanged(sqlite, "crowd-history", `${population} ${questionId}`, () => {
    const rows = sqlite
      .prepare("select time, probabilities, forecasters from kept_crowd_history where question_id = ? and population = ? and method = ? order by time")
      .raw()
      .all(questionId, population, DEFAULT_AGGREGATION_METHOD) as Array<[number, string, number]>;
    const all: CrowdHistoryPoint[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) all[i] = { time: rows[i][0], probabilities: JSON.parse(rows[i][1]), forecasters: rows[i][2] };
    return all;
  });
  return closeHistoryAt(points, end);
}

/**
 * The kept crowd forecast (default method, everyone) standing at `at`: the last history point at or
 * before it, or null. Equals crowdForecastAt(q, forecasts, at, DEFAULT_AGGREGATION_METHOD) for at ≥ T0.
 */
export function keptCrowdAt(db: Db, questionId: string, at: number, population: KeptPopulation = EVERYONE): CrowdHistoryPoint | null {
  const row = statementsOf(sqliteOf(db)).crowdAt.get(questionId, population, DEFAULT_AGGREGATION_METHOD, at) as [number, string, number] | undefined;
  return row ? { time: row[0], probabilities: JSON.parse(row[1]), forecasters: row[2] } : null;
}
