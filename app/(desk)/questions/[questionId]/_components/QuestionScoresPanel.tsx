import { formatNumber } from "@/lib/format/number";
import { Table } from "@/components/ui/Table";
import type { QuestionScoreSummary, ScoreLine } from "@/lib/track-records/question-score-summary";

const METRICS: ReadonlyArray<{ key: keyof ScoreLine; label: string; format: (x: number | null) => string }> = [
  { key: "finalBrier", label: "Final Brier (0–1, lower is better)", format: (x) => formatNumber(x, "score") },
  { key: "finalLogScore", label: "Final log score (ln p, higher is better)", format: (x) => formatNumber(x, "score") },
  { key: "baseline", label: "Baseline (points, higher is better)", format: (x) => formatNumber(x, "points") },
  { key: "peer", label: "Peer (points, above 0 beats the others)", format: (x) => formatNumber(x, "points") },
];

/** A resolved question's scores: the viewer's beside the crowd forecast's and the median forecaster's. */
export function QuestionScoresPanel({ summary, signedIn }: { summary: QuestionScoreSummary; signedIn: boolean }) {
  return (
    <section className="card" aria-labelledby="scores-heading" data-testid="question-scores">
      <h2 id="scores-heading">Scores on this question</h2>
      {signedIn && !summary.mine ? (
        <p className="muted small" data-testid="no-own-score">
          You have no score here: none of your forecasts counted.
        </p>
      ) : null}
      <Table
        inCard={false}
        testId="question-scores-table"
        columns={[
          { label: "Score" },
          summary.mine ? { label: "You", numeric: true } : null,
          { label: "Crowd forecast", numeric: true },
          { label: `Median forecaster (of ${summary.forecasters})`, numeric: true },
        ]}
      >
        {METRICS.map((m) => (
          <tr key={m.key} data-metric={m.key}>
            <th scope="row">{m.label}</th>
            {summary.mine ? (
              <td className="num" data-testid="score-you">
                {m.format(summary.mine[m.key])}
              </td>
            ) : null}
            <td className="num" data-testid="score-crowd">
              {m.format(summary.crowd?.[m.key] ?? null)}
            </td>
            <td className="num" data-testid="score-median">
              {m.format(summary.medianForecaster?.[m.key] ?? null)}
            </td>
          </tr>
        ))}
      </Table>
      <p className="small muted" style={{ marginBottom: 0 }}>
        Final scores take each standing forecast at the close; baseline and peer average over the question’s window, so
        the crowd forecast, a single value at the close, has none.
      </p>
    </section>
  );
}
