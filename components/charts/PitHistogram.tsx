"use client";

import { ResponsiveChart } from "./ResponsiveChart";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format/number";

export interface PitHistogramBin {
  lo: number;
  hi: number;
  n: number;
  expected: number;
}

const pct = (x: number) => formatNumber(x, "probability", { digits: 0 });
const num = (x: number) => formatNumber(x, Number.isInteger(x) ? "count" : "decimal");

/**
 * PIT histogram: the weight of the forecasts whose PIT fell in each bin, against the dashed line of the
 * N/B a calibrated forecaster puts in every bin. Bars high in the middle: intervals too wide; high at
 * both ends: too narrow; high on one side: a bias.
 */
export function PitHistogram({ bins, countLabel = "forecasts" }: { bins: PitHistogramBin[]; countLabel?: string }) {
  const data = bins.map((b) => ({ ...b, label: `${pct(b.lo)}–${pct(b.hi)}` }));
  const expected = bins.length > 0 ? bins[0].expected : 0;
  return (
    <ResponsiveChart height={280}>
      <BarChart data={data} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval="preserveStartEnd" label={{ value: "PIT bin (%)", position: "insideBottom", offset: -15 }} />
        <YAxis allowDecimals label={{ value: `Number of ${countLabel}`, angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
        <Tooltip formatter={(v, name) => [num(Number(v)), name]} />
        <Bar dataKey="n" name={`Observed (${countLabel})`} fill="#2563a8" isAnimationActive={false} />
        <ReferenceLine y={expected} stroke="#b5483b" strokeDasharray="5 4" label={{ value: `expected ${num(expected)}`, position: "insideTopRight", fontSize: 11 }} />
      </BarChart>
    </ResponsiveChart>
  );
}
