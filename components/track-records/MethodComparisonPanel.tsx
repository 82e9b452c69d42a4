import { ChartFrame } from "@/components/charts/ChartFrame";
import { MethodComparison, type MethodDifferencePoint } from "@/components/charts/MethodComparison";
import { AGGREGATION_METHOD_LABELS, type MethodRecord } from "@/lib/track-records/method-record";
import type { AggregationMethod } from "@/lib/types";

/** Axis labels short enough to sit side by side; the table and tooltip use the full names. */
const SHORT_LABELS: Record<AggregationMethod, string> = {
  median: "Median",
  recency_weighted_median: "Recency-w. median*",
  mean: "Mean",
  geometric_odds: "Geo. mean of odds",
  extremized: "Extremized",
};
import { csvNumber } from "./score-format";

/** Paired Brier difference of each method from the default; data-points = methods with a difference. */
export function MethodComparisonPanel({ methods }: { methods: MethodRecord[] }) {
  const points: MethodDifferencePoint[] = methods
    .filter((m) => m.brierDifference.mean !== null)
    .map((m) => ({
      label: SHORT_LABELS[m.method],
      name: AGGREGATION_METHOD_LABELS[m.method] + (m.isDefault ? " (default)" : ""),
      mean: m.brierDifference.mean!,
      lo: m.brierDifference.lo,
      hi: m.brierDifference.hi,
      n: m.brierDifference.n,
    }));
  return (
    <ChartFrame
      title="Paired difference from the default method (Brier)"
      description="For each method, the mean over questions of its Brier score minus the recency-weighted median's, with a 95% paired t-interval. Below zero: the method did better than the default (* the default itself, 0 by definition)."
      csvFilename="crowd-method-differences.csv"
      testId="method-comparison-chart"
      points={points.length}
      emptyMessage="No resolved question has a crowd forecast in this selection."
      columns={[
        { key: "method", label: "Method" },
        { key: "n", label: "Questions" },
        { key: "mean", label: "Mean Brier difference" },
        { key: "lo", label: "95% interval lower" },
        { key: "hi", label: "95% interval upper" },
      ]}
      rows={points.map((p) => ({ method: p.name, n: p.n, mean: csvNumber(p.mean), lo: csvNumber(p.lo), hi: csvNumber(p.hi) }))}
    >
      <MethodComparison points={points} />
    </ChartFrame>
  );
}
