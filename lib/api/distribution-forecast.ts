import type { ContinuousQuestionType, ContinuousScale } from "../continuous/types";
import { continuousForecastInput, quantileFieldName, type ContinuousForecastSubmission } from "../validation/continuous-forecast";
import { QUANTILE_KEYS, quantileKeyLevel, type ForecastSubmissionBody } from "./schemas";

// A numeric or date forecast sent to the API, checked by the form's own schema (lib/validation/
// continuous-forecast): its fields q5 … q95 get the quantiles' values (a date question's as epoch ms),
// and its problems come back named as the API's fields: quantiles.p5 … quantiles.p95, quantiles for the
// set as a whole, rationale.

export type DistributionForecastParse =
  | { ok: true; data: ContinuousForecastSubmission }
  | { ok: false; field: string; message: string };

export function parseDistributionForecast(
  questionId: string,
  type: ContinuousQuestionType,
  scale: ContinuousScale,
  body: Extract<ForecastSubmissionBody, { kind: "numeric" | "date" }>,
): DistributionForecastParse {
  const fields: Record<string, unknown> = { questionId, rationale: body.rationale ?? undefined };
  const given = body.quantiles as Partial<Record<string, number | string>>; // the schema checked each value
  for (const key of QUANTILE_KEYS) {
    const value = given[key];
    if (value !== undefined) fields[quantileFieldName(quantileKeyLevel(key))] = typeof value === "string" ? Date.parse(value) : value;
  }
  const parsed = continuousForecastInput(type, scale).safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const formField = issue.path.map(String).join(".");
  const key = QUANTILE_KEYS.find((k) => quantileFieldName(quantileKeyLevel(k)) === formField);
  const field = key ? `quantiles.${key}` : formField === "rationale" ? "rationale" : "quantiles";
  return { ok: false, field, message: `${field}: ${issue.message}` };
}
