import { recordResolution } from "@/db/queries/resolutions";
import { resolutionToApi } from "@/lib/api/present";
import { questionPathParams, resolutionRequest } from "@/lib/api/schemas";
import { getQuestion } from "@/db/queries/questions";
import { resolutionFormInput } from "@/lib/validation/resolution";
import { apiPost } from "../../../_lib/handler";
import { QUESTION_NOT_FOUND } from "../../../_lib/question";

/** The form's field names → the API's. */
const API_FIELD: Record<string, string> = { intent: "action", outcome: "outcome", resolveTime: "resolveTime", evidence: "evidence" };

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
  const parsed = resolutionFormInput(question, now).safeParse({
    intent: body.action === "annul" ? "annul" : "resolve",
    outcome: body.action === "annul" ? undefined : String(body.outcome),
    evidence: body.action === "annul" ? body.reason : body.evidence,
    resolveTime,
    timeZone: "UTC",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const formField = String(issue.path[0] ?? "");
    const field = formField === "evidence" && body.action === "annul" ? "reason" : (API_FIELD[formField] ?? "body");
    return { status: 400, body: { error: { code: "invalid_request", message: `${field}: ${issue.message}`, field } } };
  }
  const result = recordResolution(tx, { questionId: question.id, ...parsed.data, actorId: caller!.id, now });
  if (!result.ok) {
    const status = result.code === "not_found" ? 404 : result.code === "forbidden" ? 403 : 409;
    const code = result.code === "not_found" ? "not_found" : result.code === "forbidden" ? "forbidden" : "conflict";
    // What remains refused here is about the question itself (a draft).
    return { status, body: { error: { code, message: result.reason, field: result.code === "refused" ? "questionId" : null } } };
  }
  const after = getQuestion(tx, question.id)!;
  return { status: 200, body: { questionId: question.id, action: result.action, resolution: resolutionToApi(after) } };
});
