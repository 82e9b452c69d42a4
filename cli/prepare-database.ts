// Shared by `npm start`/`npm run dev` (cli/prepare.ts) and `npm run demo` (cli/demo.ts).
import { ensureAuthSecret, authSecretPath } from "@/app/_auth/auth-secret";
import { checkDatabaseFile, databasePath, openDb, type Db } from "@/db/client";
import { KEPT_TABLES_VERSION, keptTablesVersion, rebuildKeptScores } from "@/db/queries/kept-scores";
import { startKeptRowsWorker } from "@/db/queries/kept-rows-worker-host";
import { adminExists } from "@/db/queries/users";

export interface PrepareResult {
  file: string;
  secretFile: string;
  /** False on a new desk: sign-up stays closed until `npm run user:create -- --admin` made one. */
  hasAdmin: boolean;
}

/**
 * Makes the database ready to serve: checks that the file is writable and passes PRAGMA quick_check
 * (throws DatabaseNotUsableError with one sentence otherwise), creates its folder, applies migrations and makes sure the auth
 * secret exists (generated beside the database, mode 0600). Creates no account and no demo data:
 * only `npm run demo` and `npm run db:seed` do (the demo log-ins are public).
 * `withDb` runs on the open database before it is closed (the demo seeds there).
 */
export async function prepareDatabase(withDb?: (db: Db) => void | Promise<void>): Promise<PrepareResult> {
  const file = databasePath();
  checkDatabaseFile(file);
  const db = openDb(file);
  try {
    ensureAuthSecret(file);
    await withDb?.(db);
    // Kept scores from an older version (or a database from before they existed): rebuild them once.
    if (keptTablesVersion(db) !== KEPT_TABLES_VERSION) rebuildKeptScores(db, undefined, { startKeptRows: startKeptRowsWorker });
    return { file, secretFile: authSecretPath(file), hasAdmin: adminExists(db) };
  } finally {
    db.$client.close();
  }
}

/** What `npm start` prints on a desk without an admin. */
export const NO_ADMIN_HINT =
  "No admin yet, so sign-up is closed. Create the first admin with:\n" +
  '  npm run user:create -- --admin --email you@example.org --name "Your Name" --password "<a long passphrase>"';
