import { ChartFrame } from "@/components/charts/ChartFrame";
import { BinarySpreadChart, ScenarioSpreadChart } from "@/components/charts/ForecastSpread";
import type { Question } from "@/lib/types";
import type { QuestionForecast } from "@/db/queries/forecasts";
import { percentValue } from "@/components/forecast/forecast-display";

/** Everyone's standing forecast now (or at the close): a histogram of P(yes), or a dot strip per scenario. */
export function SpreadPanel({ question, standing }: { question: Question; standing: readonly QuestionForecast[] }) {
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
          <BinarySpreadChart percents={standing.map((f) => percentValue(f.probabilities[1]))} />
        ) : (
          <ScenarioSpreadChart
            options={question.options}
            points={standing.flatMap((f) =>
              f.probabilities.map((p, scenario) => ({ scenario, percent: percentValue(p), forecaster: f.name })),
            )}
          />
        )}
      </ChartFrame>
    </section>
  );
}
