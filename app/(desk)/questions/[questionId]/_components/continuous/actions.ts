"use server";

import { getViewer } from "@/app/_auth/session";
import { BAD_FORM, boundId, isFormData } from "@/app/_forms/action-input";
import { getDb } from "@/db/client";
import { isBot } from "@/db/queries/bots";
import { recordCdfForecast } from "@/db/queries/continuous-questions";
import { getQuestion } from "@/db/queries/questions";
import { isContinuousQuestion } from "@/lib/types";
import { forecastFieldErrors } from "@/lib/validation/forecast";
import { continuousForecastInput, QUANTILE_FIELDS } from "@/lib/validation/continuous-forecast";

/** Field errors are keyed "q5" … "q95", "quantiles" (the set as a whole), "rationale"; `message` belongs to no field. */
export type ContinuousForecastFormState =
  | { ok: true; message: string; forecastId: number; madeAt: number }
  | { ok: false; message?: string; fieldErrors: Record<string, string> }
  | null;

/**
 * Records the signed-in viewer's forecast on a numeric or date question at the server's clock: the
 * quantiles are parsed and turned into the CDF here again (the browser's preview is not trusted), and
 * recordCdfForecast checks that the question is open and validates the CDF on its scale (readCdf) before
 * appending it, in one transaction.
 */
export async function submitContinuousForecast(_prev: ContinuousForecastFormState, form: FormData): Promise<ContinuousForecastFormState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM, fieldErrors: {} };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to forecast.", fieldErrors: {} };
  const db = getDb();
  if (isBot(db, viewer.id)) return { ok: false, message: "This account is a bot: bots forecast only through the API.", fieldErrors: {} };
  const questionId = boundId(form.get("questionId"));
  const question = questionId ? getQuestion(db, questionId) : null;
  if (!question || !isContinuousQuestion(question)) return { ok: false, message: "This question does not exist or is not a numeric or date question.", fieldErrors: {} };
  const fields: Record<string, unknown> = { questionId, rationale: form.get("rationale") };
  for (const f of QUANTILE_FIELDS) fields[f.name] = form.get(f.name);
  const parsed = continuousForecastInput(question.type, question.scale).safeParse(fields);
  if (!parsed.success) return { ok: false, message: "Please fix the highlighted fields.", fieldErrors: forecastFieldErrors(parsed.error) };
  const madeAt = Date.now();
  const saved = recordCdfForecast(db, {
    questionId: question.id,
    forecasterId: viewer.id,
    madeAt,
    cdf: parsed.data.cdf,
    rationale: parsed.data.rationale,
  });
  if (!saved.ok) return { ok: false, message: saved.reason, fieldErrors: {} };
  // The form refreshes the page after it (router.refresh): the crowd and the fan chart follow there.
  return { ok: true, message: "Forecast recorded.", forecastId: saved.id, madeAt };
}
