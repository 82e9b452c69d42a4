import { forecastHistogram } from "@/lib/track-records/forecast-histograms";

// The binary spread histogram's bins, computed where the forecasts are (the server), so the browser
// gets ten counts instead of every standing forecast (components/charts/ForecastSpread.tsx draws them).

export interface SpreadBin {
  /** "0–10%" … "90–100%" */
  range: string;
  /** the bin's centre in percent (5, 15, … 95): where its bar stands on the number axis */
  mid: number;
  forecasters: number;
}

/**
 * Ten 10-point bins of standing P(yes) percentages (as shown: percentValue), counted by the calibration
 * charts' histogram (lib/track-records/forecast-histograms, the calibration bins); 100 % falls in the last bin.
 */
export function binSpread(percents: readonly number[]): SpreadBin[] {
  return forecastHistogram(
    percents.map((percent) => ({ p: percent / 100, y: 0, w: 1 })),
    10,
  ).map((bin, b) => ({ range: `${b * 10}–${b * 10 + 10}%`, mid: b * 10 + 5, forecasters: bin.n }));
}

/** One dot of the scenario spread: x = a standing probability in percent (as shown: one decimal). */
export interface ScenarioSpreadPoint {
  scenario: number;
  percent: number;
}

/**
 * The scenario spread's dots: every forecaster's standing probability per scenario, each position once
 * (dots at the same place draw as one), so a busy question sends at most 1,001 dots per scenario.
 */
export function scenarioSpreadDots(percentsByForecaster: ReadonlyArray<readonly number[]>): ScenarioSpreadPoint[] {
  const seen = new Set<string>();
  const dots: ScenarioSpreadPoint[] = [];
  for (const percents of percentsByForecaster)
    percents.forEach((percent, scenario) => {
      const key = `${scenario}:${percent}`;
      if (seen.has(key)) return;
      seen.add(key);
      dots.push({ scenario, percent });
    });
  return dots;
}
