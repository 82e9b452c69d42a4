"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";
import { ChartLegend } from "./ChartLegend";
import { CROWD_COLOUR, OWN_COLOUR } from "./CrowdForecastChart";
import { SCENARIO_COLOURS } from "./ScenarioChart";
import { formatNumber } from "@/lib/format/number";
import { useClientRender } from "@/components/ui/use-client-render";
import type { ScenarioSpreadPoint, SpreadBin } from "./spread-bins";

const HEIGHT = 240;

const pct = (v: number) => formatNumber(v / 100, "probability", { digits: 0 });

/** Legend entries for the crowd and own marks that are drawn (values in percent). */
function markLegend(crowd: string | null, mine: string | null) {
  return [
    ...(crowd !== null ? [{ name: `Crowd forecast${crowd ? ` ${crowd}` : ""}`, colour: CROWD_COLOUR, shape: "line" as const }] : []),
    ...(mine !== null ? [{ name: `Your forecast${mine ? ` ${mine}` : ""}`, colour: OWN_COLOUR, shape: "dash" as const }] : []),
  ];
}

/** Binary: a histogram of everyone's standing P(yes) (binned on the server: spread-bins.ts), the crowd's and the viewer's P(yes) as vertical lines. */
export function BinarySpreadChart({ bins, crowd, mine }: { bins: SpreadBin[]; crowd: number | null; mine: number | null }) {
  const ready = useClientRender();
  if (!ready) return <div style={{ height: HEIGHT }} aria-hidden="true" />;
  return (
    <>
    <div style={{ width: "100%", height: HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins} margin={{ top: 8, right: 16, bottom: 24, left: 6 }} barCategoryGap={2}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" vertical={false} />
          <XAxis
            dataKey="mid"
            type="number"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tickFormatter={pct}
            label={{ value: "Standing P(yes)", position: "insideBottom", offset: -14 }}
          />
          <YAxis
            allowDecimals={false}
            label={{ value: "Forecasters", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
            width={56}
          />
          <Tooltip formatter={(value) => [value, "Forecasters"]} labelFormatter={(mid) => bins[Math.floor(Number(mid) / 10)]?.range ?? ""} />
          <Bar dataKey="forecasters" name="Forecasters" fill="#9bb7d6" isAnimationActive={false} />
          {crowd !== null ? <ReferenceLine x={crowd} stroke={CROWD_COLOUR} strokeWidth={3} ifOverflow="extendDomain" /> : null}
          {mine !== null ? <ReferenceLine x={mine} stroke={OWN_COLOUR} strokeWidth={3} strokeDasharray="6 3" ifOverflow="extendDomain" /> : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
    <ChartLegend
      items={markLegend(crowd === null ? null : formatNumber(crowd / 100, "probability"), mine === null ? null : formatNumber(mine / 100, "probability"))}
    />
    </>
  );
}

/**
 * Scenario set: a dot strip per scenario of everyone's standing probabilities, the crowd's value a
 * diamond and the viewer's a triangle. Scenario names wrap in a label column that is narrower on a
 * phone, so the plot keeps most of the width.
 */
export function ScenarioSpreadChart({
  options,
  points,
  crowd,
  mine,
}: {
  options: readonly string[];
  points: ScenarioSpreadPoint[];
  crowd: readonly number[] | null;
  mine: readonly number[] | null;
}) {
  const ready = useClientRender();
  const height = Math.max(HEIGHT, 80 + options.length * 56);
  if (!ready) return <div style={{ height }} aria-hidden="true" />;
  const labelWidth = window.innerWidth < 640 ? 96 : 180;
  const markData = (values: readonly number[] | null) => (values ?? []).map((percent, scenario) => ({ scenario, percent }));
  return (
    <>
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
          <XAxis
            dataKey="percent"
            type="number"
            domain={[0, 100]}
            ticks={labelWidth < 180 ? [0, 50, 100] : [0, 25, 50, 75, 100]}
            tickFormatter={pct}
            label={{ value: "Standing probability", position: "insideBottom", offset: -14 }}
          />
          <YAxis
            dataKey="scenario"
            type="number"
            domain={[-0.5, options.length - 0.5]}
            ticks={options.map((_, i) => i)}
            reversed
            width={labelWidth}
            tick={({ x, y, payload }: YAxisTickContentProps) => (
              <Text x={x} y={y} width={labelWidth - 8} textAnchor="end" verticalAnchor="middle" fontSize={11} maxLines={3}>
                {options[Number(payload.value)] ?? ""}
              </Text>
            )}
          />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            formatter={(value, name) =>
              name === "scenario" ? [options[Number(value)] ?? "", "Scenario"] : [pct(Number(value)), "Probability"]
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
          {crowd ? <Scatter name="Crowd forecast" data={markData(crowd)} shape="diamond" fill={CROWD_COLOUR} isAnimationActive={false} /> : null}
          {mine ? <Scatter name="Your forecast" data={markData(mine)} shape="triangle" fill={OWN_COLOUR} isAnimationActive={false} /> : null}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
    <ChartLegend
      items={[
        ...(crowd ? [{ name: "Crowd forecast (diamond)", colour: CROWD_COLOUR, shape: "dot" as const }] : []),
        ...(mine ? [{ name: "Your forecast (triangle)", colour: OWN_COLOUR, shape: "dot" as const }] : []),
      ]}
    />
    </>
  );
}
