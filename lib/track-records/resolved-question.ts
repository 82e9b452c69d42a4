import type { ForecastRecord, ScoringQuestion } from "@/lib/types";

/**
 * A resolved question as the track-record pages feed it to the engine: the scoring fields plus
 * title and tags, and every forecast on it in input order (the engine decides which count).
 * The forecaster of each forecast is the forecaster's handle.
 */
export interface ResolvedQuestionInput {
  question: ScoringQuestion & { title: string; tags: readonly string[] };
  forecasts: ForecastRecord[];
}

/** Who a handle is, for display. */
export interface ForecasterName {
  handle: string;
  name: string;
}
