import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSettings } from "@/db/schema/notifications";
import { DEFAULT_STALE_AFTER_DAYS } from "@/lib/my-forecasts";
import type { EmailMode, UserSettingsInput } from "@/lib/validation/user-settings";

export interface UserSettings {
  staleAfterDays: number;
  emailMode: EmailMode;
  lastDigestAt: number | null;
}

export const DEFAULT_USER_SETTINGS: UserSettings = {
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  emailMode: "digest",
  lastDigestAt: null,
};

/** A user's settings (the defaults when they never saved any). */
export function getUserSettings(db: Db, userId: string): UserSettings {
  const row = db.select().from(userSettings).where(eq(userSettings.userId, userId)).get();
  return row ? { staleAfterDays: row.staleAfterDays, emailMode: row.emailMode, lastDigestAt: row.lastDigestAt } : DEFAULT_USER_SETTINGS;
}

/** Settings of many users at once (the job loop); users without a row get the defaults. */
export function getSettingsOfUsers(db: Db, userIds: readonly string[]): Map<string, UserSettings> {
  const out = new Map<string, UserSettings>(userIds.map((id) => [id, DEFAULT_USER_SETTINGS]));
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = db.select().from(userSettings).where(inArray(userSettings.userId, userIds.slice(i, i + 500))).all();
    for (const r of rows) out.set(r.userId, { staleAfterDays: r.staleAfterDays, emailMode: r.emailMode, lastDigestAt: r.lastDigestAt });
  }
  return out;
}

/** Saves what the Settings page validated (lib/validation/user-settings). */
export function saveUserSettings(db: Db, userId: string, input: UserSettingsInput): void {
  db.insert(userSettings)
    .values({ userId, ...input })
    .onConflictDoUpdate({ target: userSettings.userId, set: { ...input } })
    .run();
}

/** The unsubscribe link: e-mail off, nothing else changed. */
export function turnOffEmail(db: Db, userId: string): void {
  db.insert(userSettings)
    .values({ userId, emailMode: "off" })
    .onConflictDoUpdate({ target: userSettings.userId, set: { emailMode: "off" } })
    .run();
}
