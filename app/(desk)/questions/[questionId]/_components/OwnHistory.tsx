import { LocalTime } from "@/components/forecast/LocalTime";
import type { QuestionForecast } from "@/db/queries/forecasts";
import type { Question } from "@/lib/types";
import { percentText } from "@/components/forecast/forecast-display";

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
        <div className="table-wrap">
          <table className="table" aria-labelledby="own-history-heading" data-testid="own-history">
            <thead>
              <tr>
                <th scope="col">Made at</th>
                {binary ? (
                  <th scope="col" className="num">
                    P(yes)
                  </th>
                ) : (
                  question.options.map((label, i) => (
                    <th scope="col" className="num" key={i}>
                      {label}
                    </th>
                  ))
                )}
                <th scope="col">Rationale</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((f) => (
                <tr key={f.id}>
                  <td>
                    <LocalTime ms={f.time} />
                  </td>
                  {(binary ? [f.probabilities[1]] : f.probabilities).map((p, i) => (
                    <td className="num mono" key={i}>
                      {percentText(p)}
                    </td>
                  ))}
                  <td style={{ whiteSpace: "pre-wrap" }}>{f.rationale ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
