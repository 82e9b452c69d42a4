// Benchmark of the crowd's distribution over time on one busy numeric question (`npx tsx
// cli/bench-crowd-history.ts`): 10,000 CDF forecasts by 2,000 forecasters (5 each, at random times, the
// shape of the page benchmark's busy questions, cli/bench-dataset.ts) in a temporary SQLite file, against
// a binary question of the same shape, in one run. Prints times (median of 5) and their ratios; not a test.
// What the question page does for the crowd of each:
//   - binary: read the kept crowd history (10,000 points, db/queries/kept-scores listCrowdHistory's query)
//     and the standing forecasts (a window query), downsample to 500 points;
//   - numeric: read and decode the 10,000 stored CDFs (db/queries/continuous-forecasts) and compute the
//     history at the ≤ 500 drawn points (lib/continuous/crowd-history.ts) — on the first view after a
//     forecast; later views find it kept (db/queries/continuous-forecasts crowdDistributionHistory).
// Beside them: the numeric history at every change point (the CSV download), the binary history computed
// from the forecasts (crowdForecastSeries, as a desk that counts bots does), and poolCdfs afresh at the
// 500 drawn points (what the running sums avoid).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "../db/client";
import { crowdDistributionHistory, listContinuousForecasts } from "../db/queries/continuous-forecasts";
import { downsampleSteps } from "../lib/aggregation/crowd-series";
import { crowdForecastSeries } from "../lib/aggregation/crowd-forecast";
import { poolCdfs } from "../lib/continuous/aggregation";
import { encodeCdf } from "../lib/continuous/cdf-blob";
import { recencyWeightedMeanHistory } from "../lib/continuous/crowd-history";
import { logisticCdf } from "../lib/continuous/logistic-cdf";
import { countedForecasts, standingForecastsAt } from "../lib/standing-forecast";
import type { ForecastRecord, ScoringQuestion } from "../lib/types";
import { random } from "./bench-dataset";

const FORECASTERS = Number(process.env.BENCH_FORECASTERS || 2_000);
const UPDATES = 5;
const CHART_POINTS = 500;
const DAY = 86_400_000;

const rnd = random(13);
const open = Date.UTC(2026, 0, 1);
const close = open + 300 * DAY;
const blobs: Array<{ forecaster: string; time: number; blob: Uint8Array }> = [];
const binary: ForecastRecord[] = [];
for (let f = 0; f < FORECASTERS; f++) {
  for (let u = 0; u < UPDATES; u++) {
    const time = open + Math.floor(rnd() * (close - open));
    const cdf = logisticCdf(0.2 + rnd() * 0.6, 0.05 + rnd() * 0.2, 0, 0.001 + rnd() * 0.05);
    blobs.push({ forecaster: `f${f}`, time, blob: encodeCdf(cdf) });
    const p = Math.round((0.05 + rnd() * 0.9) * 1000) / 1000;
    binary.push({ forecaster: `f${f}`, time, probabilities: [1 - p, p] });
  }
}
const question: ScoringQuestion = {
  id: "busy",
  type: "binary",
  options: ["No", "Yes"],
  openTime: open,
  closeTime: close,
  resolveTime: null,
  outcome: null,
};

function median(run: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-crowd-history-"));
const sqlite = new Database(path.join(dir, "desk.db"));
sqlite.pragma("journal_mode = WAL");
sqlite.exec(`
  create table continuous_forecasts (id integer primary key autoincrement, question_id text not null, forecaster_id text not null,
    made_at integer not null, cdf blob not null, rationale text);
  create index continuous_forecasts_question_time_idx on continuous_forecasts (question_id, made_at, id);
  create table forecasts (id integer primary key autoincrement, question_id text not null, forecaster_id text not null,
    made_at integer not null, probabilities text not null, rationale text);
  create index forecasts_question_time_idx on forecasts (question_id, made_at, id);
  create table kept_crowd_history (question_id text not null, population text not null, method text not null, time integer not null,
    probabilities text not null, forecasters integer not null, primary key (question_id, population, method, time)) without rowid;`);
const db = drizzle(sqlite) as unknown as Db;
const insertCdf = sqlite.prepare("insert into continuous_forecasts (question_id, forecaster_id, made_at, cdf) values ('busy', ?, ?, ?)");
const insertP = sqlite.prepare("insert into forecasts (question_id, forecaster_id, made_at, probabilities) values ('busy', ?, ?, ?)");
const insertKept = sqlite.prepare("insert into kept_crowd_history values ('busy', 'everyone', 'recency_weighted_median', ?, ?, ?)");
sqlite.transaction(() => {
  blobs.forEach((b, i) => {
    insertCdf.run(b.forecaster, b.time, Buffer.from(b.blob));
    insertP.run(b.forecaster, b.time, JSON.stringify(binary[i].probabilities));
  });
  for (const p of crowdForecastSeries(question, binary, "recency_weighted_median", undefined, close)) insertKept.run(p.time, JSON.stringify(p.probabilities), p.forecasters);
})();

const binaryPage = () => {
  const rows = sqlite
    .prepare("select time, probabilities, forecasters from kept_crowd_history where question_id = ? and population = ? and method = ? and time <= ? order by time")
    .raw()
    .all("busy", "everyone", "recency_weighted_median", close) as Array<[number, string, number]>;
  const points = rows.map((r) => ({ time: r[0], probabilities: JSON.parse(r[1]) as number[], forecasters: r[2] }));
  sqlite
    .prepare(
      `select id, forecaster_id, made_at, probabilities from (select id, forecaster_id, made_at, probabilities,
         row_number() over (partition by forecaster_id order by made_at desc, id desc) as latest from forecasts where question_id = ? and made_at <= ?) where latest = 1`,
    )
    .all("busy", close);
  return downsampleSteps(points, CHART_POINTS);
};
const numericPage = () => recencyWeightedMeanHistory(open, listContinuousForecasts(db, "busy", close, "both"), CHART_POINTS);
const numericKept = () => crowdDistributionHistory(db, "busy", open, close, "both", CHART_POINTS);
const counted = listContinuousForecasts(db, "busy", close, "both");

const binaryMs = median(binaryPage);
const pageMs = median(numericPage);
numericKept();
const keptMs = median(numericKept);
const readMs = median(() => listContinuousForecasts(db, "busy", close, "both"));
const csvMs = median(() => recencyWeightedMeanHistory(open, counted));
const binarySeriesMs = median(() => crowdForecastSeries(question, countedForecasts(question, binary), "recency_weighted_median", undefined, close));
const drawn = recencyWeightedMeanHistory(open, counted, CHART_POINTS).points;
const afreshMs = median(() => {
  for (const p of drawn) poolCdfs(standingForecastsAt(counted, p.time).map((r) => r.cdf), "recency_weighted_mean");
});
sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });

const row = (label: string, ms: number) => console.log(`${label.padEnd(66)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / binaryMs).toFixed(2).padStart(6)} × binary`);
console.log(`One question, ${blobs.length.toLocaleString("en")} forecasts by ${FORECASTERS.toLocaleString("en")} forecasters (median of 5)`);
row("binary: kept crowd history + standing forecasts (the page's reads)", binaryMs);
row(`numeric: read + decode + crowd history at ≤ ${CHART_POINTS} points (the page's work)`, pageMs);
row("numeric: the same, kept between forecasts (a warm page view)", keptMs);
row("numeric: read + decode the 10,000 CDFs alone", readMs);
row("numeric: crowd history at every change point (CSV)", csvMs);
row("binary: crowd history computed from the forecasts", binarySeriesMs);
row(`numeric: poolCdfs afresh at the ${drawn.length} drawn points`, afreshMs);
