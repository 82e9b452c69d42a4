import { otherMethods } from "../../../_lib/methods";
import type { Db } from "@/db/client";
import { recordCdfForecast } from "@/db/queries/continuous-questions";
import { recordForecast } from "@/db/queries/forecasts";
import { cdfToApi, isoTime, quantilesToApi } from "@/lib/api/present";
import { parseDistributionForecast } from "@/lib/api/distribution-forecast";
import { forecastSubmission, questionPathParams, type ForecastSubmissionBody } from "@/lib/api/schemas";
import { isContinuousQuestion, type ContinuousQuestion, type Question } from "@/lib/types";
import { forecastInput } from "@/lib/validation/forecast";
import type { ApiCaller } from "../../../_lib/auth";
import { apiPost, type ApiAnswer } from "../../../_lib/handler";
import { findVisibleQuestion, QUESTION_NOT_FOUND } from "../../../_lib/question";

/** The body `kind` each question type takes. */
const KIND_OF_TYPE = { binary: "binary", multiple_choice: "scenarios", numeric: "numeric", date: "date" } as const;

const invalid = (field: string, message: string): ApiAnswer => ({
  status: 400,
  body: { error: { code: "invalid_request", message: message.startsWith(`${field}:`) ? message : `${field}: ${message}`, field } },
});
const notOpen = (reason: string): ApiAnswer => ({ status: 409, body: { error: { code: "conflict", message: reason, field: null } } });

/**
 * POST /api/v1/questions/{questionId}/forecasts — records the caller's forecast at the server's clock.
 * The body's shape is checked by lib/api/schemas; then the forms' own rules, exactly as the question
 * page's forms: lib/validation/forecast (one decimal for binary, scenario total 100 ± 0.05, renormalised)
 * and recordForecast's (open question, one probability per option); or, on numeric and date questions,
 * lib/validation/continuous-forecast (median and two other quantiles, increasing, within closed bounds,
 * turned into the CDF by lib/continuous/quantile-cdf) and recordCdfForecast's (open question, valid CDF).
 */
export const POST = apiPost({ access: "signed_in", params: questionPathParams, body: forecastSubmission }, ({ caller, now, params }, body, tx) => {
  const question = findVisibleQuestion(tx, params.questionId, caller);
  if (!question) return QUESTION_NOT_FOUND;
  const kind = KIND_OF_TYPE[question.type];
  if (body.kind !== kind) return invalid("kind", `this question takes ${kind} forecasts`);
  if (isContinuousQuestion(question)) return recordDistribution(tx, question, caller!, body, now);
  const parsed = forecastInput.safeParse({ ...body, questionId: params.questionId });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(issue.path.map(String).join(".") || "body", issue.message);
  }
  const saved = recordForecast(tx, { ...parsed.data, forecasterId: caller!.id, madeAt: now });
  if (!saved.ok) {
    if (saved.code === "not_found") return QUESTION_NOT_FOUND;
    if (saved.code === "not_open") return notOpen(saved.reason);
    return invalid(body.kind === "binary" ? "percent" : "percents", saved.reason);
  }
  return {
    status: 201,
    body: {
      id: saved.id,
      kind,
      questionId: params.questionId,
      forecaster: caller!.handle,
      probabilities: parsed.data.probabilities,
      rationale: parsed.data.rationale,
      madeAt: isoTime(now),
    },
  };
});

/** A numeric or date forecast: the quantiles through the form's schema (lib/api/distribution-forecast), then recordCdfForecast. */
function recordDistribution(tx: Db, question: ContinuousQuestion & Question, caller: ApiCaller, body: ForecastSubmissionBody, now: number): ApiAnswer {
  if (body.kind !== "numeric" && body.kind !== "date") return invalid("kind", `this question takes ${question.type} forecasts`);
  const parsed = parseDistributionForecast(question.id, question.type, question.scale, body);
  if (!parsed.ok) return invalid(parsed.field, parsed.message);
  const saved = recordCdfForecast(tx, { questionId: question.id, forecasterId: caller.id, madeAt: now, cdf: parsed.data.cdf, rationale: parsed.data.rationale });
  if (!saved.ok) {
    if (saved.code === "not_found") return QUESTION_NOT_FOUND;
    if (saved.code === "not_open") return notOpen(saved.reason);
    return invalid("quantiles", saved.reason);
  }
  return {
    status: 201,
    body: {
      id: saved.id,
      kind: body.kind,
      questionId: question.id,
      forecaster: caller.handle,
      quantiles: quantilesToApi(question, parsed.data.quantiles),
      cdf: cdfToApi(question, parsed.data.cdf),
      rationale: parsed.data.rationale,
      madeAt: isoTime(now),
    },
  };
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
