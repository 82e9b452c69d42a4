import { chartRowsToCsv, csvDataUrl, type ChartCell, type ChartColumn } from "./chart-csv";
import type { ReactNode } from "react";
import { ChartDataTable } from "./ChartDataTable";


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
    <figure className="chart-frame" data-testid={testId} data-points={points ?? rows.length}>
      <figcaption className="chart-frame-caption">
        <h3 className="chart-frame-title">{title}</h3>
        {description ? <div className="chart-frame-description">{description}</div> : null}
      </figcaption>
      {empty ? (
        <p className="chart-frame-empty">{emptyMessage}</p>
      ) : (
        <div className="chart-frame-chart">
          {children}
        </div>
      )}
      {empty ? null : (
        <details className="chart-frame-data">
          <summary>Show data as a table</summary>
          {partial ? (
            <p className="chart-frame-description">
              {fullData.shown ? `The ${fullData.shown} ` : ""}
              {rows.length.toLocaleString("en")} of {fullData.rowCount.toLocaleString("en")} rows; the CSV download has them all.
            </p>
          ) : null}
          <ChartDataTable title={title} columns={columns} cells={rows.map((row) => columns.map((c) => row[c.key] ?? null))} />
        </details>
      )}
      <a className="chart-frame-download" href={partial ? fullData.href : csvDataUrl(chartRowsToCsv(columns, rows))} download={csvFilename}>
        Download data (CSV{partial ? `, ${fullData.rowCount.toLocaleString("en")} rows` : ""})
      </a>
    </figure>
  );
}
