import { LocalTime } from "@/components/forecast/LocalTime";
import type { Question } from "@/lib/types";

/** Open, close (a deadline: midnight reads "end of …", with "in 5 days") and resolve-by times in the viewer's time zone, the tags, and the illustrative note. */
export function QuestionFacts({ question }: { question: Question }) {
  return (
    <>
      <dl className="row small" style={{ gap: "0.25rem 1.5rem", margin: "0.5rem 0" }} data-testid="question-dates">
        <div>
          <dt className="muted">Opens</dt>
          <dd style={{ margin: 0 }}>
            <LocalTime ms={question.openTime} />
          </dd>
        </div>
        <div>
          <dt className="muted">Closes</dt>
          <dd style={{ margin: 0 }}>
            <LocalTime ms={question.closeTime} style="deadline" relative />
          </dd>
        </div>
        <div>
          <dt className="muted">Resolve by</dt>
          <dd style={{ margin: 0 }}>{question.resolveBy === null ? "—" : <LocalTime ms={question.resolveBy} style="deadline" relative />}</dd>
        </div>
      </dl>
      {question.tags.length > 0 ? (
        <ul className="row" aria-label="Tags" style={{ listStyle: "none", padding: 0, margin: "0.5rem 0", gap: "0.4rem" }}>
          {question.tags.map((tag) => (
            <li key={tag} className="badge">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      {question.isIllustrative ? (
        <p className="notice notice-warn" data-testid="illustrative-note">
          <span className="badge badge-illustrative">Illustrative outcome</span> This question&apos;s outcome is
          demo data, not a matter of public record.
        </p>
      ) : null}
    </>
  );
}
