// A separate process that writes forecasts as fast as it can through recordForecast and prints each
// acknowledged id ("ack <id>") once its transaction has committed; stops on SIGTERM.
// Usage: tsx forecast-writer.ts <database> <questionId> <forecasterId>
import { openDb } from "@/db/client";
import { recordForecast } from "@/db/queries/forecasts";

const [file, questionId, forecasterId] = process.argv.slice(2);
const db = openDb(file, { migrate: false });
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
let n = 0;
function burst() {
  for (let i = 0; i < 20 && !stopping; i++, n++) {
    const p = 0.05 + ((n * 37) % 90) / 100;
    const saved = recordForecast(db, { questionId, forecasterId, probabilities: [1 - p, p], rationale: `write ${n}`, madeAt: Date.now() });
    if (!saved.ok) throw new Error(saved.reason);
    process.stdout.write(`ack ${saved.id}\n`);
  }
  if (stopping) {
    db.$client.close();
    process.exit(0);
  }
  setImmediate(burst);
}
burst();
