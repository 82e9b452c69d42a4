import type Database from "better-sqlite3";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce, sqliteOf } from "@/db/queries/connection";
import { hasCdfForecast } from "@/db/queries/continuous-questions";
import { forecasts } from "@/db/schema/forecasts";
import { keepRecordedForecast, peopleOnlyCondition, type KeptStandingForecast } from "@/db/queries/kept-scores";
import { databaseStamp, keepAfterCommit, keptSinceWrite, memoWhileUnchanged } from "@/db/queries/read-memo";
import { getQuestion } from "@/db/queries/questions";
import { users } from "@/db/schema/users";
import { questionStatus, type QuestionStatus } from "@/lib/question-lifecycle";
import { isDiscreteQuestion, type DatasetForecast, type ForecastRecord } from "@/lib/types";

/** A forecast as the question page shows it: the math's record plus who made it and why. */
export interface QuestionForecast extends ForecastRecord {
  id: number;
  /** The forecaster's user id (also in `forecaster`, which the math keys on). */
  forecasterId: string;
  handle: string;
  name: string;
  rationale: string | null;
}

function prepareForecastsForQuestion(db: Db) {
  return db
    .select(forecastColumns())
    .from(forecasts)
    .innerJoin(users, eq(users.id, forecasts.forecasterId))
    .where(eq(forecasts.questionId, sql.placeholder("questionId")))
    .orderBy(asc(forecasts.madeAt), asc(forecasts.id))
    .prepare();
}

/**
 * Every forecast on a question, oldest first; equal times keep insertion (id) order, which is the
 * input order the math breaks ties with (docs/formulas.md §3.2, docs/exchange-format.md §6.2).
 */
export function listForecastsForQuestion(db: Db, questionId: string): QuestionForecast[] {
  return preparedOnce(db, prepareForecastsForQuestion).all({ questionId }).map((r) => ({ ...r, forecaster: r.forecasterId }));
}

/** A forecast with its forecaster named by handle (datasets and track records key forecasters by handle). */
export interface ForecastByHandle extends DatasetForecast {
  /** Insertion order (docs/formulas.md §3.2: ties between equal times are broken by it). */
  id: number;
  /** The forecaster's display name. */
  name: string;
}

/**
 * Forecasts with each forecaster's handle and name, in insertion (id) order: every forecast on the
 * desk, or only those on `questionIds`.
 */
export function listForecastsByHandle(db: Db, questionIds?: readonly string[]): ForecastByHandle[] {
  const select = (chunk?: readonly string[]) =>
    db
      .select({
        id: forecasts.id,
        question: forecasts.questionId,
        forecaster: users.handle,
        name: users.name,
        time: forecasts.madeAt,
        probabilities: forecasts.probabilities,
        rationale: forecasts.rationale,
      })
      .from(forecasts)
      .innerJoin(users, eq(users.id, forecasts.forecasterId))
      .where(chunk ? inArray(forecasts.questionId, [...chunk]) : undefined)
      .orderBy(asc(forecasts.id))
      .all();
  if (questionIds === undefined) return select();
  // SQLite caps bound parameters: query in chunks, then restore insertion order across them.
  const rows: ForecastByHandle[] = [];
  // A loop, never push(...chunk): a spread passes every row as an argument and throws past ~125k rows.
  for (let i = 0; i < questionIds.length; i += 500) for (const row of select(questionIds.slice(i, i + 500))) rows.push(row);
  return questionIds.length > 500 ? rows.sort((a, b) => a.id - b.id) : rows;
}

export interface NewForecast {
  questionId: string;
  forecasterId: string;
  /** In option order; binary [P(no), P(yes)]; already validated (lib/validation/forecast.ts). */
  probabilities: readonly number[];
  rationale: string | null;
  /** Server time (epoch ms) the forecast is made at; also the `now` of the open check. */
  madeAt: number;
  /** The form's kind ("binary" box or "scenarios" set): refused when it is not the question's type. */
  kind?: "binary" | "scenarios";
}

export type RecordForecastResult =
  | { ok: true; id: number }
  | { ok: false; code: "not_found" | "not_open" | "invalid"; reason: string };

const REFUSALS: Record<Exclude<QuestionStatus, "open">, string> = {
  draft: "This question is a draft and does not accept forecasts yet.",
  upcoming: "This question is not open for forecasting yet.",
  closed: "This question is closed: forecasting has ended.",
  resolved: "This question is resolved: forecasting has ended.",
  annulled: "This question was annulled: forecasting has ended.",
};

/** The vector must have one entry per option, each in (0, 1), summing to 1 within ±0.0005 (docs/formulas.md §2.1). */
function vectorProblem(probabilities: readonly number[], optionCount: number): string | null {
  if (probabilities.length !== optionCount)
    return `A forecast on this question needs ${optionCount} probabilities, got ${probabilities.length}.`;
  if (!probabilities.every((p) => Number.isFinite(p) && p > 0 && p < 1))
    return "Every probability must lie strictly between 0 and 1.";
  const total = probabilities.reduce((s, p) => s + p, 0);
  if (Math.abs(total - 1) > 0.0005) return "The probabilities must sum to 1 (within 0.0005).";
  return null;
}

// Prepared once per connection: building and preparing the insert cost more than running it.
const insertForecast = new WeakMap<Database.Database, Database.Statement>();

/** The read-memo kind under which recordForecast keeps a question's standing forecasts. */
export const STANDING_MEMO = "standing-after-forecast";

/**
 * Appends a forecast (forecasts are never edited: an update is a new row). In one transaction it
 * checks the question exists and accepts forecasts at `madeAt` (lib/question-lifecycle) and that the
 * vector fits its options; on any refusal nothing is written.
 */
export function recordForecast(db: Db, input: NewForecast): RecordForecastResult {
  const sqlite = sqliteOf(db);
  // Called on its own (not inside a caller's transaction, which may yet roll back), the question's
  // standing forecasts are kept from one forecast to the next while nothing else writes: a busy
  // question's 2,000 are then not read again for each new forecast's crowd point.
  const keepsStanding = !sqlite.inTransaction;
  let kept = null as { stamp: string; questionId: string; standing: readonly KeptStandingForecast[] } | null;
  const result = db.transaction((tx): RecordForecastResult => {
    const q = getQuestion(tx as unknown as Db, input.questionId);
    if (!q) return { ok: false, code: "not_found", reason: "This question does not exist." };
    if (!isDiscreteQuestion(q))
      return { ok: false, code: "invalid", reason: `This is a ${q.type} question: give a distribution, not probabilities.` };
    const status = questionStatus(q, input.madeAt);
    if (status !== "open") return { ok: false, code: "not_open", reason: REFUSALS[status] };
    if (input.kind !== undefined && input.kind !== (q.type === "binary" ? "binary" : "scenarios"))
      return {
        ok: false,
        code: "invalid",
        reason: q.type === "binary" ? "This is a yes/no question: give one probability, not a scenario set." : "This question is a scenario set: give a probability for each scenario.",
      };
    const optionCount = q.options.length;
    const problem = vectorProblem(input.probabilities, optionCount);
    if (problem) return { ok: false, code: "invalid", reason: problem };

    const standingBefore = keepsStanding ? keptSinceWrite<readonly KeptStandingForecast[]>(sqlite, STANDING_MEMO, q.id) : undefined;
    let insert = insertForecast.get(sqlite);
    if (!insert) insertForecast.set(sqlite, (insert = sqlite.prepare("insert into forecasts (question_id, forecaster_id, made_at, probabilities, rationale) values (?, ?, ?, ?, ?)")));
    const id = Number(insert.run(q.id, input.forecasterId, input.madeAt, JSON.stringify(input.probabilities), input.rationale).lastInsertRowid);
    const forecast = { forecaster: input.forecasterId, time: input.madeAt, id, probabilities: [...input.probabilities] };
    const standing = keepRecordedForecast(tx as unknown as Db, q, forecast, standingBefore);
    if (keepsStanding && standing) kept = { stamp: databaseStamp(sqlite), questionId: q.id, standing };
    return { ok: true, id };
  });
  if (result.ok && kept) keepAfterCommit(sqlite, kept.stamp, STANDING_MEMO, kept.questionId, kept.standing);
  return result;
}

/** Whether a user has made any forecast on a question (the anchoring guard): probabilities or a CDF. */
export function hasForecast(db: Db, questionId: string, userId: string): boolean {
  return (
    db
      .select({ id: forecasts.id })
      .from(forecasts)
      .where(and(eq(forecasts.questionId, questionId), eq(forecasts.forecasterId, userId)))
      .limit(1)
      .get() !== undefined ||
    hasCdfForecast(db, questionId, userId)
  );
}

function prepareForecasterCounts(db: Db) {
  return sqliteOf(db)
    .prepare("select question_id, count(*) from kept_latest_forecasts where question_id in (select value from json_each(?)) group by question_id")
    .raw();
}

/**
 * Distinct forecasters per binary or scenario question, for the question list; every requested id is
 * present (0 when none). Counted from kept_latest_forecasts (one row per question and forecaster), not
 * from every forecast: a busy question has 2,000 forecasters and 10,000 forecasts. Read once while the
 * database is unchanged (memoWhileUnchanged): counting a page of the 1M desk's busy questions' rows
 * again was 1.4 ms of each list request. Callers share the result and must not change it.
 */
export function forecasterCountsByQuestion(db: Db, questionIds: readonly string[]): Readonly<Record<string, number>> {
  return memoWhileUnchanged(sqliteOf(db), "forecaster-counts", JSON.stringify(questionIds), () => {
    const out: Record<string, number> = Object.fromEntries(questionIds.map((id) => [id, 0]));
    const count = preparedOnce(db, prepareForecasterCounts);
    for (let i = 0; i < questionIds.length; i += 500)
      for (const [questionId, n] of count.all(JSON.stringify(questionIds.slice(i, i + 500))) as Array<[string, number]>) out[questionId] = n;
    return out;
  });
}

export type ReaffirmResult = RecordForecastResult | { ok: false; code: "no_forecast"; reason: string };

/**
 * Reaffirm: records the user's standing forecast on the question again at `madeAt` (same
 * probabilities, no rationale), so its age starts over; refused like any forecast when the question
 * does not take forecasts, and when the user has none to reaffirm.
 */
export function reaffirmForecast(db: Db, input: { questionId: string; forecasterId: string; madeAt: number }): ReaffirmResult {
  return db.transaction((tx): ReaffirmResult => {
    const latest = tx
      .select({ probabilities: forecasts.probabilities })
      .from(forecasts)
      .where(and(eq(forecasts.questionId, input.questionId), eq(forecasts.forecasterId, input.forecasterId)))
      .orderBy(desc(forecasts.madeAt), desc(forecasts.id))
      .limit(1)
      .all()[0];
    if (!latest) return { ok: false, code: "no_forecast", reason: "You have no forecast on this question to reaffirm." };
    return recordForecast(tx as unknown as Db, { ...input, probabilities: latest.probabilities, rationale: null });
  });
}

// ---- The question page reads only what it shows ----

/** The columns of a QuestionForecast (forecasts joined with their forecaster). */
function forecastColumns() {
  return {
    id: forecasts.id,
    forecasterId: forecasts.forecasterId,
    handle: users.handle,
    name: users.name,
    time: forecasts.madeAt,
    probabilities: forecasts.probabilities,
    rationale: forecasts.rationale,
  };
}

/** One forecaster's forecasts on a question, oldest first (equal times by id). */
export function listOwnForecasts(db: Db, questionId: string, forecasterId: string): QuestionForecast[] {
  return db
    .select(forecastColumns())
    .from(forecasts)
    .innerJoin(users, eq(users.id, forecasts.forecasterId))
    .where(and(eq(forecasts.questionId, questionId), eq(forecasts.forecasterId, forecasterId)))
    .orderBy(asc(forecasts.madeAt), asc(forecasts.id))
    .all()
    .map((r) => ({ ...r, forecaster: r.forecasterId }));
}

/** A forecaster's forecasts on each of `questionIds` (those with none absent), oldest first as listOwnForecasts. */
export function listOwnForecastsOn(db: Db, forecasterId: string, questionIds: readonly string[]): Map<string, QuestionForecast[]> {
  const out = new Map<string, QuestionForecast[]>();
  for (let i = 0; i < questionIds.length; i += 500) {
    const rows = db
      .select({ ...forecastColumns(), questionId: forecasts.questionId })
      .from(forecasts)
      .innerJoin(users, eq(users.id, forecasts.forecasterId))
      .where(and(eq(forecasts.forecasterId, forecasterId), inArray(forecasts.questionId, questionIds.slice(i, i + 500))))
      .orderBy(asc(forecasts.madeAt), asc(forecasts.id))
      .all();
    for (const { questionId, ...r } of rows) {
      const list = out.get(questionId) ?? [];
      list.push({ ...r, forecaster: r.forecasterId });
      out.set(questionId, list);
    }
  }
  return out;
}

type StandingRow = Omit<QuestionForecast, "probabilities" | "forecaster"> & { probabilities: string };

const standingFromRow = (r: StandingRow): QuestionForecast => ({ ...r, probabilities: JSON.parse(r.probabilities) as number[], forecaster: r.forecasterId });

/**
 * Each forecaster's standing forecast at `at` (their last by made_at, then id, with made_at ≤ `at`;
 * lib/standing-forecast standingForecastsAt), in recency order; people's only with `peopleOnly`.
 * `at` must not be after Ta. Their rationale is not read (null): the spread shows none, and a busy
 * question's texts would be most of what this reads. When no one's latest forecast is after `at`
 * (an open question now: always, but for imported forecasts dated later) they are the kept latest
 * forecasts (kept_latest_forecasts), read by key; otherwise each forecaster's forecasts up to `at` are
 * ranked (at 10,000 forecasts on a question, 33 ms against a few).
 */
export function listStandingForecasts(db: Db, questionId: string, at: number, peopleOnly = false): QuestionForecast[] {
  const sqlite = sqliteOf(db);
  // Each forecaster's latest forecast, read once while the database is unchanged (db/queries/read-memo).
  const latest = memoWhileUnchanged(sqlite, "latest-forecasts", `${peopleOnly} ${questionId}`, () =>
    (
      sqlite
        .prepare(
          `select f.id, l.forecaster_id as forecasterId, u.handle, u.name, f.made_at as time, f.probabilities, null as rationale
           from kept_latest_forecasts l join forecasts f on f.id = l.forecast_id join user u on u.id = l.forecaster_id
           where l.question_id = ?${peopleOnly ? peopleOnlyCondition("l.forecaster_id") : ""} order by l.made_at, l.forecast_id`,
        )
        .all(questionId) as StandingRow[]
    ).map(standingFromRow),
  );
  if (latest.length === 0 || latest[latest.length - 1].time <= at) return latest.slice();
  // (A question resolved before its close: at is Ta, the same for every reader; read once too.)
  return memoWhileUnchanged(sqlite, "standing-forecasts-at", `${peopleOnly} ${questionId} ${at}`, () =>
    (
      sqlite
        .prepare(
          `select f.id, f.forecaster_id as forecasterId, u.handle, u.name, f.made_at as time, f.probabilities, null as rationale
           from (select id, forecaster_id, made_at, probabilities,
                        row_number() over (partition by forecaster_id order by made_at desc, id desc) as latest
                 from forecasts where question_id = ? and made_at <= ?${peopleOnly ? peopleOnlyCondition("forecaster_id") : ""}) f
           join user u on u.id = f.forecaster_id
           where f.latest = 1 order by f.made_at, f.id`,
        )
        .all(questionId, at) as StandingRow[]
    ).map(standingFromRow),
  ).slice();
}

/** Rationales shown per page on the question page. */
export const RATIONALES_PER_PAGE = 10;

/**
 * Page `requested` (1-based; clamped to the last) of the forecasts on a question that came with a
 * rationale, newest first, and how many there are.
 */
export function rationalePage(
  db: Db,
  questionId: string,
  requested: number,
  perPage: number = RATIONALES_PER_PAGE,
): { items: QuestionForecast[]; page: number; pageCount: number; total: number } {
  // Read once while the database is unchanged (db/queries/read-memo): every visitor of a busy question
  // reads its first page, and counting its rationales (15,000 on the bench's busiest) is most of that.
  return memoWhileUnchanged(sqliteOf(db), "rationale-page", `${questionId}\u0000${requested}\u0000${perPage}`, () =>
    readRationalePage(db, questionId, requested, perPage),
  );
}

function readRationalePage(db: Db, questionId: string, requested: number, perPage: number) {
  const withRationale = and(eq(forecasts.questionId, questionId), sql`trim(coalesce(${forecasts.rationale}, '')) <> ''`);
  const total = db.select({ n: sql<number>`count(*)` }).from(forecasts).where(withRationale).get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pageCount) : 1;
  const items = db
    .select(forecastColumns())
    .from(forecasts)
    .innerJoin(users, eq(users.id, forecasts.forecasterId))
    .where(withRationale)
    .orderBy(desc(forecasts.madeAt), desc(forecasts.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all()
    .map((r) => ({ ...r, forecaster: r.forecasterId }));
  return { items, page, pageCount, total };
}
