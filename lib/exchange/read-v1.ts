import type { Dataset, DatasetForecast, Outcome, QuestionDetails, ScoringParams, ScoringQuestion } from "../types";
import { DEFAULT_SCORING_PARAMS } from "../types";
import { binaryVector } from "../probability";
import { isContinuousType, type ContinuousDatasetForecast, type ContinuousDatasetQuestion, type ContinuousScale } from "../continuous/types";
import { readContinuousResolution, readContinuousScale, readForecastCdf, readWellFormedCdfForecast } from "./read-continuous";
import { exchangeTimeMs, readExchangeTime } from "./read-time";

// Reads and validates a `forecast-desk/v1` document (docs/exchange-format.md). A document breaking any rule is
// rejected whole; every problem found is reported as a JSON path and the rule. Probabilities are kept
// as given (not clipped; docs/exchange-format.md §6.1 is applied by the scorer). Binary P(yes) = p becomes [1 − p, p].
// Numeric and date questions and their CDFs are read by read-continuous.ts (docs/continuous.md).

export interface DatasetReadError {
  path: string;
  rule: string;
}

export type DatasetReadResult = { ok: true; dataset: Dataset } | { ok: false; errors: DatasetReadError[] };

type JsonObject = Record<string, unknown>;

const FORMAT = "forecast-desk/v1";
const SUM_TOLERANCE = 0.0005;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function isProbability(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** A label inside `probabilities`, written in brackets and quotes (docs/exchange-format.md §5). */
function labelPath(base: string, label: string): string {
  return `${base}[${JSON.stringify(label)}]`;
}

type Question = ScoringQuestion & QuestionDetails;
/** A question of any type as read. */
type AnyQuestion = Question | ContinuousDatasetQuestion;

function isContinuousQuestion(q: AnyQuestion): q is ContinuousDatasetQuestion {
  return isContinuousType(q.type);
}

export function readDatasetV1(doc: unknown): DatasetReadResult {
  const errors: DatasetReadError[] = [];
  const fail = (path: string, rule: string): void => {
    errors.push({ path, rule });
  };
  if (!isObject(doc)) return { ok: false, errors: [{ path: "$", rule: "must be a JSON object" }] };

  if (!has(doc, "format")) fail("format", `is required and must be "${FORMAT}"`);
  else if (doc.format !== FORMAT) fail("format", `must be "${FORMAT}"`);

  const params: ScoringParams = { ...DEFAULT_SCORING_PARAMS };
  if (has(doc, "params")) {
    const raw = doc.params;
    if (!isObject(raw)) fail("params", "must be an object");
    else {
      if (has(raw, "extremize_d")) {
        if (typeof raw.extremize_d !== "number" || !Number.isFinite(raw.extremize_d)) {
          fail("params.extremize_d", "must be a finite number");
        } else params.extremizeD = raw.extremize_d;
      }
      if (has(raw, "calibration_bins")) {
        if (typeof raw.calibration_bins !== "number" || !Number.isInteger(raw.calibration_bins) || raw.calibration_bins < 1) {
          fail("params.calibration_bins", "must be an integer ≥ 1");
        } else params.calibrationBins = raw.calibration_bins;
      }
    }
  }

  const questions: Question[] = [];
  const continuousQuestions: ContinuousDatasetQuestion[] = [];
  // Questions by id; null marks an id whose type is unknown (its forecasts get no type checks).
  const byId = new Map<string, AnyQuestion | null>();
  const firstIndexOfId = new Map<string, number>();
  const invalidIds = new Set<string>(); // questions with errors: their forecasts are still checked, not kept
  if (!has(doc, "questions")) fail("questions", "is required (an array, may be empty)");
  else if (!Array.isArray(doc.questions)) fail("questions", "must be an array");
  else {
    doc.questions.forEach((raw: unknown, i: number) => {
      const path = `questions[${i}]`;
      const before = errors.length;
      const q = readQuestion(raw, path, fail);
      if (q && typeof q.id === "string") {
        const first = firstIndexOfId.get(q.id);
        if (first !== undefined) fail(`${path}.id`, `must be unique among the questions (questions[${first}] has "${q.id}")`);
        else firstIndexOfId.set(q.id, i);
      }
      if (q && q.id !== undefined && !byId.has(q.id)) {
        byId.set(q.id, q.type === undefined ? null : q);
        if (errors.length > before) invalidIds.add(q.id);
      }
      if (q && errors.length === before) {
        if (isContinuousQuestion(q)) continuousQuestions.push(q);
        else questions.push(q);
      }
    });
  }

  const forecasts: DatasetForecast[] = [];
  const continuousForecasts: ContinuousDatasetForecast[] = [];
  if (!has(doc, "forecasts")) fail("forecasts", "is required (an array, may be empty)");
  else if (!Array.isArray(doc.forecasts)) fail("forecasts", "must be an array");
  else {
    const list = doc.forecasts as unknown[];
    // One string per forecaster name, shared by all their forecasts: the scorer's lookups by name then
    // compare one string with itself, and the parsed copies can be collected.
    const names = new Map<string, string>();
    const binaryVectors: BinaryVectors = new Map();
    for (let i = 0; i < list.length; i++) {
      // Most forecasts are well formed: check those cheaply, and explain the rest in detail.
      const f =
        readWellFormedForecast(list[i], byId, invalidIds, binaryVectors) ?? readForecast(list[i], i, byId, invalidIds, fail);
      if (!f) continue;
      const name = names.get(f.forecaster);
      if (name === undefined) names.set(f.forecaster, f.forecaster);
      else f.forecaster = name;
      if ("cdf" in f) continuousForecasts.push(f);
      else forecasts.push(f);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const dataset: Dataset = { params, questions, forecasts };
  if (continuousQuestions.length > 0) dataset.continuous = { questions: continuousQuestions, forecasts: continuousForecasts };
  return { ok: true, dataset };
}

/** Reads one question; returns what could be read (with the id when it is valid), or null. */
function readQuestion(raw: unknown, path: string, fail: (path: string, rule: string) => void): AnyQuestion | null {
  if (!isObject(raw)) {
    fail(path, "must be an object");
    return null;
  }
  let id: string | undefined;
  if (!has(raw, "id")) fail(`${path}.id`, "is required");
  else if (typeof raw.id !== "string" || raw.id === "") fail(`${path}.id`, "must be a non-empty string");
  else id = raw.id;

  let title = "";
  if (!has(raw, "title")) fail(`${path}.title`, "is required");
  else if (typeof raw.title !== "string") fail(`${path}.title`, "must be a string");
  else title = raw.title;

  let type: AnyQuestion["type"] | undefined;
  const TYPES = '"binary", "multiple_choice", "numeric" or "date"';
  if (!has(raw, "type")) fail(`${path}.type`, `is required (${TYPES})`);
  else if (raw.type !== "binary" && raw.type !== "multiple_choice" && !isContinuousType(raw.type)) fail(`${path}.type`, `must be ${TYPES}`);
  else type = raw.type;
  const continuousType = isContinuousType(type) ? type : null;
  let scale: ContinuousScale | null = null;
  if (continuousType) scale = readContinuousScale(raw, path, continuousType, fail);

  let options: string[] = ["no", "yes"];
  if (type === "multiple_choice") {
    options = []; // stays empty while the options are unusable: forecasts then get no label checks
    if (!has(raw, "options")) fail(`${path}.options`, "is required on a multiple-choice question");
    else if (!Array.isArray(raw.options) || raw.options.length < 2) fail(`${path}.options`, "must be an array of at least 2 labels");
    else {
      const seen = new Set<string>();
      raw.options.forEach((label: unknown, j: number) => {
        if (typeof label !== "string" || label === "") fail(`${path}.options[${j}]`, "must be a non-empty string");
        else if (label === "annulled") fail(`${path}.options[${j}]`, 'must not be "annulled"');
        else if (seen.has(label)) fail(`${path}.options[${j}]`, `must be unique ("${label}" appears twice)`);
        else seen.add(label);
      });
      options = raw.options as string[];
    }
  }

  let description: string | null = null;
  if (has(raw, "description")) {
    if (typeof raw.description !== "string") fail(`${path}.description`, "must be a string");
    else description = raw.description;
  }
  let tags: string[] = [];
  if (has(raw, "tags")) {
    if (!Array.isArray(raw.tags)) fail(`${path}.tags`, "must be an array of strings");
    else {
      raw.tags.forEach((tag: unknown, j: number) => {
        if (typeof tag !== "string") fail(`${path}.tags[${j}]`, "must be a string");
      });
      tags = raw.tags as string[];
    }
  }

  // Fields the desk stores that scoring does not use (docs/exchange-format.md §3.2): each optional, kept only when given.
  const details: Partial<QuestionDetails> = {};
  const readText = (key: string): string | null | undefined => {
    if (!has(raw, key)) return undefined;
    const value = raw[key];
    if (value === null || typeof value === "string") return value;
    fail(`${path}.${key}`, "must be a string or null");
    return undefined;
  };
  const readFlag = (key: string): boolean | undefined => {
    if (!has(raw, key)) return undefined;
    const value = raw[key];
    if (typeof value === "boolean") return value;
    fail(`${path}.${key}`, "must be true or false");
    return undefined;
  };
  const criteria = readText("resolution_criteria");
  if (criteria !== undefined) details.resolutionCriteria = criteria;
  const evidence = readText("resolution_evidence");
  if (evidence !== undefined) details.evidence = evidence;
  const draft = readFlag("draft");
  if (draft !== undefined) details.isDraft = draft;
  const hideCrowd = readFlag("hide_crowd_until_forecast");
  if (hideCrowd !== undefined) details.hideCrowdUntilForecast = hideCrowd;
  const illustrative = readFlag("illustrative");
  if (illustrative !== undefined) details.isIllustrative = illustrative;

  const readTime = (key: string, required: boolean, nullable: boolean): number | null | undefined => {
    if (!has(raw, key)) {
      if (required) fail(`${path}.${key}`, "is required");
      return undefined;
    }
    const value = raw[key];
    if (value === null) {
      if (!nullable) fail(`${path}.${key}`, "must be a time, not null");
      return null;
    }
    if (typeof value !== "string") {
      fail(`${path}.${key}`, nullable ? "must be a time string or null" : "must be a time string");
      return undefined;
    }
    const parsed = readExchangeTime(value);
    if (!parsed.ok) {
      fail(`${path}.${key}`, parsed.rule);
      return undefined;
    }
    return parsed.time;
  };
  const openTime = readTime("open_time", true, false);
  const closeTime = readTime("close_time", true, false);
  const resolveBy = readTime("resolve_by", false, true);
  const resolveTime = readTime("resolve_time", false, true);
  if (typeof openTime === "number" && typeof closeTime === "number" && closeTime <= openTime) {
    fail(`${path}.close_time`, "must be later than open_time");
  }

  let outcome: Outcome | null = null;
  let continuousOutcome: ContinuousDatasetQuestion["outcome"] = null;
  if (continuousType && has(raw, "resolution") && raw.resolution !== null) {
    continuousOutcome = readContinuousResolution(raw.resolution, path, continuousType, scale, fail);
  } else if (has(raw, "resolution") && raw.resolution !== null) {
    const resolution = raw.resolution;
    if (typeof resolution !== "string") fail(`${path}.resolution`, "must be a string or null");
    else if (resolution === "annulled") outcome = { kind: "annulled" };
    else if (type === "binary") {
      if (resolution === "yes") outcome = { kind: "option", option: 1 };
      else if (resolution === "no") outcome = { kind: "option", option: 0 };
      else fail(`${path}.resolution`, 'must be "yes", "no" or "annulled" on a binary question');
    } else if (type === "multiple_choice") {
      const option = options.indexOf(resolution);
      if (option >= 0) outcome = { kind: "option", option };
      else fail(`${path}.resolution`, 'must be one of the options or "annulled"');
    }
  }
  const resolved = has(raw, "resolution") && raw.resolution !== null;
  if (!resolved && typeof resolveTime === "number") {
    fail(`${path}.resolve_time`, "must be null while resolution is null");
  }
  if (resolved && typeof resolveTime === "number" && typeof openTime === "number" && resolveTime <= openTime) {
    fail(`${path}.resolve_time`, "must be later than open_time");
  }

  if (id === undefined || type === undefined) return id === undefined ? null : ({ id } as Question);
  let unit: string | undefined;
  if (has(raw, "unit")) {
    if (typeof raw.unit !== "string") fail(`${path}.unit`, "must be a string");
    else if (continuousType !== "numeric" && raw.unit !== "") fail(`${path}.unit`, "must be absent or empty except on a numeric question");
    else if (raw.unit !== "") unit = raw.unit;
  }
  if (continuousType) {
    return {
      id,
      type: continuousType,
      ...(unit !== undefined ? { unit } : {}),
      // A broken scale is reported above; the question is then not kept, so this placeholder is never scored.
      scale: scale ?? { rangeMin: 0, rangeMax: 1, zeroPoint: null, openLowerBound: false, openUpperBound: false },
      openTime: openTime ?? 0,
      closeTime: closeTime ?? 0,
      resolveTime: typeof resolveTime === "number" ? resolveTime : null,
      outcome: continuousOutcome,
      ...details,
      title,
      description,
      tags,
      resolveBy: typeof resolveBy === "number" ? resolveBy : null,
    };
  }
  const discreteType = type as Question["type"]; // numeric and date returned above
  return {
    id,
    type: discreteType,
    options,
    openTime: openTime ?? 0,
    closeTime: closeTime ?? 0,
    resolveTime: typeof resolveTime === "number" ? resolveTime : null,
    outcome,
    title,
    description,
    tags,
    resolveBy: typeof resolveBy === "number" ? resolveBy : null,
    ...details,
  };
}

/**
 * The forecast when it breaks no rule (the common case, checked without building paths or closures);
 * null when anything is off, and readForecast then names every problem.
 */
/**
 * Binary vectors [1 − p, p] by p, shared by every forecast giving that P(yes) (a few hundred distinct
 * values usually, against a million forecasts: far less to allocate and collect). Shared vectors
 * are read-only, as every reader of a dataset already treats them.
 */
type BinaryVectors = Map<number, number[]>;
const MAX_SHARED_BINARY_VECTORS = 10_000;

function sharedBinaryVector(p: number, vectors: BinaryVectors): number[] {
  if (p === 0) return binaryVector(p); // a Map takes −0 for 0: keep the sign as given
  let vector = vectors.get(p);
  if (vector === undefined) {
    vector = binaryVector(p);
    if (vectors.size < MAX_SHARED_BINARY_VECTORS) vectors.set(p, vector);
  }
  return vector;
}

function readWellFormedForecast(
  raw: unknown,
  byId: ReadonlyMap<string, AnyQuestion | null>,
  invalidIds: ReadonlySet<string>,
  binaryVectors: BinaryVectors,
): DatasetForecast | ContinuousDatasetForecast | null {
  if (!isObject(raw)) return null;
  const { question: id, forecaster, time, rationale } = raw;
  if (typeof id !== "string" || typeof forecaster !== "string" || forecaster === "" || typeof time !== "string") return null;
  if (rationale !== undefined && rationale !== null && typeof rationale !== "string") return null;
  const question = byId.get(id);
  if (!question || (invalidIds.size > 0 && invalidIds.has(id))) return null;
  if (isContinuousQuestion(question)) return readWellFormedCdfForecast(raw, question);
  if (raw.cdf !== undefined) return null;
  const at = exchangeTimeMs(time);
  if (Number.isNaN(at)) return null;
  let probabilities: number[];
  if (question.type === "binary") {
    const p = raw.probability;
    if (raw.probabilities !== undefined || !isProbability(p)) return null;
    probabilities = sharedBinaryVector(p, binaryVectors);
  } else {
    const given = raw.probabilities;
    if (raw.probability !== undefined || !isObject(given) || question.options.length < 2) return null;
    const options = question.options;
    let keys = 0;
    for (const key in given) if (has(given, key)) keys++;
    if (keys !== options.length) return null;
    probabilities = new Array<number>(options.length);
    let sum = 0;
    for (let k = 0; k < options.length; k++) {
      const p = has(given, options[k]) ? given[options[k]] : undefined;
      if (!isProbability(p)) return null;
      probabilities[k] = p;
      sum += p;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE + 1e-12) return null;
  }
  return { question: question.id, forecaster, time: at, probabilities, rationale: typeof rationale === "string" ? rationale : null };
}

function readForecast(
  raw: unknown,
  i: number,
  byId: ReadonlyMap<string, AnyQuestion | null>,
  invalidIds: ReadonlySet<string>,
  fail: (path: string, rule: string) => void,
): DatasetForecast | ContinuousDatasetForecast | null {
  const path = `forecasts[${i}]`;
  if (!isObject(raw)) {
    fail(path, "must be an object");
    return null;
  }
  let ok = true;
  const reject = (p: string, rule: string): void => {
    ok = false;
    fail(p, rule);
  };
  let question: AnyQuestion | null | undefined;
  if (!has(raw, "question")) reject(`${path}.question`, "is required");
  else if (typeof raw.question !== "string") reject(`${path}.question`, "must be a string (a question id)");
  else {
    question = byId.get(raw.question);
    if (question === undefined) reject(`${path}.question`, `must be the id of a question in this document (no "${raw.question}")`);
    else if (question === null || invalidIds.has(raw.question)) ok = false; // its errors are reported there
  }
  if (!has(raw, "forecaster")) reject(`${path}.forecaster`, "is required");
  else if (typeof raw.forecaster !== "string" || raw.forecaster === "") reject(`${path}.forecaster`, "must be a non-empty string");

  let time = 0;
  if (!has(raw, "time")) reject(`${path}.time`, "is required");
  else if (typeof raw.time !== "string") reject(`${path}.time`, "must be a time string");
  else {
    const parsed = readExchangeTime(raw.time);
    if (parsed.ok) time = parsed.time;
    else reject(`${path}.time`, parsed.rule);
  }

  let rationale: string | null = null;
  if (has(raw, "rationale") && raw.rationale !== null) {
    if (typeof raw.rationale !== "string") reject(`${path}.rationale`, "must be a string or null");
    else rationale = raw.rationale;
  }

  let probabilities: number[] = [];
  let cdf: Float64Array | null = null;
  if (question && isContinuousQuestion(question)) {
    // A question with errors may have no usable range: its forecasts' CDFs are not checked against it.
    if (!invalidIds.has(question.id)) cdf = readForecastCdf(raw, path, question, reject);
  } else if (question && has(raw, "cdf")) {
    reject(path, question.type === "binary" ? 'a binary forecast takes "probability", not "cdf"' : 'a multiple-choice forecast takes "probabilities", not "cdf"');
  } else if (question) {
    if (question.type === "binary") {
      if (has(raw, "probabilities")) reject(`${path}.probabilities`, "must not be given on a binary question (use probability)");
      if (!has(raw, "probability")) reject(`${path}.probability`, "is required on a binary question");
      else if (!isProbability(raw.probability)) reject(`${path}.probability`, "must be a number in [0, 1]");
      else probabilities = [1 - raw.probability, raw.probability];
    } else if (question.options.length >= 2) {
      if (has(raw, "probability")) reject(`${path}.probability`, "must not be given on a multiple-choice question (use probabilities)");
      if (!has(raw, "probabilities")) reject(`${path}.probabilities`, "is required on a multiple-choice question");
      else if (!isObject(raw.probabilities)) reject(`${path}.probabilities`, "must be an object mapping each option to a probability");
      else {
        const given = raw.probabilities;
        const base = `${path}.probabilities`;
        let complete = true;
        for (const label of Object.keys(given)) {
          if (!question.options.includes(label)) {
            reject(labelPath(base, label), "is not an option of this question");
            complete = false;
          }
        }
        let sum = 0;
        for (const label of question.options) {
          if (!has(given, label)) {
            reject(labelPath(base, label), "is required (every option needs a probability)");
            complete = false;
          } else if (!isProbability(given[label])) {
            reject(labelPath(base, label), "must be a number in [0, 1]");
            complete = false;
          } else {
            probabilities.push(given[label] as number);
            sum += given[label] as number;
          }
        }
        if (complete && Math.abs(sum - 1) > SUM_TOLERANCE + 1e-12) reject(base, `must sum to 1 (within ${SUM_TOLERANCE})`);
      }
    }
  }
  if (!ok || !question) return null;
  if (cdf !== null) return { question: question.id, forecaster: raw.forecaster as string, time, cdf, rationale };
  return {
    question: question.id,
    forecaster: raw.forecaster as string,
    time,
    probabilities,
    rationale,
  };
}
