"use client";

import { ProbabilityOverTimeChart } from "./ProbabilityOverTimeChart";

/** One instant on the chart: the crowd's P(yes) from then on, and/or the viewer's own forecast then. */
// A type, not an interface: a type alias is assignable to ProbabilityRow's index signature.
export type CrowdForecastRow = {
  time: number;
  /** Crowd P(yes) in percent, holding until the next row's crowd value (step function). */
  crowd: number | null;
  /** The viewer's own P(yes) in percent when they forecast at this instant. */
  own: number | null;
  forecasters: number | null;
};

export const CROWD_COLOUR = "#1f5fbf";
export const OWN_COLOUR = "#d9480f";

/** The crowd forecast over time (a step line) with the viewer's own forecasts as points. */
export function CrowdForecastChart({
  rows,
  start,
  end,
  crowdLabel = "Crowd forecast",
}: {
  rows: CrowdForecastRow[];
  start: number;
  end: number;
  crowdLabel?: string;
}) {
  const hasOwn = rows.some((r) => r.own !== null);
  return (
    <ProbabilityOverTimeChart
      rows={rows}
      start={start}
      end={end}
      yLabel="P(yes), %"
      lines={[{ dataKey: "crowd", name: crowdLabel, colour: CROWD_COLOUR }]}
      points={hasOwn ? [{ dataKey: "own", name: "Your forecasts", colour: OWN_COLOUR }] : []}
      height={280}
    />
  );
}
