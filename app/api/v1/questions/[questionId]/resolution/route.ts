import { otherMethods } from "../../../_lib/methods";
import { recordResolution } from "@/db/queries/resolutions";
import { resolutionToApi } from "@/lib/api/present";
import { questionPathParams, resolutionRequest } from "@/lib/api/schemas";
import { getQuestion } from "@/db/queries/questions";
import { isContinuousQuestion, type Question } from "@/lib/types";
import { resolutionFormInput } from "@/lib/validation/resolution";
import { apiPost } from "../../../_lib/handler";
import { QUESTION_NOT_FOUND } from "../../../_lib/question";

/** The form's field names → the API's. */
const API_FIELD: Record<string, string> = { intent: "action", outcome: "outcome", value: "value", resolveTime: "resolveTime", evidence: "evidence" };

const invalid = (field: string, message: string) => ({ status: 400, body: { error: { code: "invalid_request", message: `${field}: ${message}`, field } } });

/**
 * The form's `outcome` / `value` fields from a resolve or correct request: a binary or scenario question
 * takes `outcome`, a numeric question a numeric `value`, a date question an ISO time `value` (written
 * as its UTC instant, which the form reads as such). A string naming the problem otherwise.
 */
function outcomeFormFields(question: Question, body: { outcome?: number; value?: number | string }): { outcome?: string; value?: string } | { field: string; rule: string } {
  if (!isContinuousQuestion(question)) {
    if (body.value !== undefined) return { field: "value", rule: `a ${question.type === "binary" ? "yes/no" : "scenario"} question takes outcome, not value` };
    if (body.outcome === undefined) return { field: "outcome", rule: "is required (an option index: binary 0 = no, 1 = yes)" };
    return { outcome: String(body.outcome) };
  }
  if (body.outcome !== undefined) return { field: "outcome", rule: `a ${question.type} question takes value, not outcome` };
  if (body.value === undefined) return { field: "value", rule: `is required (${question.type === "date" ? "an ISO 8601 date-time" : "a number"})` };
  if (question.type === "numeric") {
    if (typeof body.value !== "number") return { field: "value", rule: "must be a number on a numeric question" };
    return { value: String(body.value) };
  }
  if (typeof body.value !== "string") return { field: "value", rule: "must be an ISO 8601 date-time on a date question" };
  return { value: new Date(Date.parse(body.value)).toISOString() };
}

/**
 * POST /api/v1/questions/{questionId}/resolution — resolve, correct or annul (admins). The request is
 * turned into the resolve form's fields (the resolve time as UTC wall-clock time) and checked by the
 * form's own rules (lib/validation/resolution), then recorded with its audit row by recordResolution.
 */
export const POST = apiPost({ access: "admin", params: questionPathParams, body: resolutionRequest }, ({ caller, now, params }, body, tx) => {
  const question = getQuestion(tx, params.questionId);
  if (!question) return QUESTION_NOT_FOUND;
  const resolved = question.resolution !== null;
  if (body.action === "resolve" && resolved)
    return { status: 409, body: { error: { code: "conflict", message: "This question is already resolved: use action correct to change it", field: "action" } } };
  if (body.action === "correct" && !resolved)
    return { status: 409, body: { error: { code: "conflict", message: "This question has no resolution to correct: use action resolve", field: "action" } } };
  const resolveTime = new Date(Date.parse(body.resolveTime)).toISOString().slice(0, 19); // UTC wall clock, whole seconds
  const given = body.action === "annul" ? {} : outcomeFormFields(question, body);
  if ("rule" in given) return invalid(given.field, given.rule);
  const parsed = resolutionFormInput(question, now).safeParse({
    intent: body.action === "annul" ? "annul" : "resolve",
    ...given,
    evidence: body.action === "annul" ? body.reason : body.evidence,
    resolveTime,
    timeZone: "UTC",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const formField = String(issue.path[0] ?? "");
    const field = formField === "evidence" && body.action === "annul" ? "reason" : (API_FIELD[formField] ?? "body");
    return invalid(field, issue.message);
  }
  const result = recordResolution(tx, { questionId: question.id, ...parsed.data, actorId: caller!.id, now });
  if (!result.ok) {
    const status = result.code === "not_found" ? 404 : result.code === "forbidden" ? 403 : 409;
    const code = result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : "conflict";
    // What remains refused here is about the question itself (a draft), or the value's bound (checked above too).
    if (result.field === "value") return invalid("value", result.reason);
    return { status, body: { error: { code, message: result.reason, field: result.code === "refused" ? "questionId" : null } } };
  }
  const after = getQuestion(tx, question.id)!;
  return { status: 200, body: { questionId: question.id, action: result.action, resolution: resolutionToApi(after) } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
