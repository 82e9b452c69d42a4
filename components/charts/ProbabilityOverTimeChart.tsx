"use client";

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useState } from "react";
import { ChartLegend } from "./ChartLegend";
import { timeAxis } from "./time-axis";
import { useClientRender } from "@/components/ui/use-client-render";
import { formatMoment, viewerTimeZone } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";

/** One series of the chart: `dataKey` names the row field holding a probability in percent. */
export interface ProbabilitySeries {
  dataKey: string;
  name: string;
  colour: string;
}

/** One instant on the chart: each series' value in percent (null: no value at this instant). */
export type ProbabilityRow = { time: number } & Record<string, number | null>;

/**
 * Probabilities (percent) over a time axis in the viewer's local time: each `lines` series is a step
 * line that holds until the next row (the crowd forecast is a step function), each `points` series
 * is drawn as dots. The time axis has calendar ticks (days, weeks, months or years in the viewer's
 * zone); the legend is HTML under the plot, so however many series wrap it never covers the plot.
 * Draws only in the browser (useClientRender), keeping its height meanwhile.
 */
export function ProbabilityOverTimeChart({
  rows,
  start,
  end,
  yLabel,
  lines,
  points = [],
  height,
}: {
  rows: ProbabilityRow[];
  start: number;
  end: number;
  yLabel: string;
  lines: readonly ProbabilitySeries[];
  points?: readonly ProbabilitySeries[];
  height: number;
}) {
  const ready = useClientRender();
  // As many calendar ticks as the plot's width holds labels ("Sep 2026" needs about 80 px): 2 on a phone, 5 wide.
  const [width, setWidth] = useState(560);
  if (!ready) return <div style={{ height }} aria-hidden="true" />;
  const zone = viewerTimeZone();
  const maxTicks = Math.max(2, Math.min(5, Math.floor((width - 96) / 80)));
  const legend = [...lines.map((s) => ({ ...s, shape: "line" as const })), ...points.map((s) => ({ ...s, shape: "dot" as const }))];
  return (
    <>
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
        <ComposedChart data={rows} margin={{ top: 8, right: 32, bottom: 24, left: 6 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
          <XAxis {...timeAxis(start, end, zone, maxTicks)} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => formatNumber(v / 100, "probability", { digits: 0 })}
            label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
            width={64}
          />
          <Tooltip
            labelFormatter={(t) => formatMoment(Number(t), "datetime", zone)}
            formatter={(value, name) => [value === null || value === undefined ? "—" : formatNumber(Number(value) / 100, "probability"), name]}
          />
          {lines.map((s) => (
            <Line
              key={s.dataKey}
              name={s.name}
              dataKey={s.dataKey}
              type="stepAfter"
              stroke={s.colour}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          {points.map((s) => (
            <Scatter key={s.dataKey} name={s.name} dataKey={s.dataKey} fill={s.colour} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
    <ChartLegend items={legend} />
    </>
  );
}
