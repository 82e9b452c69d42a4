// The rows behind the fan chart, for the chart, its table and its CSV (the page draws a downsampled
// history; the CSV route offers every change point through the same builder).
import type { ChartCell, ChartColumn } from "@/components/charts/chart-csv";
import type { CrowdDistributionPoint } from "@/lib/continuous/crowd-history";
import { valueAtLocation } from "@/lib/continuous/scale";
import type { FanRow } from "./FanChart";
import { csvScaleValue, type ContinuousQuestionView } from "./scale-display";

/** One of the viewer's forecasts as the fan chart marks it: when, and its median's internal location. */
export interface OwnMedian {
  time: number;
  location: number;
}

/**
 * The crowd's quantiles over time (closed at `axisEnd` so the last step shows) merged with the viewer's
 * medians on one time axis (own ones before T0 drawn at T0); table cells in the question's units.
 * With `latestRows`, the table holds only the last that many rows (the chart still gets every row).
 */
export function fanTable(
  view: ContinuousQuestionView,
  points: readonly CrowdDistributionPoint[],
  own: readonly OwnMedian[],
  start: number,
  axisEnd: number,
  latestRows?: number,
): { columns: ChartColumn[]; chartRows: FanRow[]; rows: Array<Record<string, ChartCell>> } {
  const byTime = new Map<number, FanRow & { forecasters: number | null }>();
  const closed = [...points];
  const last = closed.at(-1);
  if (last && last.time < axisEnd) closed.push({ ...last, time: axisEnd });
  for (const p of closed) {
    const [q05, q25, q50, q75, q95] = p.locations;
    byTime.set(p.time, { time: p.time, band90: [q05, q95], band50: [q25, q75], median: q50, own: null, forecasters: p.forecasters });
  }
  for (const f of own) {
    const time = Math.min(Math.max(f.time, start), axisEnd);
    const row = byTime.get(time) ?? { time, band90: null, band50: null, median: null, own: null, forecasters: null };
    row.own = f.location;
    byTime.set(time, row);
  }
  const chartRows = [...byTime.values()].sort((a, b) => a.time - b.time);
  const cell = (u: number | null | undefined) => (u === null || u === undefined ? null : csvScaleValue(view, valueAtLocation(view.scale, u)));
  const unit = view.type === "date" ? "" : view.unit ? ` (${view.unit})` : "";
  return {
    columns: [
      { key: "time", label: "Time (UTC)" },
      { key: "q05", label: `Crowd 5%${unit}` },
      { key: "q25", label: `Crowd 25%${unit}` },
      { key: "median", label: `Crowd median${unit}` },
      { key: "q75", label: `Crowd 75%${unit}` },
      { key: "q95", label: `Crowd 95%${unit}` },
      { key: "forecasters", label: "Forecasters pooled" },
      { key: "own", label: `Your median${unit}` },
    ],
    chartRows: chartRows.map((r) => ({ time: r.time, band90: r.band90, band50: r.band50, median: r.median, own: r.own })),
    rows: chartRows.slice(latestRows === undefined ? 0 : Math.max(0, chartRows.length - latestRows)).map((r) => ({
      time: new Date(r.time).toISOString(),
      q05: cell(r.band90?.[0]),
      q25: cell(r.band50?.[0]),
      median: cell(r.median),
      q75: cell(r.band50?.[1]),
      q95: cell(r.band90?.[1]),
      forecasters: r.forecasters,
      own: cell(r.own),
    })),
  };
}
