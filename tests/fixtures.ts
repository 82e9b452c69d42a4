import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Test fixtures that travel with the repository: the worked exchange examples with their expected
 * reports (tests/fixtures/exchange) and one public ForecastBench round (tests/fixtures/forecastbench,
 * CC BY-SA 4.0, gzip-compressed as published files are large).
 */
export const FIXTURES_DIR = path.resolve(__dirname, "fixtures");

export const exchangeFixture = (...parts: string[]): string =>
  path.join(FIXTURES_DIR, "exchange", ...parts);

/** The numeric and date examples (docs/continuous.md): two datasets with reports, and the validation cases. */
export const continuousFixture = (...parts: string[]): string =>
  path.join(FIXTURES_DIR, "continuous", ...parts);

/** What the scorer printed for each exchange example before numeric and date questions existed. */
export const scoreOutputFixture = (...parts: string[]): string =>
  path.join(FIXTURES_DIR, "score-output", ...parts);

export const FORECASTBENCH_DIR = path.join(FIXTURES_DIR, "forecastbench");

/** The three files of the round, in the order the importer takes them. */
export const FORECASTBENCH_FILES = [
  "2024-07-21-human.json.gz",
  "2024-07-21.ForecastBench.human_super_individual.json.gz",
  "2024-07-21_resolution_set.json.gz",
].map((name) => path.join(FORECASTBENCH_DIR, name));

/** One file of the round, parsed (name without the .gz suffix). */
export function readForecastBenchFile(name: string): unknown {
  const bytes = fs.readFileSync(path.join(FORECASTBENCH_DIR, `${name}.gz`));
  return JSON.parse(zlib.gunzipSync(bytes).toString("utf8"));
}
