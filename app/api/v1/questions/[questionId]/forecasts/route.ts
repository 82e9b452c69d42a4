import { recordForecast } from "@/db/queries/forecasts";
import { isoTime } from "@/lib/api/present";
import { forecastSubmission, questionPathParams } from "@/lib/api/schemas";
import { forecastInput } from "@/lib/validation/forecast";
import { apiPost } from "../../../_lib/handler";
import { findVisibleQuestion, QUESTION_NOT_FOUND } from "../../../_lib/question";

/**
 * POST /api/v1/questions/{questionId}/forecasts — records the caller's forecast at the server's clock.
 * The body's shape is checked by lib/api/schemas; then the form's own rules (lib/validation/forecast:
 * one decimal for binary, scenario total 100 ± 0.05, renormalised) and recordForecast's (open question,
 * one probability per option), exactly as the question page's form.
 */
export const POST = apiPost({ access: "signed_in", params: questionPathParams, body: forecastSubmission }, ({ caller, now, params }, body, tx) => {
  const question = findVisibleQuestion(tx, params.questionId, caller);
  if (!question) return QUESTION_NOT_FOUND;
  const kind = question.type === "binary" ? "binary" : "scenarios";
  if (body.kind !== kind)
    return { status: 400, body: { error: { code: "invalid_request", message: `kind: this question takes ${kind} forecasts`, field: "kind" } } };
  const parsed = forecastInput.safeParse({ ...body, questionId: params.questionId });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join(".") || "body";
    return { status: 400, body: { error: { code: "invalid_request", message: `${field}: ${issue.message}`, field } } };
  }
  const saved = recordForecast(tx, { ...parsed.data, forecasterId: caller!.id, madeAt: now });
  if (!saved.ok) {
    if (saved.code === "not_found") return QUESTION_NOT_FOUND;
    if (saved.code === "not_open") return { status: 409, body: { error: { code: "conflict", message: saved.reason, field: null } } };
    return { status: 400, body: { error: { code: "invalid_request", message: saved.reason, field: body.kind === "binary" ? "percent" : "percents" } } };
  }
  return {
    status: 201,
    body: {
      id: saved.id,
      questionId: params.questionId,
      forecaster: caller!.handle,
      probabilities: parsed.data.probabilities,
      rationale: parsed.data.rationale,
      madeAt: isoTime(now),
    },
  };
});
