import { dictionary } from "@zxcvbn-ts/language-common";

// The most common passwords (49,233 of them, ranked by frequency in public breach corpora), from
// @zxcvbn-ts/language-common's "passwords-common" list, which the zxcvbn-ts project maintains.
// OWASP ASVS 5.0 §6.2.4 asks that a new password is checked against at least the top 3,000.
// Server-only in practice: ~400 kB, so client components must not import it.

let common: Set<string> | undefined;

/** True when the password, lowercased, is on the list. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
