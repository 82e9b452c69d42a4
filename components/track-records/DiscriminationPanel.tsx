import { ChartFrame } from "@/components/charts/ChartFrame";
import { DiscriminationChart } from "@/components/charts/DiscriminationChart";
import { csvNumber, formatBinRange } from "./score-format";

/** Forecasts on questions that resolved Yes vs No; data-points = number of bins drawn. */
export function DiscriminationPanel({
  bins,
  csvFilename,
  countLabel,
}: {
  bins: Array<{ lo: number; hi: number; yes: number; no: number }>;
  csvFilename: string;
  countLabel?: string;
}) {
  const any = bins.some((b) => b.yes > 0 || b.no > 0);
  const rows = any
    ? bins.map((b) => ({ bin: formatBinRange(b), yes: csvNumber(b.yes), no: csvNumber(b.no) }))
    : [];
  return (
    <ChartFrame
      title="Discrimination: forecasts on Yes and No questions"
      description="How often each forecast P(yes) was given on questions that resolved Yes and on those that resolved No. The further apart the two histograms, the better the forecasts tell the outcomes apart."
      csvFilename={csvFilename}
      testId="discrimination-chart"
      points={rows.length}
      emptyMessage="No resolved binary forecasts in this selection."
      columns={[
        { key: "bin", label: "Bin (forecast P(yes) %)" },
        { key: "yes", label: "Forecasts on questions resolved Yes" },
        { key: "no", label: "Forecasts on questions resolved No" },
      ]}
      rows={rows}
    >
      <DiscriminationChart bins={bins} countLabel={countLabel} />
    </ChartFrame>
  );
}
