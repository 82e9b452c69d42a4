// `npm run db:migrate`: applies every pending migration to DATABASE_PATH (or ./data/forecast-desk.db).
import { databasePath, openDb } from "@/db/client";

const file = databasePath();
try {
  openDb(file).$client.close();
  console.log(`Migrated ${file}`);
} catch (error) {
  console.error(`Migration failed for ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
