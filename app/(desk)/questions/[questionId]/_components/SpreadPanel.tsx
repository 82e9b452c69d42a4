import { ChartFrame } from "@/components/charts/ChartFrame";
import { BinarySpreadChart, ScenarioSpreadChart } from "@/components/charts/ForecastSpread";
import type { Question } from "@/lib/types";
import type { QuestionForecast } from "@/db/queries/forecasts";
import type { FullChartData } from "@/components/charts/ChartFrame";
import { percentValue } from "@/components/forecast/forecast-display";
import { spreadTable } from "./chart-tables";
import { binSpread, scenarioSpreadDots } from "@/components/charts/spread-bins";

/** Rows of the spread's table sent with the page when the full table is offered as a CSV. */
export const SPREAD_TABLE_ROWS = 50;

/**
 * Everyone's standing forecast now (or at the close): a histogram of P(yes), or a dot strip per
 * scenario, with the crowd forecast and the viewer's own standing forecast marked on it.
 */
export function SpreadPanel({
  question,
  standing,
  crowd,
  mine,
  fullData,
}: {
  question: Question;
  standing: readonly QuestionForecast[];
  /** The crowd forecast now (or at the close), as probabilities; null with no forecasts. */
  crowd: readonly number[] | null;
  /** The viewer's standing forecast, as probabilities; null for visitors and before they forecast. */
  mine: readonly number[] | null;
  /** Where the table's full data is offered (CSV) when it is too long to send with the page. */
  fullData?: FullChartData;
}) {
  const marks = { crowd: crowd?.map(percentValue) ?? null, mine: mine?.map(percentValue) ?? null };
  const binary = question.type === "binary";
  const slug = question.id.replace(/[^A-Za-z0-9_-]+/g, "-");
  // A long table goes by download only (its first rows are built, not all); the chart still draws every standing forecast.
  const { columns, rows } = spreadTable(question, standing, fullData ? SPREAD_TABLE_ROWS : undefined);
  return (
    <section aria-labelledby="spread-heading" className="card">
      <h2 id="spread-heading">Spread of forecasts</h2>
      <ChartFrame
        title={binary ? "Standing forecasts: how many forecasters give each P(yes)" : "Standing forecasts per scenario"}
        description={`Each forecaster's latest forecast (${standing.length} forecasters).`}
        csvFilename={`forecast-spread-${slug}.csv`}
        columns={columns}
        rows={rows}
        fullData={fullData}
        testId="forecast-spread-chart"
        points={binary ? standing.length : standing.length * question.options.length}
        emptyMessage="No forecasts yet."
      >
        {binary ? (
          <BinarySpreadChart
            bins={binSpread(standing.map((f) => percentValue(f.probabilities[1])))}
            crowd={marks.crowd?.[1] ?? null}
            mine={marks.mine?.[1] ?? null}
          />
        ) : (
          <ScenarioSpreadChart
            options={question.options}
            crowd={marks.crowd}
            mine={marks.mine}
            points={scenarioSpreadDots(standing.map((f) => f.probabilities.map(percentValue)))}
          />
        )}
      </ChartFrame>
    </section>
  );
}
