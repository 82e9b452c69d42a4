"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface DiscriminationBinPoint {
  lo: number;
  hi: number;
  yes: number;
  no: number;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/**
 * Discrimination: forecasts on questions that resolved Yes and on those that resolved No, as two
 * histograms over the same probability bins. Good forecasters push Yes to the right, No to the left.
 */
export function DiscriminationChart({ bins, countLabel = "forecasts" }: { bins: DiscriminationBinPoint[]; countLabel?: string }) {
  const data = bins.map((b) => ({ ...b, label: `${pct(b.lo)}–${pct(b.hi)}` }));
  return (
    <BarChart width={560} height={300} data={data} margin={{ top: 10, right: 20, bottom: 30, left: 10 }} style={{ maxWidth: "100%" }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" label={{ value: "Forecast P(yes) bin (%)", position: "insideBottom", offset: -15 }} />
      <YAxis allowDecimals label={{ value: `Number of ${countLabel}`, angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
      <Tooltip formatter={(v, name) => [num(Number(v)), name]} />
      <Legend verticalAlign="top" />
      <Bar dataKey="yes" name="Resolved Yes" fill="#2e7d4f" isAnimationActive={false} />
      <Bar dataKey="no" name="Resolved No" fill="#b5483b" isAnimationActive={false} />
    </BarChart>
  );
}
