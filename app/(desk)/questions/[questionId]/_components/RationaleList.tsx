import Link from "next/link";
import { LocalTime } from "@/components/forecast/LocalTime";
import { Pager } from "@/components/ui/Pager";
import type { QuestionForecast } from "@/db/queries/forecasts";
import type { Question } from "@/lib/types";
import { forecastText } from "@/components/forecast/forecast-display";
import { Markdown } from "@/components/ui/Markdown";

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

/** Forecasts that came with a rationale, newest first, a page at a time (?rationales=N). */
export function RationaleList({
  question,
  rationales,
  pageHref,
}: {
  question: Question;
  /** db/queries/forecasts rationalePage. */
  rationales: { items: QuestionForecast[]; page: number; pageCount: number; total: number };
  /** The question page's address showing rationale page `n` (keeping the page's other parameters). */
  pageHref: (n: number) => string;
}) {
  const { items, page, pageCount, total } = rationales;
  const listStyle = { listStyle: "none", padding: 0, margin: 0 } as const;
  const href = (n: number) => `${pageHref(n)}#rationales-heading`;
  return (
    <section aria-labelledby="rationales-heading" className="card">
      <h2 id="rationales-heading">Rationales</h2>
      {total === 0 ? (
        <p className="muted">No rationales yet.</p>
      ) : (
        <div data-testid="rationale-list" data-count={total}>
          <ol className="stack" style={listStyle}>
            {items.map((f) => (
              <RationaleItem key={f.id} question={question} forecast={f} />
            ))}
          </ol>
          <Pager
            label="Rationale pages"
            page={page}
            pageCount={pageCount}
            summary={`${total} rationales`}
            href={href}
            previousText="Newer"
            nextText="Older"
          />
        </div>
      )}
    </section>
  );
}
