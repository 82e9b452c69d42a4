"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

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
    <LineChart width={560} height={300} data={curve} margin={{ top: 10, right: 20, bottom: 30, left: 10 }} style={{ maxWidth: "100%" }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis type="number" dataKey="d" domain={[0.5, 4]} ticks={[0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]} label={{ value: "Extremizing factor d (unitless)", position: "insideBottom", offset: -15 }} />
      <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => v.toFixed(3)} label={{ value: "Mean log loss (nats)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
      <Tooltip formatter={(v) => [Number(v).toFixed(4), "Mean log loss (nats)"]} labelFormatter={(d) => `d = ${Number(d).toFixed(2)}`} />
      <ReferenceLine x={defaultD} stroke="#8a94a3" strokeDasharray="4 4" label={{ value: `default ${defaultD}`, position: "top", fontSize: 11 }} />
      {fittedD === null ? null : (
        <ReferenceLine x={fittedD} stroke="#b5483b" label={{ value: `fitted ${fittedD.toFixed(2)}`, position: "insideTopRight", fontSize: 11 }} />
      )}
      <Line dataKey="meanLogLoss" stroke="#2563a8" dot={{ r: 2 }} isAnimationActive={false} />
    </LineChart>
  );
}
