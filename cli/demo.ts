// `npm run demo`: prepare the database, seed the demo desk when it is empty (the only command besides
// `npm run db:seed` that creates the demo log-ins, whose passwords are public), build, serve on PORT
// (default 3000) through server.ts, and print the URL and the demo logins.
import { spawn } from "node:child_process";
import path from "node:path";
import { findUserByEmail } from "@/db/queries/users";
import { DEMO_LOGINS, seedDemo } from "@/db/seed-demo";
import { prepareDatabase } from "./prepare-database";

const port = process.env.PORT || "3000";
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  });
}

async function main() {
  let isDemoDesk = false;
  const prepared = await prepareDatabase((db) => {
    const seeded = seedDemo(db, { now: Date.now() });
    if (seeded.seeded) console.log(`Seeded the demo desk: ${seeded.questions} questions, ${seeded.forecasts} forecasts.`);
    isDemoDesk = findUserByEmail(db, DEMO_LOGINS[0].email) !== null;
  });
  console.log(`Database: ${prepared.file}`);
  const env = { ...process.env, PORT: port, DATABASE_PATH: prepared.file };
  if (process.env.SKIP_BUILD !== "1") {
    console.log("Building (next build)…");
    const built = await run(bin("next"), ["build"], env);
    if (built !== 0) process.exit(built);
  }
  const url = `http://localhost:${port}`;
  console.log(`\nForecast Desk: ${url}`);
  if (isDemoDesk) {
    console.log("Demo logins (demo passwords, not secrets):");
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(7)}  ${l.email.padEnd(34)}  ${l.password}`);
  }
  console.log("");
  process.exit(await run(bin("tsx"), ["server.ts"], { ...env, NODE_ENV: "production" }));
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
