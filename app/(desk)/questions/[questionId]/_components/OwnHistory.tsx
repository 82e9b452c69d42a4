import { LocalTime } from "@/components/forecast/LocalTime";
import type { QuestionForecast } from "@/db/queries/forecasts";
import type { Question } from "@/lib/types";
import { formatNumber } from "@/lib/format/number";
import { Table } from "@/components/ui/Table";
import { Markdown } from "@/components/ui/Markdown";

/** The viewer's own forecasts on this question, newest first. */
export function OwnHistory({ question, forecasts }: { question: Question; forecasts: readonly QuestionForecast[] }) {
  const binary = question.type === "binary";
  const newestFirst = [...forecasts].reverse();
  return (
    <section aria-labelledby="own-history-heading" className="card">
      <h2 id="own-history-heading">Your forecasts</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">You have not forecast on this question yet.</p>
      ) : (
        <Table
          testId="own-history"
          inCard={false}
          caption="Your forecasts"
          columns={[
            { label: "Made at" },
            ...(binary ? ["P(yes)"] : question.options).map((label) => ({ label, numeric: true })),
            { label: "Rationale" },
          ]}
        >
              {newestFirst.map((f) => (
                <tr key={f.id}>
                  <td>
                    <LocalTime ms={f.time} />
                  </td>
                  {(binary ? [f.probabilities[1]] : f.probabilities).map((p, i) => (
                    <td className="num mono" key={i}>
                      {formatNumber(p, "probability")}
                    </td>
                  ))}
                  <td>{f.rationale ? <Markdown text={f.rationale} /> : <span className="muted">—</span>}</td>
                </tr>
              ))}
        </Table>
      )}
    </section>
  );
}
