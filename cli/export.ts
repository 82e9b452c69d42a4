// `npm run export -- <file.json>` (or `-` for standard output) or `npm run export -- --csv <folder>`: writes
// every question and forecast of DATABASE_PATH as forecast-desk/v1 (or questions.csv + forecasts.csv).
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { rowProgress } from "@/cli/progress-bar";
import { databasePath, openDb } from "@/db/client";
import { exportDataset } from "@/db/queries/exchange";
import { datasetToCsv } from "@/lib/exchange/csv";
import { datasetToV1Json, v1DocumentText } from "@/lib/exchange/write-v1";

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const program = new Command()
  .name("export")
  .description("Export every question and forecast as forecast-desk/v1 JSON, or as the two CSV files")
  .argument("[file.json]", "where to write the JSON document (- for standard output)")
  .option("--csv <folder>", "write questions.csv and forecasts.csv into this folder instead")
  .showHelpAfterError()
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .parse();

const target = program.args[0] as string | undefined;
const { csv } = program.opts<{ csv?: string }>();
if (target && csv) fail("usage: give either a JSON file or --csv <folder>, not both");
if (!target && !csv) fail("usage: npm run export -- <file.json> | --csv <folder>");

const file = databasePath();
if (!fs.existsSync(file)) fail(`no database at ${file} (set DATABASE_PATH)`);
const dataset = exportDataset(openDb(file));
const progress = rowProgress("Exporting", dataset.forecasts.length);
try {
  if (csv) {
    fs.mkdirSync(csv, { recursive: true });
    const files = datasetToCsv(dataset);
    fs.writeFileSync(path.join(csv, "questions.csv"), files.questions);
    fs.writeFileSync(path.join(csv, "forecasts.csv"), files.forecasts);
  } else {
    const out = target === "-" ? 1 : fs.openSync(target!, "w");
    let pieces = 0;
    const questionPieces = dataset.questions.length + 1;
    for (const piece of v1DocumentText(datasetToV1Json(dataset))) {
      fs.writeSync(out, piece);
      const forecastsWritten = ++pieces - questionPieces - 1;
      if (forecastsWritten > 0 && forecastsWritten % 1000 === 0) progress.update(forecastsWritten);
    }
    if (out !== 1) fs.closeSync(out);
  }
} catch (error) {
  progress.stop();
  fail(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 1);
}
progress.update(dataset.forecasts.length);
progress.stop();
const where = csv ? `${path.join(csv, "questions.csv")} and forecasts.csv` : target === "-" ? "standard output" : target;
console.error(`Exported ${dataset.questions.length} questions and ${dataset.forecasts.length} forecasts from ${file} to ${where}.`);
