import { ChartFrame } from "@/components/charts/ChartFrame";
import type { FullChartData } from "@/components/charts/ChartFrame";
import { CrowdForecastChart } from "@/components/charts/CrowdForecastChart";
import { toCrowdForecastColumns } from "@/components/charts/crowd-forecast-columns";
import { ScenarioChart } from "@/components/charts/ScenarioChart";
import type { CrowdForecastPoint } from "@/lib/aggregation/crowd-forecast";
import type { ForecastRecord, Question } from "@/lib/types";
import { percentValue } from "@/components/forecast/forecast-display";
import type { ScenarioRow } from "@/components/charts/ScenarioChart";
import { formatNumber } from "@/lib/format/number";
import { binaryCrowdTable, scenarioCrowdTable } from "./chart-tables";

/** Rows of the crowd history's table sent with the page (the latest ones) when the CSV offers them all. */
export const CROWD_TABLE_ROWS = 50;

const EMPTY_MESSAGE = "No forecasts yet: the crowd forecast appears with the first one.";

/**
 * The current crowd forecast (recency-weighted median) and its history: a step line of P(yes) with
 * the viewer's own forecasts as points, or one line per scenario for a scenario set.
 */
export function CrowdPanel({
  question,
  series,
  own,
  end,
  atClose,
  fullData,
}: {
  question: Question;
  /** crowdForecastSeries(question, forecasts, "recency_weighted_median", …, now), downsampled to what a chart can draw. */
  series: CrowdForecastPoint[];
  /** Where every point of the series is offered (CSV), when the table shows only the latest CROWD_TABLE_ROWS. */
  fullData?: FullChartData;
  /** The viewer's forecasts (empty for visitors). */
  own: readonly ForecastRecord[];
  /** Where the chart's time axis ends: now, or Ta once forecasting has ended. */
  end: number;
  /** Forecasting has ended: the headline value is the crowd forecast at the close (Ta). */
  atClose: boolean;
}) {
  const binary = question.type === "binary";
  const current = series.at(-1) ?? null;
  const start = question.openTime;
  const axisEnd = Math.max(end, start + 1);
  const slug = question.id.replace(/[^A-Za-z0-9_-]+/g, "-");
  // A long history's table goes by download; the page's table holds the latest rows, the chart every drawn point.
  const latestRows = fullData ? CROWD_TABLE_ROWS : undefined;

  const headline = (
    <div style={{ margin: "0 0 0.75rem" }}>
      <p className="muted" style={{ margin: 0 }}>
        Crowd forecast {atClose ? "at the close" : "now"} (recency-weighted median of {current?.forecasters ?? 0}{" "}
        forecasters):
      </p>
      {current === null ? (
        <p className="mono" data-testid="crowd-forecast-value" style={{ margin: 0 }}>
          no forecasts yet
        </p>
      ) : binary ? (
        <p className="stat mono" data-testid="crowd-forecast-value" style={{ margin: 0 }}>
          {formatNumber(current.probabilities[1], "probability")}
        </p>
      ) : (
        <ul data-testid="crowd-forecast-value" style={{ listStyle: "none", padding: 0, margin: "0.25rem 0 0" }}>
          {question.options.map((label, i) => (
            // a long scenario label wraps beside its number, never under it
            <li key={i} className="row" style={{ gap: "0.5rem", alignItems: "baseline", flexWrap: "nowrap" }}>
              <strong className="mono" style={{ minWidth: "4.5rem", textAlign: "right", flex: "none" }} data-testid={`crowd-scenario-value-${i}`}>
                {formatNumber(current.probabilities[i], "probability")}
              </strong>
              <span style={{ minWidth: 0 }}>{label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  /** P(yes) step line with the viewer's own forecasts as points. */
  function binaryChart() {
    const table = binaryCrowdTable(series, own, start, axisEnd, latestRows);
    return (
      <ChartFrame
        title="Crowd forecast over time"
        description="P(yes) of the recency-weighted median, a step line that holds until the next forecast; your forecasts are the orange points."
        csvFilename={`crowd-forecast-${slug}.csv`}
        columns={table.columns}
        rows={table.rows}
        fullData={fullData}
        testId="crowd-forecast-chart"
        points={series.length}
        emptyMessage={EMPTY_MESSAGE}
      >
        <CrowdForecastChart columns={toCrowdForecastColumns(table.chartRows)} start={start} end={axisEnd} />
      </ChartFrame>
    );
  }

  /** One step line per scenario. */
  function scenarioChart() {
    const table = scenarioCrowdTable(question, series, latestRows);
    // the viewer's own forecasts as dots (o0, o1, …) on rows of their own (before T0: drawn at T0)
    const ownRows: ScenarioRow[] = own.map((f) => {
      const row: ScenarioRow = { time: Math.min(Math.max(f.time, start), axisEnd) };
      question.options.forEach((_, i) => (row[`o${i}`] = percentValue(f.probabilities[i])));
      return row;
    });
    return (
      <ChartFrame
        title="Scenario probabilities over time"
        description="Each scenario's recency-weighted median, renormalised to 100%; each line holds until the next forecast."
        csvFilename={`scenario-forecast-${slug}.csv`}
        columns={table.columns}
        rows={table.rows}
        fullData={fullData}
        testId="scenario-forecast-chart"
        points={series.length}
        emptyMessage={EMPTY_MESSAGE}
      >
        <ScenarioChart
          options={question.options}
          rows={[...table.chartRows, ...ownRows].sort((x, y) => x.time - y.time)}
          withOwn={ownRows.length > 0}
          start={start}
          end={axisEnd}
        />
      </ChartFrame>
    );
  }

  return (
    <section aria-labelledby="crowd-heading" className="card">
      <h2 id="crowd-heading">Crowd forecast</h2>
      {headline}
      {binary ? binaryChart() : scenarioChart()}
    </section>
  );
}
