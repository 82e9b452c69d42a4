import Link from "next/link";
import { LocalTime } from "@/components/forecast/LocalTime";
import type { QuestionForecast } from "@/db/queries/forecasts";
import type { Question } from "@/lib/types";
import { forecastText } from "./forecast-display";

/** Forecasts that came with a rationale, newest first. */
export function RationaleList({ question, forecasts }: { question: Question; forecasts: readonly QuestionForecast[] }) {
  const withRationale = forecasts.filter((f) => f.rationale && f.rationale.trim()).reverse();
  return (
    <section aria-labelledby="rationales-heading" className="card">
      <h2 id="rationales-heading">Rationales</h2>
      {withRationale.length === 0 ? (
        <p className="muted">No rationales yet.</p>
      ) : (
        <ol className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="rationale-list">
          {withRationale.map((f) => (
            <li key={f.id}>
              <p className="small" style={{ margin: 0 }}>
                <Link href={`/forecasters/${encodeURIComponent(f.handle)}`}>{f.name}</Link>
                <span className="muted">
                  {" · "}
                  <LocalTime ms={f.time} />
                  {" · "}
                </span>
                <span className="mono">{forecastText(f.probabilities, question.options, question.type === "binary")}</span>
              </p>
              <p style={{ margin: "0.25rem 0 0", whiteSpace: "pre-wrap" }}>{f.rationale}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
