// Benchmark of the pages (`npm run bench:pages`): builds (or reuses) three desks — the demo, a generated
// desk of ~100,000 forecasts and one of ~1,000,000 (cli/bench-dataset.ts, some questions open now, two
// busy ones of 10,000 forecasts) — imports them with the import CLI (time and peak RSS), starts the
// production server (`next start` of a build in .next-bench) on each, and prints for every page type
// the time to first byte (median of 5, warm, as a visitor), the throughput with 10 concurrent clients
// (autocannon) and the HTML size, each beside /signin of the same server in the same run as a ratio
// (and /signin once more after the pages; the ratios are against the faster of the two), after every page under load for 2 s;
// then forecast submissions on the busiest open question by 10 signed-in clients, checking that every
// acknowledged forecast is stored once and nothing else is; and the server's peak resident memory.
// A fourth desk, "numeric", holds one binary and one numeric question with 10,000 forecasts each (cli/
// bench-dataset writePairDataset) and prints the numeric question page's time to first byte as a ratio
// of the binary one's, measured alternately on the same server (issue 13: within 2×).
// Prints figures; not a test. Options (environment):
//   BENCH_APP_DIR   the app to measure (default: this repository; e.g. an unpacked older commit)
//   BENCH_DESKS     comma-separated subset of demo,100k,1m,numeric (default all four)
//   BENCH_DIR       where desks are kept between runs (default $TMPDIR/forecast-desk-bench-pages)
//   BENCH_SECONDS   autocannon duration per page (default 8)
//   BENCH_OUT       write the figures as JSON to this file too
//   BENCH_PREPARE_ONLY=1  only build (import) the desks, no build and no server
//   BENCH_PAGES=0   skip the pages (the /signin baseline is still measured), only submissions
//   BENCH_DIST_DIR  the production build to serve (default .next-bench, built when missing; e.g. .next-e2e)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { PAIR_QUESTIONS, writeDataset, writePairDataset } from "./bench-dataset";

const ROOT = path.resolve(__dirname, "..");
const APP = path.resolve(process.env.BENCH_APP_DIR || ROOT);
const DIST = process.env.BENCH_DIST_DIR || ".next-bench";
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const CLIENTS = 10;
const PASSWORD = "bench-password-1234";
const BIN = path.join(APP, "node_modules", ".bin");
const APP_KEY = crypto.createHash("sha1").update(APP).digest("hex").slice(0, 8);
const DESK_ROOT = path.resolve(process.env.BENCH_DIR || path.join(os.tmpdir(), "forecast-desk-bench-pages"));

interface DeskSpec {
  name: string;
  questions: number | null; // null: the demo, or the pair
  /** The binary/numeric pair of writePairDataset instead of writeDataset. */
  pair?: boolean;
}
const DESKS: DeskSpec[] = [
  { name: "demo", questions: null },
  { name: "100k", questions: 100 },
  { name: "1m", questions: 1_000 },
  { name: "numeric", questions: null, pair: true },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "NODE_ENV" && !key.startsWith("VITEST")));
  return { ...inherited, NODE_ENV: "production", NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Runs a command in the app dir (through /usr/bin/time -v when present): seconds and peak RSS in MB. */
function runTimed(command: string, args: string[], env: NodeJS.ProcessEnv): { seconds: number; maxRssMb: number | null } {
  const useTime = fs.existsSync("/usr/bin/time");
  const started = performance.now();
  const result = spawnSync(useTime ? "/usr/bin/time" : command, useTime ? ["-v", command, ...args] : args, {
    cwd: APP,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${(result.stderr || "").slice(-3000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : null };
}

const tsx = (script: string) => [path.join(APP, "node_modules", "tsx", "dist", "cli.mjs"), script];

/** The arguments to node of a package.json script that starts with `node` (`npm run <name>` as a user runs it, without npm). */
function npmScript(name: string): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(APP, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = scripts[name].split(/\s+/);
  if (command !== "node") throw new Error(`npm run ${name} does not start with node: ${scripts[name]}`);
  return args;
}

function ensureBuild(): void {
  if (fs.existsSync(path.join(APP, DIST, "BUILD_ID"))) return console.log(`reusing the build in ${path.join(APP, DIST)}`);
  console.log(`next build into ${path.join(APP, DIST)} …`);
  const tsconfig = path.join(APP, "tsconfig.json");
  const before = fs.readFileSync(tsconfig, "utf8");
  try {
    runTimed(path.join(BIN, "next"), ["build"], productionEnv({}));
  } finally {
    if (fs.readFileSync(tsconfig, "utf8") !== before) fs.writeFileSync(tsconfig, before);
  }
}

interface PreparedDesk {
  file: string;
  forecasts: number;
  import: { seconds: number; maxRssMb: number | null } | null;
}

/** The desk's database (built once per app and kept in BENCH_DIR), with ten bench analysts who can sign in. */
function prepareDesk(spec: DeskSpec, now: number): PreparedDesk {
  const dir = path.join(DESK_ROOT, `${spec.name}-${APP_KEY}`);
  const file = path.join(dir, "desk.db");
  const meta = path.join(dir, "desk.json");
  if (fs.existsSync(meta)) {
    console.log(`reusing desk ${spec.name} (${file})`);
    return JSON.parse(fs.readFileSync(meta, "utf8")) as PreparedDesk;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const env = productionEnv({ DATABASE_PATH: file });
  let imported: PreparedDesk["import"] = null;
  if (spec.questions !== null || spec.pair) {
    const datasetFile = path.join(DESK_ROOT, `dataset-${spec.name}.json`);
    if (!fs.existsSync(datasetFile)) {
      // Around a fixed day near `now`, so a reused dataset still has open questions for a while.
      const day = Math.floor(now / 86_400_000) * 86_400_000;
      if (spec.pair) writePairDataset(datasetFile, 20_261_130, day);
      else writeDataset(datasetFile, spec.questions!, 20_261_130 + spec.questions!, { now: day, busyForecasters: 2_000 });
    }
    console.log(`importing ${spec.name} …`);
    imported = runTimed(process.execPath, [...npmScript("import"), datasetFile], env);
  }
  // The app's own preparation (migrations, auth secret), and the demo seed (`npm run db:seed`) on the demo desk.
  runTimed(process.execPath, tsx("cli/prepare.ts"), env);
  if (spec.questions === null) runTimed(process.execPath, tsx("cli/seed.ts"), env);
  for (let i = 0; i < CLIENTS; i++)
    runTimed(
      process.execPath,
      [...tsx("cli/user-create.ts"), "--email", `bench-${i}@example.org`, "--password", PASSWORD, "--name", `Bench analyst ${i}`, "--handle", `bench-${i}`],
      env,
    );
  const sqlite = new Database(file, { readonly: true });
  const forecasts =
    (sqlite.prepare("select count(*) as n from forecasts").get() as { n: number }).n +
    (sqlite.prepare("select count(*) as n from continuous_forecasts").get() as { n: number }).n;
  sqlite.close();
  const prepared = { file, forecasts, import: imported };
  fs.writeFileSync(meta, JSON.stringify(prepared));
  return prepared;
}

interface Server {
  baseURL: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(file: string): Promise<Server> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(path.dirname(file), "server.log"), "w");
  const child = spawn(path.join(BIN, "next"), ["start", "--port", String(port)], {
    cwd: APP,
    env: productionEnv({ DATABASE_PATH: file, PORT: String(port), BETTER_AUTH_URL: baseURL }),
    stdio: ["ignore", log, log],
    detached: true,
  });
  fs.closeSync(log);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // gone
        }
      };
      const force = setTimeout(() => kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      kill("SIGTERM");
    });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${path.dirname(file)}/server.log`);
    try {
      const r = await fetch(`${baseURL}/signin`, { signal: AbortSignal.timeout(10_000) });
      if (r.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("next start did not answer within 120 s");
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseURL, process: child, stop };
}

/** Peak resident memory (VmHWM) of the server's processes, MB: the largest one and their sum. */
function serverPeakRss(server: Server): { largestMb: number; sumMb: number } {
  const group = server.process.pid!;
  let largest = 0;
  let sum = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const pgid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgid !== group) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
      if (!hwm) continue;
      const mb = Number(hwm[1]) / 1024;
      largest = Math.max(largest, mb);
      sum += mb;
    } catch {
      // exited meanwhile
    }
  }
  return { largestMb: largest, sumMb: sum };
}

/** One GET: time to the response headers (ms), status and body size (bytes). */
function timeGet(url: string): Promise<{ ttfb: number; status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, (res) => {
      const ttfb = performance.now() - started;
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ ttfb, status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout ${url}`)));
    req.on("error", reject);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface PageFigures {
  page: string;
  path: string;
  status: number;
  ttfbMs: number;
  kb: number;
  rps: number;
  non2xx: number;
}

async function measurePage(baseURL: string, page: string, urlPath: string): Promise<PageFigures> {
  const url = baseURL + urlPath;
  await timeGet(url); // warm
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await timeGet(url));
  const result = await autocannon({ url, connections: CLIENTS, duration: SECONDS, timeout: 60 });
  return {
    page,
    path: urlPath,
    status: runs[runs.length - 1].status,
    ttfbMs: median(runs.map((r) => r.ttfb)),
    kb: runs[runs.length - 1].bytes / 1024,
    rps: result.requests.average,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

/** The server-action id of `submitForecast` in the build (server-reference-manifest). */
function submitForecastActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(APP, DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).filter(
    ([, v]) => v.exportedName === "submitForecast" || (v.filename ?? "").includes("questions/[questionId]/actions"),
  );
  const exact = found.find(([, v]) => v.exportedName === "submitForecast") ?? found[0];
  if (!exact) throw new Error("submitForecast not found in the server-reference manifest");
  return exact[0];
}

/** Signs a bench analyst in (waiting out better-auth's sign-in rate limit of a few a window); the session cookie. */
async function signIn(baseURL: string, i: number): Promise<string> {
  let r: Response;
  for (let attempt = 0; ; attempt++) {
    r = await fetch(`${baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify({ email: `bench-${i}@example.org`, password: PASSWORD }),
    });
    if (r.status !== 429 || attempt >= 5) break;
    await new Promise((resolve) => setTimeout(resolve, 11_000));
  }
  if (!r.ok) throw new Error(`sign-in of bench-${i} failed: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

interface SubmissionFigures {
  question: string;
  forecastsOnQuestion: number;
  sent: number;
  acknowledged: number;
  refused: number;
  failed: number;
  rps: number;
  p50Ms: number;
  storedOfAcknowledged: number;
  storedTotal: number;
  storedTwice: number;
}

/**
 * 10 signed-in clients submit forecasts (as the browser calls the server action: Next-Action header,
 * the form's fields encoded as React sends a FormData argument) for SECONDS; each carries a unique
 * rationale, so the database tells what was stored.
 */
async function measureSubmissions(baseURL: string, file: string, questionId: string): Promise<SubmissionFigures> {
  const actionId = submitForecastActionId();
  const cookies: string[] = [];
  for (let i = 0; i < CLIENTS; i++) cookies.push(await signIn(baseURL, i));
  const run = crypto.randomBytes(4).toString("hex");
  const acknowledged = new Set<string>();
  const latencies: number[] = [];
  let sent = 0;
  let refused = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    cookies.map(async (cookie, client) => {
      for (let k = 0; performance.now() < until; k++) {
        const token = `bench-${run}-${client}-${k}`;
        // React's reply encoding of (prevState, formData): the form's fields as "_1_<name>", then the
        // root "0" = [null, "$K1"] last (the server resolves the root as soon as it arrives).
        const body = new FormData();
        body.append("_1_kind", "binary");
        body.append("_1_questionId", questionId);
        body.append("_1_percent", String(10 + ((client * 7 + k) % 80)));
        body.append("_1_rationale", token);
        body.append("0", JSON.stringify([null, "$K1"]));
        sent++;
        const t = performance.now();
        try {
          const r = await fetch(`${baseURL}/questions/${encodeURIComponent(questionId)}`, {
            method: "POST",
            headers: { "next-action": actionId, cookie, origin: baseURL, accept: "text/x-component" },
            body,
            signal: AbortSignal.timeout(60_000),
          });
          const text = await r.text();
          latencies.push(performance.now() - t);
          if (r.ok && /"ok":true/.test(text)) acknowledged.add(token);
          else refused++;
        } catch {
          failed++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sqlite = new Database(file, { readonly: true });
  const stored = sqlite.prepare("select rationale, count(*) as n from forecasts where rationale like ? group by rationale").all(`bench-${run}-%`) as Array<{
    rationale: string;
    n: number;
  }>;
  const forecastsOnQuestion = (sqlite.prepare("select count(*) as n from forecasts where question_id = ?").get(questionId) as { n: number }).n;
  sqlite.close();
  return {
    question: questionId,
    forecastsOnQuestion,
    sent,
    acknowledged: acknowledged.size,
    refused,
    failed,
    rps: acknowledged.size / seconds,
    p50Ms: latencies.length ? median(latencies) : NaN,
    storedOfAcknowledged: stored.filter((s) => acknowledged.has(s.rationale)).length,
    storedTotal: stored.reduce((s, r) => s + r.n, 0),
    storedTwice: stored.filter((s) => s.n > 1).length,
  };
}

/**
 * The pages to measure on a desk: busiest question (most forecasts), most active forecaster's profile
 * (not a bench analyst: on a reused desk their submissions would make one the most active).
 */
function pagesOf(file: string): Array<[string, string]> {
  const sqlite = new Database(file, { readonly: true });
  const busiest = sqlite.prepare("select question_id as id, count(*) as n from forecasts group by question_id order by n desc limit 1").get() as { id: string };
  const forecaster = sqlite
    .prepare(
      `select u.handle from forecasts f join user u on u.id = f.forecaster_id where u.handle not like 'bench-%'
       group by f.forecaster_id order by count(*) desc limit 1`,
    )
    .get() as { handle: string };
  sqlite.close();
  return [
    ["/signin (trivial)", "/signin"],
    ["/questions", "/questions"],
    ["busiest question", `/questions/${encodeURIComponent(busiest.id)}`],
    ["/leaderboard", "/leaderboard"],
    ["/crowd", "/crowd"],
    ["a profile", `/forecasters/${encodeURIComponent(forecaster.handle)}`],
  ];
}

/** The open binary question with the most forecasts (the submissions send a binary forecast). */
function busiestOpenQuestion(file: string, now: number): string {
  const sqlite = new Database(file, { readonly: true });
  const row = sqlite
    .prepare(
      `select q.id from questions q left join resolutions r on r.question_id = q.id left join forecasts f on f.question_id = q.id
       where r.question_id is null and q.is_draft = 0 and q.type = 'binary' and q.open_time <= ? and q.close_time > ?
       group by q.id order by count(f.id) desc limit 1`,
    )
    .get(now, now) as { id: string } | undefined;
  sqlite.close();
  if (!row) throw new Error("no open question on this desk");
  return row.id;
}

/**
 * The pair desk: the binary and the numeric question page (10,000 forecasts each), warmed, then timed
 * alternately (so load on the shared machine hits both alike), 9 times each; medians and their ratio.
 */
async function measurePair(baseURL: string): Promise<{ binary: PageFigures; numeric: PageFigures; ratio: number }> {
  const paths = { binary: `/questions/${PAIR_QUESTIONS.binary}`, numeric: `/questions/${PAIR_QUESTIONS.numeric}` };
  const runs: Record<"binary" | "numeric", Array<{ ttfb: number; status: number; bytes: number }>> = { binary: [], numeric: [] };
  for (const kind of ["binary", "numeric"] as const) await timeGet(baseURL + paths[kind]);
  for (let i = 0; i < 9; i++) for (const kind of ["binary", "numeric"] as const) runs[kind].push(await timeGet(baseURL + paths[kind]));
  const figures = (kind: "binary" | "numeric"): PageFigures => {
    const last = runs[kind][runs[kind].length - 1];
    return { page: `${kind} question, 10,000 forecasts`, path: paths[kind], status: last.status, ttfbMs: median(runs[kind].map((r) => r.ttfb)), kb: last.bytes / 1024, rps: NaN, non2xx: 0 };
  };
  const binary = figures("binary");
  const numeric = figures("numeric");
  return { binary, numeric, ratio: numeric.ttfbMs / binary.ttfbMs };
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "—");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");

async function main(): Promise<void> {
  const wanted = (process.env.BENCH_DESKS || "demo,100k,1m,numeric").split(",").map((s) => s.trim().toLowerCase());
  const now = Date.now();
  console.log(`app ${APP}; ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  fs.mkdirSync(DESK_ROOT, { recursive: true });
  if (process.env.BENCH_PREPARE_ONLY === "1") {
    for (const spec of DESKS.filter((d) => wanted.includes(d.name))) {
      const desk = prepareDesk(spec, now);
      console.log(`${spec.name}: ${desk.forecasts} forecasts, import ${desk.import ? `${desk.import.seconds.toFixed(1)} s, ${f0(desk.import.maxRssMb ?? NaN)} MB` : "—"}`);
    }
    return;
  }
  ensureBuild();
  const all: Record<string, unknown> = {};
  for (const spec of DESKS.filter((d) => wanted.includes(d.name))) {
    const desk = prepareDesk(spec, now);
    const server = await startServer(desk.file);
    try {
      if (spec.pair) {
        const pair = await measurePair(server.baseURL);
        const memory = serverPeakRss(server);
        console.log(`\n${spec.name}: ${desk.forecasts.toLocaleString("en")} forecasts; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
        console.log("| page | status | TTFB ms (median of 9, alternating) | HTML KB |");
        console.log("|---|---|---|---|");
        for (const p of [pair.binary, pair.numeric]) console.log(`| ${p.page} | ${p.status} | ${f1(p.ttfbMs)} | ${f0(p.kb)} |`);
        console.log(`numeric ÷ binary question page TTFB: ${pair.ratio.toFixed(2)}× (target ≤ 2×: ${pair.ratio <= 2 ? "met" : "NOT met"}); server peak RSS ${f0(memory.largestMb)} MB\n`);
        all[spec.name] = { forecasts: desk.forecasts, import: desk.import, memory, pair, loadAverage: os.loadavg() };
        continue;
      }
      const pages: PageFigures[] = [];
      const toMeasure = pagesOf(desk.file).slice(0, process.env.BENCH_PAGES === "0" ? 1 : undefined);
      // Every page under load for 2 s first: a fresh server runs cold code (the JIT, each route's modules
      // loaded on first use), and /signin, measured first, came out up to 1.8× slower than after the pages.
      for (const [, urlPath] of toMeasure) await autocannon({ url: server.baseURL + urlPath, connections: CLIENTS, duration: 2, timeout: 60 });
      for (const [page, urlPath] of toMeasure) {
        pages.push(await measurePage(server.baseURL, page, urlPath));
        const p = pages[pages.length - 1];
        console.log(`  ${spec.name} ${page}: ${p.status}, ${f1(p.ttfbMs)} ms, ${f0(p.kb)} KB, ${f1(p.rps)} req/s`);
      }
      // The VM's speed drifts within minutes: /signin measured again after the pages shows by how much.
      // Every ratio is against the faster of the two /signin runs (the stricter one).
      if (pages.length > 1) {
        pages.push(await measurePage(server.baseURL, "/signin (trivial, again after the pages)", "/signin"));
        const p = pages[pages.length - 1];
        console.log(`  ${spec.name} /signin again: ${p.status}, ${f1(p.ttfbMs)} ms, ${f1(p.rps)} req/s`);
      }
      const submissions = await measureSubmissions(server.baseURL, desk.file, busiestOpenQuestion(desk.file, Date.now()));
      const memory = serverPeakRss(server);
      const trivial = pages.filter((p) => p.path === "/signin").reduce((a, b) => (b.rps > a.rps ? b : a));
      console.log(
        `\n${spec.name}: ${desk.forecasts.toLocaleString("en")} forecasts` +
          (desk.import ? `; import ${desk.import.seconds.toFixed(1)} s, peak RSS ${f0(desk.import.maxRssMb ?? NaN)} MB` : "") +
          `; server peak RSS ${f0(memory.largestMb)} MB (all its processes ${f0(memory.sumMb)} MB); load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
      );
      console.log(`ratios against the faster /signin run (${f1(trivial.rps)} req/s, TTFB ${f1(trivial.ttfbMs)} ms)`);
      console.log("| page | status | TTFB ms | × /signin | req/s (10 clients) | ÷ /signin | HTML KB |");
      console.log("|---|---|---|---|---|---|---|");
      for (const p of pages)
        console.log(
          `| ${p.page} | ${p.status}${p.non2xx ? ` (${p.non2xx} failed)` : ""} | ${f1(p.ttfbMs)} | ${(p.ttfbMs / trivial.ttfbMs).toFixed(1)}× | ${f1(p.rps)} | ${(p.rps / trivial.rps).toFixed(2)} | ${f0(p.kb)} |`,
        );
      const s = submissions;
      console.log(
        `| forecast submission (${s.forecastsOnQuestion.toLocaleString("en")} forecasts on the question) | ${s.acknowledged}/${s.sent} acknowledged, ${s.refused} refused, ${s.failed} failed | p50 ${f0(s.p50Ms)} | | ${f1(s.rps)} | | |`,
      );
      console.log(
        `stored: ${s.storedOfAcknowledged} of ${s.acknowledged} acknowledged, ${s.storedTotal} in all, ${s.storedTwice} twice\n`,
      );
      all[spec.name] = { forecasts: desk.forecasts, import: desk.import, memory, pages, submissions, loadAverage: os.loadavg() };
    } finally {
      await server.stop();
    }
  }
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify({ app: APP, at: new Date().toISOString(), desks: all }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
