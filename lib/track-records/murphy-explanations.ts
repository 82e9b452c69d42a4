// Plain-language sentences for the Murphy decomposition of a Brier score (Murphy 1973;
// docs/formulas.md §9.5): Brier = reliability − resolution + uncertainty + residual.
import { formatNumber } from "@/lib/format/number";

export interface MurphyTerms {
  brier: number | null;
  reliability: number | null;
  resolution: number | null;
  uncertainty: number | null;
  residual: number | null;
}

export interface CalibrationBinCounts {
  n: number;
  observed: number | null;
}

export interface MurphyExplanation {
  term: keyof MurphyTerms;
  label: string;
  value: number | null;
  sentence: string;
}

function pct(x: number): string {
  return formatNumber(x, "probability");
}

function fmt(x: number): string {
  return formatNumber(x, "score");
}

/** ō = Σ_b n_b ō_b / Σ_b n_b, the (weighted) share of samples whose question resolved Yes; null without samples. */
export function baseRate(bins: readonly CalibrationBinCounts[]): number | null {
  let n = 0;
  let k = 0;
  for (const b of bins) {
    if (b.n <= 0 || b.observed === null) continue;
    n += b.n;
    k += b.n * b.observed;
  }
  return n > 0 ? k / n : null;
}

/**
 * One sentence per term, about `who` ("you", "this forecaster", "this method"). √REL is the
 * root-mean-square gap between a bin's mean forecast and its observed frequency, which reads
 * as "percentage points off"; the other terms are stated in Brier units (0–1).
 */
export function explainMurphyTerms(terms: MurphyTerms, bins: readonly CalibrationBinCounts[], who = "this forecaster"): MurphyExplanation[] {
  const rate = baseRate(bins);
  const none = `No resolved binary forecasts by ${who} in this selection.`;
  const { brier, reliability, resolution, uncertainty, residual } = terms;
  return [
    {
      term: "brier",
      label: "Brier score",
      value: brier,
      sentence:
        brier === null
          ? none
          : `The mean squared gap between ${who}'s forecasts and what happened: ${fmt(brier)} (0 is perfect, 0.25 is what always saying 50% earns).`,
    },
    {
      term: "reliability",
      label: "Reliability (lower is better)",
      value: reliability,
      sentence:
        reliability === null
          ? none
          : `Calibration error: within a bin, ${who}'s forecasts were on average about ${formatNumber(Math.sqrt(reliability) * 100, "decimal", { digits: 1 })} percentage points away from how often those events happened (0 is perfectly calibrated).`,
    },
    {
      term: "resolution",
      label: "Resolution (higher is better)",
      value: resolution,
      sentence:
        resolution === null
          ? none
          : resolution < 1e-12
            ? `The outcome rate was the same in every bin, so ${who}'s forecasts did not tell Yes questions from No questions apart.`
            : `How much the outcome rate differed between ${who}'s bins: ${fmt(resolution)}; the higher, the better the forecasts separated what happened from what didn't.`,
    },
    {
      term: "uncertainty",
      label: "Uncertainty (the questions, not the forecaster)",
      value: uncertainty,
      sentence:
        uncertainty === null || rate === null
          ? none
          : `How hard the questions were: ${pct(rate)} of these forecasts were on questions that resolved Yes, so guessing the base rate alone would score ${fmt(uncertainty)}; ${who} cannot change this term.`,
    },
    {
      term: "residual",
      label: "Residual (from binning)",
      value: residual,
      sentence:
        residual === null
          ? none
          : `What grouping forecasts into bins leaves over (forecasts in one bin are not all equal): ${fmt(residual)}; small values mean the bins summarise ${who}'s forecasts well.`,
    },
  ];
}
