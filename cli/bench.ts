// Benchmark of the scorer (`npm run bench`): generates forecast-desk/v1 files in a temp dir, then times
// the whole score command (spawned: read, validate, score, aggregates, calibration, report to /dev/null)
// against a `node` process that only reads and JSON.parses the same file. Prints figures; not a test.
// Target at 1,000,000 forecasts: ≤ 3× the parse time and a peak RSS < 1 GB.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { writeDataset } from "./bench-dataset";

const ROOT = path.resolve(__dirname, "..");

interface Timing {
  seconds: number;
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
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : null };
}

/** package.json's `score` script as a command line, `node` or `tsx` resolved to this Node binary. */
function scoreScript(): string[] {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  const [program, ...args] = scripts.score.trim().split(/\s+/);
  if (program === "node") return [process.execPath, ...args];
  if (program === "tsx") return [process.execPath, path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), ...args];
  throw new Error(`bench cannot time the score script "${scripts.score}" (expected node … or tsx …)`);
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-desk-bench-"));
  const scoreCommand = scoreScript();
  console.log(`timing the score script: ${scoreCommand.join(" ")}`);
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
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
