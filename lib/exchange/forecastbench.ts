// ForecastBench (Karger et al., "ForecastBench: A Dynamic Benchmark of AI Forecasting Capabilities",
// ICLR 2025; data CC BY-SA 4.0) → a forecast-desk/v1 document, following the loading rules of
// docs/forecastbench.md: one question per (dataset id, horizon) and per market id, every forecast made
// at the forecast due date, combination rows skipped. Forecasts keep their probabilities exactly as
// published (0 and 1 included); the engine clips them when it reads them.
import type { V1Document, V1Forecast, V1Question } from "@/lib/exchange/write-v1";
import { isClippedOnReading } from "@/lib/probability";
import { DEFAULT_SCORING_PARAMS } from "@/lib/types";

export const FORECASTBENCH_ATTRIBUTION = "ForecastBench (Karger et al., ICLR 2025), CC BY-SA 4.0";

/** The three files of one ForecastBench round, as parsed JSON. */
export interface ForecastBenchFiles {
  questionSet: unknown;
  forecasts: unknown;
  resolutionSet: unknown;
}

export interface ForecastBenchConversion {
  /** The round as forecast-desk/v1; resolution criteria (placeholders filled) in `resolution_criteria`. */
  document: V1Document;
  counts: {
    datasetQuestions: number;
    marketQuestions: number;
    resolved: number;
    forecasters: number;
    forecasts: number;
    /** Forecasts of exactly 0 or 1 (stored as given; the engine reads them clipped into [0.001, 0.999]). */
    extremeForecasts: number;
    /** Forecasts outside [0.001, 0.999], 0 and 1 included: those the engine clips (n_clipped_forecasts). */
    clippedForecasts: number;
    /** Resolution rows of combination questions (an id list), which no forecast here refers to. */
    combinationRowsSkipped: number;
    /** Forecast rows that name no question of the set (or a combination), left out. */
    forecastsSkipped: number;
    /** Market questions with no resolution row: closed at the market's own close time, unresolved. */
    marketsWithoutResolutionRows: number;
  };
}

/** A file that is not shaped as ForecastBench publishes it; `path` names the offending place. */
export class ForecastBenchFormatError extends Error {
  constructor(
    readonly path: string,
    readonly rule: string,
  ) {
    super(`${path}: ${rule}`);
    this.name = "ForecastBenchFormatError";
  }
}

interface FbQuestion {
  id: string;
  source: string;
  question: string;
  resolution_criteria?: string | null;
  background?: string | null;
  url?: string | null;
  freeze_datetime?: string | null;
  freeze_datetime_value?: string | null;
  freeze_datetime_value_explanation?: string | null;
  market_info_close_datetime?: string | null;
  resolution_dates: string[] | "N/A";
}

interface FbForecast {
  id: unknown;
  source: string;
  forecast: number;
  resolution_date: string | null;
  user_id: string;
  reasoning?: string | null;
}

interface FbResolution {
  id: unknown;
  source: string;
  resolution_date: string;
  resolved_to: number;
  resolved: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function rows<T>(file: unknown, fileName: string, key: string): T[] {
  const list = (file as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new ForecastBenchFormatError(`${fileName}.${key}`, "must be an array");
  return list as T[];
}

function dueDate(file: unknown, fileName: string): string {
  const date = (file as Record<string, unknown> | null)?.forecast_due_date;
  if (typeof date !== "string" || !DATE.test(date))
    throw new ForecastBenchFormatError(`${fileName}.forecast_due_date`, "must be a date YYYY-MM-DD");
  return date;
}

/** `2024-07-28` → `2024-07-28T00:00:00.000Z` (README: questions close and resolve at midnight UTC). */
function midnight(date: string, path: string): string {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new ForecastBenchFormatError(path, `must be a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return `${date}T00:00:00.000Z`;
}

function fillPlaceholders(text: string, forecastDueDate: string, resolutionDate: string): string {
  return text.replaceAll("{forecast_due_date}", forecastDueDate).replaceAll("{resolution_date}", resolutionDate);
}

const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "" && s !== "N/A";

/** Background, the reference value, the link and the attribution (the criteria go to their own field). */
function describe(q: FbQuestion, fill: (s: string) => string): string {
  const parts: string[] = [];
  if (present(q.background)) parts.push(fill(q.background.trim()));
  if (present(q.freeze_datetime_value)) {
    const on = present(q.freeze_datetime) ? ` on ${q.freeze_datetime.slice(0, 10)}` : "";
    const what = present(q.freeze_datetime_value_explanation) ? ` (${fill(q.freeze_datetime_value_explanation.trim())})` : "";
    parts.push(`Value${on}: ${q.freeze_datetime_value}${what}`);
  }
  if (present(q.url)) parts.push(`Source: ${q.url}`);
  parts.push(`From ${FORECASTBENCH_ATTRIBUTION}.`);
  return parts.join("\n\n");
}

function outcomeOf(row: FbResolution | undefined, path: string): "yes" | "no" | null {
  if (!row || row.resolved !== true) return null;
  if (row.resolved_to === 1) return "yes";
  if (row.resolved_to === 0) return "no";
  throw new ForecastBenchFormatError(path, `a resolved row must resolve to 0 or 1, got ${row.resolved_to}`);
}

/** Converts one ForecastBench round (question set, forecasts, resolution set) into forecast-desk/v1. */
export function convertForecastBench(files: ForecastBenchFiles): ForecastBenchConversion {
  const due = dueDate(files.questionSet, "question_set");
  const openTime = midnight(due, "question_set.forecast_due_date");
  const fbQuestions = rows<FbQuestion>(files.questionSet, "question_set", "questions");
  const fbForecasts = rows<FbForecast>(files.forecasts, "forecasts", "forecasts");
  const fbResolutions = rows<FbResolution>(files.resolutionSet, "resolution_set", "resolutions");

  let combinationRowsSkipped = 0;
  const resolutionByKey = new Map<string, FbResolution>(); // `${source}:${id}@${date}`
  const latestBySource = new Map<string, FbResolution>(); // `${source}:${id}`
  fbResolutions.forEach((r) => {
    if (typeof r.id !== "string") {
      combinationRowsSkipped++;
      return;
    }
    resolutionByKey.set(`${r.source}:${r.id}@${r.resolution_date}`, r);
    const key = `${r.source}:${r.id}`;
    const latest = latestBySource.get(key);
    if (!latest || r.resolution_date > latest.resolution_date) latestBySource.set(key, r);
  });

  const questions: V1Question[] = [];
  const counts = {
    datasetQuestions: 0,
    marketQuestions: 0,
    resolved: 0,
    forecasters: 0,
    forecasts: 0,
    extremeForecasts: 0,
    clippedForecasts: 0,
    combinationRowsSkipped,
    forecastsSkipped: 0,
    marketsWithoutResolutionRows: 0,
  };
  const push = (q: FbQuestion, id: string, closeTime: string, resolution: "yes" | "no" | null, kind: "dataset" | "market", title: string, fill: (s: string) => string) => {
    questions.push({
      id,
      title,
      type: "binary",
      description: describe(q, fill),
      ...(present(q.resolution_criteria) ? { resolution_criteria: fill(q.resolution_criteria.trim()) } : {}),
      tags: ["forecastbench", q.source, kind],
      open_time: openTime,
      close_time: closeTime,
      resolve_by: closeTime,
      resolve_time: resolution === null ? null : closeTime,
      resolution,
    });
    if (resolution !== null) counts.resolved++;
  };

  fbQuestions.forEach((q, i) => {
    const at = `question_set.questions[${i}]`;
    if (typeof q.id !== "string" || typeof q.source !== "string" || typeof q.question !== "string")
      throw new ForecastBenchFormatError(at, "needs string id, source and question");
    if (Array.isArray(q.resolution_dates)) {
      q.resolution_dates.forEach((date, k) => {
        const close = midnight(date, `${at}.resolution_dates[${k}]`);
        const fill = (s: string) => fillPlaceholders(s, due, date);
        const id = `${q.source}:${q.id}@${date}`;
        push(q, id, close, outcomeOf(resolutionByKey.get(id), `resolution_set (${id})`), "dataset", fill(q.question), fill);
        counts.datasetQuestions++;
      });
    } else {
      const id = `${q.source}:${q.id}`;
      const latest = latestBySource.get(id);
      let close: string;
      if (latest) close = midnight(latest.resolution_date, `resolution_set (${id})`);
      else {
        // Not covered by the README: no resolution row at all. Close when the market itself closes.
        const marketClose = Date.parse(q.market_info_close_datetime ?? "");
        if (Number.isNaN(marketClose))
          throw new ForecastBenchFormatError(`${at}.market_info_close_datetime`, "must be a time when no resolution row exists");
        close = new Date(marketClose).toISOString();
        counts.marketsWithoutResolutionRows++;
      }
      const fill = (s: string) => fillPlaceholders(s, due, close.slice(0, 10));
      push(q, id, close, outcomeOf(latest, `resolution_set (${id})`), "market", fill(q.question), fill);
      counts.marketQuestions++;
    }
  });

  const known = new Set(questions.map((q) => q.id));
  const forecasters = new Set<string>();
  const forecasts: V1Forecast[] = [];
  fbForecasts.forEach((f, i) => {
    const at = `forecasts.forecasts[${i}]`;
    if (typeof f.id !== "string") {
      counts.forecastsSkipped++;
      return;
    }
    const id = f.resolution_date ? `${f.source}:${f.id}@${f.resolution_date}` : `${f.source}:${f.id}`;
    if (!known.has(id)) {
      counts.forecastsSkipped++;
      return;
    }
    if (typeof f.forecast !== "number" || !(f.forecast >= 0 && f.forecast <= 1))
      throw new ForecastBenchFormatError(`${at}.forecast`, "must be a number in [0, 1]");
    if (typeof f.user_id !== "string" || f.user_id === "")
      throw new ForecastBenchFormatError(`${at}.user_id`, "must be a non-empty string");
    if (f.forecast === 0 || f.forecast === 1) counts.extremeForecasts++;
    if (isClippedOnReading("binary", [1 - f.forecast, f.forecast])) counts.clippedForecasts++;
    forecasters.add(f.user_id);
    forecasts.push({
      question: id,
      forecaster: f.user_id,
      time: openTime,
      probability: f.forecast,
      rationale: typeof f.reasoning === "string" && f.reasoning !== "" ? f.reasoning : null,
    });
  });
  counts.forecasts = forecasts.length;
  counts.forecasters = forecasters.size;

  return {
    document: {
      format: "forecast-desk/v1",
      params: { extremize_d: DEFAULT_SCORING_PARAMS.extremizeD, calibration_bins: DEFAULT_SCORING_PARAMS.calibrationBins },
      questions,
      forecasts,
    },
    counts,
  };
}
