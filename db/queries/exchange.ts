import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sqliteOf } from "@/db/queries/connection";
import { exportContinuous, planContinuousImport, writeContinuousForecasts, writeContinuousQuestions } from "@/db/queries/continuous-exchange";
import { listForecastsByHandle } from "@/db/queries/forecasts";
import { botIdentities } from "@/db/queries/bots";
import { BULK_LOAD, type KeptRowsOutcome, type StartKeptRows } from "@/db/queries/kept-rows";
import { forecastCount, refreshKeptScores, withIndexesBuiltAfter } from "@/db/queries/kept-scores";
import { BatchedInsert, withBulkLoadJournal } from "@/db/queries/batched-insert";
import { getQuestions, insertImportedQuestion, listQuestionIds } from "@/db/queries/questions";
import { forecasterIdsByHandle } from "@/db/queries/users";
import { forecasts } from "@/db/schema/forecasts";
import { questionOptions, questionTags, tags } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import { sameForecastVector } from "@/lib/exchange/imported-forecast";
import { isClippedOnReading } from "@/lib/probability";
import {
  DEFAULT_SCORING_PARAMS,
  isDiscreteQuestion,
  type Dataset,
  type DatasetForecast,
  type DiscreteQuestion,
  type ForecastRecord,
  type Outcome,
  type QuestionType,
} from "@/lib/types";
import { compareCodePoints } from "@/lib/code-point-order";

// Import and export of whole datasets (forecast-desk/v1, docs/exchange-format.md), the database side.

export interface ImportProblem {
  /** JSON path into the dataset, e.g. `questions[3].close_time`. */
  path: string;
  rule: string;
}

/** A dataset that contradicts what is stored (or itself); nothing was written. */
export class ImportConflictError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.rule}`).join("\n"));
    this.name = "ImportConflictError";
  }
}

export interface ImportSummary {
  questionsAdded: number;
  questionsUnchanged: number;
  forecastsAdded: number;
  forecastsUnchanged: number;
  forecastersCreated: number;
  /**
   * Input forecasts, added or not, that the engine clips into [0.001, 0.999] when it reads them
   * (docs/exchange-format.md §6.1; the report's n_clipped_forecasts). They are stored as given.
   */
  clipped: number;
  /** Set when the kept rows were computed on another thread (ImportOptions.startKeptRows): what it delivered. */
  keptRowsElsewhere?: KeptRowsOutcome;
}

export interface ImportOptions {
  /** Called as forecasts are processed: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Creation time of new rows (epoch ms); defaults to the clock. */
  now?: number;
  /**
   * Computes the kept rows of the new questions elsewhere while this thread writes the forecasts
   * (the CLIs pass kept-rows-worker-host's second thread); used for a bulk load only.
   */
  startKeptRows?: StartKeptRows;
}

type DatasetQuestion = Dataset["questions"][number];

const BINARY_OPTIONS = ["no", "yes"];

function optionsOf(q: Pick<DatasetQuestion, "type" | "options">): string[] {
  return q.type === "binary" ? BINARY_OPTIONS : [...q.options];
}

function describeOutcome(outcome: Outcome | null, options: readonly string[]): string {
  if (!outcome) return "unresolved";
  return outcome.kind === "annulled" ? "annulled" : JSON.stringify(options[outcome.option]);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A resolved question whose resolve_time is null is stored with resolve time = close time: the
 * schema needs one, and docs/exchange-format.md §3.3 gives that question the same Ta (so every score is unchanged).
 */
function storedResolveTime(q: DatasetQuestion): number {
  return q.resolveTime ?? q.closeTime;
}

/** The scoring fields of a stored question that an import must not contradict. */
function questionConflicts(stored: DiscreteQuestion, incoming: DatasetQuestion, at: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (stored.type !== incoming.type)
    problems.push({ path: `${at}.type`, rule: `question ${incoming.id} is stored as ${stored.type}, not ${incoming.type}` });
  else if (JSON.stringify(optionsOf(stored)) !== JSON.stringify(optionsOf(incoming)))
    problems.push({
      path: `${at}.options`,
      rule: `question ${incoming.id} is stored with options ${JSON.stringify(stored.options)}`,
    });
  if (stored.openTime !== incoming.openTime)
    problems.push({ path: `${at}.open_time`, rule: `question ${incoming.id} is stored with open_time ${iso(stored.openTime)}` });
  if (stored.closeTime !== incoming.closeTime)
    problems.push({
      path: `${at}.close_time`,
      rule: `question ${incoming.id} is stored with close_time ${iso(stored.closeTime)}`,
    });
  if (problems.length > 0) return problems;
  const storedOutcome = describeOutcome(stored.outcome, stored.options);
  const incomingOutcome = describeOutcome(incoming.outcome, optionsOf(incoming));
  if (storedOutcome !== incomingOutcome)
    problems.push({
      path: `${at}.resolution`,
      rule: `question ${incoming.id} is stored as ${storedOutcome}; change a resolution in the app, not by import`,
    });
  else if (stored.outcome && incoming.outcome && stored.resolveTime !== storedResolveTime(incoming))
    problems.push({
      path: `${at}.resolve_time`,
      rule: `question ${incoming.id} is stored with resolve_time ${iso(stored.resolveTime!)}`,
    });
  return problems;
}

/** Where a forecast vector must have one entry per option. */
function vectorProblem(f: DatasetForecast, options: readonly string[], at: string): ImportProblem | null {
  if (f.probabilities.length !== options.length)
    return { path: at, rule: `must give ${options.length} probabilities (one per option), got ${f.probabilities.length}` };
  if (!f.probabilities.every((p) => Number.isFinite(p) && p >= 0 && p <= 1))
    return { path: at, rule: "probabilities must be numbers in [0, 1]" };
  if (!Number.isInteger(f.time)) return { path: `${at}.time`, rule: "must be a time in epoch milliseconds" };
  if (f.forecaster.length === 0) return { path: `${at}.forecaster`, rule: "must be a non-empty string" };
  return null;
}

function forecastKey(questionId: string, forecasterId: string, time: number): string {
  return `${questionId}\u0000${forecasterId}\u0000${time}`;
}

/**
 * Loads a validated dataset in one transaction: all or nothing. Idempotent: a question already stored
 * with the same scoring fields is left as it is, and a forecast is the same forecast when question,
 * forecaster, time and probabilities (within 1e-12) are equal. Probabilities are stored exactly as given. Forecasters map to users by
 * handle; unknown ones become users who cannot sign in. Throws ImportConflictError (nothing written)
 * when a question contradicts the stored one or a forecast does not fit its question.
 */
export function importDataset(db: Db, dataset: Dataset, options: ImportOptions = {}): ImportSummary {
  const now = options.now ?? Date.now();
  const total = dataset.forecasts.length;
  // A first import of an archive (no forecasts stored yet) writes the file directly (withBulkLoadJournal).
  const sqlite = sqliteOf(db);
  const firstLoad = total >= BULK_LOAD && sqlite.prepare("select 1 from forecasts limit 1").get() === undefined;
  const load = () => importInTransaction(db, dataset, options, now, total);
  return firstLoad ? withBulkLoadJournal(sqlite, load) : load();
}

function importInTransaction(db: Db, dataset: Dataset, options: ImportOptions, now: number, total: number): ImportSummary {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const problems: ImportProblem[] = [];
    const summary: ImportSummary = {
      questionsAdded: 0,
      questionsUnchanged: 0,
      forecastsAdded: 0,
      forecastsUnchanged: 0,
      forecastersCreated: 0,
      clipped: 0,
    };

    // 0. Numeric and date questions and their CDF forecasts (continuous-exchange.ts): checked here,
    // written with the rest below.
    const continuousPlan = planContinuousImport(t, dataset.continuous, dataset.questions.map((q) => q.id), problems);
    summary.questionsUnchanged += continuousPlan.questionsUnchanged;
    summary.questionsAdded += continuousPlan.newQuestions.length;

    // 1. Questions: compare with what is stored; remember the options of every question in play.
    // A stored numeric or date question under a binary or scenario id is planContinuousImport's problem.
    const stored = new Map(getQuestions(t, dataset.questions.map((q) => q.id)).filter(isDiscreteQuestion).map((q) => [q.id, q]));
    const optionsById = new Map<string, readonly string[]>();
    const typeById = new Map<string, QuestionType>();
    const newQuestions: DatasetQuestion[] = [];
    dataset.questions.forEach((q, i) => {
      const at = `questions[${i}]`;
      if (optionsById.has(q.id)) {
        problems.push({ path: `${at}.id`, rule: `duplicate question id ${q.id}` });
        return;
      }
      optionsById.set(q.id, optionsOf(q));
      typeById.set(q.id, q.type);
      if (!q.outcome && q.evidence)
        problems.push({
          path: `${at}.resolution_evidence`,
          rule: "must be absent or null while resolution is null (there is no resolution to hold it)",
        });
      const existing = stored.get(q.id);
      if (existing) {
        problems.push(...questionConflicts(existing, q, at));
        summary.questionsUnchanged++;
      } else {
        newQuestions.push(q);
        summary.questionsAdded++;
      }
    });
    const missing = [...new Set(dataset.forecasts.map((f) => f.question))].filter((id) => !optionsById.has(id));
    for (const q of getQuestions(t, missing).filter(isDiscreteQuestion)) {
      optionsById.set(q.id, q.options);
      typeById.set(q.id, q.type);
    }

    // 2. Forecasts: check each fits its question; count those the engine will clip.
    const prepared: DatasetForecast[] = [];
    dataset.forecasts.forEach((f, i) => {
      const at = `forecasts[${i}]`;
      const opts = optionsById.get(f.question);
      if (!opts) {
        problems.push({ path: `${at}.question`, rule: `unknown question ${f.question}` });
        return;
      }
      const problem = vectorProblem(f, opts, at);
      if (problem) {
        problems.push(problem);
        return;
      }
      if (isClippedOnReading(typeById.get(f.question)!, f.probabilities)) summary.clipped++;
      prepared.push(f);
    });
    if (problems.length > 0) throw new ImportConflictError(problems);

    // A load at least as large as what is stored (a first import of an archive) builds the secondary
    // indexes once at the end instead of row by row.
    const sqlite = sqliteOf(t);
    const storedCount = forecastCount(sqlite);
    const newIds = new Set(newQuestions.map((q) => q.id));
    const onStoredQuestions = [...new Set(prepared.filter((f) => !newIds.has(f.question)).map((f) => f.question))];
    const write = (buildIndexesNow?: () => void) =>
      writeDataset(t, dataset, {
        newQuestions,
        onStoredQuestions,
        continuousPlan,
        prepared,
        summary,
        now,
        total,
        onProgress: options.onProgress,
        startKeptRows: options.startKeptRows,
        buildIndexesNow,
      });
    // Forecasts on new questions only: nothing in the load reads the forecasts table by question.
    if (prepared.length >= Math.max(storedCount, BULK_LOAD))
      withIndexesBuiltAfter(t, write, { questionLed: onStoredQuestions.length === 0 ? ["forecasts"] : [] });
    else write();
    return summary;
  });
}

interface ImportWrite {
  newQuestions: DatasetQuestion[];
  /** The stored questions that `prepared` has forecasts on. */
  onStoredQuestions: string[];
  continuousPlan: ReturnType<typeof planContinuousImport>;
  prepared: DatasetForecast[];
  summary: ImportSummary;
  now: number;
  total: number;
  onProgress?: (done: number, total: number) => void;
  startKeptRows?: StartKeptRows;
  /** Builds the indexes withIndexesBuiltAfter deferred, before something reads through them. */
  buildIndexesNow?: () => void;
}

/** importDataset's writes, once everything is checked (same transaction). */
function writeDataset(
  t: Db,
  dataset: Dataset,
  { newQuestions, onStoredQuestions, continuousPlan, prepared, summary, now, total, onProgress, startKeptRows, buildIndexesNow }: ImportWrite,
): void {
  // 3. Write the new questions with their options, tags and resolutions.
  const tagIds = new Map<string, number>();
  const tagId = (name: string): number => {
    let id = tagIds.get(name);
    if (id === undefined) {
      t.insert(tags).values({ name }).onConflictDoNothing().run();
      id = t.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get()!.id;
      tagIds.set(name, id);
    }
    return id;
  };
  for (const q of newQuestions) {
    insertImportedQuestion(t, q, now);
    if (q.type === "multiple_choice")
      t.insert(questionOptions)
        .values(q.options.map((label, position) => ({ questionId: q.id, position, label })))
        .run();
    for (const name of new Set(q.tags)) t.insert(questionTags).values({ questionId: q.id, tagId: tagId(name) }).run();
    if (q.outcome)
      t.insert(resolutions)
        .values({
          questionId: q.id,
          outcome: q.outcome.kind === "option" ? q.outcome.option : null,
          annulled: q.outcome.kind === "annulled",
          resolveTime: storedResolveTime(q),
          evidence: q.evidence ?? "",
          resolvedBy: null,
          recordedAt: now,
        })
        .run();
  }

  writeContinuousQuestions(t, continuousPlan, now, tagId);

  // 4. Forecasters by handle.
  const handles = new Set(prepared.map((f) => f.forecaster));
  for (const f of continuousPlan.forecasts) handles.add(f.forecaster);
  const { ids: userIds, created } = forecasterIdsByHandle(t, handles);
  summary.forecastersCreated += created;

  // 5. Forecasts: skip those already stored (a multiset match, so equal duplicates stay distinct).
  // (Nothing is stored on a new question.)
  const storedVectors = new Map<string, Array<{ probabilities: number[]; used: boolean }>>();
  for (let i = 0; i < onStoredQuestions.length; i += 500) {
    const rows = t
      .select({
        questionId: forecasts.questionId,
        forecasterId: forecasts.forecasterId,
        madeAt: forecasts.madeAt,
        probabilities: forecasts.probabilities,
      })
      .from(forecasts)
      .where(inArray(forecasts.questionId, onStoredQuestions.slice(i, i + 500)))
      .orderBy(asc(forecasts.id))
      .all();
    for (const r of rows) {
      const key = forecastKey(r.questionId, r.forecasterId, r.madeAt);
      const list = storedVectors.get(key) ?? [];
      list.push({ probabilities: r.probabilities, used: false });
      storedVectors.set(key, list);
    }
  }
  // Prepared multi-row statements (BatchedInsert), not drizzle: drizzle's multi-row insert builds its
  // SQL text per batch, which cost more than SQLite's own work (2.3 s of a 7.6 s import of 118,000
  // forecasts). Same columns and encoding as the forecasts table's drizzle definition (probabilities as JSON).
  const sqlite = sqliteOf(t);
  const forecastRows = new BatchedInsert(sqlite, "forecasts", ["question_id", "forecaster_id", "made_at", "probabilities", "rationale"]);
  const touched = new Set<string>();
  // Every forecast on each new question, as stored: the kept refresh below reads them from here.
  // (All of them are added: nothing stored on a new question can match.)
  const onNewQuestions = new Map<string, ForecastRecord[]>(newQuestions.map((q) => [q.id, []]));
  let onNewCount = 0;
  for (const f of prepared) {
    const list = onNewQuestions.get(f.question);
    if (!list) continue;
    list.push({ forecaster: userIds.get(f.forecaster)!, time: f.time, probabilities: f.probabilities });
    onNewCount++;
  }
  // A bulk load's kept rows of the new questions are computed elsewhere while the forecasts go in.
  const computed =
    startKeptRows && onNewCount >= BULK_LOAD
      ? startKeptRows({
          questions: getQuestions(t, [...onNewQuestions.keys()]).filter(isDiscreteQuestion),
          forecasts: onNewQuestions,
          botIds: botIdentities(t).ids,
        })
      : undefined;
  // Ids come out in the order rows are added (AUTOINCREMENT, one writer in this transaction): the id
  // of each forecast on a new question, so the kept refresh finds the latest ones without a query.
  const firstId = nextForecastId(sqlite);
  let addedRows = 0;
  const idsOnNew = new Map<string, number[]>(newQuestions.map((q) => [q.id, []]));
  try {
    prepared.forEach((f, i) => {
      const probabilities = f.probabilities;
      const forecasterId = userIds.get(f.forecaster)!;
      // (Nothing stored on these questions, the first import of an archive: no key to build.)
      const match =
        storedVectors.size === 0
          ? undefined
          : storedVectors.get(forecastKey(f.question, forecasterId, f.time))?.find((s) => !s.used && sameForecastVector(s.probabilities, probabilities));
      if (match) {
        match.used = true;
        summary.forecastsUnchanged++;
      } else {
        forecastRows.add(f.question, forecasterId, f.time, JSON.stringify(probabilities), f.rationale ?? null);
        idsOnNew.get(f.question)?.push(firstId + addedRows);
        addedRows++;
        touched.add(f.question);
        summary.forecastsAdded++;
      }
      if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === total)) onProgress(i + 1, total);
    });
    forecastRows.flush();
    // (Checked, not assumed: should the ids not be those, the refresh reads the latest forecasts back.)
    const idsKnown = addedRows === 0 || (nextForecastId(sqlite) === firstId + addedRows && countForecastsFrom(sqlite, firstId) === addedRows);
    // (The refresh then reads each question's forecasts back, by question.)
    if (!idsKnown) buildIndexesNow?.();
    const [added, unchanged] = writeContinuousForecasts(t, continuousPlan, userIds, touched);
    summary.forecastsAdded += added;
    summary.forecastsUnchanged += unchanged;
    // importDataset does not check status: forecasts may land on a resolved question. Keep the
    // scores and crowd history of every question it wrote to in step, in this transaction.
    refreshKeptScores(t, [...newQuestions.map((q) => q.id), ...continuousPlan.newQuestions.map((q) => q.id), ...touched], {
      storedForecasts: onNewQuestions,
      storedForecastIds: idsKnown ? idsOnNew : undefined,
      computed,
    });
  } finally {
    // (The thread ends here whether the load went through or not.)
    if (computed) summary.keptRowsElsewhere = computed.close();
  }
}

/** The id the next forecast row gets (AUTOINCREMENT: past the largest ever used, deleted rows included). */
function nextForecastId(sqlite: ReturnType<typeof sqliteOf>): number {
  const row = sqlite
    .prepare("select max(coalesce((select seq from sqlite_sequence where name = 'forecasts'), 0), coalesce((select max(id) from forecasts), 0)) + 1 as next")
    .get() as { next: number };
  return row.next;
}

function countForecastsFrom(sqlite: ReturnType<typeof sqliteOf>, id: number): number {
  return (sqlite.prepare("select count(*) as n from forecasts where id >= ?").get(id) as { n: number }).n;
}

export interface ExportOptions {
  /** Who asks: anyone but an admin gets no draft questions. No viewer (the CLI) gets everything. */
  viewer?: { role: "analyst" | "admin" } | null;
}

/**
 * Every question and forecast as a dataset (questions sorted by id, forecasts in insertion order),
 * with each forecaster's handle and the probabilities as stored (as given, not clipped). Users, sessions, comments and
 * the audit log are not part of it.
 */
export function exportDataset(db: Db, options: ExportOptions = {}): Dataset {
  const includeDrafts = !options.viewer || options.viewer.role === "admin";
  // Numeric and date questions travel in `continuous` (exportContinuous).
  const all = getQuestions(db, listQuestionIds(db))
    .filter(isDiscreteQuestion)
    .filter((q) => includeDrafts || !q.isDraft);
  all.sort((a, b) => compareCodePoints(a.id, b.id));
  const included = new Set(all.map((q) => q.id));
  const rows = listForecastsByHandle(db);
  const continuous = exportContinuous(db, includeDrafts);
  return {
    ...(continuous ? { continuous } : {}),
    params: { ...DEFAULT_SCORING_PARAMS },
    questions: all.map((q) => ({
      id: q.id,
      type: q.type,
      options: q.options,
      openTime: q.openTime,
      closeTime: q.closeTime,
      resolveTime: q.resolveTime,
      outcome: q.outcome,
      title: q.title,
      description: q.description === "" ? null : q.description,
      resolutionCriteria: q.resolutionCriteria === "" ? null : q.resolutionCriteria,
      tags: q.tags,
      resolveBy: q.resolveBy,
      isDraft: q.isDraft,
      hideCrowdUntilForecast: q.hideCrowdUntilForecast,
      isIllustrative: q.isIllustrative,
      evidence: q.resolution?.evidence || null,
    })),
    forecasts: rows
      .filter((r) => included.has(r.question))
      .map(({ question, forecaster, time, probabilities, rationale }) => ({ question, forecaster, time, probabilities, rationale })),
  };
}
