import { type MessagePort, workerData } from "node:worker_threads";
import type { KeptPopulation } from "@/db/schema/kept-scores";
import { keptRowsByPopulation, type KeptQuestionRows } from "@/db/queries/kept-rows";
import { latestPositions } from "@/lib/standing-forecast";
import type { DiscreteQuestion, ForecastRecord } from "@/lib/types";

// The second thread of kept-rows-worker-host.ts: rebuilds each question's forecasts from the arrays it
// was handed, computes the question's kept rows (kept-rows.ts, the engine's numbers) and where its
// latest forecasts are (latestPositions), and sends them
// back a few questions at a time, waking the importing thread after each message.

export interface KeptRowsJobData {
  questions: DiscreteQuestion[];
  botIds: string[];
  forecasterIds: string[];
  /** Forecasts per question, in the order of `questions`; the forecasts themselves follow in that order. */
  counts: Int32Array;
  forecaster: Int32Array;
  time: Float64Array;
  /** How many probabilities each forecast has; they follow one another in `probabilities`. */
  width: Int32Array;
  probabilities: Float64Array;
}

export type KeptRowsMessage =
  | { rows: Array<[string, KeptPopulation, KeptQuestionRows]>; latest: Array<[string, number[]]> }
  | { error: string }
  | { done: true };

/**
 * Rows of about this many values go in one message: the importing thread can start on them while the
 * next are computed. Small, because the importing thread unpacks a whole message at once and holds it
 * until written, so every young-generation collection meanwhile copies it: with 60,000 values a
 * message, the 1M import's kept rows took 4.0–4.4 s of that thread, with 2,000–20,000 3.2–3.4 s.
 */
const VALUES_PER_MESSAGE = 10_000;

const { port, signal, ...job } = workerData as KeptRowsJobData & { port: MessagePort; signal: Int32Array };

function send(message: KeptRowsMessage): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

try {
  const botIds = new Set(job.botIds);
  let batch: Array<[string, KeptPopulation, KeptQuestionRows]> = [];
  let latest: Array<[string, number[]]> = [];
  let values = 0;
  let f = 0;
  let v = 0;
  job.questions.forEach((q, qi) => {
    const forecasts: ForecastRecord[] = new Array(job.counts[qi]);
    for (let i = 0; i < forecasts.length; i++, f++) {
      const probabilities: number[] = new Array(job.width[f]);
      for (let k = 0; k < probabilities.length; k++) probabilities[k] = job.probabilities[v++];
      forecasts[i] = { forecaster: job.forecasterIds[job.forecaster[f]], time: job.time[f], probabilities };
    }
    latest.push([q.id, latestPositions(forecasts)]);
    for (const { population, rows } of keptRowsByPopulation(q, forecasts, botIds)) {
      batch.push([q.id, population, rows]);
      values += rows.history.length + rows.scores.length + rows.crowd.length + rows.samples.length;
    }
    if (values >= VALUES_PER_MESSAGE) {
      send({ rows: batch, latest });
      batch = [];
      latest = [];
      values = 0;
    }
  });
  if (batch.length > 0) send({ rows: batch, latest });
  send({ done: true });
} catch (error) {
  send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
