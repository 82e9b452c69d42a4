// The generated forecast-desk/v1 datasets of the benchmarks: the scorer's (`npm run bench`, 2023–2024
// questions) and the page benchmark's live desks (`npm run bench:pages`, some questions open now and
// two busy ones). Deterministic PRNG, so every run writes the same file for a seed and shape.
import fs from "node:fs";
import { logisticCdf } from "@/lib/continuous/logistic-cdf";

export const FORECASTERS = 2_000;
const FORECASTERS_PER_QUESTION = 200;
const UPDATES_PER_FORECASTER = 5;
export const DAY = 86_400_000;

/** Deterministic PRNG (mulberry32) so every run scores the same files. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const iso = (ms: number) => new Date(ms).toISOString();
const round3 = (p: number) => Math.round(p * 1000) / 1000;

/**
 * Streams a forecast-desk/v1 file: the head (format, params, questions) at once, then the forecast
 * records (JSON text) in batches, so a large dataset never sits in memory as one string.
 */
export function datasetWriter(file: string, questionsJson: string): { push(record: string): void; close(): number } {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, `{"format":"forecast-desk/v1","params":{"extremize_d":1.5,"calibration_bins":10},"questions":${questionsJson},"forecasts":[`);
  let count = 0;
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length === 0) return;
    fs.writeSync(fd, (count > buffer.length ? "," : "") + buffer.join(","));
    buffer = [];
  };
  return {
    push(record: string) {
      buffer.push(record);
      count++;
      if (buffer.length >= 5_000) flush();
    },
    close() {
      flush();
      fs.writeSync(fd, "]}\n");
      fs.closeSync(fd);
      return count;
    },
  };
}

export interface DeskShape {
  /**
   * Make a live desk around this instant (epoch ms): every tenth question (ids ending in 1) is open
   * at `now` (opened 30–200 days before, closes 30–300 days after, forecasts made before `now`).
   * Without it every question lies in 2023–2024, as the scorer benchmark has always used.
   */
  now?: number;
  /** Forecasters on the two busiest questions (q-00000 and q-00001), instead of 200. */
  busyForecasters?: number;
}

/**
 * Writes a dataset of `questions` questions × 200 forecasters × 5 updates (the two first questions
 * with `busyForecasters` when given); returns its forecast count. Deterministic for a seed and shape.
 */
export function writeDataset(file: string, questions: number, seed: number, shape: DeskShape = {}): number {
  const rnd = random(seed);
  const start = Date.UTC(2023, 0, 1);
  const questionSpecs: Array<{ id: string; open: number; close: number; options: string[] | null; forecasters: number }> = [];
  const parts: string[] = [];
  for (let i = 0; i < questions; i++) {
    const live = shape.now !== undefined && i % 10 === 1;
    let open = start + Math.floor(rnd() * 365) * DAY;
    let close = open + (30 + Math.floor(rnd() * 300)) * DAY;
    if (live) {
      open = shape.now! - (30 + (i % 170)) * DAY;
      close = shape.now! + (30 + (i % 270)) * DAY;
    }
    const options = rnd() < 0.2 ? ["Gas market", "Currency", "Customs code", "None"].slice(0, 3 + Math.floor(rnd() * 2)) : null;
    const roll = rnd();
    let resolution = roll < 0.7 ? (options ? options[Math.floor(rnd() * options.length)] : rnd() < 0.4 ? "yes" : "no") : roll < 0.75 ? "annulled" : null;
    let resolveTime = resolution === null ? null : rnd() < 0.3 ? open + Math.floor(rnd() * (close - open)) : close + DAY;
    if (live) {
      resolution = null;
      resolveTime = null;
    }
    const q: Record<string, unknown> = {
      id: `q-${String(i).padStart(5, "0")}`,
      title: `Benchmark question ${i}`,
      type: options ? "multiple_choice" : "binary",
      open_time: iso(open),
      close_time: iso(close),
      resolve_time: resolveTime === null ? null : iso(resolveTime),
      resolution,
    };
    if (options) q.options = options;
    const forecasters = shape.busyForecasters !== undefined && i < 2 ? shape.busyForecasters : FORECASTERS_PER_QUESTION;
    // Forecasts of a live question are all made before `now`.
    questionSpecs.push({ id: q.id as string, open, close: live ? shape.now! - 1 : close, options, forecasters });
    parts.push(JSON.stringify(q));
  }
  const out = datasetWriter(file, `[${parts.join(",")}]`);
  for (const q of questionSpecs) {
    const firstForecaster = Math.floor(rnd() * FORECASTERS);
    const truth = rnd();
    for (let f = 0; f < q.forecasters; f++) {
      const forecaster = `forecaster-${(firstForecaster + f * (q.forecasters > FORECASTERS_PER_QUESTION ? 1 : 7)) % FORECASTERS}`;
      const skill = rnd();
      for (let u = 0; u < UPDATES_PER_FORECASTER; u++) {
        // Mostly inside the window; a few before open or after close.
        const time = Math.min(q.open + Math.floor((rnd() * 1.1 - 0.05) * (q.close - q.open)), shape.now === undefined ? Infinity : shape.now - 1);
        const record: Record<string, unknown> = { question: q.id, forecaster, time: iso(time) };
        if (q.options) {
          const raw = q.options.map(() => rnd() + 0.01);
          const sum = raw.reduce((s, x) => s + x, 0);
          const probabilities: Record<string, number> = {};
          let used = 0;
          q.options.forEach((label, k) => {
            const p = k === q.options!.length - 1 ? round3(1 - used) : round3(raw[k] / sum);
            used += p;
            probabilities[label] = p;
          });
          record.probabilities = probabilities;
        } else {
          record.probability = Math.min(1, Math.max(0, round3(truth * skill + rnd() * (1 - skill))));
        }
        out.push(JSON.stringify(record));
      }
    }
  }
  return out.close();
}


/** The ids of the two questions of writePairDataset. */
export const PAIR_QUESTIONS = { binary: "pair-binary", numeric: "pair-numeric" } as const;

/**
 * The page benchmark's pair (docs/continuous.md; issue 13 item 6): one binary and one numeric question,
 * both open at `now`, each with `forecasters` × 5 forecasts made before `now` (10,000 by default). The
 * numeric question's CDFs are logistic (lib/continuous/logistic-cdf), 10 decimals as Metaculus stores
 * them. Returns the forecast count; deterministic for a seed.
 */
export function writePairDataset(file: string, seed: number, now: number, forecasters = 2_000): number {
  const rnd = random(seed);
  const open = now - 60 * DAY;
  const close = now + 60 * DAY;
  const common = { open_time: iso(open), close_time: iso(close), resolve_time: null, resolution: null };
  const questions = [
    { id: PAIR_QUESTIONS.binary, title: "Benchmark pair: a binary question", type: "binary", ...common },
    {
      id: PAIR_QUESTIONS.numeric,
      title: "Benchmark pair: a numeric question (USD per 1,000 m³)",
      type: "numeric",
      range_min: 100,
      range_max: 200,
      zero_point: null,
      open_lower_bound: false,
      open_upper_bound: true,
      ...common,
    },
  ];
  const out = datasetWriter(file, JSON.stringify(questions));
  for (const question of questions)
    for (let f = 0; f < forecasters; f++)
      for (let u = 0; u < UPDATES_PER_FORECASTER; u++) {
        const time = iso(open + Math.floor(rnd() * (now - 1 - open)));
        const head = `{"question":"${question.id}","forecaster":"forecaster-${f}","time":"${time}"`;
        if (question.type === "binary") out.push(`${head},"probability":${round3(0.05 + 0.9 * rnd())}}`);
        else out.push(`${head},"cdf":[${Array.from(logisticCdf(0.2 + 0.6 * rnd(), 0.05 + 0.2 * rnd(), 0, 0.01 + 0.05 * rnd())).join(",")}]}`);
      }
  return out.close();
}
