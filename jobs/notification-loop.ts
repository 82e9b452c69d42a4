import { authBaseURL } from "@/app/_auth/auth";
import { ensureAuthSecret } from "@/app/_auth/auth-secret";
import { databasePath, getDb, type Db } from "@/db/client";
import { claimMailBatches, collectNotifications, releaseMailBatch } from "@/db/queries/notifications";
import { createMailer, type MailSettings } from "./mail";

// The job loop inside the server process (no cron): every NOTIFY_INTERVAL_MS (default one minute) it
// scans the desk for news (collectNotifications) and, with SMTP_URL set, mails what is due. Both
// steps are idempotent and claim their work in a transaction, so two processes (or a restart mid-tick)
// never notify or mail twice. instrumentation.ts starts it in `next start` and `next dev` alike.

export interface TickResult {
  created: number;
  mailed: number;
  failed: number;
}

/** The mail settings from the environment, or null when SMTP_URL is unset (no e-mail). */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  if (!env.SMTP_URL) return null;
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM || "Forecast Desk <forecast-desk@localhost>",
    baseURL: authBaseURL(),
    secret: ensureAuthSecret(databasePath()),
  };
}

/** One tick: collect notifications at `now`, then send the mail that is due. Never throws on a failed send. */
export async function runNotificationJobs(db: Db, now: number, mail: MailSettings | null): Promise<TickResult> {
  const created = collectNotifications(db, now);
  const result: TickResult = { created, mailed: 0, failed: 0 };
  if (!mail) return result;
  const batches = claimMailBatches(db, now);
  if (batches.length === 0) return result;
  const mailer = createMailer(mail);
  try {
    for (const batch of batches) {
      try {
        await mailer.send(batch);
        result.mailed++;
      } catch (error) {
        releaseMailBatch(db, batch); // tried again next tick
        result.failed++;
        console.error(`[notifications] mail to ${batch.recipient.email} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    mailer.close();
  }
  return result;
}

const DEFAULT_INTERVAL_MS = 60_000;

const state = globalThis as unknown as { forecastDeskJobLoop?: { timer: NodeJS.Timeout } };

/** Starts the loop once per process (NOTIFY_JOBS=off disables it); ticks never overlap. */
export function startNotificationLoop(): void {
  if (state.forecastDeskJobLoop || process.env.NOTIFY_JOBS === "off") return;
  const interval = Number(process.env.NOTIFY_INTERVAL_MS) > 0 ? Number(process.env.NOTIFY_INTERVAL_MS) : DEFAULT_INTERVAL_MS;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runNotificationJobs(getDb(), Date.now(), mailSettingsFromEnv());
    } catch (error) {
      console.error(`[notifications] job loop tick failed: ${(error as Error).stack ?? error}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, interval);
  timer.unref();
  state.forecastDeskJobLoop = { timer };
  setTimeout(tick, 1_000).unref(); // a first tick soon after start
}
