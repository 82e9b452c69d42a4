"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatLocalTime } from "@/components/forecast/LocalTime";
import { useClientRender } from "./use-client-render";

/** Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito palette). */
export const SCENARIO_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"];

/** One instant: `s0`, `s1`, … are each scenario's crowd probability in percent from then on. */
export type ScenarioRow = { time: number } & Record<string, number | null>;

const HEIGHT = 300;

/** The crowd forecast of a scenario set over time: one step line per scenario. */
export function ScenarioChart({
  options,
  rows,
  start,
  end,
}: {
  options: readonly string[];
  rows: ScenarioRow[];
  start: number;
  end: number;
}) {
  const ready = useClientRender();
  if (!ready) return <div style={{ height: HEIGHT }} aria-hidden="true" />;
  return (
    <div style={{ width: "100%", height: HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
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
            label={{ value: "Probability, %", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
            width={72}
          />
          <Tooltip
            labelFormatter={(t) => formatLocalTime(Number(t))}
            formatter={(value, name) => [value === null || value === undefined ? "—" : `${value}%`, name]}
          />
          <Legend verticalAlign="top" itemSorter={null} />
          {options.map((label, i) => (
            <Line
              key={i}
              name={label}
              dataKey={`s${i}`}
              type="stepAfter"
              stroke={SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
