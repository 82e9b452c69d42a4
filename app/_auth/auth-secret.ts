import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where the auth secret lives: beside the database file, git-ignored (*.auth-secret). */
export function authSecretPath(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "forecast-desk.auth-secret");
}

/**
 * BETTER_AUTH_SECRET when set; otherwise the secret file beside the database, generated on first
 * run (48 random bytes, base64url, mode 0600). Never committed.
 */
export function ensureAuthSecret(databaseFile: string): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  const file = authSecretPath(databaseFile);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet: generate below
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  } catch {
    // another process wrote it first: use theirs
    return fs.readFileSync(file, "utf8").trim();
  }
  return secret;
}
