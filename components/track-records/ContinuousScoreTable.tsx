import Link from "next/link";
import { Table } from "@/components/ui/Table";

import { formatMoment } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { formatQuestionValue } from "@/lib/outcome-label";
import { CONTINUOUS_TYPE_LABELS, type ContinuousScoredRow } from "@/lib/track-records/continuous-record";

/**
 * A forecaster's scored numeric and date questions (soonest resolution first): the log score of the
 * outcome's bucket, CRPS (final and time-averaged), PIT, and the baseline, peer and coverage on the
 * common scale (docs/continuous.md §4–5).
 */
export function ContinuousScoreTable({ rows }: { rows: readonly ContinuousScoredRow[] }) {
  return (
    <Table
      testId="continuous-score-table"
      inCard={false}
      caption="Scored numeric and date questions"
      columns={[
        { label: "Question" },
        { label: "Type" },
        { label: "Resolved (UTC)" },
        { label: "Outcome" },
        { label: <span title="ln of the probability given to the outcome's bucket (1 of 202), higher is better">Log score</span>, cardLabel: "Log score", numeric: true },
        { label: <span title="On the question's internal 0–1 scale, lower is better">CRPS</span>, cardLabel: "CRPS", numeric: true },
        { label: <span title="CRPS averaged over the time the forecast covered">Time-avg. CRPS</span>, cardLabel: "Time-avg. CRPS", numeric: true },
        { label: <span title="The forecast's CDF at the outcome: 50% is a central outcome">PIT</span>, cardLabel: "PIT", numeric: true },
        { label: <span title="Points, higher is better">Baseline</span>, cardLabel: "Baseline", numeric: true },
        { label: <span title="Points, higher is better">Peer</span>, cardLabel: "Peer", numeric: true },
        { label: "Coverage", numeric: true },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.row.question} data-question={r.row.question}>
          <td>
            <Link href={`/questions/${encodeURIComponent(r.row.question)}`}>{r.title}</Link>
          </td>
          <td>{CONTINUOUS_TYPE_LABELS[r.type]}</td>
          <td>{formatMoment(r.resolveTime, "date", "UTC")}</td>
          <td>{formatQuestionValue(r.type, r.outcome, r.unit)}</td>
          <td className="num" data-field="final-log-score">{formatNumber(r.row.finalLogScore, "score")}</td>
          <td className="num" data-field="crps">{formatNumber(r.row.crps, "score")}</td>
          <td className="num" data-field="crps-time-avg">{formatNumber(r.row.crpsTimeAvg, "score")}</td>
          <td className="num" data-field="pit">{formatNumber(r.row.pit, "probability")}</td>
          <td className="num" data-field="baseline">{formatNumber(r.row.baseline, "points")}</td>
          <td className="num" data-field="peer">{formatNumber(r.row.peer, "points")}</td>
          <td className="num" data-field="coverage">{formatNumber(r.row.coverage, "probability")}</td>
        </tr>
      ))}
    </Table>
  );
}
