"use client";

import { ProbabilityOverTimeChart, type ProbabilityRow } from "./ProbabilityOverTimeChart";

/** Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito palette). */
export const SCENARIO_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"];

/** One instant: `s0`, `s1`, … are each scenario's crowd probability in percent from then on. */
export type ScenarioRow = ProbabilityRow;

/**
 * The crowd forecast of a scenario set over time: one step line per scenario; with `withOwn`, the
 * viewer's own forecasts as dots in each scenario's colour (row fields o0, o1, …).
 */
export function ScenarioChart({
  options,
  rows,
  withOwn = false,
  start,
  end,
}: {
  options: readonly string[];
  rows: ScenarioRow[];
  withOwn?: boolean;
  start: number;
  end: number;
}) {
  return (
    <ProbabilityOverTimeChart
      rows={rows}
      start={start}
      end={end}
      yLabel="Probability, %"
      lines={options.map((label, i) => ({
        dataKey: `s${i}`,
        name: label,
        colour: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length],
      }))}
      points={
        withOwn
          ? options.map((label, i) => ({ dataKey: `o${i}`, name: `You: ${label}`, colour: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length] }))
          : []
      }
      height={300}
    />
  );
}
