import { APIError } from "better-auth/api";
import * as z from "zod";
import { emailField, nameField, newPasswordField, signInInput, signUpInput } from "@/lib/validation/user";

// better-auth's own endpoints take the same rules as the app's forms, server actions and the CLI
// (lib/validation/user.ts): a before-hook runs these on the request body. `image` is a field the app
// does not use: refused wherever it could be set.

const updateUserInput = z.object({ name: nameField.optional() });
const changePasswordInput = z.object({ newPassword: newPasswordField });
const changeEmailInput = z.object({ newEmail: emailField });

/** The body schema of each better-auth path that accepts account data; the parsed fields replace the raw ones. */
const RULES: Record<string, z.ZodType<Record<string, unknown>>> = {
  "/sign-up/email": signUpInput,
  "/sign-in/email": signInInput,
  "/update-user": updateUserInput,
  "/change-password": changePasswordInput,
  "/reset-password": changePasswordInput,
  "/change-email": changeEmailInput,
};

/**
 * The checked body for `path` (merged over the raw one), undefined for paths without rules; throws a
 * 400 APIError "VALIDATION_ERROR" naming the field and the rule.
 */
export function checkAuthInput(path: string, body: unknown): Record<string, unknown> | undefined {
  const schema = RULES[path];
  if (!schema) return undefined;
  const raw = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  if (raw.image !== undefined && raw.image !== null)
    throw new APIError("BAD_REQUEST", { code: "VALIDATION_ERROR", message: "image: this desk does not accept profile images" });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new APIError("BAD_REQUEST", {
      code: "VALIDATION_ERROR",
      message: `${String(issue?.path[0] ?? "body")}: ${issue?.message ?? "is invalid"}`,
    });
  }
  return { ...raw, ...parsed.data };
}
