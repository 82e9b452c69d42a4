import { ChartFrame } from "@/components/charts/ChartFrame";
import { ScoresOverTime, type ScoresOverTimePoint } from "@/components/charts/ScoresOverTime";
import { csvNumber } from "./score-format";

/** Monthly trailing-6-month means; data-points = months whose window holds at least one question. */
export function ScoresOverTimePanel({ points, csvFilename }: { points: ScoresOverTimePoint[]; csvFilename: string }) {
  return (
    <ChartFrame
      title="Scores over time (trailing 6 months)"
      description="For each month, the mean final Brier (lower is better) and the mean peer score (higher is better) of the questions resolved in the six months up to and including it."
      csvFilename={csvFilename}
      testId="scores-over-time-chart"
      points={points.filter((p) => p.n > 0).length}
      emptyMessage="No scored questions in this selection."
      columns={[
        { key: "month", label: "Month (UTC)" },
        { key: "n", label: "Questions in window" },
        { key: "meanFinalBrier", label: "Mean final Brier (0–1)" },
        { key: "meanPeer", label: "Mean peer score (points)" },
      ]}
      rows={points.map((p) => ({ month: p.month, n: p.n, meanFinalBrier: csvNumber(p.meanFinalBrier), meanPeer: csvNumber(p.meanPeer) }))}
    >
      <ScoresOverTime points={points} />
    </ChartFrame>
  );
}
