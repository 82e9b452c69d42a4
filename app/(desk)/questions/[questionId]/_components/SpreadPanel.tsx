import { ChartFrame } from "@/components/charts/ChartFrame";
import { BinarySpreadChart, ScenarioSpreadChart } from "@/components/charts/ForecastSpread";
import type { Question } from "@/lib/types";
import type { QuestionForecast } from "@/db/queries/forecasts";
import { percentValue } from "@/components/forecast/forecast-display";

/**
 * Everyone's standing forecast now (or at the close): a histogram of P(yes), or a dot strip per
 * scenario, with the crowd forecast and the viewer's own standing forecast marked on it.
 */
export function SpreadPanel({
  question,
  standing,
  crowd,
  mine,
}: {
  question: Question;
  standing: readonly QuestionForecast[];
  /** The crowd forecast now (or at the close), as probabilities; null with no forecasts. */
  crowd: readonly number[] | null;
  /** The viewer's standing forecast, as probabilities; null for visitors and before they forecast. */
  mine: readonly number[] | null;
}) {
  const marks = { crowd: crowd?.map(percentValue) ?? null, mine: mine?.map(percentValue) ?? null };
  const binary = question.type === "binary";
  const slug = question.id.replace(/[^A-Za-z0-9_-]+/g, "-");
  const byValue = [...standing].sort((a, b) => b.probabilities[binary ? 1 : 0] - a.probabilities[binary ? 1 : 0]);
  const columns = [
    { key: "forecaster", label: "Forecaster" },
    ...(binary
      ? [{ key: "p1", label: "Standing P(yes) (%)" }]
      : question.options.map((label, i) => ({ key: `p${i}`, label: `${label} (%)` }))),
    { key: "madeAt", label: "Made at (UTC)" },
  ];
  const rows = byValue.map((f) => {
    const row: Record<string, string | number | null> = { forecaster: f.name, madeAt: new Date(f.time).toISOString() };
    f.probabilities.forEach((p, i) => (row[`p${i}`] = percentValue(p)));
    return row;
  });
  return (
    <section aria-labelledby="spread-heading" className="card">
      <h2 id="spread-heading">Spread of forecasts</h2>
      <ChartFrame
        title={binary ? "Standing forecasts: how many forecasters give each P(yes)" : "Standing forecasts per scenario"}
        description={`Each forecaster's latest forecast (${standing.length} forecasters).`}
        csvFilename={`forecast-spread-${slug}.csv`}
        columns={columns}
        rows={rows}
        testId="forecast-spread-chart"
        points={binary ? standing.length : standing.length * question.options.length}
        emptyMessage="No forecasts yet."
      >
        {binary ? (
          <BinarySpreadChart
            percents={standing.map((f) => percentValue(f.probabilities[1]))}
            crowd={marks.crowd?.[1] ?? null}
            mine={marks.mine?.[1] ?? null}
          />
        ) : (
          <ScenarioSpreadChart
            options={question.options}
            crowd={marks.crowd}
            mine={marks.mine}
            points={standing.flatMap((f) =>
              f.probabilities.map((p, scenario) => ({ scenario, percent: percentValue(p), forecaster: f.name })),
            )}
          />
        )}
      </ChartFrame>
    </section>
  );
}
