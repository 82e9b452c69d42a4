import type { Db } from "@/db/client";
import { continuousForecasts } from "@/db/schema/continuous-questions";
import { botIdentities } from "@/db/queries/bots";
import { sqliteOf } from "@/db/queries/kept-scores";
import { decodeCdf, encodeCdf } from "@/lib/continuous/cdf-blob";
import { readCdf } from "@/lib/continuous/cdf";
import { recencyWeightedMeanHistory, type CrowdDistributionHistory } from "@/lib/continuous/crowd-history";
import type { ContinuousForecastRecord, ContinuousQuestionType, ContinuousScale } from "@/lib/continuous/types";
import { questionStatus, type QuestionStatus } from "@/lib/question-lifecycle";
import { FORECAST_REFUSALS } from "@/db/queries/forecasts";
import { forecastsOf, type Population } from "@/lib/population";

// CDF forecasts on numeric and date questions as the question page reads and writes them
// (continuous_forecasts: append-only, the CDF an 809-byte BLOB, lib/continuous/cdf-blob.ts).

/** A stored CDF forecast: the record the engine reads, with its id and rationale. */
export interface StoredContinuousForecast extends ContinuousForecastRecord {
  id: number;
  rationale: string | null;
}

type Row = [number, string, number, Buffer, string | null];

const toForecast = ([id, forecaster, time, blob, rationale]: Row): StoredContinuousForecast => ({
  id,
  forecaster,
  time,
  cdf: decodeCdf(blob),
  rationale,
});

/**
 * A question's forecasts made by `until` (forecaster = user id), in counted order — by time, ties by
 * insertion — of one population (people, bots or both; lib/population).
 */
export function listContinuousForecasts(db: Db, questionId: string, until: number, population: Population): StoredContinuousForecast[] {
  const rows = sqliteOf(db)
    .prepare(
      "select id, forecaster_id, made_at, cdf, rationale from continuous_forecasts where question_id = ? and made_at <= ? order by made_at, id",
    )
    .raw()
    .all(questionId, until) as Row[];
  const forecasts = rows.map(toForecast);
  return population === "both" ? forecasts : forecastsOf(forecasts, botIdentities(db).ids, (f) => f.forecaster, population);
}

/** One forecaster's forecasts on a question, oldest first. */
export function listOwnContinuousForecasts(db: Db, questionId: string, forecasterId: string): StoredContinuousForecast[] {
  const rows = sqliteOf(db)
    .prepare(
      "select id, forecaster_id, made_at, cdf, rationale from continuous_forecasts where question_id = ? and forecaster_id = ? order by made_at, id",
    )
    .raw()
    .all(questionId, forecasterId) as Row[];
  return rows.map(toForecast);
}

/** Appends a CDF forecast already validated on the question's scale (readCdf); returns its id. */
export function insertContinuousForecast(
  db: Db,
  input: { questionId: string; forecasterId: string; madeAt: number; cdf: Float64Array; rationale: string | null },
): number {
  const rows = db
    .insert(continuousForecasts)
    .values({
      questionId: input.questionId,
      forecasterId: input.forecasterId,
      madeAt: input.madeAt,
      cdf: Buffer.from(encodeCdf(input.cdf)),
      rationale: input.rationale,
    })
    .returning({ id: continuousForecasts.id })
    .all();
  return rows[0].id;
}

/** What recording a forecast needs of a numeric or date question. */
export interface ContinuousQuestionFacts {
  id: string;
  type: ContinuousQuestionType;
  unit: string;
  scale: ContinuousScale;
  status: QuestionStatus;
}

export type RecordContinuousForecastResult =
  | { ok: true; id: number }
  | { ok: false; code: "not_found" | "not_open" | "invalid"; reason: string };

/**
 * Records a CDF forecast on an open numeric or date question, in one transaction: the question must exist,
 * be numeric or date and open at `madeAt`, and the CDF must pass the validation on its scale (readCdf,
 * docs/continuous.md "Validation") — whoever computed it.
 */
export function recordContinuousForecast(
  db: Db,
  input: { questionId: string; forecasterId: string; madeAt: number; cdf: ArrayLike<number>; rationale: string | null },
): RecordContinuousForecastResult {
  return db.transaction((tx): RecordContinuousForecastResult => {
    const t = tx as unknown as Db;
    const q = continuousQuestionFacts(t, input.questionId, input.madeAt);
    if (!q) return { ok: false, code: "not_found", reason: "This question does not exist or is not a numeric or date question." };
    if (q.status !== "open") return { ok: false, code: "not_open", reason: FORECAST_REFUSALS[q.status] };
    const read = readCdf(Array.from(input.cdf), q.scale);
    if (!read.ok) return { ok: false, code: "invalid", reason: `cdf${read.index === null ? "" : `[${read.index}]`} ${read.rule}` };
    return { ok: true, id: insertContinuousForecast(t, { ...input, cdf: read.cdf }) };
  });
}

/** A numeric or date question's type, unit, scale and status at `now`; null for any other id. */
export function continuousQuestionFacts(db: Db, questionId: string, now: number): ContinuousQuestionFacts | null {
  const row = sqliteOf(db)
    .prepare(
      `select q.id, q.type, q.unit, q.range_min as rangeMin, q.range_max as rangeMax, q.zero_point as zeroPoint,
              q.open_lower_bound as openLowerBound, q.open_upper_bound as openUpperBound, q.is_draft as isDraft,
              q.open_time as openTime, q.close_time as closeTime, q.resolve_by as resolveBy,
              r.question_id is not null as resolved, r.annulled, r.value, r.resolve_time as resolveTime
       from continuous_questions q left join continuous_resolutions r on r.question_id = q.id where q.id = ?`,
    )
    .get(questionId) as Record<string, number | string | null> | undefined;
  if (!row) return null;
  const outcome = row.resolved ? (row.annulled ? { kind: "annulled" as const } : { kind: "option" as const, option: 0 }) : null;
  const status = questionStatus(
    {
      isDraft: row.isDraft === 1,
      openTime: Number(row.openTime),
      closeTime: Number(row.closeTime),
      resolveBy: row.resolveBy === null ? null : Number(row.resolveBy),
      outcome,
      resolveTime: row.resolveTime === null ? null : Number(row.resolveTime),
    },
    now,
  );
  return {
    id: String(row.id),
    type: row.type === "date" ? "date" : "numeric",
    unit: String(row.unit),
    scale: {
      rangeMin: Number(row.rangeMin),
      rangeMax: Number(row.rangeMax),
      zeroPoint: row.zeroPoint === null ? null : Number(row.zeroPoint),
      openLowerBound: row.openLowerBound === 1,
      openUpperBound: row.openUpperBound === 1,
    },
    status,
  };
}

/** Results kept per database and question (a few hundred points each), the most recently used last. */
const keptHistories = new WeakMap<object, Map<string, { stamp: string; history: CrowdDistributionHistory }>>();
const KEPT_QUESTIONS = 64;

/**
 * The crowd's distribution over a question's forecasts made by `end` (lib/continuous/crowd-history.ts
 * recencyWeightedMeanHistory, at most `maxPoints` points), of one population. The result is kept in
 * memory while the forecasts it was computed from stay the same — the count, largest and sum of their ids
 * (an index-only read), the open time and the bots — so a page view between two forecasts reads no CDF:
 * decoding and pooling 10,000 forecasts takes far longer than everything else the page does.
 */
export function crowdDistributionHistory(
  db: Db,
  questionId: string,
  openTime: number,
  end: number,
  population: Population,
  maxPoints: number,
): CrowdDistributionHistory {
  const sqlite = sqliteOf(db);
  const [count, maxId, idSum] = sqlite
    .prepare("select count(*), max(id), total(id) from continuous_forecasts where question_id = ? and made_at <= ?")
    .raw()
    .get(questionId, end) as [number, number | null, number];
  const bots = population === "both" ? "" : [...botIdentities(db).ids].sort().join(",");
  const stamp = `${openTime}|${count}|${maxId}|${idSum}|${bots}`;
  let kept = keptHistories.get(sqlite);
  if (!kept) keptHistories.set(sqlite, (kept = new Map()));
  const key = `${questionId}\u0000${population}\u0000${maxPoints}`;
  const found = kept.get(key);
  kept.delete(key);
  if (found && found.stamp === stamp) {
    kept.set(key, found);
    return found.history;
  }
  const history = recencyWeightedMeanHistory(openTime, listContinuousForecasts(db, questionId, end, population), maxPoints);
  kept.set(key, { stamp, history });
  if (kept.size > KEPT_QUESTIONS) kept.delete(kept.keys().next().value!);
  return history;
}
