// `npm run import:forecastbench -- <question_set.json> <forecasts.json> <resolution_set.json>`: loads one
// ForecastBench round (Karger et al., ICLR 2025; CC BY-SA 4.0) into DATABASE_PATH, by the rules of
// docs/forecastbench.md, and prints what it loaded. Each file may be gzip-compressed (`.gz`), as the
// round kept in tests/fixtures/forecastbench is.
import fs from "node:fs";
import zlib from "node:zlib";
import { Command } from "commander";
import { rowProgress } from "@/cli/progress-bar";
import { databasePath, openDb } from "@/db/client";
import { ImportConflictError, importDataset } from "@/db/queries/exchange";
import { startKeptRowsWorker } from "@/db/queries/kept-rows-worker-host";
import { convertForecastBench, ForecastBenchFormatError, FORECASTBENCH_ATTRIBUTION } from "@/lib/exchange/forecastbench";
import { readDatasetV1 } from "@/lib/exchange/read-v1";

function fail(lines: string[], code = 2): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    const bytes = fs.readFileSync(file);
    text = (file.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8");
  } catch (error) {
    return fail([`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail([`${file}: $: not valid JSON (${(error as Error).message})`]);
  }
}

const program = new Command()
  .name("import:forecastbench")
  .description("Import a ForecastBench question set, its forecasts and its resolution set")
  .argument("<question_set.json>")
  .argument("<forecasts.json>")
  .argument("<resolution_set.json>")
  .option("--write-json <file>", "also write the converted forecast-desk/v1 document to this file")
  .showHelpAfterError()
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const [questionFile, forecastFile, resolutionFile] = program.args;
const { writeJson } = program.opts<{ writeJson?: string }>();
let conversion;
try {
  conversion = convertForecastBench({
    questionSet: readJson(questionFile),
    forecasts: readJson(forecastFile),
    resolutionSet: readJson(resolutionFile),
  });
} catch (error) {
  if (error instanceof ForecastBenchFormatError) fail([`${error.path}: ${error.rule}`]);
  throw error;
}
const read = readDatasetV1(conversion.document);
if (!read.ok) fail(["The converted document breaks forecast-desk/v1:", ...read.errors.map((e) => `${e.path}: ${e.rule}`)]);
if (writeJson) fs.writeFileSync(writeJson, JSON.stringify(conversion.document, null, 1) + "\n");

const dataset = read.dataset;

const file = databasePath();
const progress = rowProgress("Importing", dataset.forecasts.length);
try {
  const summary = importDataset(openDb(file), dataset, { onProgress: (done) => progress.update(done), startKeptRows: startKeptRowsWorker });
  progress.stop();
  const c = conversion.counts;
  console.log(`ForecastBench round ${questionFile} → ${file}`);
  console.log(`  questions   ${c.datasetQuestions + c.marketQuestions} (${c.datasetQuestions} dataset horizons, ${c.marketQuestions} market); ${summary.questionsAdded} added, ${summary.questionsUnchanged} already there`);
  console.log(`  resolved    ${c.resolved}`);
  console.log(`  forecasters ${c.forecasters} (${summary.forecastersCreated} new users, who cannot sign in)`);
  console.log(`  forecasts   ${c.forecasts}; ${summary.forecastsAdded} added, ${summary.forecastsUnchanged} already there`);
  console.log(`  clipped     ${summary.clipped} forecasts outside [0.001, 0.999] (${c.extremeForecasts} of them exactly 0 or 1): stored as given, clipped when scored`);
  if (c.combinationRowsSkipped > 0) console.log(`  skipped     ${c.combinationRowsSkipped} combination resolution rows`);
  if (c.forecastsSkipped > 0) console.log(`  skipped     ${c.forecastsSkipped} forecasts naming no question of the set`);
  if (c.marketsWithoutResolutionRows > 0)
    console.log(`  note        ${c.marketsWithoutResolutionRows} markets have no resolution row: closed at the market's close, unresolved`);
  console.log(`  data        ${FORECASTBENCH_ATTRIBUTION}`);
} catch (error) {
  progress.stop();
  if (error instanceof ImportConflictError) fail(["Nothing was imported:", ...error.problems.map((p) => `${p.path}: ${p.rule}`)]);
  fail([`Import failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`], 1);
}
