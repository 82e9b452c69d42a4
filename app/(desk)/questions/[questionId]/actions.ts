"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/app/_auth/session";
import { BAD_FORM, isFormData } from "@/app/_forms/action-input";
import { getDb } from "@/db/client";
import { isBot } from "@/db/queries/bots";
import { reaffirmForecast, recordForecast } from "@/db/queries/forecasts";
import { keptCrowdAt } from "@/db/queries/kept-scores";
import { forecastFieldErrors, forecastInput } from "@/lib/validation/forecast";

/** Field errors are keyed "percent", "percents.<i>", "total", "rationale"; `message` belongs to no field. */
export type ForecastFormState =
  | {
      ok: true;
      message: string;
      forecastId: number;
      /** What changed: the forecast as stored, and the crowd forecast it moved to (null: hidden or none). */
      madeAt: number;
      probabilities: number[];
      crowd: { probabilities: number[]; forecasters: number } | null;
    }
  | { ok: false; message?: string; fieldErrors: Record<string, string> }
  | null;

/** Records the signed-in viewer's forecast (append-only) at the server's clock. */
export async function submitForecast(_prev: ForecastFormState, form: FormData): Promise<ForecastFormState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM, fieldErrors: {} };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to forecast.", fieldErrors: {} };
  if (isBot(getDb(), viewer.id))
    return { ok: false, message: "This account is a bot: bots forecast only through the API.", fieldErrors: {} };
  const parsed = forecastInput.safeParse({
    kind: form.get("kind"),
    questionId: form.get("questionId"),
    percent: form.get("percent"),
    percents: form.getAll("scenarioPercent"),
    rationale: form.get("rationale"),
  });
  if (!parsed.success) return { ok: false, message: "Please fix the highlighted fields.", fieldErrors: forecastFieldErrors(parsed.error) };
  const madeAt = Date.now();
  const saved = recordForecast(getDb(), { ...parsed.data, forecasterId: viewer.id, madeAt });
  if (!saved.ok) return { ok: false, message: saved.reason, fieldErrors: {} };
  // The answer is what changed, not the page: the form refreshes the page after it (router.refresh),
  // so a slow page never holds up the acknowledgement of a stored forecast.
  const crowd = keptCrowdAt(getDb(), parsed.data.questionId, madeAt);
  return {
    ok: true,
    message: "Forecast recorded.",
    forecastId: saved.id,
    madeAt,
    probabilities: [...parsed.data.probabilities],
    crowd: crowd && { probabilities: crowd.probabilities, forecasters: crowd.forecasters },
  };
}

export type ReaffirmState = { ok: boolean; message: string } | null;

/** One click: records the viewer's standing forecast again now (db reaffirmForecast). */
export async function reaffirmForecastAction(questionId: string): Promise<ReaffirmState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to reaffirm your forecast." };
  if (typeof questionId !== "string" || questionId.length > 200) return { ok: false, message: BAD_FORM };
  if (isBot(getDb(), viewer.id)) return { ok: false, message: "This account is a bot: bots forecast only through the API." };
  const saved = reaffirmForecast(getDb(), { questionId, forecasterId: viewer.id, madeAt: Date.now() });
  if (!saved.ok) return { ok: false, message: saved.reason };
  revalidatePath("/questions");
  revalidatePath(`/questions/${questionId}`);
  return { ok: true, message: "Reaffirmed." };
}
