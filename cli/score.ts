// The command-line scorer (docs/report-format.md §1): `npm run --silent score -- <dataset.json> [--bins N]
// [--extremize D]` reads a forecast-desk/v1 file and prints its forecast-desk-report/v1 on stdout. A
// rejected document prints one `<json path>: <rule>` line per problem on stderr and exits 2. lib/ only.
import { isAscii } from "node:buffer";
import fs from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { writeReportJson } from "@/lib/exchange/write-report";
import { scoreDataset } from "@/lib/report";
import type { Dataset } from "@/lib/types";

function integerAtLeastOne(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be an integer ≥ 1");
  return n;
}

function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new InvalidArgumentError("must be a finite number");
  return n;
}

function reject(lines: string[]): void {
  process.stderr.write(lines.map((l) => `${l}\n`).join(""));
  process.exitCode = 2;
}

/** The dataset in `file`, or null after writing the problems to stderr (exit code 2). */
function readDatasetFile(file: string): Dataset | null {
  const doc = readJsonFile(file); // the file text is garbage once this returns
  if (doc === NOT_READ) return null;
  const read = readDatasetV1(doc);
  if (!read.ok) {
    reject(read.errors.map((e) => `${e.path}: ${e.rule}`));
    return null;
  }
  return read.dataset;
}

const NOT_READ = Symbol("not read");

/** The file as text: an all-ASCII file (the usual export) is copied byte for byte, faster than UTF-8 decoding. */
function readTextFile(file: string): string {
  const bytes = fs.readFileSync(file);
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    reject([`$: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "read error"})`]);
    return NOT_READ;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    reject([`$: must be valid JSON (${(error as Error).message})`]);
    return NOT_READ;
  }
}

function main(argv: string[]): void {
  const program = new Command()
    .name("score")
    .description("Score a forecast-desk/v1 dataset and print its forecast-desk-report/v1")
    .argument("<dataset.json>", "the dataset file")
    .option("--bins <N>", "override params.calibration_bins", integerAtLeastOne)
    .option("--extremize <D>", "override params.extremize_d", finiteNumber)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(argv);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode ?? 2;
    process.exitCode = code === 0 ? 0 : 2;
    return;
  }
  const [file] = program.args;
  const options = program.opts<{ bins?: number; extremize?: number }>();

  const dataset = readDatasetFile(file);
  if (dataset === null) return;
  if (options.bins !== undefined) dataset.params.calibrationBins = options.bins;
  if (options.extremize !== undefined) dataset.params.extremizeD = options.extremize;
  // Nested calls, no locals: the file text, the parsed document and the dataset can each be collected
  // once the next stage has what it needs (1M forecasts stay under 1 GB); the report goes out in pieces.
  writeReportJson(scoreDataset(dataset), (piece) => process.stdout.write(piece));
  process.stdout.write("\n");
  if (process.env.FORECAST_DESK_REPORT_USAGE) {
    const usage = process.resourceUsage();
    process.stderr.write(`usage: ${JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000 })}\n`);
  }
}

main(process.argv);
