import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getQuestion } from "@/db/queries/questions";
import { continuousForecasts, questionScales } from "@/db/schema/continuous-questions";
import { readCdf } from "@/lib/continuous/cdf";
import { decodeCdf, encodeCdf } from "@/lib/continuous/cdf-blob";
import { questionStatus, type QuestionStatus } from "@/lib/question-lifecycle";
import { isContinuousQuestion, type QuestionScale } from "@/lib/types";

// Reads and writes of numeric and date questions (docs/continuous.md) beyond what every question has
// (db/queries/questions.ts loads their scale and resolution with the rest): the scale alone, their CDF
// forecasts, and who forecast them. Resolving with a value is recordResolution (db/queries/resolutions.ts).

/** The scale of a numeric or date question; null for another question or an unknown id. */
export function getQuestionScale(db: Db, questionId: string): QuestionScale | null {
  const row = db
    .select({
      unit: questionScales.unit,
      rangeMin: questionScales.rangeMin,
      rangeMax: questionScales.rangeMax,
      zeroPoint: questionScales.zeroPoint,
      openLowerBound: questionScales.openLowerBound,
      openUpperBound: questionScales.openUpperBound,
    })
    .from(questionScales)
    .where(eq(questionScales.questionId, questionId))
    .get();
  return row ?? null;
}

/** A stored CDF forecast, decoded (lib/continuous/cdf-blob: exactly the doubles that were stored). */
export interface StoredCdfForecast {
  id: number;
  /** The forecaster's user id. */
  forecasterId: string;
  madeAt: number;
  cdf: Float64Array;
  rationale: string | null;
}

/** Every CDF forecast on a question in insertion (id) order. */
export function listCdfForecasts(db: Db, questionId: string): StoredCdfForecast[] {
  return db
    .select()
    .from(continuousForecasts)
    .where(eq(continuousForecasts.questionId, questionId))
    .orderBy(asc(continuousForecasts.id))
    .all()
    .map((r) => ({ id: r.id, forecasterId: r.forecasterId, madeAt: r.madeAt, cdf: decodeCdf(r.cdf), rationale: r.rationale }));
}

export type RecordCdfForecastResult =
  | { ok: true; id: number }
  | { ok: false; code: "not_found" | "not_open" | "invalid"; reason: string; field?: "cdf" };

const NOT_OPEN: Partial<Record<QuestionStatus, string>> = {
  draft: "This question is a draft: it takes forecasts once published.",
  upcoming: "This question is not open for forecasting yet.",
  closed: "This question has closed: it takes no more forecasts.",
  resolved: "This question is resolved: it takes no more forecasts.",
  annulled: "This question was annulled: it takes no more forecasts.",
};

/**
 * Appends a CDF forecast (never edited: an update is a new row) after checking, in one transaction,
 * that the question is numeric or date, open at `madeAt`, and that the CDF passes lib/continuous/cdf
 * readCdf for its scale (201 values, rounded to 10 decimals, the step limits, the bounds). The stored
 * CDF is the rounded one. Nothing is written on refusal.
 */
export function recordCdfForecast(
  db: Db,
  input: { questionId: string; forecasterId: string; madeAt: number; cdf: readonly number[] | Float64Array; rationale: string | null },
): RecordCdfForecastResult {
  return db.transaction((tx): RecordCdfForecastResult => {
    const q = getQuestion(tx as unknown as Db, input.questionId);
    if (!q) return { ok: false, code: "not_found", reason: "This question does not exist." };
    if (!isContinuousQuestion(q))
      return { ok: false, code: "invalid", reason: "This question takes probabilities, not a distribution." };
    const status = questionStatus(q, input.madeAt);
    if (status !== "open") return { ok: false, code: "not_open", reason: NOT_OPEN[status]! };
    const read = readCdf(Array.from(input.cdf), q.scale);
    if (!read.ok)
      return { ok: false, code: "invalid", field: "cdf", reason: `cdf${read.index === null ? "" : `[${read.index}]`} ${read.rule}` };
    const rows = tx
      .insert(continuousForecasts)
      .values({
        questionId: q.id,
        forecasterId: input.forecasterId,
        madeAt: input.madeAt,
        cdf: Buffer.from(encodeCdf(read.cdf)),
        rationale: input.rationale,
      })
      .returning({ id: continuousForecasts.id })
      .all();
    return { ok: true, id: rows[0].id };
  });
}

/** Who has forecast each question (user ids), for lists; every requested id is present. */
export function cdfForecastersByQuestion(db: Db, questionIds: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(questionIds.map((id) => [id, new Set<string>()]));
  for (let i = 0; i < questionIds.length; i += 500) {
    const rows = db
      .selectDistinct({ questionId: continuousForecasts.questionId, forecasterId: continuousForecasts.forecasterId })
      .from(continuousForecasts)
      .where(inArray(continuousForecasts.questionId, questionIds.slice(i, i + 500)))
      .all();
    for (const r of rows) out.get(r.questionId)!.add(r.forecasterId);
  }
  return out;
}

/** Whether a user has forecast a numeric or date question. */
export function hasCdfForecast(db: Db, questionId: string, userId: string): boolean {
  return (
    db
      .select({ id: continuousForecasts.id })
      .from(continuousForecasts)
      .where(and(eq(continuousForecasts.questionId, questionId), eq(continuousForecasts.forecasterId, userId)))
      .limit(1)
      .get() !== undefined
  );
}
