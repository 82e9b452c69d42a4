"use client";

import { ResponsiveChart } from "./ResponsiveChart";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoment } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";

export interface ScoresOverTimePoint {
  /** "YYYY-MM": the last month of the trailing window. */
  month: string;
  n: number;
  meanFinalBrier: number | null;
  meanPeer: number | null;
}

/** "2026-12" → "Dec 2026" (lib/format/date, in UTC as the months are). */
function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return formatMoment(Date.UTC(y, m - 1, 1), "month", "UTC");
}

/**
 * Scores over time: for each month, the mean final Brier (left axis, 0–1, lower is better) and
 * the mean peer score (right axis, points, higher is better) of the questions resolved in the
 * trailing 6 months. Months with no resolutions in the window leave a gap.
 */
export function ScoresOverTime({ points }: { points: ScoresOverTimePoint[] }) {
  return (
    <ResponsiveChart height={300}>
      <LineChart data={points} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="month" tickFormatter={monthLabel} minTickGap={12} label={{ value: "Month (UTC), end of the 6-month window", position: "insideBottom", offset: -15 }} />
      <YAxis yAxisId="brier" domain={[0, "auto"]} label={{ value: "Mean final Brier (0–1)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }} />
      <YAxis yAxisId="peer" orientation="right" label={{ value: "Mean peer score (points)", angle: 90, position: "insideRight", style: { textAnchor: "middle" } }} />
      <Tooltip
        formatter={(v, name) => [v === null || v === undefined ? "—" : formatNumber(Number(v), name === "Mean peer score" ? "points" : "score"), name]}
        labelFormatter={(label, payload) => `${monthLabel(String(label))} (${payload?.[0]?.payload?.n ?? 0} questions in window)`}
      />
      <Legend verticalAlign="top" />
      <Line yAxisId="brier" dataKey="meanFinalBrier" name="Mean final Brier" stroke="#2563a8" dot isAnimationActive={false} connectNulls={false} />
      <Line yAxisId="peer" dataKey="meanPeer" name="Mean peer score" stroke="#c2701d" dot isAnimationActive={false} connectNulls={false} />
    </LineChart>
      </ResponsiveChart>
  );
}
