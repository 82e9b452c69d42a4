// Benchmark of the crowd's distribution over time on one busy numeric question (`npx tsx
// cli/bench-crowd-history.ts`): 10,000 CDF forecasts by 2,000 forecasters (5 each, at random times, the
// shape of the page benchmark's busy questions, cli/bench-dataset.ts), against the binary crowd history
// of the same shape, in one run. Prints times (median of 5) and their ratios; not a test.
//   - numeric, page: decode the stored CDFs + lib/continuous/crowd-history.ts at the ≤ 500 points drawn;
//   - numeric, CSV: every change point;
//   - numeric, afresh: poolCdfs over the standing forecasts at the 500 drawn points (what the sums avoid);
//   - binary: crowdForecastSeries (recency-weighted median in one sweep) over 10,000 probabilities.
import { performance } from "node:perf_hooks";
import { crowdForecastSeries } from "../lib/aggregation/crowd-forecast";
import { poolCdfs } from "../lib/continuous/aggregation";
import { decodeCdf, encodeCdf } from "../lib/continuous/cdf-blob";
import { recencyWeightedMeanHistory } from "../lib/continuous/crowd-history";
import { logisticCdf } from "../lib/continuous/logistic-cdf";
import type { ContinuousForecastRecord } from "../lib/continuous/types";
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

const decodeAll = (): ContinuousForecastRecord[] => blobs.map((b) => ({ forecaster: b.forecaster, time: b.time, cdf: decodeCdf(b.blob) }));
const counted = countedForecasts(question, decodeAll());

const binaryMs = median(() => crowdForecastSeries(question, binary, "recency_weighted_median", undefined, close));
const decodeMs = median(() => decodeAll());
const pageMs = median(() => recencyWeightedMeanHistory(open, countedForecasts(question, decodeAll()), CHART_POINTS));
const csvMs = median(() => recencyWeightedMeanHistory(open, counted));
const drawn = recencyWeightedMeanHistory(open, counted, CHART_POINTS).points;
const afreshMs = median(() => {
  for (const p of drawn) poolCdfs(standingForecastsAt(counted, p.time).map((r) => r.cdf), "recency_weighted_mean");
});

const row = (label: string, ms: number) => console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / binaryMs).toFixed(2).padStart(6)} × binary`);
console.log(`One question, ${blobs.length.toLocaleString("en")} forecasts by ${FORECASTERS.toLocaleString("en")} forecasters (median of 5)`);
row("binary crowd history (recency-weighted median, one sweep)", binaryMs);
row("numeric: decode the stored CDFs", decodeMs);
row(`numeric: decode + crowd history at ≤ ${CHART_POINTS} drawn points (page)`, pageMs);
row("numeric: crowd history at every change point (CSV)", csvMs);
row(`numeric: poolCdfs afresh at the ${drawn.length} drawn points`, afreshMs);
