import * as z from "zod";
import { slugify } from "@/lib/slug";
import { isCommonPassword } from "./common-passwords";

// Account inputs (sign-up, sign-in, the user:create CLI, role changes) and the handle rule.
// One schema per input, shared by forms, server actions and the CLI (docs/contributing.md rule 5).

export const USER_ROLES = ["analyst", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A handle: lowercase a–z, 0–9 and '-', 1–40 characters, not starting or ending with '-'. */
export const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Control characters (C0, DEL, C1) and the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069). */
const FORBIDDEN_NAME_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const NAME_MAX = 100;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** A display name: 1–100 characters after trimming, no control or bidi-override characters. */
export const nameField = z
  .string({ error: "Name is required" })
  .trim()
  .min(1, "Name is required")
  .refine((n) => [...n].length <= NAME_MAX, `Name must be at most ${NAME_MAX} characters`)
  .refine((n) => !FORBIDDEN_NAME_CHARACTERS.test(n), "Name must not contain control or text-direction characters");
const name = nameField;
export const emailField = z
  .string({ error: "Email is required" })
  .trim()
  .min(1, "Email is required")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email("Email must be a valid address like name@example.org"))
  .transform((e) => e.toLowerCase());
const email = emailField;

/**
 * A new password (OWASP ASVS 5.0 §6.2): at least 12 characters (Unicode code points), at most 128,
 * not only spaces, and not among the most common passwords. No composition rules.
 */
export const newPasswordField = z
  .string({ error: "Password is required" })
  .refine((p) => [...p].length >= PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .refine((p) => [...p].length <= PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`)
  .refine((p) => p.trim().length > 0, "Password must not be only spaces")
  .refine((p) => !isCommonPassword(p), "Password is one of the most common passwords; choose another");
const newPassword = newPasswordField;

export const signUpInput = z.object({ name, email, password: newPassword });
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`),
});
export type SignInInput = z.infer<typeof signInInput>;

/** `npm run user:create -- --email E --password P --name N [--admin] [--handle H]` */
export const createUserInput = z.object({
  name,
  email,
  password: newPassword,
  admin: z.boolean().default(false),
  handle: z.string().regex(HANDLE_PATTERN, "Handle must be 1–40 of a–z, 0–9 and '-', not starting or ending with '-'").optional(),
});

export const setRoleInput = z.object({
  userId: z.string().min(1, "User is required"),
  role: z.enum(USER_ROLES, { error: "Role must be analyst or admin" }),
});

/**
 * The handle a name suggests: lowercase, accents dropped, every run of other characters becomes
 * one '-', trimmed to 40 characters; "forecaster" when nothing is left ("Ana Pérez" → "ana-perez").
 */
export function handleFromName(fullName: string): string {
  return slugify(fullName, 40) || "forecaster";
}

/** The first of base, base-2, base-3, … that `isTaken` rejects not. */
export function firstFreeHandle(base: string, isTaken: (handle: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 40 - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/**
 * Where to go after signing in or up: a path of this desk as given ("/questions/q1?tab=open"), else
 * "/questions". Refused: anything not starting with exactly one "/", any backslash, whitespace or
 * control character (browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example"
 * and "/\\evil.example" would leave the desk), and anything a URL parser resolves to another origin.
 */
export function safeRedirectPath(raw: unknown): string {
  const fallback = "/questions";
  const next = typeof raw === "string" ? raw : "";
  if (!next.startsWith("/") || next.startsWith("//") || next.length > 2_000) return fallback;
  if (/[\\\s\p{Cc}]/u.test(next)) return fallback;
  const base = "http://desk.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** An invitation link stays valid for 1–30 days (default 7). */
export const INVITATION_DAYS_MAX = 30;

/** The Users page's "Invite someone" form: who it is for (optional, ≤ 100 characters) and for how many days. */
export const invitationInput = z.object({
  note: z.string({ error: "Note must be text" }).trim().max(100, "Note must be at most 100 characters").default(""),
  days: z
    .string({ error: "Valid for is required" })
    .trim()
    .regex(/^\d{1,2}$/, "Valid for must be a whole number of days")
    .transform(Number)
    .pipe(z.number().min(1, "Valid for must be at least 1 day").max(INVITATION_DAYS_MAX, `Valid for must be at most ${INVITATION_DAYS_MAX} days`)),
});

export const revokeInvitationInput = z.object({ invitationId: z.string({ error: "Invitation is required" }).min(1).max(64) });
