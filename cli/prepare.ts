// `npm start` / `npm run dev` run this first: database folder, migrations, auth secret. No demo data.
import { DatabaseNotUsableError } from "@/db/client";
import { NO_ADMIN_HINT, prepareDatabase } from "./prepare-database";

prepareDatabase()
  .then((r) => {
    console.log(`Database ready: ${r.file}`);
    if (!r.hasAdmin) console.log(NO_ADMIN_HINT);
  })
  .catch((error: unknown) => {
    // DatabaseNotUsableError says it in one sentence already.
    console.error(error instanceof DatabaseNotUsableError ? error.message : `Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
