import { readCdf } from "../continuous/cdf";
import { outcomeValueProblem } from "../continuous/outcome-value";
import { scaleProblems } from "../continuous/scale-rules";
import type {
  ContinuousDatasetForecast,
  ContinuousDatasetQuestion,
  ContinuousOutcome,
  ContinuousQuestionType,
  ContinuousScale,
} from "../continuous/types";
import { exchangeTimeMs, readExchangeTime } from "./read-time";

// The numeric and date parts of a `forecast-desk/v1` document (docs/continuous.md "Exchange format"):
// a question's range, scale and bounds, its resolution, and a forecast's `cdf`. Called by read-v1.ts,
// which reads everything the question types share.

type JsonObject = Record<string, unknown>;
type Fail = (path: string, rule: string) => void;

function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** A value of the range as the question type has it: a finite number, or a time (epoch ms) on a date question. */
function readRangeEnd(raw: JsonObject, key: string, path: string, type: ContinuousQuestionType, fail: Fail): number | null {
  const value = raw[key];
  if (type === "numeric") {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      fail(`${path}.${key}`, "must be a finite number");
      return null;
    }
    return value;
  }
  if (typeof value !== "string") {
    fail(`${path}.${key}`, "must be a time like 2024-01-31T12:00:00Z");
    return null;
  }
  const read = readExchangeTime(value);
  if (!read.ok) {
    fail(`${path}.${key}`, `${read.rule}, got ${JSON.stringify(value)}`);
    return null;
  }
  return read.time;
}

/**
 * range_min, range_max (increasing, with a finite width), zero_point (numeric only, outside the range,
 * with r = (b − z)/(a − z) not 1), open_lower_bound, open_upper_bound, in that order. Null when any is
 * broken (each problem is reported).
 */
export function readContinuousScale(raw: JsonObject, path: string, type: ContinuousQuestionType, fail: Fail): ContinuousScale | null {
  let ok = true;
  const a = readRangeEnd(raw, "range_min", path, type, fail);
  const b = readRangeEnd(raw, "range_max", path, type, fail);
  if (a === null || b === null) ok = false;

  let zeroPoint: number | null = null;
  const z = has(raw, "zero_point") ? raw.zero_point : null;
  if (type === "date") {
    if (z !== null) {
      fail(`${path}.zero_point`, "must be null or absent on a date question (log scaling is for numeric questions only)");
      ok = false;
    }
  } else if (z !== null) {
    if (typeof z !== "number" || !Number.isFinite(z)) {
      fail(`${path}.zero_point`, "must be a finite number or null");
      ok = false;
    } else zeroPoint = z;
  }
  if (a !== null && b !== null) {
    // The shared rules (lib/continuous/scale-rules): the range, then the zero point against it.
    for (const problem of scaleProblems(type, a, b, zeroPoint)) {
      ok = false;
      switch (problem.code) {
        case "not_increasing":
          fail(`${path}.range_max`, "must be greater than range_min");
          break;
        case "infinite_width":
          fail(`${path}.range_max`, "must be within a finite distance of range_min");
          break;
        case "date_has_zero_point":
          break; // reported above, whatever its type
        case "inside_range":
          fail(`${path}.zero_point`, `must lie outside [range_min, range_max], got ${zeroPoint}`);
          break;
        case "ratio_one":
          fail(`${path}.zero_point`, `must give a log scale whose ratio (range_max − zero_point)/(range_min − zero_point) is not 1, got ${zeroPoint}`);
          break;
      }
    }
  }

  const bound = (key: string): boolean => {
    const value = raw[key];
    if (typeof value !== "boolean") {
      fail(`${path}.${key}`, "must be true or false");
      ok = false;
      return false;
    }
    return value;
  };
  const openLowerBound = bound("open_lower_bound");
  const openUpperBound = bound("open_upper_bound");
  if (!ok || a === null || b === null) return null;
  return { rangeMin: a, rangeMax: b, zeroPoint, openLowerBound, openUpperBound };
}

/** How a value is written in messages: a number as JSON, a date as its instant. */
function shown(type: ContinuousQuestionType, x: number): string {
  return type === "date" ? new Date(x).toISOString().replace(".000Z", "Z") : String(x);
}

/**
 * A resolution that is not null: a finite number (numeric) or a time (date), or "annulled". A value may
 * lie beyond a bound only when that bound is open, and with a zero point on the range's side of it.
 * Source of the bound rule: Metaculus serializers/common.py `validate_question_resolution`.
 */
export function readContinuousResolution(
  value: unknown,
  path: string,
  type: ContinuousQuestionType,
  scale: ContinuousScale | null,
  fail: Fail,
): ContinuousOutcome | null {
  const at = `${path}.resolution`;
  if (value === "annulled") return { kind: "annulled" };
  let x: number;
  if (type === "numeric") {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      fail(at, `must be a number, "annulled" or null, got ${JSON.stringify(value)}`);
      return null;
    }
    x = value;
  } else {
    if (typeof value !== "string") {
      fail(at, `must be a time, "annulled" or null, got ${JSON.stringify(value)}`);
      return null;
    }
    const read = readExchangeTime(value);
    if (!read.ok) {
      fail(at, `not a valid time (${read.rule}), got ${JSON.stringify(value)}`);
      return null;
    }
    x = read.time;
  }
  if (scale === null) return null; // the range's own problems are reported there
  switch (outcomeValueProblem(scale, x)) {
    case "below_closed_bound":
      fail(at, `${shown(type, x)} is below range_min, but the lower bound is closed`);
      return null;
    case "above_closed_bound":
      fail(at, `${shown(type, x)} is above range_max, but the upper bound is closed`);
      return null;
    case "beyond_zero_point":
      fail(at, `${x} is not on the range's side of zero_point ${scale.zeroPoint} (log scale)`);
      return null;
    case null:
      return { kind: "value", value: x };
  }
}

/**
 * A forecast on a numeric or date question once its shared keys (question, forecaster, time, rationale)
 * are read: `probability` and `probabilities` are errors, `cdf` must pass readCdf. Problems are
 * reported; null when there is any.
 */
export function readForecastCdf(raw: JsonObject, path: string, question: ContinuousDatasetQuestion, fail: Fail): Float64Array | null {
  for (const key of ["probability", "probabilities"]) {
    if (has(raw, key)) {
      fail(path, `a ${question.type} forecast takes "cdf", not "${key}"`);
      return null;
    }
  }
  const read = readCdf(raw.cdf, question.scale);
  if (read.ok) return read.cdf;
  fail(read.index === null ? `${path}.cdf` : `${path}.cdf[${read.index}]`, read.rule);
  return null;
}

/**
 * The forecast when it breaks no rule, checked without building paths (the common case); null when
 * anything is off, and read-v1's detailed reader then names every problem.
 */
export function readWellFormedCdfForecast(raw: JsonObject, question: ContinuousDatasetQuestion): ContinuousDatasetForecast | null {
  const { forecaster, time, rationale } = raw;
  if (typeof forecaster !== "string" || forecaster === "" || typeof time !== "string") return null;
  if (rationale !== undefined && rationale !== null && typeof rationale !== "string") return null;
  if (raw.probability !== undefined || raw.probabilities !== undefined) return null;
  const at = exchangeTimeMs(time);
  if (Number.isNaN(at)) return null;
  const read = readCdf(raw.cdf, question.scale);
  if (!read.ok) return null;
  return { question: question.id, forecaster, time: at, cdf: read.cdf, rationale: typeof rationale === "string" ? rationale : null };
}
