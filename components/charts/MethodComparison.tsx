"use client";

import { ResponsiveChart } from "./ResponsiveChart";
import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format/number";

export interface MethodDifferencePoint {
  /** Short axis label. */
  label: string;
  /** Full name, for the tooltip. */
  name: string;
  /** Mean paired difference in Brier from the default method (negative: better than the default). */
  mean: number;
  lo: number | null;
  hi: number | null;
  n: number;
}

function DifferenceTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: MethodDifferencePoint }> }) {
  if (!active || !payload?.length) return null;
  const p = payload[0].payload;
  return (
    <div style={{ background: "#fff", border: "1px solid #c5ccd4", padding: "0.4rem 0.6rem", fontSize: "0.85rem" }}>
      <div>
        <strong>{p.name}</strong>
      </div>
      <div>Mean Brier difference: {formatNumber(p.mean, "score", { signed: true })}</div>
      <div>95% interval: {p.lo === null || p.hi === null ? "n/a (fewer than 2 questions)" : `${formatNumber(p.lo, "score", { signed: true })} to ${formatNumber(p.hi, "score", { signed: true })}`}</div>
      <div>Questions: {p.n}</div>
    </div>
  );
}

/** Paired difference in Brier of each method from the default, with its 95% paired t-interval. */
export function MethodComparison({ points }: { points: MethodDifferencePoint[] }) {
  const data = points.map((p) => ({ ...p, error: p.lo === null || p.hi === null ? [0, 0] : [p.mean - p.lo, p.hi - p.mean] }));
  return (
    <ResponsiveChart height={300}>
      <BarChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 20 }}>
      <CartesianGrid strokeDasharray="3 3" />
      {/* method names slanted, so five of them fit side by side on a phone without running into each other */}
      <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} angle={-30} textAnchor="end" height={90} label={{ value: "Aggregation method", position: "insideBottom", offset: 0 }} />
      <YAxis label={{ value: "Brier − default (lower better)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" }, fontSize: 11 }} />
      <ReferenceLine y={0} stroke="#4a5563" />
      <Tooltip content={<DifferenceTooltip />} />
      <Bar dataKey="mean" fill="#6b8fb8" isAnimationActive={false}>
        <ErrorBar dataKey="error" width={8} stroke="#1f2937" isAnimationActive={false} />
      </Bar>
    </BarChart>
      </ResponsiveChart>
  );
}
