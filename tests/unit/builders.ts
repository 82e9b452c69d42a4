import type { ForecastRecord, ScoringQuestion } from "@/lib/types";

// One-line builders for engine tests. Times are in days after 2024-01-01 unless given in ms.
export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1);
export const day = (d: number): number => T0 + d * DAY;

/** A binary forecast P(yes) = p by `who` at day `d`. */
export function F(who: string, d: number, p: number): ForecastRecord {
  return { forecaster: who, time: day(d), probabilities: [1 - p, p] };
}

/** A multiple-choice forecast. */
export function V(who: string, d: number, probabilities: number[]): ForecastRecord {
  return { forecaster: who, time: day(d), probabilities };
}

/** A binary question open days [0, close], resolved to `outcome` (null: unresolved) at `resolve`. */
export function Q(
  close: number,
  outcome: "yes" | "no" | "annulled" | null = null,
  resolve: number | null = null,
): ScoringQuestion {
  return {
    id: "q",
    type: "binary",
    options: ["no", "yes"],
    openTime: T0,
    closeTime: day(close),
    resolveTime: resolve === null ? null : day(resolve),
    outcome:
      outcome === null
        ? null
        : outcome === "annulled"
          ? { kind: "annulled" }
          : { kind: "option", option: outcome === "yes" ? 1 : 0 },
  };
}

/** A multiple-choice question with K options. */
export function MC(k: number, close: number, outcome: number | null = null, resolve: number | null = null): ScoringQuestion {
  return {
    id: "mc",
    type: "multiple_choice",
    options: Array.from({ length: k }, (_, i) => `option ${i}`),
    openTime: T0,
    closeTime: day(close),
    resolveTime: resolve === null ? null : day(resolve),
    outcome: outcome === null ? null : { kind: "option", option: outcome },
  };
}
