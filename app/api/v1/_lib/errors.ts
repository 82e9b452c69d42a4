import type * as z from "zod";
import type { ApiErrorCode } from "@/lib/api/schemas";

/** The API's one error shape: {error: {code, message, field}} with its HTTP status. */
export function apiErrorResponse(
  status: number,
  code: ApiErrorCode,
  message: string,
  field: string | null = null,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message, field } }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Why a private desk (REQUIRE_SIGN_IN) refuses an API request without a token. */
export const PRIVATE_DESK_API_MESSAGE = "This desk is private: send Authorization: Bearer <token>";

/** The 401 of an API request that carries no usable token: the API's error shape, with WWW-Authenticate. */
export function unauthorizedApiResponse(message: string): Response {
  return apiErrorResponse(401, "unauthorized", message, "Authorization", { "www-authenticate": "Bearer" });
}

/** True for a path the REST API answers (/api/v1 and below). */
export function isApiV1Path(pathname: string): boolean {
  return pathname === "/api/v1" || pathname.startsWith("/api/v1/");
}

/** The first problem zod found, as a 400 naming the field (dotted path) and the rule. */
export function validationErrorResponse(error: z.ZodError, where: "body" | "query" | "path"): Response {
  const issue = error.issues[0];
  let field = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") field = [field, issue.keys[0]].filter(Boolean).join(".");
  if (!field && issue.code === "invalid_union" && "discriminator" in issue) field = String(issue.discriminator);
  if (!field) field = where;
  const message = issue.message.startsWith(field) || issue.message.startsWith(field.split(".").at(-1)!) ? issue.message : `${field}: ${issue.message}`;
  return apiErrorResponse(400, "invalid_request", message, field);
}

/**
 * The anchoring guard's 403 (the question hides its crowd until the caller forecasts): what unlocks it.
 * It names Authorization, as the other 403s do: whose request it is decides, not the question or the query.
 */
export function crowdGuardedMessage(questionId: string, hasToken: boolean): string {
  const submit = `POST /api/v1/questions/${encodeURIComponent(questionId)}/forecasts`;
  return (
    "The anchoring guard hides this question's crowd until you have forecast on it: " +
    (hasToken ? `submit your forecast (${submit}) and ask again` : `send your token (Authorization: Bearer <token>) after submitting your forecast (${submit})`) +
    ". It shows to everyone once the question closes."
  );
}
