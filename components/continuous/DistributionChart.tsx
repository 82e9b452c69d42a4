"use client";

import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/ChartFrame";
import { ChartLegend } from "@/components/charts/ChartLegend";
import { ResponsiveChart } from "@/components/charts/ResponsiveChart";
import { useClientRender } from "@/components/ui/use-client-render";
import { formatNumber } from "@/lib/format/number";
import { INNER_BUCKETS, valueAtLocation } from "@/lib/continuous/scale";
import { csvScaleValue, distributionRows, formatScaleValue, scaleTicks, type ContinuousQuestionView, type NamedCdf } from "./scale-display";

const HEIGHT = 240;

/** The plot of one kind: density (probability per 1/200 of the range) or the CDF, on the internal scale. */
function DistributionPlot({
  view,
  rows,
  series,
  kind,
}: {
  view: ContinuousQuestionView;
  rows: Array<Record<string, number>>;
  series: readonly Omit<NamedCdf, "cdf">[];
  kind: "density" | "cdf";
}) {
  const ready = useClientRender();
  if (!ready) return <div style={{ height: HEIGHT }} aria-hidden="true" />;
  const ticks = scaleTicks(view);
  const labelOf = (u: number) => formatScaleValue(view, valueAtLocation(view.scale, u));
  return (
    <>
      <ResponsiveChart height={HEIGHT}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
          <XAxis
            dataKey="location"
            type="number"
            domain={[0, 1]}
            ticks={ticks.map((t) => t.location)}
            tickFormatter={(u: number) => ticks.find((t) => t.location === u)?.label ?? ""}
            interval={0}
            label={{ value: view.type === "date" ? "Date (UTC)" : view.unit || "Value", position: "insideBottom", offset: -14 }}
          />
          <YAxis
            domain={kind === "cdf" ? [0, 100] : [0, "auto"]}
            ticks={kind === "cdf" ? [0, 25, 50, 75, 100] : undefined}
            tickFormatter={(v: number) => formatNumber(v / 100, "probability", { digits: kind === "cdf" ? 0 : 1 })}
            label={{
              value: kind === "cdf" ? "P(below), %" : "% per 1/200",
              angle: -90,
              position: "insideLeft",
              offset: 4,
              style: { textAnchor: "middle" },
            }}
            width={64}
          />
          <Tooltip
            labelFormatter={(u) =>
              kind === "cdf"
                ? labelOf(Number(u))
                : `${labelOf(Number(u) - 0.5 / INNER_BUCKETS)} to ${labelOf(Number(u) + 0.5 / INNER_BUCKETS)}`
            }
            formatter={(value, name) => [formatNumber(Number(value) / 100, "probability", { digits: kind === "cdf" ? 1 : 2 }), name]}
          />
          {series.map((s, k) =>
            kind === "density" && k === 0 ? (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.name}
                type="monotone"
                stroke={s.colour}
                fill={s.colour}
                fillOpacity={0.2}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.name} type="monotone" stroke={s.colour} strokeWidth={2} dot={false} isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveChart>
      <ChartLegend items={series.map((s) => ({ name: s.name, colour: s.colour, shape: "line" as const }))} />
    </>
  );
}

/**
 * One or more distributions of a numeric or date question (yours, the crowd's) as a density and as a
 * CDF, side by side on a wide screen, one under the other on a phone; each chart in a ChartFrame with
 * its table and CSV (every one of the 201 points).
 */
export function DistributionCharts({
  view,
  cdfs,
  csvName,
  testId,
  note,
}: {
  view: ContinuousQuestionView;
  cdfs: readonly NamedCdf[];
  /** File name stem of the CSV downloads. */
  csvName: string;
  testId: string;
  /** Said under each chart's title (what is drawn). */
  note?: string;
}) {
  const { density, cumulative } = distributionRows(cdfs);
  const series = cdfs.map(({ key, name, colour }) => ({ key, name, colour }));
  const valueLabel = view.type === "date" ? "Date (UTC)" : view.unit ? `Value (${view.unit})` : "Value";
  const at = (u: number) => csvScaleValue(view, valueAtLocation(view.scale, u));
  const densityColumns = [
    { key: "from", label: `From: ${valueLabel}` },
    { key: "to", label: `To: ${valueLabel}` },
    ...series.map((s) => ({ key: s.key, label: `${s.name}: probability (%)` })),
  ];
  const densityRows = density.map((r, i) => {
    const row: Record<string, string | number> = { from: at(i / INNER_BUCKETS), to: at((i + 1) / INNER_BUCKETS) };
    for (const s of series) row[s.key] = Number(r[s.key].toFixed(6));
    return row;
  });
  const cdfColumns = [{ key: "value", label: valueLabel }, ...series.map((s) => ({ key: s.key, label: `${s.name}: P(below) (%)` }))];
  const cdfRows = cumulative.map((r, i) => {
    const row: Record<string, string | number> = { value: at(i / INNER_BUCKETS) };
    for (const s of series) row[s.key] = Number(r[s.key].toFixed(6));
    return row;
  });
  return (
    <div className="distribution-charts" data-testid={testId} style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 20rem), 1fr))", gap: "0 1rem" }}>
      <ChartFrame
        title="Density"
        description={note ?? "The probability in each 1/200 of the range."}
        csvFilename={`${csvName}-density.csv`}
        columns={densityColumns}
        rows={densityRows}
        testId={`${testId}-density`}
      >
        <DistributionPlot view={view} rows={density} series={series} kind="density" />
      </ChartFrame>
      <ChartFrame
        title="Cumulative probability (CDF)"
        description={note ? undefined : "The probability that the outcome lies below each value."}
        csvFilename={`${csvName}-cdf.csv`}
        columns={cdfColumns}
        rows={cdfRows}
        testId={`${testId}-cdf`}
      >
        <DistributionPlot view={view} rows={cumulative} series={series} kind="cdf" />
      </ChartFrame>
    </div>
  );
}
