// `npm run db:seed`: fills an empty database (DATABASE_PATH, or ./data/forecast-desk.db) with the demo
// desk for today and prints the demo logins. Refuses when the database already has questions.
import { Command } from "commander";
import { databasePath, openDb } from "@/db/client";
import { DEMO_LOGINS, seedDemo } from "@/db/seed-demo";

const program = new Command()
  .name("db:seed")
  .description("Seed an empty Forecast Desk database with the Russia–Belarus demo desk")
  .option("--now <time>", "seed as if today were this ISO date-time (default: the current time)")
  .parse();

const opts = program.opts<{ now?: string }>();
const now = opts.now === undefined ? Date.now() : Date.parse(opts.now);
if (!Number.isFinite(now)) {
  console.error(`--now: must be an ISO date-time such as 2025-06-01T12:00:00Z, got "${opts.now}"`);
  process.exit(2);
}

const file = databasePath();
const started = performance.now();
try {
  const result = seedDemo(openDb(file), { now });
  if (!result.seeded) {
    console.log(`Not seeded (${file}): ${result.reason}.`);
    process.exit(0);
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `Seeded ${file} in ${ms} ms: ${result.questions} questions, ${result.forecasts} forecasts, ${result.users} users.`,
  );
  console.log("Demo logins (demo passwords, not secrets):");
  for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(7)}  ${l.email.padEnd(32)}  ${l.password}  (${l.name})`);
} catch (error) {
  console.error(`Seeding failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
