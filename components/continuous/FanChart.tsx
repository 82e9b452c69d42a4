"use client";

import { Area, CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend } from "@/components/charts/ChartLegend";
import { timeAxis } from "@/components/charts/time-axis";
import { ResponsiveChart } from "@/components/charts/ResponsiveChart";
import { useClientRender } from "@/components/ui/use-client-render";
import { formatMoment, viewerTimeZone } from "@/lib/format/date";
import { valueAtLocation } from "@/lib/continuous/scale";
import { formatScaleValue, scaleTicks, type ContinuousQuestionView } from "./scale-display";

export const FAN_COLOUR = "#1f5fbf";
export const OWN_MEDIAN_COLOUR = "#d9480f";

/**
 * One instant of the fan chart, on the internal scale (0…1): the crowd's 5–95 % and 25–75 % bands and
 * median from then on (a step), and/or the viewer's own median when they forecast at this instant.
 */
export type FanRow = {
  time: number;
  band90: [number, number] | null;
  band50: [number, number] | null;
  median: number | null;
  own: number | null;
};

/** The crowd's median with its 50 % and 90 % central intervals over time, and the viewer's own medians as points. */
export function FanChart({ view, rows, start, end }: { view: ContinuousQuestionView; rows: FanRow[]; start: number; end: number }) {
  const ready = useClientRender();
  const height = 280;
  if (!ready) return <div style={{ height }} aria-hidden="true" />;
  const zone = viewerTimeZone();
  const valueTicks = scaleTicks(view);
  const label = (u: number) => formatScaleValue(view, valueAtLocation(view.scale, u));
  const hasOwn = rows.some((r) => r.own !== null);
  return (
    <>
      <ResponsiveChart height={height}>
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
          <XAxis {...timeAxis(start, end, zone, 4)} />
          <YAxis
            type="number"
            domain={[0, 1]}
            ticks={valueTicks.map((t) => t.location)}
            tickFormatter={(u: number) => valueTicks.find((t) => t.location === u)?.label ?? ""}
            width={72}
          />
          <Tooltip
            labelFormatter={(t) => formatMoment(Number(t), "datetime", zone)}
            formatter={(value, name) => [
              Array.isArray(value) ? `${label(Number(value[0]))} to ${label(Number(value[1]))}` : value === null || value === undefined ? "—" : label(Number(value)),
              name,
            ]}
          />
          <Area dataKey="band90" name="90% interval" type="stepAfter" stroke="none" fill={FAN_COLOUR} fillOpacity={0.15} connectNulls isAnimationActive={false} />
          <Area dataKey="band50" name="50% interval" type="stepAfter" stroke="none" fill={FAN_COLOUR} fillOpacity={0.3} connectNulls isAnimationActive={false} />
          <Line dataKey="median" name="Crowd median" type="stepAfter" stroke={FAN_COLOUR} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          {hasOwn ? (
            <Scatter data={rows.filter((r) => r.own !== null)} dataKey="own" name="Your median" fill={OWN_MEDIAN_COLOUR} isAnimationActive={false} />
          ) : null}
        </ComposedChart>
      </ResponsiveChart>
      <ChartLegend
        items={[
          { name: "Crowd median", colour: FAN_COLOUR, shape: "line" },
          { name: "50% interval", colour: "#a4bee5", shape: "band" },
          { name: "90% interval", colour: "#dde7f5", shape: "band" },
          ...(hasOwn ? [{ name: "Your median", colour: OWN_MEDIAN_COLOUR, shape: "dot" as const }] : []),
        ]}
      />
    </>
  );
}
