// `npm run loadtest [-- --duration 30]`: the API under load, against the production server on loopback
// (server.ts, what `npm start` runs: Next's request handler, as `next start` serves it, behind Node's
// HTTP server). A fresh demo desk (cli/seed.ts) in a temp folder is served from a production build:
// .next-e2e (the e2e tests' build) or .next (`npm run build`), whichever is newer, built into
// .next-e2e first when neither exists. Two phases of the same shape, each `duration` seconds:
//   ceiling: 50 clients GET /api/v1/health (a route handler that does nothing) + 10 clients read question pages;
//   submit:  50 clients POST forecasts (each with its own Idempotency-Key) + 10 clients read question pages.
// Prints throughput, p50/p99 latency and errors for both groups, the ratio of submissions to the ceiling,
// and checks every acknowledged forecast is in the database exactly once (lost = 0, duplicated = 0).
// Then 400 requests of each API kind alone, timing the server's CPU per request (Linux /proc):
// on a shared machine throughput follows the other processes, CPU per request does not.
// The submitting token's rate limit is raised to 10,000,000 a minute for the run (said in the output).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import Database from "better-sqlite3";
import { Command } from "commander";
import * as z from "zod";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const E2E_DIST_DIR = ".next-e2e";
const API_CLIENTS = 50;
const PAGE_READERS = 10;
/** Requests of each API kind sent alone, after the phases, to time the server's CPU per request. */
const ALONE_REQUESTS = 400;

const program = new Command()
  .name("loadtest")
  .option("--duration <seconds>", "seconds per phase", "30")
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();
const duration = z.coerce.number().int().min(1).max(600).safeParse(program.opts<{ duration: string }>().duration);
if (!duration.success) {
  console.error("--duration: must be a whole number of seconds, 1 to 600");
  process.exit(2);
}
const seconds = duration.data;

/** The newest production build's folder (.next-e2e or .next), or null when there is none. */
function existingBuild(): string | null {
  const built = [E2E_DIST_DIR, ".next"]
    .map((dir) => ({ dir, id: path.join(ROOT, dir, "BUILD_ID") }))
    .filter((b) => fs.existsSync(b.id))
    .sort((a, b) => fs.statSync(b.id).mtimeMs - fs.statSync(a.id).mtimeMs);
  return built[0]?.dir ?? null;
}

function productionEnv(distDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_ENV" && k !== "NEXT_DIST_DIR" && !k.startsWith("VITEST")));
  return { ...inherited, NODE_ENV: "production", ...(distDir === ".next" ? {} : { NEXT_DIST_DIR: distDir }), NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** The 1-minute load average and the number of cores: the machine may be shared. */
const loadAverage = () => `load average ${os.loadavg().map((x) => x.toFixed(2)).join(", ")} on ${os.cpus().length} cores`;

/** Clock ticks per second of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/**
 * CPU seconds used so far by every process of the server's process group (tsx and the node it runs),
 * from /proc (Linux); null where there is none. Unlike throughput, CPU per request does not depend on
 * what else the shared machine runs.
 */
function serverCpuSeconds(processGroup: number): number | null {
  let ticks = 0;
  try {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // ended meanwhile
      }
      // Fields after "(comm)": state ppid pgrp … utime (12th) stime (13th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === processGroup) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return null;
  }
  return ticks / CLOCK_TICKS;
}

/** Waits (at most a minute) until the server uses under 5% of a core: requests a client gave up on still run there. */
async function serverIdle(processGroup: number): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const before = serverCpuSeconds(processGroup);
    await new Promise((r) => setTimeout(r, 1000));
    const after = serverCpuSeconds(processGroup);
    if (before === null || after === null || after - before < 0.05) return;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runOrFail(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): string {
  const r = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${what} failed:\n${(r.stdout ?? "").slice(-2000)}\n${(r.stderr ?? "").slice(-2000)}`);
  return r.stdout;
}

async function waitUntilServing(url: string, server: ChildProcess) {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (server.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const perSecond = (r: Result) => r.requests.total / r.duration;
const errorsOf = (r: Result) => r.errors + r.timeouts + r.non2xx;
function line(label: string, r: Result): string {
  return `${label.padEnd(34)} ${perSecond(r).toFixed(0).padStart(7)} req/s   p50 ${ms(r.latency.p50).padStart(9)}   p99 ${ms(r.latency.p99).padStart(9)}   errors ${errorsOf(r)} (of ${r.requests.total}${errorsOf(r) ? `: ${r.timeouts} timeouts, ${r.non2xx} non-2xx, ${r.errors} other` : ""})`;
}

async function main() {
  let distDir = existingBuild();
  if (!distDir) {
    distDir = E2E_DIST_DIR;
    console.log(`No production build: building into ${distDir} (next build)…`);
    runOrFail(path.join(BIN, "next"), ["build"], productionEnv(distDir, {}), "next build");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-desk-loadtest-"));
  const file = path.join(dir, "forecast-desk.db");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = productionEnv(distDir, { DATABASE_PATH: file, PORT: String(port), BETTER_AUTH_URL: base, LISTEN_HOST: "127.0.0.1" });
  let server: ChildProcess | undefined;
  try {
    runOrFail(path.join(BIN, "tsx"), ["cli/prepare.ts"], env, "preparing the desk");
    runOrFail(path.join(BIN, "tsx"), ["cli/seed.ts"], env, "seeding the demo desk");
    runOrFail(path.join(BIN, "tsx"), ["cli/user-create.ts", "--email", "loadtest-bot@example.org", "--password", "load-test-only-password", "--name", "Load test bot"], env, "creating the load-test account");
    const token = runOrFail(path.join(BIN, "tsx"), ["cli/token-create.ts", "--email", "loadtest-bot@example.org", "--name", "loadtest", "--rate-limit", "10000000"], env, "creating its token").trim();

    const sqlite = new Database(file, { readonly: true });
    const now = Date.now();
    const open = sqlite
      .prepare("select q.id from questions q left join resolutions r on r.question_id = q.id where r.question_id is null and q.is_draft = 0 and q.open_time <= ? and q.close_time > ? and q.type = 'binary' order by q.close_time desc limit 20")
      .pluck()
      .all(now, now + 3_600_000) as string[];
    sqlite.close();
    if (open.length === 0) throw new Error("the demo desk has no open yes/no question");
    const target = open[0];
    const pages = open.map((id) => `/questions/${encodeURIComponent(id)}`);

    server = spawn(path.join(BIN, "tsx"), ["server.ts"], { cwd: ROOT, env, stdio: "ignore", detached: true });
    await waitUntilServing(`${base}/api/v1/health`, server);
    // Warm up: compile-on-first-use paths, caches.
    for (const p of [...pages.slice(0, 3), "/api/v1/health"]) await fetch(base + p);

    let page = 0;
    const readers = () =>
      autocannon({
        url: base,
        connections: PAGE_READERS,
        duration: seconds,
        timeout: 30,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: pages[page++ % pages.length] }) }],
      });

    console.log(`Forecast Desk load test: ${API_CLIENTS} API clients + ${PAGE_READERS} page readers, ${seconds} s per phase, production build ${distDir} on ${base}`);
    console.log(`Before: ${loadAverage()}`);
    console.log(`(the submitting token's rate limit is raised to 10,000,000 a minute for this run)\n`);

    const [ceiling, ceilingReaders] = await Promise.all([
      autocannon({ url: `${base}/api/v1/health`, connections: API_CLIENTS, duration: seconds, timeout: 30 }),
      readers(),
    ]);

    const acked: Array<{ key: string; id: number }> = [];
    let sequence = 0;
    // `amount` (a fixed number of requests) is an autocannon option its types leave out.
    const submitters = (length: { duration: number } | { amount: number }) =>
      autocannon({
        url: base,
        connections: API_CLIENTS,
        ...(length as { duration: number }),
        timeout: 30,
        requests: [
          {
            method: "POST",
            path: `/api/v1/questions/${encodeURIComponent(target)}/forecasts`,
            setupRequest: (req, context) => {
              const key = `load-${process.pid}-${sequence++}`;
              context.key = key;
              return {
                ...req,
                headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
                body: JSON.stringify({ kind: "binary", percent: 5 + (sequence % 90), rationale: key }),
              };
            },
            onResponse: (status, body, context) => {
              if (status === 201) acked.push({ key: context.key as string, id: (JSON.parse(body) as { id: number }).id });
            },
          },
        ],
      });
    const [submit, submitReaders] = await Promise.all([submitters({ duration: seconds }), readers()]);

    // Server CPU per request, each kind alone (a fixed number of requests, all answered): the ratio with a core to itself.
    const cpuPerRequest = async (run: () => Promise<Result>) => {
      await serverIdle(server!.pid!);
      const before = serverCpuSeconds(server!.pid!);
      const result = await run();
      const after = serverCpuSeconds(server!.pid!);
      return before === null || after === null || result.requests.total === 0 ? null : ((after - before) * 1000) / result.requests.total;
    };
    const healthCpu = await cpuPerRequest(() => autocannon({ url: `${base}/api/v1/health`, connections: API_CLIENTS, timeout: 30, ...({ amount: ALONE_REQUESTS } as object) }));
    const submitCpu = await cpuPerRequest(() => submitters({ amount: ALONE_REQUESTS }));

    const db = new Database(file, { readonly: true });
    const stored = new Map<string, { id: number; n: number }>();
    for (const row of db.prepare("select rationale, min(id) as id, count(*) as n from forecasts where rationale like 'load-%' group by rationale").all() as Array<{ rationale: string; id: number; n: number }>)
      stored.set(row.rationale, { id: row.id, n: row.n });
    db.close();
    const lost = acked.filter((a) => stored.get(a.key)?.id !== a.id).length;
    const duplicated = [...stored.values()].filter((s) => s.n > 1).length;
    const ratio = perSecond(submit) / perSecond(ceiling);

    console.log("Phase 1, ceiling (empty route handler):");
    console.log(line("  GET /api/v1/health (50 clients)", ceiling));
    console.log(line("  GET question pages (10 clients)", ceilingReaders));
    console.log("Phase 2, submissions:");
    console.log(line("  POST forecasts (50 clients)", submit));
    console.log(line("  GET question pages (10 clients)", submitReaders));
    console.log("");
    console.log(`API submissions / ceiling: ${(ratio * 100).toFixed(1)}% (target ≥ 60%)`);
    if (healthCpu !== null && submitCpu !== null)
      console.log(
        `Server CPU per request, ${ALONE_REQUESTS} of each alone: empty handler ${ms(healthCpu)}, submission ${ms(submitCpu)}; ratio ${((healthCpu / submitCpu) * 100).toFixed(1)}% (the throughput ratio with a core to itself)`,
      );
    console.log(`Acknowledged forecasts: ${acked.length}; in the database exactly once: ${acked.length - lost}; lost: ${lost}; duplicated: ${duplicated}`);
    console.log(`After: ${loadAverage()}`);
    console.log(`Errors: submissions ${errorsOf(submit)}, page reads ${errorsOf(ceilingReaders) + errorsOf(submitReaders)}, ceiling ${errorsOf(ceiling)}`);
    if (lost > 0 || duplicated > 0) process.exitCode = 1;
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // gone
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Load test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
