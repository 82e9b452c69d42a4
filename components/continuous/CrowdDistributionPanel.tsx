import { ChartFrame, type FullChartData } from "@/components/charts/ChartFrame";
import type { CrowdDistributionPoint } from "@/lib/continuous/crowd-history";
import { formatNumber } from "@/lib/format/number";
import { DistributionCharts } from "./DistributionChart";
import { FanChart, FAN_COLOUR } from "./FanChart";
import { fanTable, type OwnMedian } from "./fan-table";
import { distributionSummary, type ContinuousQuestionView } from "./scale-display";

const EMPTY_MESSAGE = "No forecasts yet: the crowd's distribution appears with the first one.";

/**
 * The crowd's distribution on a numeric or date question: now (the recency-weighted mean of the standing
 * forecasts, Metaculus' community prediction; docs/continuous.md "The crowd's distribution") in words —
 * median, 50 % and 90 % central intervals — and as a density and a CDF; and over time as a fan chart
 * (median with the 50 % and 90 % bands) with the viewer's own medians as points.
 */
export function CrowdDistributionPanel({
  questionId,
  view,
  current,
  forecasters,
  points,
  own,
  start,
  end,
  atClose,
  fullData,
  latestRows,
}: {
  questionId: string;
  view: ContinuousQuestionView;
  /** The pooled CDF now (or at the close); null without forecasts. */
  current: ArrayLike<number> | null;
  /** How many forecasters it pools. */
  forecasters: number;
  /** The history, downsampled to what the chart can draw. */
  points: readonly CrowdDistributionPoint[];
  own: readonly OwnMedian[];
  start: number;
  end: number;
  atClose: boolean;
  /** Where every change point is offered (CSV), when `points` are a downsample. */
  fullData?: FullChartData;
  /** With fullData: how many of the latest rows the page's table holds (the chart draws every point). */
  latestRows?: number;
}) {
  const slug = questionId.replace(/[^A-Za-z0-9_-]+/g, "-");
  const axisEnd = Math.max(end, start + 1);
  const summary = current ? distributionSummary(view, current) : null;
  const table = fanTable(view, points, own, start, axisEnd, fullData ? latestRows : undefined);
  return (
    <section aria-labelledby="crowd-heading" className="card" data-testid="crowd-distribution">
      <h2 id="crowd-heading">Crowd forecast</h2>
      <p className="muted" style={{ margin: 0 }}>
        The crowd&apos;s distribution {atClose ? "at the close" : "now"} (recency-weighted mean of {formatNumber(forecasters, "count")}{" "}
        forecaster{forecasters === 1 ? "" : "s"}):
      </p>
      {summary === null ? (
        <p data-testid="crowd-distribution-summary">no forecasts yet</p>
      ) : (
        <dl
          data-testid="crowd-distribution-summary"
          style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 10rem), 1fr))", gap: "0.5rem 1rem", margin: "0.25rem 0 0.75rem" }}
        >
          <div>
            <dt className="muted small">Median</dt>
            <dd className="stat mono" style={{ margin: 0 }} data-testid="crowd-median">
              {summary.median}
            </dd>
          </div>
          <div>
            <dt className="muted small">50% interval</dt>
            <dd style={{ margin: 0 }} data-testid="crowd-interval-50">
              {summary.interval50}
            </dd>
          </div>
          <div>
            <dt className="muted small">90% interval</dt>
            <dd style={{ margin: 0 }} data-testid="crowd-interval-90">
              {summary.interval90}
            </dd>
          </div>
          {summary.below !== null || summary.above !== null ? (
            <div>
              <dt className="muted small">Beyond the range</dt>
              <dd style={{ margin: 0 }}>
                {[
                  summary.below !== null ? `${formatNumber(summary.below, "probability")} below` : null,
                  summary.above !== null ? `${formatNumber(summary.above, "probability")} above` : null,
                ]
                  .filter(Boolean)
                  .join(", ")}
              </dd>
            </div>
          ) : null}
        </dl>
      )}
      {current ? (
        <DistributionCharts
          view={view}
          cdfs={[{ key: "crowd", name: "Crowd", colour: FAN_COLOUR, cdf: Array.from(current) }]}
          csvName={`crowd-distribution-${slug}`}
          testId="crowd-distribution-charts"
        />
      ) : null}
      <ChartFrame
        title="Crowd forecast over time"
        description="The crowd's median with its 50% and 90% central intervals, each holding until the next forecast; your forecasts' medians are the orange points."
        csvFilename={`crowd-fan-${slug}.csv`}
        columns={table.columns}
        rows={table.rows}
        fullData={fullData}
        testId="crowd-fan-chart"
        points={points.length}
        emptyMessage={EMPTY_MESSAGE}
      >
        <FanChart view={view} rows={table.chartRows} start={start} end={axisEnd} />
      </ChartFrame>
    </section>
  );
}
