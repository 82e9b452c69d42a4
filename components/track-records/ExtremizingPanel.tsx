import { ChartFrame } from "@/components/charts/ChartFrame";
import { ExtremizingCurve } from "@/components/charts/ExtremizingCurve";
import { csvNumber } from "./score-format";
import { formatNumber } from "@/lib/format/number";

/** The loss-versus-d curve with the fitted d; data-points = points of the curve. */
export function ExtremizingPanel({
  fit,
  defaultD,
}: {
  fit: { d: number | null; n: number; trustworthy: boolean; curve: Array<{ d: number; meanLogLoss: number }> };
  defaultD: number;
}) {
  const note =
    fit.n === 0
      ? "No resolved binary question has forecasts yet, so d cannot be fitted."
      : fit.trustworthy
        ? `Fitted on ${fit.n} resolved binary questions: d = ${formatNumber(fit.d, "decimal")} minimises the mean log loss` +
          (fit.d !== null && (fit.d <= 0.5 + 1e-3 || fit.d >= 4 - 1e-3) ? " (at the edge of the searched range 0.5–4)" : "") +
          `. The extremized rows above use the configured d = ${defaultD}.`
        : `Only ${fit.n} resolved binary question${fit.n === 1 ? "" : "s"} (fewer than 10): the fitted d = ${formatNumber(fit.d, "decimal")} is not yet trustworthy, so the extremized method keeps the default d = ${defaultD}.`;
  return (
    <ChartFrame
      title="Extremizing factor d: mean log loss against d"
      description={note}
      csvFilename="crowd-extremizing-curve.csv"
      testId="extremizing-chart"
      points={fit.curve.length}
      emptyMessage={note}
      columns={[
        { key: "d", label: "d (unitless)" },
        { key: "meanLogLoss", label: "Mean log loss (nats)" },
      ]}
      rows={fit.curve.map((p) => ({ d: csvNumber(p.d), meanLogLoss: csvNumber(p.meanLogLoss) }))}
    >
      <ExtremizingCurve curve={fit.curve} fittedD={fit.d} defaultD={defaultD} />
    </ChartFrame>
  );
}
