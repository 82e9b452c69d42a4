// The rows behind the question page's crowd and spread charts, for the chart, its table and its CSV
// (the page draws a downsampled series; the CSV route app/(desk)/questions/[questionId]/chart-data
// offers every point through the same builders).
import type { ChartColumn, ChartCell } from "@/components/charts/chart-csv";
import type { CrowdForecastRow } from "@/components/charts/crowd-forecast-columns";
import type { ScenarioRow } from "@/components/charts/ScenarioChart";
import { percentValue } from "@/components/forecast/forecast-display";
import type { QuestionForecast } from "@/db/queries/forecasts";
import type { CrowdHistoryPoint } from "@/lib/aggregation/crowd-series";
import type { ForecastRecord, Question } from "@/lib/types";

const iso = (ms: number) => new Date(ms).toISOString();
const latest = <R,>(rows: R[], count: number | undefined) => (count === undefined ? rows : rows.slice(-count));

export interface ChartTable<R> {
  columns: ChartColumn[];
  /** For the chart (times in ms). */
  chartRows: R[];
  /** For the table and the CSV (times as ISO 8601). */
  rows: Array<Record<string, ChartCell>>;
}

/**
 * Crowd P(yes) steps merged with the viewer's own forecasts on one time axis (own ones before T0 drawn
 * at T0); the table's rows are the latest `tableRows` only, when given.
 */
export function binaryCrowdTable(
  series: readonly CrowdHistoryPoint[],
  own: readonly ForecastRecord[],
  start: number,
  axisEnd: number,
  tableRows?: number,
): ChartTable<CrowdForecastRow> {
  const byTime = new Map<number, CrowdForecastRow>();
  for (const p of series) byTime.set(p.time, { time: p.time, crowd: percentValue(p.probabilities[1]), own: null, forecasters: p.forecasters });
  for (const f of own) {
    const time = Math.min(Math.max(f.time, start), axisEnd);
    const row = byTime.get(time) ?? { time, crowd: null, own: null, forecasters: null };
    row.own = percentValue(f.probabilities[1]);
    byTime.set(time, row);
  }
  const chartRows = [...byTime.values()].sort((a, b) => a.time - b.time);
  return {
    columns: [
      { key: "time", label: "Time (UTC)" },
      { key: "crowd", label: "Crowd P(yes) (%)" },
      { key: "forecasters", label: "Forecasters pooled" },
      { key: "own", label: "Your forecast P(yes) (%)" },
    ],
    chartRows,
    rows: latest(chartRows, tableRows).map((r) => ({ ...r, time: iso(r.time) })),
  };
}

/** One column per scenario; the table's rows are the latest `tableRows` only, when given. */
export function scenarioCrowdTable(question: Question, series: readonly CrowdHistoryPoint[], tableRows?: number): ChartTable<ScenarioRow> {
  const chartRows: ScenarioRow[] = series.map((p) => {
    const row: ScenarioRow = { time: p.time };
    question.options.forEach((_, i) => (row[`s${i}`] = percentValue(p.probabilities[i])));
    return row;
  });
  return {
    columns: [
      { key: "time", label: "Time (UTC)" },
      ...question.options.map((label, i) => ({ key: `s${i}`, label: `${label} (%)` })),
      { key: "forecasters", label: "Forecasters pooled" },
    ],
    chartRows,
    rows: latest(chartRows, tableRows).map((r, i, shown) => ({
      ...r,
      time: iso(r.time),
      forecasters: series[chartRows.length - shown.length + i].forecasters,
    })),
  };
}

/** Everyone's standing forecast, highest P(yes) (or first scenario) first; the first `limit` rows only when given. */
export function spreadTable(question: Question, standing: readonly QuestionForecast[], limit?: number): Omit<ChartTable<never>, "chartRows"> {
  const binary = question.type === "binary";
  const byValue = highestFirst(standing, (f) => f.probabilities[binary ? 1 : 0], limit);
  return {
    columns: [
      { key: "forecaster", label: "Forecaster" },
      ...(binary ? [{ key: "p1", label: "Standing P(yes) (%)" }] : question.options.map((label, i) => ({ key: `p${i}`, label: `${label} (%)` }))),
      { key: "madeAt", label: "Made at (UTC)" },
    ],
    rows: byValue.map((f) => {
      const row: Record<string, string | number | null> = { forecaster: f.name, madeAt: iso(f.time) };
      f.probabilities.forEach((p, i) => (row[`p${i}`] = percentValue(p)));
      return row;
    }),
  };
}

/**
 * The first `limit` items (all without one) by `key`, highest first, equal keys in input order: what a
 * stable sort then a slice gives, without sorting them all (a busy question has 2,000 standing
 * forecasts and the page shows 50).
 */
export function highestFirst<T>(items: readonly T[], key: (item: T) => number, limit = items.length): T[] {
  const keys = items.map(key);
  if (limit >= items.length) return items.map((_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b).map((i) => items[i]);
  // Indices of the highest so far, highest first; each new one goes after every key at least its own.
  const top: number[] = [];
  for (let i = 0; i < items.length && limit > 0; i++) {
    const k = keys[i];
    if (top.length === limit && !(k > keys[top[limit - 1]])) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[top[mid]] >= k) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, i);
    if (top.length > limit) top.pop();
  }
  return top.map((i) => items[i]);
}
