import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce, sqliteOf } from "@/db/queries/connection";
import { memoWhileUnchanged } from "@/db/queries/read-memo";
import { refreshKeptScores } from "@/db/queries/kept-scores";
import { continuousForecasts, questionScales } from "@/db/schema/continuous-questions";
import { forecasts } from "@/db/schema/forecasts";
import { questionOptions, questions, questionTags, tags } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import { acceptsForecasts, isDueForResolution, type QuestionStatus } from "@/lib/question-lifecycle";
import { slugify } from "@/lib/slug";
import type { ContinuousOutcome } from "@/lib/continuous/types";
import { isContinuousQuestion, isDiscreteQuestion, type DiscreteQuestion, type Question, type QuestionDetails, type QuestionScale, type ResolutionRecord } from "@/lib/types";
import type { QuestionDefinition, QuestionTab } from "@/lib/validation/question";
import { CLOSING_SOON_DAYS } from "@/lib/question-tabs";

const BINARY_OPTIONS = ["no", "yes"] as const;

type QuestionRow = typeof questions.$inferSelect;
type ResolutionRow = typeof resolutions.$inferSelect;
type ScaleRow = typeof questionScales.$inferSelect;

function toResolution(row: ResolutionRow): ResolutionRecord {
  return {
    outcome: row.annulled ? { kind: "annulled" } : { kind: "option", option: row.outcome! },
    resolveTime: row.resolveTime,
    evidence: row.evidence,
    resolvedBy: row.resolvedBy,
    recordedAt: row.recordedAt,
  };
}

function toValueResolution(row: ResolutionRow): ResolutionRecord<ContinuousOutcome> {
  return {
    outcome: row.annulled || row.value === null ? { kind: "annulled" } : { kind: "value", value: row.value },
    resolveTime: row.resolveTime,
    evidence: row.evidence,
    resolvedBy: row.resolvedBy,
    recordedAt: row.recordedAt,
  };
}

function toQuestion(
  row: QuestionRow,
  options: string[],
  tagNames: string[],
  res: ResolutionRow | undefined,
  scale: ScaleRow | undefined,
): Question {
  const fields = {
    id: row.id,
    openTime: row.openTime,
    closeTime: row.closeTime,
    title: row.title,
    description: row.description,
    resolutionCriteria: row.resolutionCriteria,
    tags: tagNames,
    resolveBy: row.resolveBy,
    isDraft: row.isDraft,
    hideCrowdUntilForecast: row.hideCrowdUntilForecast,
    isIllustrative: row.isIllustrative,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (row.type === "numeric" || row.type === "date") {
    if (!scale) throw new Error(`question ${row.id} is ${row.type} but has no scale`);
    const resolution = res ? toValueResolution(res) : null;
    return {
      ...fields,
      type: row.type,
      options: [],
      resolveTime: resolution?.resolveTime ?? null,
      outcome: resolution?.outcome ?? null,
      resolution,
      scale: {
        unit: scale.unit,
        rangeMin: scale.rangeMin,
        rangeMax: scale.rangeMax,
        zeroPoint: scale.zeroPoint,
        openLowerBound: scale.openLowerBound,
        openUpperBound: scale.openUpperBound,
      },
    };
  }
  const resolution = res ? toResolution(res) : null;
  return {
    ...fields,
    type: row.type,
    options: row.type === "binary" ? [...BINARY_OPTIONS] : options,
    resolveTime: resolution?.resolveTime ?? null,
    outcome: resolution?.outcome ?? null,
    resolution,
    scale: null,
  };
}

/**
 * The reads of getQuestions, prepared once per connection: built by drizzle on every call they cost
 * more than the reads themselves (4 ms for a list page's 50 questions; 1 ms so).
 */
function prepareQuestionsByIds(db: Db) {
  const sqlite = sqliteOf(db);
  const ids = "(select value from json_each(?))";
  return {
    questions: sqlite.prepare(
      `select id, title, description, resolution_criteria as resolutionCriteria, type, open_time as openTime, close_time as closeTime,
              resolve_by as resolveBy, is_draft as isDraft, hide_crowd_until_forecast as hideCrowdUntilForecast,
              is_illustrative as isIllustrative, created_by as createdBy, created_at as createdAt, updated_at as updatedAt
       from questions where id in ${ids}`,
    ),
    options: sqlite.prepare(`select question_id as questionId, label from question_options where question_id in ${ids} order by question_id, position`),
    tags: sqlite.prepare(
      `select qt.question_id as questionId, t.name as name from question_tags qt join tags t on t.id = qt.tag_id where qt.question_id in ${ids} order by t.name`,
    ),
    resolutions: sqlite.prepare(
      `select question_id as questionId, outcome, value, annulled, resolve_time as resolveTime, evidence, resolved_by as resolvedBy, recorded_at as recordedAt
       from resolutions where question_id in ${ids}`,
    ),
    scales: sqlite.prepare(
      `select question_id as questionId, unit, range_min as rangeMin, range_max as rangeMax, zero_point as zeroPoint,
              open_lower_bound as openLowerBound, open_upper_bound as openUpperBound
       from question_scales where question_id in ${ids}`,
    ),
  };
}

/** Rows as SQLite gives them: the boolean columns as 0 or 1. */
type Stored<T> = { [K in keyof T]: T[K] extends boolean ? number : T[K] };

/** Loads questions by id with their options, tags and resolution, in the order of `ids`. */
export function getQuestions(db: Db, ids: readonly string[]): Question[] {
  if (ids.length === 0) return [];
  const reads = preparedOnce(db, prepareQuestionsByIds);
  const idList = JSON.stringify(ids);
  const listsOf = <T extends { questionId: string }>(items: T[]) => {
    const m = new Map<string, T[]>();
    for (const item of items) {
      const list = m.get(item.questionId);
      if (list) list.push(item);
      else m.set(item.questionId, [item]);
    }
    return m;
  };
  const byId = new Map((reads.questions.all(idList) as Array<Stored<QuestionRow>>).map((r) => [r.id, r]));
  const optsOf = listsOf(reads.options.all(idList) as Array<{ questionId: string; label: string }>);
  const tagsOf = listsOf(reads.tags.all(idList) as Array<{ questionId: string; name: string }>);
  const resOf = new Map((reads.resolutions.all(idList) as Array<Stored<ResolutionRow>>).map((r) => [r.questionId, { ...r, annulled: r.annulled === 1 }]));
  const scaleOf = new Map(
    (reads.scales.all(idList) as Array<Stored<ScaleRow>>).map((r) => [r.questionId, { ...r, openLowerBound: r.openLowerBound === 1, openUpperBound: r.openUpperBound === 1 }]),
  );
  const out: Question[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    out.push(
      toQuestion(
        { ...row, isDraft: row.isDraft === 1, hideCrowdUntilForecast: row.hideCrowdUntilForecast === 1, isIllustrative: row.isIllustrative === 1 },
        (optsOf.get(id) ?? []).map((o) => o.label),
        (tagsOf.get(id) ?? []).map((t) => t.name),
        resOf.get(id),
        scaleOf.get(id),
      ),
    );
  }
  return out;
}

function prepareQuestionReads(db: Db) {
  const id = sql.placeholder("id");
  return {
    question: db.select().from(questions).where(eq(questions.id, id)).prepare(),
    options: db.select({ label: questionOptions.label }).from(questionOptions).where(eq(questionOptions.questionId, id)).orderBy(asc(questionOptions.position)).prepare(),
    tags: db
      .select({ name: tags.name })
      .from(questionTags)
      .innerJoin(tags, eq(tags.id, questionTags.tagId))
      .where(eq(questionTags.questionId, id))
      .orderBy(asc(tags.name))
      .prepare(),
    resolution: db.select().from(resolutions).where(eq(resolutions.questionId, id)).prepare(),
    scale: db.select().from(questionScales).where(eq(questionScales.questionId, id)).prepare(),
  };
}

/** One question with its options, tags and resolution, or null for an unknown id (as getQuestions). */
export function getQuestion(db: Db, id: string): Question | null {
  // Every forecast submission reads its question: building and preparing these five queries cost ~10× running them.
  const reads = preparedOnce(db, prepareQuestionReads);
  const row = reads.question.all({ id })[0];
  if (!row) return null;
  return toQuestion(
    row,
    reads.options.all({ id }).map((o) => o.label),
    reads.tags.all({ id }).map((t) => t.name),
    reads.resolution.all({ id })[0],
    reads.scale.all({ id })[0],
  );
}

/** A binary or scenario question (what the probability engine scores); null for an unknown id or a numeric or date question. */
export function getDiscreteQuestion(db: Db, id: string): DiscreteQuestion | null {
  const q = getQuestion(db, id);
  return q && isDiscreteQuestion(q) ? q : null;
}

/** Every question id, soonest close first (callers filter with lib/question-lifecycle). */
export function listQuestionIds(db: Db): string[] {
  return db
    .select({ id: questions.id })
    .from(questions)
    .orderBy(asc(questions.closeTime))
    .all()
    .map((r) => r.id);
}

/** How many questions the desk holds (drafts included): 0 means an empty desk. */
export function countQuestions(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(questions).get()!.n;
}

// ---- Listing, creating and editing (admin) ----

/**
 * A search box's text as an FTS5 query: every word (letters and digits) must occur, in any order, each
 * as a prefix ("presid" finds "president"); each word is quoted, so FTS5 operators typed into the box
 * are read as words. Null when the text has no word in it.
 */
export function questionSearchQuery(text: string): string | null {
  const words = text.normalize("NFKC").match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((w) => `"${w}"*`).join(" ");
}

/** What the question list (page and API) filters by; every part is optional but the drafts rule. */
export interface QuestionListFilter {
  /** Only questions carrying this tag (exact, case-insensitive). */
  tag?: string;
  /** Text search over title, description and criteria (questionSearchQuery); best match first. */
  search?: string;
  /** Drafts too (admins); without it, published questions plus the drafts `draftsBy` proposed. */
  includeDrafts: boolean;
  draftsBy?: string | null;
  /** Only questions this user has forecast (probabilities or a CDF): the list's "Mine" tab. */
  forecastBy?: string;
  /** Only the questions a tab of the list shows at `now` (lib/question-tabs isInQuestionTab). */
  tab?: QuestionTab;
  /** Only questions in this lifecycle state at `now` (lib/question-lifecycle questionStatus; the API's status). */
  status?: QuestionStatus;
  /** Only questions changed at or after this time (questionChangeTimes; the API's changedSince). */
  changedSince?: number;
  /** The request's clock, for `tab` and `status`. */
  now?: number;
}

/**
 * When a question last changed, as SQL over `questions q`: the latest of its definition (updated_at), any
 * resolution change (the audit log) and its newest forecast, probabilities or CDF (which moves the crowd).
 */
const CHANGED_AT = sql.raw(`max(q.updated_at,
  coalesce((select max(a.at) from resolution_audit a where a.question_id = q.id), 0),
  coalesce((select max(f.made_at) from forecasts f where f.question_id = q.id), 0),
  coalesce((select max(c.made_at) from continuous_forecasts c where c.question_id = q.id), 0))`);

/** Annulled, as SQL over `resolutions r` of `questions q` (toResolution / toValueResolution). */
const ANNULLED = sql.raw(`(r.annulled = 1 or (q.type in ('numeric', 'date') and r.value is null))`);

/**
 * lib/question-lifecycle questionStatus as SQL over `questions q` left-joined to `resolutions r`, state by
 * state (a resolution row is the outcome; tests/integration/question-list.test.ts compares the two).
 */
function statusCondition(status: QuestionStatus, now: number): SQL {
  const unresolvedPublished = sql`r.question_id is null and q.is_draft = 0`;
  switch (status) {
    case "resolved":
      return sql`(r.question_id is not null and not ${ANNULLED})`;
    case "annulled":
      return sql`(r.question_id is not null and ${ANNULLED})`;
    case "draft":
      return sql`(r.question_id is null and q.is_draft = 1)`;
    case "upcoming":
      return sql`(${unresolvedPublished} and ${now} < q.open_time)`;
    case "open":
      return sql`(${unresolvedPublished} and q.open_time <= ${now} and ${now} < q.close_time)`;
    case "closed":
      return sql`(${unresolvedPublished} and q.open_time <= ${now} and q.close_time <= ${now})`;
  }
}

/** lib/question-tabs isInQuestionTab as SQL, tab by tab (due: lib/question-lifecycle isDueForResolution). */
function tabCondition(tab: QuestionTab, now: number): SQL | null {
  const due = sql`(r.question_id is null and q.is_draft = 0 and coalesce(q.resolve_by, q.close_time) <= ${now})`;
  switch (tab) {
    case "open":
      return sql`(${statusCondition("open", now)} or ${statusCondition("upcoming", now)} or ${statusCondition("draft", now)})`;
    case "closing-soon":
      return sql`(${statusCondition("open", now)} and q.close_time - ${now} <= ${CLOSING_SOON_DAYS * 86_400_000})`;
    case "due":
      return due;
    case "closed":
      return sql`(${statusCondition("closed", now)} and not ${due})`;
    case "resolved":
      return sql`r.question_id is not null`;
    case "all":
      return null;
  }
}

/**
 * The FROM and WHERE of a list, over `questions q` left-joined to `resolutions r` and, for a search, to
 * the FTS5 matches `s` with their BM25 rank (db/migrations question_search; a title match weighs most:
 * 10, description 2, criteria 1). Null when a search has no word in it (it matches nothing).
 */
function listFrom(filter: QuestionListFilter): { from: SQL; searched: boolean } | null {
  const conditions: SQL[] = [];
  if (!filter.includeDrafts)
    conditions.push(filter.draftsBy ? sql`(q.is_draft = 0 or q.created_by = ${filter.draftsBy})` : sql`q.is_draft = 0`);
  if (filter.tag && filter.tag.trim())
    conditions.push(
      sql`q.id in (select qt.question_id from question_tags qt join tags t on t.id = qt.tag_id where lower(t.name) = lower(${filter.tag.trim()}))`,
    );
  if (filter.forecastBy)
    conditions.push(
      sql`q.id in (select question_id from forecasts where forecaster_id = ${filter.forecastBy} union select question_id from continuous_forecasts where forecaster_id = ${filter.forecastBy})`,
    );
  if (filter.tab || filter.status) {
    if (filter.now === undefined) throw new Error("a list by tab or status needs the request's clock");
    const tab = filter.tab ? tabCondition(filter.tab, filter.now) : null;
    if (tab) conditions.push(tab);
    if (filter.status) conditions.push(statusCondition(filter.status, filter.now));
  }
  if (filter.changedSince !== undefined) conditions.push(sql`${CHANGED_AT} >= ${filter.changedSince}`);
  let search = sql``;
  const searched = !!(filter.search && filter.search.trim());
  if (searched) {
    const query = questionSearchQuery(filter.search!);
    if (query === null) return null;
    search = sql` join (select question_id, bm25(question_search, 0, 10, 2, 1) as rank from question_search where question_search match ${query}) s on s.question_id = q.id`;
  }
  const where = conditions.length ? sql` where ${sql.join(conditions, sql` and `)}` : sql``;
  return { from: sql`questions q left join resolutions r on r.question_id = q.id${search}${where}`, searched };
}

/**
 * Every instant at which a question enters or leaves a tab or a status (tabCondition, statusCondition:
 * each compares the clock with an open time, a close time, a resolve-by deadline or 14 days before a
 * close, as `instant <= now`), sorted; read once while the database is unchanged.
 */
function listClockInstants(db: Db): Float64Array {
  const sqlite = sqliteOf(db);
  return memoWhileUnchanged(sqlite, "list-clock-instants", "", () => {
    const rows = sqlite
      .prepare("select open_time, close_time, coalesce(resolve_by, close_time), close_time - ? from questions")
      .raw()
      .all(CLOSING_SOON_DAYS * 86_400_000) as number[][];
    const instants = new Float64Array(rows.length * 4);
    rows.forEach((row, i) => instants.set(row, i * 4));
    return instants.sort();
  });
}

/**
 * A list filter as a key for the lists read once while the database is unchanged: its clock replaced
 * by how many of listClockInstants it has reached. Every clock between the same two instants lists
 * the same questions, so a list request reads its page's ids and count again only when a question has
 * crossed into or out of a tab (on the 1M desk they were 1.7 ms of each list request).
 */
function listMemoKey(db: Db, filter: QuestionListFilter): string {
  // (Only a tab or a status reads the clock.)
  if (filter.now === undefined || (!filter.tab && !filter.status)) return JSON.stringify({ ...filter, now: null });
  const instants = listClockInstants(db);
  let reached = 0;
  let above = instants.length;
  while (reached < above) {
    const mid = (reached + above) >> 1;
    if (instants[mid] <= filter.now) reached = mid + 1;
    else above = mid;
  }
  return JSON.stringify({ ...filter, now: null, reached });
}

/** How many questions a list holds (every page of it). */
export function countListedQuestions(db: Db, filter: QuestionListFilter): number {
  return memoWhileUnchanged(sqliteOf(db), "listed-count", listMemoKey(db, filter), () => {
    const from = listFrom(filter);
    return from ? db.get<{ n: number }>(sql`select count(*) as n from ${from.from}`)!.n : 0;
  });
}

/**
 * `limit` questions of a list from `offset` on (limit -1: all of them), with their options, tags and
 * resolution: best match first for a search (ties soonest close first), else soonest close first, the
 * Resolved tab latest close first. Only these rows are read, so a page costs the same on any desk.
 * The ids and the questions of those ids are read once while the database is unchanged (and, for the
 * ids, while the clock stays between the same two of listClockInstants); a page of 50 questions was
 * 1.4 ms of each list request on the 1M desk. Callers share them and must not change them.
 */
export function listQuestionRange(db: Db, filter: QuestionListFilter, offset: number, limit: number): Question[] {
  const sqlite = sqliteOf(db);
  const ids = memoWhileUnchanged(sqlite, "listed-ids", `${listMemoKey(db, filter)} ${offset} ${limit}`, () => {
    const from = listFrom(filter);
    if (!from) return [];
    const order = from.searched
      ? sql`s.rank, q.close_time, q.id`
      : filter.tab === "resolved"
        ? sql`q.close_time desc, q.id desc`
        : sql`q.close_time, q.id`;
    return db.all<{ id: string }>(sql`select q.id as id from ${from.from} order by ${order} limit ${limit} offset ${offset}`).map((r) => r.id);
  });
  return memoWhileUnchanged(sqlite, "listed-questions", JSON.stringify(ids), () => getQuestions(db, ids));
}

/** Every question of a list, in list order (listQuestionRange). */
export function listQuestions(db: Db, filter: QuestionListFilter): Question[] {
  return listQuestionRange(db, filter, 0, -1);
}

/**
 * Every tag in use on a published question (or any question, with drafts), alphabetically; read once
 * while the database is unchanged (every list request shows them). Callers must not change the list.
 */
export function listTagsInUse(db: Db, includeDrafts: boolean): readonly string[] {
  return memoWhileUnchanged(sqliteOf(db), "tags-in-use", String(includeDrafts), () =>
    db
      .selectDistinct({ name: tags.name })
      .from(tags)
      .innerJoin(questionTags, eq(questionTags.tagId, tags.id))
      .innerJoin(questions, eq(questions.id, questionTags.questionId))
      .where(includeDrafts ? undefined : eq(questions.isDraft, false))
      .orderBy(asc(tags.name))
      .all()
      .map((r) => r.name),
  );
}

/** Ids of published, unresolved questions that also meet `condition`, in `order`. */
function publishedUnresolvedIds(db: Db, condition: SQL, order: SQL[]): string[] {
  return db
    .select({ id: questions.id })
    .from(questions)
    .leftJoin(resolutions, eq(resolutions.questionId, questions.id))
    .where(and(isNull(resolutions.questionId), eq(questions.isDraft, false), condition))
    .orderBy(...order)
    .all()
    .map((r) => r.id);
}

/**
 * Due for resolution at `now` (lib/question-lifecycle isDueForResolution: resolve-by passed, or the
 * close time when there is none, no resolution, not a draft), oldest deadline first.
 */
export function listDueQuestions(db: Db, now: number): Question[] {
  const ids = publishedUnresolvedIds(db, sql`coalesce(${questions.resolveBy}, ${questions.closeTime}) <= ${now}`, [
    sql`coalesce(${questions.resolveBy}, ${questions.closeTime})`,
    asc(questions.id),
  ]);
  return getQuestions(db, ids).filter((q) => isDueForResolution(q, now));
}

/** Taking forecasts at `now` (lib/question-lifecycle acceptsForecasts), soonest close first. */
export function listOpenQuestions(db: Db, now: number): Question[] {
  const ids = publishedUnresolvedIds(db, and(lte(questions.openTime, now), gt(questions.closeTime, now))!, [
    asc(questions.closeTime),
    asc(questions.id),
  ]);
  return getQuestions(db, ids).filter((q) => acceptsForecasts(q, now));
}

/** Whether anyone has forecast on a question (probabilities or a CDF): its type, scenarios and scale then lock. */
export function questionHasForecasts(db: Db, questionId: string): boolean {
  return (
    db.select({ id: forecasts.id }).from(forecasts).where(eq(forecasts.questionId, questionId)).limit(1).get() !== undefined ||
    db
      .select({ id: continuousForecasts.id })
      .from(continuousForecasts)
      .where(eq(continuousForecasts.questionId, questionId))
      .limit(1)
      .get() !== undefined
  );
}

/** A readable, unique id: the title's first words as a slug plus a short random suffix. */
function newQuestionId(db: Db, title: string): string {
  const slug = slugify(title, 48) || "question";
  for (;;) {
    const id = `${slug}-${randomBytes(3).toString("hex")}`;
    if (!db.select({ id: questions.id }).from(questions).where(eq(questions.id, id)).get()) return id;
  }
}

function writeTags(db: Db, questionId: string, tagNames: readonly string[]): void {
  db.delete(questionTags).where(eq(questionTags.questionId, questionId)).run();
  for (const name of tagNames) {
    db.insert(tags).values({ name }).onConflictDoNothing().run();
    const tag = db.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get()!;
    db.insert(questionTags).values({ questionId, tagId: tag.id }).onConflictDoNothing().run();
  }
}

function writeScenarios(db: Db, questionId: string, def: QuestionDefinition): void {
  db.delete(questionOptions).where(eq(questionOptions.questionId, questionId)).run();
  if (def.type !== "multiple_choice") return;
  db.insert(questionOptions)
    .values(def.scenarios.map((label, position) => ({ questionId, position, label })))
    .run();
}

/** The scale row of a numeric or date question (none for the others). */
function writeScale(db: Db, questionId: string, def: QuestionDefinition): void {
  db.delete(questionScales).where(eq(questionScales.questionId, questionId)).run();
  if (def.type !== "numeric" && def.type !== "date") return;
  if (!def.scale) throw new Error(`a ${def.type} question needs a scale`);
  db.insert(questionScales)
    .values({ questionId, ...def.scale })
    .run();
}

/** Whether two scales are the same (a definition's and a stored one's). */
function sameScale(a: QuestionScale | null | undefined, b: QuestionScale | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.unit === b.unit &&
    a.rangeMin === b.rangeMin &&
    a.rangeMax === b.rangeMax &&
    a.zeroPoint === b.zeroPoint &&
    a.openLowerBound === b.openLowerBound &&
    a.openUpperBound === b.openUpperBound
  );
}

/** The columns a question form sets, on create and on edit alike. */
function definitionColumns(def: QuestionDefinition) {
  return {
    title: def.title,
    description: def.description,
    resolutionCriteria: def.resolutionCriteria,
    type: def.type,
    openTime: def.openTime,
    closeTime: def.closeTime,
    resolveBy: def.resolveBy,
    isDraft: def.isDraft,
    hideCrowdUntilForecast: def.hideCrowdUntilForecast,
  };
}

/**
 * Creates a question (validated by lib/validation/question.ts) with its scenarios or scale and tags, in
 * one transaction. Its id is new among every question of every type (one table holds them all).
 */
/** The `questions` row of a question read from an exchange file (binary, scenario, numeric or date). */
export function insertImportedQuestion(
  db: Db,
  q: QuestionDetails & { id: string; type: Question["type"]; openTime: number; closeTime: number },
  now: number,
): void {
  db.insert(questions)
    .values({
      id: q.id,
      title: q.title,
      description: q.description ?? "",
      resolutionCriteria: q.resolutionCriteria ?? "",
      type: q.type,
      openTime: q.openTime,
      closeTime: q.closeTime,
      resolveBy: q.resolveBy,
      isDraft: q.isDraft ?? false,
      // Absent (an older file, or one from elsewhere): the data is historical, nobody can forecast
      // before seeing the crowd any more, so the guard is off.
      hideCrowdUntilForecast: q.hideCrowdUntilForecast ?? false,
      isIllustrative: q.isIllustrative ?? false,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .run();
}

export function createQuestion(db: Db, def: QuestionDefinition, meta: { createdBy: string | null; now: number }): string {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const id = newQuestionId(t, def.title);
    t.insert(questions)
      .values({
        id,
        ...definitionColumns(def),
        createdBy: meta.createdBy,
        createdAt: meta.now,
        updatedAt: meta.now,
      })
      .run();
    writeScenarios(t, id, def);
    writeScale(t, id, def);
    writeTags(t, id, def.tags);
    return id;
  });
}

/** Publishes a draft (admin): it opens for forecasting at its open time. False for an unknown id or a published question. */
export function publishQuestion(db: Db, id: string, now: number): boolean {
  return (
    db
      .update(questions)
      .set({ isDraft: false, updatedAt: now })
      .where(and(eq(questions.id, id), eq(questions.isDraft, true)))
      .run().changes === 1
  );
}

export type UpdateQuestionResult =
  | { ok: true }
  | { ok: false; code: "not_found" | "locked"; field?: "type" | "scenarios" | "rangeMin"; reason: string };

/**
 * Saves an edited question. Once forecasts exist its type, scenarios and scale cannot change (forecast
 * vectors are in scenario order; a CDF is drawn over the scale); nor can a resolved numeric or date
 * question's type or scale (its value was checked against that scale). The checks and the write share
 * one transaction.
 */
export function updateQuestion(db: Db, id: string, def: QuestionDefinition, now: number): UpdateQuestionResult {
  return db.transaction((tx): UpdateQuestionResult => {
    const t = tx as unknown as Db;
    const current = getQuestion(t, id);
    if (!current) return { ok: false, code: "not_found", reason: "This question does not exist." };
    const typeChanged = current.type !== def.type;
    const scenariosChanged =
      typeChanged ||
      (def.type === "multiple_choice" &&
        (current.options.length !== def.scenarios.length || current.options.some((o, i) => o !== def.scenarios[i])));
    const scaleChanged = typeChanged || !sameScale(current.scale, def.scale);
    if (scenariosChanged || scaleChanged) {
      const field = typeChanged ? "type" : scenariosChanged ? "scenarios" : "rangeMin";
      const what = field === "type" ? "type" : field === "scenarios" ? "scenarios" : "scale (unit, range, zero point, bounds)";
      if (questionHasForecasts(t, id))
        return { ok: false, code: "locked", field, reason: `The ${what} cannot change once forecasts exist` };
      if (current.resolution && (isContinuousQuestion(current) || def.type === "numeric" || def.type === "date"))
        return { ok: false, code: "locked", field, reason: `The ${what} cannot change while the question is resolved: undo the resolution first` };
    }
    t.update(questions)
      .set({
        ...definitionColumns(def),
        updatedAt: now,
      })
      .where(eq(questions.id, id))
      .run();
    if (scenariosChanged) writeScenarios(t, id, def);
    if (scaleChanged) writeScale(t, id, def);
    writeTags(t, id, def.tags);
    // Times, type and draft flag feed the scores (Ta, the counted forecasts): keep them in step.
    refreshKeptScores(t, [id]);
    return { ok: true };
  });
}

/**
 * When each question last changed (epoch ms), for the API's changedSince filter: the latest of its
 * definition (updatedAt), any resolution change (the audit log) and its newest forecast (which moves the
 * crowd forecast): probabilities, or a CDF on a numeric or date question. Every requested id is present.
 */
export function questionChangeTimes(db: Db, ids: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.all<{ id: string; changedAt: number }>(
      sql`select q.id as id, ${CHANGED_AT} as changedAt from questions q where q.id in (${sql.join(chunk.map((id) => sql`${id}`), sql`, `)})`,
    );
    for (const r of rows) out.set(r.id, r.changedAt);
  }
  return out;
}
