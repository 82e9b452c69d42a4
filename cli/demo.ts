// `npm run demo`: prepare the database (seeding the demo desk when empty), build, start on PORT
// (default 3000), and print the URL and the demo logins.
import { spawn } from "node:child_process";
import path from "node:path";
import { prepareDatabase } from "./prepare-database";

const port = process.env.PORT || "3000";
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(nextBin, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  });
}

async function main() {
  const prepared = await prepareDatabase();
  console.log(`Database: ${prepared.file}`);
  if (prepared.seeded)
    console.log(`Seeded the demo desk: ${prepared.seeded.questions} questions, ${prepared.seeded.forecasts} forecasts.`);
  const env = { ...process.env, PORT: port, DATABASE_PATH: prepared.file };
  if (process.env.SKIP_BUILD !== "1") {
    console.log("Building (next build)…");
    const built = await run(["build"], env);
    if (built !== 0) process.exit(built);
  }
  const url = `http://localhost:${port}`;
  console.log(`\nForecast Desk: ${url}`);
  if (prepared.logins.length) {
    console.log("Demo logins (demo passwords, not secrets):");
    for (const l of prepared.logins) console.log(`  ${l.role.padEnd(7)}  ${l.email.padEnd(34)}  ${l.password}`);
  }
  console.log("");
  process.exit(await run(["start", "-p", port], env));
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
