"use client";

import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatLocalTime } from "@/components/forecast/LocalTime";
import { useClientRender } from "@/components/ui/use-client-render";

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
 * is drawn as dots. Draws only in the browser (useClientRender), keeping its height meanwhile.
 */
export function ProbabilityOverTimeChart({
  rows,
  start,
  end,
  yLabel,
  lines,
  points = [],
  height,
  legendHeight,
}: {
  rows: ProbabilityRow[];
  start: number;
  end: number;
  yLabel: string;
  lines: readonly ProbabilitySeries[];
  points?: readonly ProbabilitySeries[];
  height: number;
  legendHeight?: number;
}) {
  const ready = useClientRender();
  if (!ready) return <div style={{ height }} aria-hidden="true" />;
  return (
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={[start, end]}
            tickFormatter={(t: number) => formatLocalTime(t, "date")}
            label={{ value: "Date (your local time)", position: "insideBottom", offset: -14 }}
            minTickGap={24}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => `${v}%`}
            label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
            width={72}
          />
          <Tooltip
            labelFormatter={(t) => formatLocalTime(Number(t))}
            formatter={(value, name) => [value === null || value === undefined ? "—" : `${value}%`, name]}
          />
          <Legend verticalAlign="top" height={legendHeight} itemSorter={null} />
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
  );
}
