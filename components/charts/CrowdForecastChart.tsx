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
import { useClientRender } from "./use-client-render";

/** One instant on the chart: the crowd's P(yes) from then on, and/or the viewer's own forecast then. */
export interface CrowdForecastRow {
  time: number;
  /** Crowd P(yes) in percent, holding until the next row's crowd value (step function). */
  crowd: number | null;
  /** The viewer's own P(yes) in percent when they forecast at this instant. */
  own: number | null;
  forecasters: number | null;
}

export const CROWD_COLOUR = "#1f5fbf";
export const OWN_COLOUR = "#d9480f";

const HEIGHT = 280;

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
  const ready = useClientRender();
  if (!ready) return <div style={{ height: HEIGHT }} aria-hidden="true" />;
  const hasOwn = rows.some((r) => r.own !== null);
  return (
    <div style={{ width: "100%", height: HEIGHT }}>
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
            label={{ value: "P(yes), %", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
            width={72}
          />
          <Tooltip
            labelFormatter={(t) => formatLocalTime(Number(t))}
            formatter={(value, name) => [value === null || value === undefined ? "—" : `${value}%`, name]}
          />
          <Legend verticalAlign="top" height={28} itemSorter={null} />
          <Line
            name={crowdLabel}
            dataKey="crowd"
            type="stepAfter"
            stroke={CROWD_COLOUR}
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          {hasOwn ? (
            <Scatter name="Your forecasts" dataKey="own" fill={OWN_COLOUR} isAnimationActive={false} />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
