// Benchmark of the scorer (`npm run bench`): generates forecast-desk/v1 files in a temp dir, then times
// the whole score command (spawned: read, validate, score, aggregates, calibration, report to /dev/null)
// against a `node` process that only reads and JSON.parses the same file. Prints figures; not a test.
// Targets: at 1,000,000 binary/scenario forecasts ≤ 3× the parse time and a peak RSS < 1 GB; at 100,000
// numeric/date forecasts (20.1 million CDF values) ≤ 3× the parse time and a peak RSS < 1.5 GB.
// `npm run bench` runs both; `npm run bench -- binary` or `-- continuous` runs one.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { logisticCdf } from "@/lib/continuous/logistic-cdf";
import { DAY, FORECASTERS, iso, random, writeDataset } from "./bench-dataset";

const ROOT = path.resolve(__dirname, "..");

const CONTINUOUS_FORECASTERS_PER_QUESTION = 50;
const CONTINUOUS_UPDATES_PER_FORECASTER = 4;

/**
 * Writes `questions` numeric and date questions × 50 forecasters × 4 updates, each forecast a 201-point
 * CDF (a logistic around a noisy guess at the outcome, 10 decimals as Metaculus stores them); linear
 * and log scales, open and closed bounds, some outcomes beyond an open bound. Returns the forecast count.
 */
function writeContinuousDataset(file: string, questions: number, seed: number): number {
  const rnd = random(seed);
  const fd = fs.openSync(file, "w");
  const start = Date.UTC(2023, 0, 1);
  const specs: Array<{ id: string; open: number; close: number; truth: number; openLower: boolean; openUpper: boolean }> = [];
  const parts: string[] = [];
  for (let i = 0; i < questions; i++) {
    const open = start + Math.floor(rnd() * 365) * DAY;
    const close = open + (30 + Math.floor(rnd() * 300)) * DAY;
    const kind = rnd();
    const isDate = kind < 0.3;
    const isLog = !isDate && kind < 0.6;
    const openLower = rnd() < 0.4;
    const openUpper = rnd() < 0.6;
    // The outcome on the internal scale; beyond the range only where that bound is open.
    let truth = rnd() * 1.2 - 0.1;
    if (truth < 0 && !openLower) truth = -truth;
    if (truth > 1 && !openUpper) truth = 2 - truth;
    const q: Record<string, unknown> = { id: `c-${String(i).padStart(5, "0")}`, title: `Benchmark quantity ${i}`, type: isDate ? "date" : "numeric" };
    let valueAt: (u: number) => number | string;
    if (isDate) {
      const a = close + 30 * DAY;
      const b = a + 720 * DAY;
      Object.assign(q, { range_min: iso(a), range_max: iso(b) });
      valueAt = (u) => iso(Math.round((a + (b - a) * u) / 1000) * 1000);
    } else if (isLog) {
      const a = 10;
      const b = 100_000;
      Object.assign(q, { range_min: a, range_max: b, zero_point: 0 });
      valueAt = (u) => Number((a * Math.pow(b / a, u)).toPrecision(8));
    } else {
      Object.assign(q, { range_min: 0, range_max: 500, zero_point: null });
      valueAt = (u) => Number((500 * u).toFixed(3));
    }
    const roll = rnd();
    const resolution = roll < 0.7 ? valueAt(truth) : roll < 0.75 ? "annulled" : null;
    const resolveTime = resolution === null ? null : rnd() < 0.3 ? open + Math.floor(rnd() * (close - open)) : close + DAY;
    Object.assign(q, {
      open_lower_bound: openLower,
      open_upper_bound: openUpper,
      open_time: iso(open),
      close_time: iso(close),
      resolve_time: resolveTime === null ? null : iso(resolveTime),
      resolution,
    });
    specs.push({ id: q.id as string, open, close, truth, openLower, openUpper });
    parts.push(JSON.stringify(q));
  }
  fs.writeSync(fd, `{"format":"forecast-desk/v1","params":{"extremize_d":1.5,"calibration_bins":10},"questions":[${parts.join(",")}],"forecasts":[`);
  let count = 0;
  let buffer: string[] = [];
  for (const q of specs) {
    const firstForecaster = Math.floor(rnd() * FORECASTERS);
    for (let f = 0; f < CONTINUOUS_FORECASTERS_PER_QUESTION; f++) {
      const forecaster = `forecaster-${(firstForecaster + f * 7) % FORECASTERS}`;
      const skill = rnd();
      for (let u = 0; u < CONTINUOUS_UPDATES_PER_FORECASTER; u++) {
        const time = q.open + Math.floor((rnd() * 1.1 - 0.05) * (q.close - q.open));
        const mu = q.truth * skill + rnd() * (1 - skill);
        const below = q.openLower ? 0.001 + 0.1 * rnd() : 0;
        const above = q.openUpper ? 0.001 + 0.1 * rnd() : 0;
        const cdf = logisticCdf(mu, 0.05 + 0.25 * rnd(), below, above);
        buffer.push(`{"question":"${q.id}","forecaster":"${forecaster}","time":"${iso(time)}","cdf":[${cdf.join(",")}]}`);
        count++;
      }
    }
    if (buffer.length >= 5_000) {
      fs.writeSync(fd, (count > buffer.length ? "," : "") + buffer.join(","));
      buffer = [];
    }
  }
  if (buffer.length > 0) fs.writeSync(fd, (count > buffer.length ? "," : "") + buffer.join(","));
  fs.writeSync(fd, "]}\n");
  fs.closeSync(fd);
  return count;
}

interface Timing {
  seconds: number;
  /** User + system CPU seconds (from /usr/bin/time -v), steadier than wall time on a shared machine. */
  cpuSeconds: number | null;
  maxRssMb: number | null;
}

/** Runs a command with stdout to /dev/null; wall time and max RSS (from /usr/bin/time -v when present). */
function timeCommand(command: string, args: string[]): Timing {
  const useTime = fs.existsSync("/usr/bin/time");
  const devNull = fs.openSync("/dev/null", "w");
  const started = performance.now();
  const result = spawnSync(useTime ? "/usr/bin/time" : command, useTime ? ["-v", command, ...args] : args, {
    cwd: ROOT,
    stdio: ["ignore", devNull, "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  fs.closeSync(devNull);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : null;
  return { seconds, cpuSeconds, maxRssMb: rss ? Number(rss[1]) / 1024 : null };
}

/** package.json's `score` script as a command line, `node` or `tsx` resolved to this Node binary. */
function scoreScript(): string[] {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  const [program, ...args] = scripts.score.trim().split(/\s+/);
  if (program === "node") return [process.execPath, ...args];
  if (program === "tsx") return [process.execPath, path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), ...args];
  throw new Error(`bench cannot time the score script "${scripts.score}" (expected node … or tsx …)`);
}

function benchContinuous(dir: string, scoreCommand: string[]): void {
  const questions = 500; // × 50 forecasters × 4 updates = 100,000 CDF forecasts
  const file = path.join(dir, "bench-continuous.json");
  const forecasts = writeContinuousDataset(file, questions, 20_260_101);
  const mb = fs.statSync(file).size / 1024 / 1024;
  const parse = timeCommand(process.execPath, ["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`]);
  const score = timeCommand(process.execPath, [...scoreCommand.slice(1), file]);
  fs.rmSync(file);
  const ratio = score.seconds / parse.seconds;
  const rss = score.maxRssMb;
  const cpu =
    parse.cpuSeconds !== null && score.cpuSeconds !== null
      ? `; CPU parse ${parse.cpuSeconds.toFixed(2)} s, score ${score.cpuSeconds.toFixed(2)} s = ${(score.cpuSeconds / parse.cpuSeconds).toFixed(2)}× parse`
      : "";
  console.log(
    `${forecasts.toLocaleString("en-US").padStart(9)} CDF forecasts (${questions} numeric/date questions, ${(forecasts * 201).toLocaleString("en-US")} values, ${mb.toFixed(0)} MB): ` +
      `wall parse ${parse.seconds.toFixed(2)} s, score ${score.seconds.toFixed(2)} s = ${ratio.toFixed(2)}× parse${cpu}, ` +
      `score max RSS ${rss === null ? "n/a" : `${rss.toFixed(0)} MB`}`,
  );
  console.log(
    `target at 100k CDFs: score ≤ 3× parse: ${ratio <= 3 ? "met" : "NOT met"} (${ratio.toFixed(2)}×); ` +
      `peak RSS < 1.5 GB: ${rss === null ? "not measured" : rss < 1536 ? "met" : "NOT met"}${rss === null ? "" : ` (${rss.toFixed(0)} MB)`}`,
  );
}

function main(): void {
  const only = process.argv[2];
  if (only !== undefined && only !== "binary" && only !== "continuous") throw new Error("usage: npm run bench [-- binary|continuous]");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-desk-bench-"));
  const scoreCommand = scoreScript();
  console.log(`timing the score script: ${scoreCommand.join(" ")}`);
  if (only === "continuous") {
    try {
      benchContinuous(dir, scoreCommand);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const sizes = [100, 300, 1_000];
  const results: Array<{ forecasts: number; mb: number; parse: Timing; score: Timing }> = [];
  try {
    for (const questions of sizes) {
      const file = path.join(dir, `bench-${questions}.json`);
      const forecasts = writeDataset(file, questions, 20_240_101 + questions);
      const mb = fs.statSync(file).size / 1024 / 1024;
      const parse = timeCommand(process.execPath, ["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`]);
      // The scorer exactly as `npm run score` runs it, without npm's own start-up.
      const score = timeCommand(process.execPath, [...scoreCommand.slice(1), file]);
      results.push({ forecasts, mb, parse, score });
      console.log(
        `${forecasts.toLocaleString("en-US").padStart(9)} forecasts (${questions} questions, ${mb.toFixed(0)} MB): ` +
          `parse ${parse.seconds.toFixed(2)} s, score ${score.seconds.toFixed(2)} s = ${(score.seconds / parse.seconds).toFixed(2)}× parse, ` +
          `score max RSS ${score.maxRssMb === null ? "n/a" : `${score.maxRssMb.toFixed(0)} MB`}`,
      );
    }
    const [small, middle, large] = results;
    console.log(
      `growth: 100k→300k ${(middle.score.seconds / small.score.seconds).toFixed(2)}× (O(F log F) ≈ 3.3×), ` +
        `100k→1M ${(large.score.seconds / small.score.seconds).toFixed(2)}× (≈ 10.5×)`,
    );
    const ratio = large.score.seconds / large.parse.seconds;
    const rss = large.score.maxRssMb;
    console.log(
      `target at 1M: score ≤ 3× parse: ${ratio <= 3 ? "met" : "NOT met"} (${ratio.toFixed(2)}×); ` +
        `peak RSS < 1 GB: ${rss === null ? "not measured" : rss < 1024 ? "met" : "NOT met"}${rss === null ? "" : ` (${rss.toFixed(0)} MB)`}`,
    );
    if (only === undefined) benchContinuous(dir, scoreCommand);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
