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

/** The first problem zod found, as a 400 naming the field (dotted path) and the rule. */
export function validationErrorResponse(error: z.ZodError, where: "body" | "query" | "path"): Response {
  const issue = error.issues[0];
  let field = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") field = [field, issue.keys[0]].filter(Boolean).join(".");
  if (!field && issue.code === "invalid_union" && "discriminator" in issue) field = String(issue.discriminator);
  if (!field) field = where;
  const message = issue.message.startsWith(field.split(".").at(-1)!) ? issue.message : `${field}: ${issue.message}`;
  return apiErrorResponse(400, "invalid_request", message, field);
}
