// Writes a dataset as a forecast-desk/v1 document (docs/exchange-format.md §7). Keys come in a fixed order, times
// are written with toISOString(), and optional text keys are left out when empty. The desk's own
// question fields (resolution criteria and evidence, draft, the anchoring guard, illustrative) are
// written whenever the dataset has them, so an export carries everything the desk stores.
import type { Dataset, Outcome } from "@/lib/types";
import { continuousToV1Json, type V1CdfForecast, type V1ContinuousQuestion } from "./write-v1-continuous";

export interface V1Question {
  id: string;
  title: string;
  type: "binary" | "multiple_choice";
  options?: string[];
  description?: string;
  resolution_criteria?: string;
  tags: string[];
  open_time: string;
  close_time: string;
  resolve_by: string | null;
  resolve_time: string | null;
  resolution: string | null;
  resolution_evidence?: string;
  draft?: boolean;
  hide_crowd_until_forecast?: boolean;
  illustrative?: boolean;
}

export interface V1Forecast {
  question: string;
  forecaster: string;
  time: string;
  probability?: number;
  probabilities?: Record<string, number>;
  rationale: string | null;
}

export interface V1Document {
  format: "forecast-desk/v1";
  params: { extremize_d: number; calibration_bins: number };
  /** Binary and scenario questions, then numeric and date ones (write-v1-continuous.ts). */
  questions: Array<V1Question | V1ContinuousQuestion>;
  forecasts: Array<V1Forecast | V1CdfForecast>;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The v1 `resolution` string of an outcome: the option label, "annulled", or null. */
export function resolutionLabel(outcome: Outcome | null, options: readonly string[]): string | null {
  if (!outcome) return null;
  return outcome.kind === "annulled" ? "annulled" : options[outcome.option];
}

/** The forecast-desk/v1 object of a dataset; binary forecasts are written as P(yes). */
export function datasetToV1Json(dataset: Dataset): V1Document {
  if (dataset.continuous) return withContinuous(datasetToV1Json({ ...dataset, continuous: undefined }), dataset.continuous);
  const optionsById = new Map(dataset.questions.map((q) => [q.id, q.type === "binary" ? ["no", "yes"] : [...q.options]]));
  const binary = new Set(dataset.questions.filter((q) => q.type === "binary").map((q) => q.id));
  return {
    format: "forecast-desk/v1",
    params: { extremize_d: dataset.params.extremizeD, calibration_bins: dataset.params.calibrationBins },
    questions: dataset.questions.map((q) => {
      const options = optionsById.get(q.id)!;
      return {
        id: q.id,
        title: q.title,
        type: q.type,
        ...(q.type === "multiple_choice" ? { options } : {}),
        ...(q.description ? { description: q.description } : {}),
        ...(q.resolutionCriteria ? { resolution_criteria: q.resolutionCriteria } : {}),
        tags: [...q.tags],
        open_time: isoTime(q.openTime),
        close_time: isoTime(q.closeTime),
        resolve_by: q.resolveBy === null ? null : isoTime(q.resolveBy),
        resolve_time: q.outcome && q.resolveTime !== null ? isoTime(q.resolveTime) : null,
        resolution: resolutionLabel(q.outcome, options),
        ...(q.evidence ? { resolution_evidence: q.evidence } : {}),
        ...(q.isDraft !== undefined ? { draft: q.isDraft } : {}),
        ...(q.hideCrowdUntilForecast !== undefined ? { hide_crowd_until_forecast: q.hideCrowdUntilForecast } : {}),
        ...(q.isIllustrative !== undefined ? { illustrative: q.isIllustrative } : {}),
      };
    }),
    forecasts: dataset.forecasts.map((f) => {
      const options = optionsById.get(f.question);
      if (!options) throw new RangeError(`forecast on question ${f.question}, which the dataset does not contain`);
      const body = binary.has(f.question)
        ? { probability: f.probabilities[1] }
        : { probabilities: Object.fromEntries(options.map((label, k) => [label, f.probabilities[k]])) };
      return { question: f.question, forecaster: f.forecaster, time: isoTime(f.time), ...body, rationale: f.rationale };
    }),
  };
}

/** A document with the numeric and date questions and forecasts after the others. */
function withContinuous(doc: V1Document, continuous: NonNullable<Dataset["continuous"]>): V1Document {
  const added = continuousToV1Json(continuous);
  return { ...doc, questions: [...doc.questions, ...added.questions], forecasts: [...doc.forecasts, ...added.forecasts] };
}

/**
 * The text of a v1 document with one question or forecast per line (readable, diffable), in pieces so
 * a writer can stream it and report progress. The CLI export and the admin download write these bytes.
 */
export function* v1DocumentText(doc: V1Document): Generator<string> {
  yield `{"format": ${JSON.stringify(doc.format)},\n "params": ${JSON.stringify(doc.params)},\n "questions": [`;
  for (let i = 0; i < doc.questions.length; i++) yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(doc.questions[i])}`;
  yield `\n ],\n "forecasts": [`;
  for (let i = 0; i < doc.forecasts.length; i++) yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(doc.forecasts[i])}`;
  yield `\n ]}\n`;
}
