"use client";

import { ResponsiveChart } from "./ResponsiveChart";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format/number";

export interface DiscriminationBinPoint {
  lo: number;
  hi: number;
  yes: number;
  no: number;
}

const pct = (x: number) => formatNumber(x, "probability", { digits: 0 });
const num = (x: number) => formatNumber(x, Number.isInteger(x) ? "count" : "decimal");

/**
 * Discrimination: forecasts on questions that resolved Yes and on those that resolved No, as two
 * histograms over the same probability bins. Good forecasters push Yes to the right, No to the left.
 */
export function DiscriminationChart({ bins, countLabel = "forecasts" }: { bins: DiscriminationBinPoint[]; countLabel?: string }) {
  const data = bins.map((b) => ({ ...b, label: `${pct(b.lo)}–${pct(b.hi)}` }));
  return (
    <ResponsiveChart height={300}>
      <BarChart data={data} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" label={{ value: "Forecast P(yes) bin (%)", position: "insideBottom", offset: -15 }} />
      <YAxis allowDecimals label={{ value: `Number of ${countLabel}`, angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
      <Tooltip formatter={(v, name) => [num(Number(v)), name]} />
      <Legend verticalAlign="top" />
      <Bar dataKey="yes" name="Resolved Yes" fill="#2e7d4f" isAnimationActive={false} />
      <Bar dataKey="no" name="Resolved No" fill="#b5483b" isAnimationActive={false} />
    </BarChart>
      </ResponsiveChart>
  );
}
