// Shared by `npm start`/`npm run dev` (cli/prepare.ts) and `npm run demo` (cli/demo.ts).
import { ensureAuthSecret, authSecretPath } from "@/app/_auth/auth-secret";
import { databasePath, openDb } from "@/db/client";
import { countQuestions } from "@/db/queries/questions";

export interface PrepareResult {
  file: string;
  secretFile: string;
  seeded: { questions: number; forecasts: number; users: number } | null;
  logins: ReadonlyArray<{ email: string; password: string; role: string; name?: string }>;
}

/**
 * Makes the database ready to serve: creates its folder, applies migrations, makes sure the auth
 * secret exists (generated beside the database, mode 0600), and seeds the demo desk when the
 * database has no questions (skip with SEED_DEMO=0).
 */
export async function prepareDatabase(): Promise<PrepareResult> {
  const file = databasePath();
  const db = openDb(file);
  ensureAuthSecret(file);
  let seeded: PrepareResult["seeded"] = null;
  let logins: PrepareResult["logins"] = [];
  if (countQuestions(db) === 0 && process.env.SEED_DEMO !== "0") {
    // Dynamic import: prepare must work even in a tree without the demo seed.
    const demo = await import("@/db/seed-demo").catch(() => null);
    if (demo) {
      const result = demo.seedDemo(db, { now: Date.now() });
      if (result.seeded) seeded = { questions: result.questions, forecasts: result.forecasts, users: result.users };
      logins = demo.DEMO_LOGINS;
    }
  } else {
    const demo = await import("@/db/seed-demo").catch(() => null);
    logins = demo?.DEMO_LOGINS ?? [];
  }
  db.$client.close();
  return { file, secretFile: authSecretPath(file), seeded, logins };
}
