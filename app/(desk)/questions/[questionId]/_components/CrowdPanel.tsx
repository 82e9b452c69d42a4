import { ChartFrame } from "@/components/charts/ChartFrame";
import { CrowdForecastChart, type CrowdForecastRow } from "@/components/charts/CrowdForecastChart";
import { ScenarioChart, type ScenarioRow } from "@/components/charts/ScenarioChart";
import type { CrowdForecastPoint } from "@/lib/aggregation/crowd-forecast";
import type { ForecastRecord, Question } from "@/lib/types";
import { percentValue } from "@/components/forecast/forecast-display";
import { formatNumber } from "@/lib/format/number";

const iso = (ms: number) => new Date(ms).toISOString();
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
}: {
  question: Question;
  /** crowdForecastSeries(question, forecasts, "recency_weighted_median", …, now). */
  series: CrowdForecastPoint[];
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
            <li key={i} className="row" style={{ gap: "0.5rem", alignItems: "baseline" }}>
              <strong className="mono" style={{ minWidth: "4.5rem", textAlign: "right" }} data-testid={`crowd-scenario-value-${i}`}>
                {formatNumber(current.probabilities[i], "probability")}
              </strong>
              <span>{label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  /** P(yes) step line with the viewer's own forecasts as points. */
  function binaryChart() {
    // Merge crowd steps and own forecasts on one time axis (own forecasts before T0 are drawn at T0).
    const byTime = new Map<number, CrowdForecastRow>();
    for (const p of series)
      byTime.set(p.time, { time: p.time, crowd: percentValue(p.probabilities[1]), own: null, forecasters: p.forecasters });
    for (const f of own) {
      const time = Math.min(Math.max(f.time, start), axisEnd);
      const row = byTime.get(time) ?? { time, crowd: null, own: null, forecasters: null };
      row.own = percentValue(f.probabilities[1]);
      byTime.set(time, row);
    }
    const rows = [...byTime.values()].sort((a, b) => a.time - b.time);
    return (
      <ChartFrame
        title="Crowd forecast over time"
        description="P(yes) of the recency-weighted median, a step line that holds until the next forecast; your forecasts are the orange points."
        csvFilename={`crowd-forecast-${slug}.csv`}
        columns={[
          { key: "time", label: "Time (UTC)" },
          { key: "crowd", label: "Crowd P(yes) (%)" },
          { key: "forecasters", label: "Forecasters pooled" },
          { key: "own", label: "Your forecast P(yes) (%)" },
        ]}
        rows={rows.map((r) => ({ ...r, time: iso(r.time) }))}
        testId="crowd-forecast-chart"
        points={series.length}
        emptyMessage={EMPTY_MESSAGE}
      >
        <CrowdForecastChart rows={rows} start={start} end={axisEnd} />
      </ChartFrame>
    );
  }

  /** One step line per scenario. */
  function scenarioChart() {
    const rows: ScenarioRow[] = series.map((p) => {
      const row: ScenarioRow = { time: p.time };
      question.options.forEach((_, i) => (row[`s${i}`] = percentValue(p.probabilities[i])));
      return row;
    });
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
        columns={[
          { key: "time", label: "Time (UTC)" },
          ...question.options.map((label, i) => ({ key: `s${i}`, label: `${label} (%)` })),
          { key: "forecasters", label: "Forecasters pooled" },
        ]}
        rows={rows.map((r, i) => ({ ...r, time: iso(r.time), forecasters: series[i].forecasters }))}
        testId="scenario-forecast-chart"
        points={series.length}
        emptyMessage={EMPTY_MESSAGE}
      >
        <ScenarioChart options={question.options} rows={[...rows, ...ownRows].sort((x, y) => x.time - y.time)} withOwn={ownRows.length > 0} start={start} end={axisEnd} />
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
