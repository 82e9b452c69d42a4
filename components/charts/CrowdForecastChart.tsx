"use client";

import { useMemo } from "react";
import { fromCrowdForecastColumns, type CrowdForecastColumns } from "./crowd-forecast-columns";
import { ProbabilityOverTimeChart } from "./ProbabilityOverTimeChart";

export const CROWD_COLOUR = "#1f5fbf";
export const OWN_COLOUR = "#d9480f";

/** The crowd forecast over time (a step line) with the viewer's own forecasts as points. */
export function CrowdForecastChart({
  columns,
  start,
  end,
  crowdLabel = "Crowd forecast",
}: {
  /** The points as columns (toCrowdForecastColumns). */
  columns: CrowdForecastColumns;
  start: number;
  end: number;
  crowdLabel?: string;
}) {
  const rows = useMemo(() => fromCrowdForecastColumns(columns), [columns]);
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
