// `npm run restore -- <file>`: brings a backup back as the desk's database (DATABASE_PATH). Refuses while
// a desk has the database open; the database it replaces is kept beside it (db/backup.ts).
import { Command } from "commander";
import { DeskInUseError, restoreDatabase } from "@/db/backup";
import { databasePath } from "@/db/client";

const program = new Command()
  .name("restore")
  .description("Replace the desk's database with a backup (stop the desk first)")
  .argument("<file>", "a backup written by `npm run backup`")
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const [file] = program.args;
restoreDatabase(file, databasePath())
  .then((r) => {
    console.log(
      `Restored ${file} into ${r.file}: ${r.rowCounts.questions ?? 0} questions, ${r.rowCounts.forecasts ?? 0} forecasts.` +
        (r.previous ? ` The database it replaced is kept at ${r.previous}.` : ""),
    );
  })
  .catch((error: unknown) => {
    console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof DeskInUseError ? 3 : 1);
  });
