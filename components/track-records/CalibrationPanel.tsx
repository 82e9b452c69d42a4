import { ChartFrame } from "@/components/charts/ChartFrame";
import { ReliabilityDiagram, type ReliabilityPoint } from "@/components/charts/ReliabilityDiagram";
import type { CalibrationBin } from "@/lib/calibration/bins";
import { csvNumber, formatBinRange } from "./score-format";

/**
 * A reliability diagram in its frame: every bin in the table and CSV, only the non-empty bins
 * drawn (data-points = their count), the forecast histogram underneath.
 */
export function CalibrationPanel({
  title,
  description,
  bins,
  histogram,
  csvFilename,
  testId,
  countLabel,
}: {
  title: string;
  description?: string;
  /** calibrate(…).bins (lib/calibration/bins): empty bins carry nulls. */
  bins: readonly CalibrationBin[];
  histogram: Array<{ lo: number; hi: number; n: number }>;
  csvFilename: string;
  testId: string;
  countLabel?: string;
}) {
  const drawn: ReliabilityPoint[] = bins
    .filter((b) => b.n > 0 && b.meanForecast !== null && b.observed !== null)
    .map((b) => ({
      lo: b.lo,
      hi: b.hi,
      n: b.n,
      meanForecast: b.meanForecast!,
      observed: b.observed!,
      jeffreysLo: b.jeffreysLo!,
      jeffreysHi: b.jeffreysHi!,
    }));
  const rows = drawn.length === 0 ? [] : bins.map((b) => ({
    bin: formatBinRange(b),
    n: csvNumber(b.n),
    meanForecast: csvNumber(b.meanForecast),
    observed: csvNumber(b.observed),
    jeffreysLo: csvNumber(b.jeffreysLo),
    jeffreysHi: csvNumber(b.jeffreysHi),
  }));
  return (
    <ChartFrame
      title={title}
      description={description}
      csvFilename={csvFilename}
      testId={testId}
      points={drawn.length}
      emptyMessage="No resolved binary forecasts in this selection."
      columns={[
        { key: "bin", label: "Bin (forecast %)" },
        { key: "n", label: "n (forecasts)" },
        { key: "meanForecast", label: "Mean forecast (probability)" },
        { key: "observed", label: "Observed frequency (probability)" },
        { key: "jeffreysLo", label: "95% Jeffreys lower" },
        { key: "jeffreysHi", label: "95% Jeffreys upper" },
      ]}
      rows={rows}
    >
      <ReliabilityDiagram points={drawn} histogram={histogram} countLabel={countLabel} />
    </ChartFrame>
  );
}
