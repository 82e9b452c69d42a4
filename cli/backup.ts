// `npm run backup -- <file>`: a consistent copy of the desk's database (DATABASE_PATH) while it serves,
// taken with SQLite's online backup API (db/backup.ts). A plain `cp` misses what is still in the -wal file.
import { Command } from "commander";
import { backupDatabase } from "@/db/backup";
import { databasePath } from "@/db/client";

const program = new Command()
  .name("backup")
  .description("Copy the desk's database to <file> with SQLite's online backup (safe while the desk runs)")
  .argument("<file>", "where to write the backup (replaced if it exists)")
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const [file] = program.args;
const started = Date.now();
backupDatabase(databasePath(), file)
  .then((r) => {
    const forecasts = r.rowCounts.forecasts ?? 0;
    const questions = r.rowCounts.questions ?? 0;
    console.log(
      `Backed up ${databasePath()} to ${r.file}: ${r.pages} pages, ${questions} questions, ${forecasts} forecasts, integrity ok (${Date.now() - started} ms)`,
    );
  })
  .catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
