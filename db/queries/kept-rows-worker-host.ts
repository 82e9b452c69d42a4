import { createRequire } from "node:module";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { KeptPopulation } from "@/db/schema/kept-scores";
import type { KeptQuestionRows, StartKeptRows } from "@/db/queries/kept-rows";
import type { KeptRowsJobData, KeptRowsMessage } from "@/db/queries/kept-rows-worker";

// A bulk import's kept rows computed on a second thread (kept-rows-worker.ts) while the import's own
// thread writes the forecasts: on the 1M file the crowd history sweep and the scoring take ~4 s of
// CPU that the second core does instead. SQLite stays on the importing thread (one connection, one
// transaction); only numbers cross. The import runs synchronously inside its transaction, so rows are
// taken with receiveMessageOnPort and Atomics.wait, not events. Used by the import CLIs only (the
// app never imports in bulk, and its bundle has no worker file to start).

/** Without a message for this long the worker counts as stuck: the importing thread computes the rest itself. */
const STALL_MS = 60_000;

/** The forecasts of every question in one set of arrays (kept-rows-worker.ts rebuilds them), so they cross without copying. */
function encodeJob(job: Parameters<StartKeptRows>[0]): { data: KeptRowsJobData; transfer: ArrayBuffer[] } {
  const forecasterIds: string[] = [];
  const forecasterIndex = new Map<string, number>();
  let forecasts = 0;
  let values = 0;
  for (const q of job.questions)
    for (const f of job.forecasts.get(q.id) ?? []) {
      forecasts++;
      values += f.probabilities.length;
    }
  const counts = new Int32Array(job.questions.length);
  const forecaster = new Int32Array(forecasts);
  const time = new Float64Array(forecasts);
  const width = new Int32Array(forecasts);
  const probabilities = new Float64Array(values);
  let i = 0;
  let v = 0;
  job.questions.forEach((q, qi) => {
    for (const f of job.forecasts.get(q.id) ?? []) {
      let index = forecasterIndex.get(f.forecaster);
      if (index === undefined) {
        index = forecasterIds.length;
        forecasterIds.push(f.forecaster);
        forecasterIndex.set(f.forecaster, index);
      }
      forecaster[i] = index;
      time[i] = f.time;
      width[i] = f.probabilities.length;
      for (const p of f.probabilities) probabilities[v++] = p;
      counts[qi]++;
      i++;
    }
  });
  const data = { questions: [...job.questions], botIds: [...job.botIds], forecasterIds, counts, forecaster, time, width, probabilities };
  return { data, transfer: [counts.buffer, forecaster.buffer, time.buffer, width.buffer, probabilities.buffer] as ArrayBuffer[] };
}

/**
 * The worker's first lines, plain JavaScript: load the TypeScript loader (tsx, as the CLIs run) and the
 * worker's module, and should either fail, say so at once instead of leaving the importing thread to wait.
 */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
try {
  require(workerData.loader);
  require(workerData.module);
} catch (error) {
  workerData.port.postMessage({ error: String(error && error.stack || error) });
  Atomics.add(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
}
`;

export const startKeptRowsWorker: StartKeptRows = (job) => {
  const { data, transfer } = encodeJob(job);
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { ...data, port: channel.port2, signal, loader: createRequire(__filename).resolve("tsx/cjs"), module: path.join(__dirname, "kept-rows-worker.ts") },
    transferList: [...transfer, channel.port2],
  });
  worker.unref();
  // (Its failures arrive as messages; an 'error' event left unheard would end the process.)
  worker.on("error", () => {});
  // Rows not yet taken, by population and question, and latest positions by question; the keys the
  // worker will deliver.
  const ready = new Map<string, KeptQuestionRows>();
  const expected = new Set<string>();
  const latestReady = new Map<string, number[]>();
  const latestExpected = new Set(job.questions.map((q) => q.id));
  const populations: KeptPopulation[] = job.botIds.size > 0 ? ["everyone", "people"] : ["everyone"];
  const keyOf = (questionId: string, population: KeptPopulation) => `${population}\u0000${questionId}`;
  for (const q of job.questions) for (const population of populations) expected.add(keyOf(q.id, population));
  let finished = false;
  let delivered = 0;
  let error: string | undefined;

  /** Takes the worker's next message, waiting for it; false once nothing more will come. */
  const pump = (): boolean => {
    const seen = Atomics.load(signal, 0);
    const received = receiveMessageOnPort(channel.port1);
    if (!received) {
      if (Atomics.wait(signal, 0, seen, STALL_MS) === "timed-out") finished = true;
      return !finished;
    }
    const message = received.message as KeptRowsMessage;
    if ("error" in message) error = message.error;
    if ("error" in message || "done" in message) finished = true;
    else {
      for (const [questionId, population, rows] of message.rows) ready.set(keyOf(questionId, population), rows);
      for (const [questionId, positions] of message.latest) latestReady.set(questionId, positions);
    }
    return !finished;
  };

  return {
    rowsOf(questionId, population) {
      const key = keyOf(questionId, population);
      if (!expected.has(key)) return undefined;
      while (!ready.has(key) && !finished) pump();
      const rows = ready.get(key);
      ready.delete(key);
      expected.delete(key);
      if (rows) delivered++;
      return rows;
    },
    latestOf(questionId) {
      if (!latestExpected.has(questionId)) return undefined;
      while (!latestReady.has(questionId) && !finished) pump();
      const positions = latestReady.get(questionId);
      latestReady.delete(questionId);
      latestExpected.delete(questionId);
      return positions;
    },
    close() {
      if (!finished && expected.size > 0) error ??= "closed before every question's rows were taken";
      finished = true;
      channel.port1.close();
      void worker.terminate();
      return { delivered, error };
    },
  };
};
