import * as z from "zod";
import { STALE_AFTER_DAYS_MAX, STALE_AFTER_DAYS_MIN } from "@/lib/my-forecasts";

export const EMAIL_MODES = ["digest", "immediate", "off"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** The Settings page's "Reminders and e-mail" section. */
export const userSettingsInput = z.object({
  staleAfterDays: z.coerce
    .number({ error: "Needs update after must be a whole number of days" })
    .int({ error: "Needs update after must be a whole number of days" })
    .min(STALE_AFTER_DAYS_MIN, { error: `Needs update after must be at least ${STALE_AFTER_DAYS_MIN} day` })
    .max(STALE_AFTER_DAYS_MAX, { error: `Needs update after must be at most ${STALE_AFTER_DAYS_MAX} days` }),
  emailMode: z.enum(EMAIL_MODES, { error: "E-mail must be one of: daily digest, each notification, off" }),
});

export type UserSettingsInput = z.infer<typeof userSettingsInput>;
