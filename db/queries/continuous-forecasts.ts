import type { Db } from "@/db/client";
import { sqliteOf } from "@/db/queries/connection";
import { botIdentities } from "@/db/queries/bots";
import { decodeCdf } from "@/lib/continuous/cdf-blob";
import type { ContinuousForecastRecord } from "@/lib/continuous/types";
import { recencyWeightedMeanHistory, type CrowdDistributionHistory } from "@/lib/continuous/crowd-history";
import { forecastsOf, type Population } from "@/lib/population";

// CDF forecasts on numeric and date questions as the question page reads them (writes: recordCdfForecast,
// db/queries/continuous-questions.ts; continuous_forecasts is append-only, the CDF an 809-byte BLOB).

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
