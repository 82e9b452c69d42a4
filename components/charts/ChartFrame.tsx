import { chartRowsToCsv, csvDataUrl, type ChartCell, type ChartColumn } from "./chart-csv";
import type { CSSProperties, ReactNode } from "react";

const styles: Record<string, CSSProperties> = {
  frame: { margin: "0 0 1.5rem", padding: "1rem", border: "1px solid #d8dde3", borderRadius: 8, background: "#fff" },
  caption: { marginBottom: "0.5rem" },
  title: { margin: 0, fontSize: "1.05rem" },
  description: { marginTop: "0.25rem", color: "#4a5563", fontSize: "0.9rem" },
  chart: { width: "100%", minHeight: 200 },
  empty: { color: "#4a5563", fontStyle: "italic" },
  table: { marginTop: "0.75rem", fontSize: "0.875rem" },
  tableScroll: { maxHeight: 320, overflow: "auto" },
  grid: { borderCollapse: "collapse", marginTop: "0.5rem" },
  cell: { border: "1px solid #d8dde3", padding: "0.2rem 0.5rem", textAlign: "left" },
  download: { display: "inline-block", marginTop: "0.5rem", fontSize: "0.875rem" },
  visuallyHidden: { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
};

/** Every row of a chart's data, offered as a CSV download when the page carries only some of them. */
export interface FullChartData {
  /** URL of the CSV with every row. */
  href: string;
  /** How many rows it has. */
  rowCount: number;
  /** Which rows the page's table holds, e.g. "latest" (the table then says "The latest 50 of …"). */
  shown?: string;
}

export interface ChartFrameProps {
  title: string;
  description?: ReactNode;
  /** File name offered by the "Download data (CSV)" link, e.g. "crowd-forecast-q1.csv". */
  csvFilename: string;
  /** Columns of the data table and the CSV, in order. */
  columns: ChartColumn[];
  /** The data behind the chart: one record per row, keyed by column key. */
  rows: Array<Record<string, ChartCell>>;
  /** Goes on the <figure> as data-testid (browser tests). */
  testId?: string;
  /** Number of points the chart draws (data-points attribute); defaults to rows.length. */
  points?: number;
  /** When set, `rows` are a part of the data: the table says so and the CSV link downloads every row from here. */
  fullData?: FullChartData;
  /** Text shown instead of the chart when there are no rows. */
  emptyMessage?: string;
  /** The chart itself (usually a recharts client component). */
  children: ReactNode;
}

/**
 * Every chart in Forecast Desk sits in this frame: a title, an optional description, the chart,
 * a table alternative for screen readers and keyboard users (<details>), and a CSV download.
 * No hooks: usable from server and client components alike.
 */
export function ChartFrame({
  title,
  description,
  csvFilename,
  columns,
  rows,
  testId,
  points,
  fullData,
  emptyMessage = "No data yet.",
  children,
}: ChartFrameProps) {
  const partial = fullData !== undefined && fullData.rowCount > rows.length;
  const empty = rows.length === 0;
  return (
    <figure style={styles.frame} data-testid={testId} data-points={points ?? rows.length}>
      <figcaption style={styles.caption}>
        <h3 style={styles.title}>{title}</h3>
        {description ? <div style={styles.description}>{description}</div> : null}
      </figcaption>
      {empty ? (
        <p style={styles.empty}>{emptyMessage}</p>
      ) : (
        <div style={styles.chart}>
          {children}
        </div>
      )}
      {empty ? null : (
        <details style={styles.table}>
          <summary style={{ cursor: "pointer" }}>Show data as a table</summary>
          {partial ? (
            <p style={styles.description}>
              {fullData.shown ? `The ${fullData.shown} ` : ""}
              {rows.length.toLocaleString("en")} of {fullData.rowCount.toLocaleString("en")} rows; the CSV download has them all.
            </p>
          ) : null}
          {/* focusable, so keyboard users can scroll a table wider or taller than the frame */}
          <div style={styles.tableScroll} tabIndex={0} role="region" aria-label={`${title}: data`}>
            <table style={styles.grid}>
              <caption style={styles.visuallyHidden}>{title}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" style={styles.cell}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c.key} style={styles.cell}>{row[c.key] ?? "—"}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      <a style={styles.download} href={partial ? fullData.href : csvDataUrl(chartRowsToCsv(columns, rows))} download={csvFilename}>
        Download data (CSV{partial ? `, ${fullData.rowCount.toLocaleString("en")} rows` : ""})
      </a>
    </figure>
  );
}
