"use client";

import { ResponsiveChart } from "./ResponsiveChart";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format/number";

export interface ExtremizingPoint {
  d: number;
  meanLogLoss: number;
}

/**
 * Mean log loss (−ln p_o, nats, lower is better) of the extremized pool at Ta over the resolved
 * binary questions, against the extremizing factor d; the fitted d and the default d marked.
 */
export function ExtremizingCurve({ curve, fittedD, defaultD }: { curve: ExtremizingPoint[]; fittedD: number | null; defaultD: number }) {
  return (
    <ResponsiveChart height={300}>
      <LineChart data={curve} margin={{ top: 24, right: 20, bottom: 30, left: 10 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis type="number" dataKey="d" domain={[0.5, 4]} ticks={[0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]} label={{ value: "Extremizing factor d (unitless)", position: "insideBottom", offset: -15 }} />
      <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => formatNumber(v, "score")} width={80} label={{ value: "Mean log loss (nats)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
      <Tooltip formatter={(v) => [formatNumber(Number(v), "score"), "Mean log loss (nats)"]} labelFormatter={(d) => `d = ${formatNumber(Number(d), "decimal")}`} />
      <ReferenceLine x={defaultD} stroke="#8a94a3" strokeDasharray="4 4" label={{ value: `default ${defaultD}`, position: "top", fontSize: 11 }} />
      {fittedD === null ? null : (
        <ReferenceLine x={fittedD} stroke="#b5483b" label={{ value: `fitted ${formatNumber(fittedD, "decimal")}`, position: "insideTopRight", fontSize: 11 }} />
      )}
      <Line dataKey="meanLogLoss" stroke="#2563a8" dot={{ r: 2 }} isAnimationActive={false} />
    </LineChart>
      </ResponsiveChart>
  );
}
