"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SCENARIO_COLOURS } from "./ScenarioChart";
import { useClientRender } from "@/components/ui/use-client-render";

const HEIGHT = 240;

export interface SpreadBin {
  /** "0–10%" … "90–100%" */
  range: string;
  forecasters: number;
}

/** Ten 10-point bins of standing P(yes) percentages; 100 % falls in the last bin. */
export function binSpread(percents: readonly number[]): SpreadBin[] {
  const bins = Array.from({ length: 10 }, (_, b) => ({ range: `${b * 10}–${b * 10 + 10}%`, forecasters: 0 }));
  for (const p of percents) bins[Math.min(9, Math.max(0, Math.floor(p / 10 + 1e-9)))].forecasters += 1;
  return bins;
}

/** Binary: a histogram of everyone's standing P(yes). */
export function BinarySpreadChart({ percents }: { percents: number[] }) {
  const ready = useClientRender();
  if (!ready) return <div style={{ height: HEIGHT }} aria-hidden="true" />;
  const bins = binSpread(percents);
  return (
    <div style={{ width: "100%", height: HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" vertical={false} />
          <XAxis
            dataKey="range"
            interval={0}
            tick={{ fontSize: 11 }}
            label={{ value: "Standing P(yes), %", position: "insideBottom", offset: -14 }}
          />
          <YAxis
            allowDecimals={false}
            label={{ value: "Forecasters", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
            width={72}
          />
          <Tooltip formatter={(value) => [value, "Forecasters"]} />
          <Bar dataKey="forecasters" name="Forecasters" fill="#1f5fbf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** One dot per forecaster and scenario: x = that forecaster's standing probability in percent. */
export interface ScenarioSpreadPoint {
  scenario: number;
  percent: number;
  forecaster: string;
}

/** Scenario set: a dot strip per scenario of everyone's standing probabilities. */
export function ScenarioSpreadChart({ options, points }: { options: readonly string[]; points: ScenarioSpreadPoint[] }) {
  const ready = useClientRender();
  const height = Math.max(HEIGHT, 80 + options.length * 56);
  if (!ready) return <div style={{ height }} aria-hidden="true" />;
  return (
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
          <XAxis
            dataKey="percent"
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => `${v}%`}
            label={{ value: "Standing probability, %", position: "insideBottom", offset: -14 }}
          />
          <YAxis
            dataKey="scenario"
            type="number"
            domain={[-0.5, options.length - 0.5]}
            ticks={options.map((_, i) => i)}
            tickFormatter={(i: number) => options[i] ?? ""}
            reversed
            width={200}
            tick={{ fontSize: 11 }}
            label={{ value: "Scenario", angle: -90, position: "insideLeft", offset: 0 }}
          />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            formatter={(value, name) =>
              name === "scenario" ? [options[Number(value)] ?? "", "Scenario"] : [`${value}%`, "Probability"]
            }
          />
          {options.map((label, i) => (
            <Scatter
              key={i}
              name={label}
              data={points.filter((p) => p.scenario === i)}
              fill={SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]}
              fillOpacity={0.75}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
