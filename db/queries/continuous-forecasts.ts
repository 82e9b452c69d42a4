import type { Db } from "@/db/client";
import { continuousForecasts } from "@/db/schema/continuous-questions";
import { botIdentities } from "@/db/queries/bots";
import { sqliteOf } from "@/db/queries/kept-scores";
import { decodeCdf, encodeCdf } from "@/lib/continuous/cdf-blob";
import type { ContinuousForecastRecord } from "@/lib/continuous/types";
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
