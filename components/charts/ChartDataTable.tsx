"use client";

import type { ChartCell, ChartColumn } from "./chart-csv";

/**
 * A chart's data as a table (ChartFrame's "Show data as a table"). A client component so that a server
 * page sends the rows as values (one array per row, in column order), not as a rendered cell per
 * value: the crowd page has eight of these.
 */
export function ChartDataTable({ title, columns, cells }: { title: string; columns: ChartColumn[]; cells: ChartCell[][] }) {
  return (
    // focusable, so keyboard users can scroll a table wider or taller than the frame
    <div className="chart-frame-scroll" tabIndex={0} role="region" aria-label={`${title}: data`}>
      <table className="chart-frame-grid">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, i) => (
            <tr key={i}>
              {columns.map((c, j) => (
                <td key={c.key}>{row[j] ?? "—"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
