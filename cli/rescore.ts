// `npm run db:rescore`: rebuilds every kept table (score rows, crowd scores, calibration samples, crowd
// history; db/schema/kept-scores.ts) of DATABASE_PATH from its forecasts and resolutions, in one
// transaction. The app keeps them up to date itself; run this after an upgrade that changes how a
// number is computed (npm start also does it when the kept tables are from an older version).
import { performance } from "node:perf_hooks";
import { databasePath, openDb } from "@/db/client";
import { rebuildKeptScores } from "@/db/queries/kept-scores";
import { startKeptRowsWorker } from "@/db/queries/kept-rows-worker-host";

const file = databasePath();
try {
  const db = openDb(file);
  const started = performance.now();
  const { questions } = rebuildKeptScores(
    db,
    (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rRescoring: ${done}/${total} questions`);
    },
    { startKeptRows: startKeptRowsWorker },
  );
  if (process.stderr.isTTY) process.stderr.write("\n");
  db.$client.close();
  console.log(`Rebuilt the kept scores of ${questions} questions in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);
} catch (error) {
  console.error(`Rescoring failed for ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
