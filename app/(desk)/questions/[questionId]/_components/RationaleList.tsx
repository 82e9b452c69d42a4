import Link from "next/link";
import { LocalTime } from "@/components/forecast/LocalTime";
import type { QuestionForecast } from "@/db/queries/forecasts";
import type { Question } from "@/lib/types";
import { forecastText } from "@/components/forecast/forecast-display";
import { Markdown } from "@/components/ui/Markdown";

/** How many rationales show before the rest fold into "Show … older". */
const VISIBLE = 10;

function RationaleItem({ question, forecast: f }: { question: Question; forecast: QuestionForecast }) {
  return (
    <li>
      <p className="small" style={{ margin: 0 }}>
        <Link href={`/forecasters/${encodeURIComponent(f.handle)}`}>{f.name}</Link>
        <span className="muted">
          {" · "}
          <LocalTime ms={f.time} />
          {" · "}
        </span>
        <span className="mono">{forecastText(f.probabilities, question.options, question.type === "binary")}</span>
      </p>
      <Markdown text={f.rationale ?? ""} className="comment-body" />
    </li>
  );
}

/** Forecasts that came with a rationale, newest first. */
export function RationaleList({ question, forecasts }: { question: Question; forecasts: readonly QuestionForecast[] }) {
  const withRationale = forecasts.filter((f) => f.rationale && f.rationale.trim()).reverse();
  const listStyle = { listStyle: "none", padding: 0, margin: 0 } as const;
  return (
    <section aria-labelledby="rationales-heading" className="card">
      <h2 id="rationales-heading">Rationales</h2>
      {withRationale.length === 0 ? (
        <p className="muted">No rationales yet.</p>
      ) : (
        <div data-testid="rationale-list" data-count={withRationale.length}>
          <ol className="stack" style={listStyle}>
            {withRationale.slice(0, VISIBLE).map((f) => (
              <RationaleItem key={f.id} question={question} forecast={f} />
            ))}
          </ol>
          {withRationale.length > VISIBLE ? (
            <details style={{ marginTop: "1rem" }}>
              <summary style={{ cursor: "pointer" }}>Show {withRationale.length - VISIBLE} older rationales</summary>
              <ol className="stack" style={{ ...listStyle, marginTop: "1rem" }}>
                {withRationale.slice(VISIBLE).map((f) => (
                  <RationaleItem key={f.id} question={question} forecast={f} />
                ))}
              </ol>
            </details>
          ) : null}
        </div>
      )}
    </section>
  );
}
