// Global setup of the e2e projects (both list it; the build and the desk are made once for the run): a production build of the app, served by the app's own production
// server (server.ts, as `npm start` does) against a fresh SQLite file in a temp dir, seeded with the
// demo desk by `npm run db:seed`, on a free port. Tests get the base URL (and the database file, to pick
// questions and check what the server wrote) through vitest's provide/inject. Test files that need a
// desk of their own (tests/e2e/forecastbench.test.ts) reuse runTool/serve with the same build.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databasePath: string;
    e2eTmpDir: string;
  }
}

const ROOT = path.resolve(__dirname, "..", "..");
const DIST_DIR = ".next-e2e";
export const BIN = path.join(ROOT, "node_modules", ".bin");
const LOG_DIR = path.join(ROOT, "artifacts", "e2e");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 60): string {
  if (!fs.existsSync(file)) return "";
  return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/** Runs a command to completion, its output going to a log file; throws with the log's tail on failure. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, logName: string): Promise<void> {
  const logFile = path.join(LOG_DIR, logName);
  const log = fs.openSync(logFile, "w");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", log, log] });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      fs.closeSync(log);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `e2e setup: \`${path.basename(command)} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`}); ` +
              `log ${path.relative(ROOT, logFile)}:\n${tail(logFile)}`,
          ),
        );
    });
  });
}

/** Polls the server until it answers any HTTP response (or dies, or the time runs out). */
async function waitUntilServing(url: string, server: ChildProcess, logFile: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`e2e setup: the server exited (${server.exitCode ?? server.signalCode}):\n${tail(logFile)}`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`e2e setup: ${url} did not answer within ${timeoutMs / 1000}s:\n${tail(logFile)}`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-server.pid!, signal); // the whole group: next start forks workers
      } catch {
        // already gone
      }
    };
    const force = setTimeout(() => killGroup("SIGKILL"), 5_000);
    server.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    killGroup("SIGTERM");
  });
}

/** The environment of next build/start and the CLIs: vitest sets NODE_ENV=test and VITEST*, they want production. */
export function productionEnv(): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== "NODE_ENV" && !key.startsWith("VITEST")),
  );
  return { ...inherited, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" };
}

/** The app's environment for a database file, served at a port. */
export function appEnvironment(databasePath: string, port: number): NodeJS.ProcessEnv {
  return { ...productionEnv(), DATABASE_PATH: databasePath, PORT: String(port), BETTER_AUTH_URL: `http://localhost:${port}` };
}

export interface RunningServer {
  baseURL: string;
  stop(): Promise<void>;
  /** SIGKILL to the server's whole process group, as a crash would; resolves once it has exited. */
  crash(): Promise<void>;
}

/**
 * server.ts (what `npm start` runs) with the .next-e2e build on `port` against a prepared database
 * file (its own process group, so stop() ends every worker it forks); resolves once it answers HTTP.
 * `env` adds to the app's environment (REQUIRE_SIGN_IN, TRUSTED_PROXY, …).
 */
export async function serve(
  databasePath: string,
  port: number,
  logName = "server.log",
  env: Record<string, string> = {},
): Promise<RunningServer> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const baseURL = `http://localhost:${port}`;
  const serverLog = path.join(LOG_DIR, logName);
  const serverOut = fs.openSync(serverLog, "w");
  const server = spawn(path.join(BIN, "tsx"), ["server.ts"], {
    cwd: ROOT,
    env: { ...appEnvironment(databasePath, port), ...env },
    stdio: ["ignore", serverOut, serverOut],
    detached: true, // its own process group, so teardown can stop every worker it forks
  });
  fs.closeSync(serverOut);
  try {
    await waitUntilServing(baseURL, server, serverLog);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  const crash = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve();
      server.once("exit", () => resolve());
      process.kill(-server.pid!, "SIGKILL");
    });
  return { baseURL, stop: () => stopServer(server), crash };
}

/** The build and the seeded desk's server, made once for the run (every e2e project lists this setup). */
interface SharedDesk {
  ready: Promise<{ baseURL: string; databasePath: string; tmpDir: string; teardown: () => Promise<void> }>;
  projects: number;
}
const SHARED = Symbol.for("forecast-desk.e2e.desk");

export default async function setup(project: TestProject) {
  const holder = globalThis as { [SHARED]?: SharedDesk };
  const shared = (holder[SHARED] ??= { ready: startDesk(), projects: 0 });
  shared.projects++;
  const desk = await shared.ready;
  project.provide("baseURL", desk.baseURL);
  project.provide("databasePath", desk.databasePath);
  project.provide("e2eTmpDir", desk.tmpDir);
  return async () => {
    if (--shared.projects > 0) return;
    delete holder[SHARED];
    await desk.teardown();
  };
}

async function startDesk() {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  const baseEnv = productionEnv();

  if (process.env.E2E_SKIP_BUILD === "1" && fs.existsSync(buildId)) {
    console.log(`[e2e] E2E_SKIP_BUILD=1: reusing ${DIST_DIR}`);
  } else {
    const started = Date.now();
    console.log(`[e2e] next build into ${DIST_DIR} (log artifacts/e2e/build.log)…`);
    // next build adds its own dist folder's type paths to tsconfig.json; keep the committed file as it is.
    const tsconfig = path.join(ROOT, "tsconfig.json");
    const tsconfigText = fs.readFileSync(tsconfig, "utf8");
    try {
      await run(path.join(BIN, "next"), ["build"], baseEnv, "build.log");
    } finally {
      if (fs.readFileSync(tsconfig, "utf8") !== tsconfigText) fs.writeFileSync(tsconfig, tsconfigText);
    }
    console.log(`[e2e] built in ${Math.round((Date.now() - started) / 1000)}s`);
  }

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-desk-e2e-"));
  const databasePath = path.join(tmpDir, "forecast-desk.db");
  const port = await freePort();

  let server: RunningServer | undefined;
  const teardown = async () => {
    await server?.stop();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };

  try {
    // The app's own preparation (migrate, auth secret), then the demo desk as `npm run db:seed` makes it.
    await run(path.join(BIN, "tsx"), ["cli/prepare.ts"], appEnvironment(databasePath, port), "prepare.log");
    await run(path.join(BIN, "tsx"), ["cli/seed.ts"], appEnvironment(databasePath, port), "seed.log");
    server = await serve(databasePath, port);
  } catch (error) {
    await teardown();
    throw error;
  }
  const { baseURL } = server;
  console.log(`[e2e] serving ${baseURL} (database ${databasePath})`);
  return { baseURL, databasePath, tmpDir, teardown };
}
