"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

export interface ScoresOverTimePoint {
  /** "YYYY-MM": the last month of the trailing window. */
  month: string;
  n: number;
  meanFinalBrier: number | null;
  meanPeer: number | null;
}

/**
 * Scores over time: for each month, the mean final Brier (left axis, 0–1, lower is better) and
 * the mean peer score (right axis, points, higher is better) of the questions resolved in the
 * trailing 6 months. Months with no resolutions in the window leave a gap.
 */
export function ScoresOverTime({ points }: { points: ScoresOverTimePoint[] }) {
  return (
    <LineChart width={560} height={300} data={points} margin={{ top: 10, right: 20, bottom: 30, left: 10 }} style={{ maxWidth: "100%" }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="month" label={{ value: "Month (UTC), end of the 6-month window", position: "insideBottom", offset: -15 }} />
      <YAxis yAxisId="brier" domain={[0, "auto"]} label={{ value: "Mean final Brier (0–1)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
      <YAxis yAxisId="peer" orientation="right" label={{ value: "Mean peer score (points)", angle: 90, position: "insideRight", style: { textAnchor: "middle" } }} />
      <Tooltip
        formatter={(v, name) => [v === null || v === undefined ? "—" : Number(v).toFixed(name === "Mean peer score" ? 1 : 3), name]}
        labelFormatter={(label, payload) => `${label} (${payload?.[0]?.payload?.n ?? 0} questions in window)`}
      />
      <Legend verticalAlign="top" />
      <Line yAxisId="brier" dataKey="meanFinalBrier" name="Mean final Brier" stroke="#2563a8" dot isAnimationActive={false} connectNulls={false} />
      <Line yAxisId="peer" dataKey="meanPeer" name="Mean peer score" stroke="#c2701d" dot isAnimationActive={false} connectNulls={false} />
    </LineChart>
  );
}
