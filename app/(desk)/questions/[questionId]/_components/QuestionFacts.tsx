import { LocalTime } from "@/components/forecast/LocalTime";
import { formatQuestionValue } from "@/lib/outcome-label";
import { isContinuousQuestion, type ContinuousQuestion, type Question } from "@/lib/types";

/** "Range 0 to 28 programs; the lower bound is closed, the upper bound open": what a value may be. */
export function scaleText(q: ContinuousQuestion): string {
  const s = q.scale;
  const shown = (x: number) => formatQuestionValue(q.type, x, s.unit);
  const bound = (open: boolean) => (open ? "open" : "closed");
  return `Range ${shown(s.rangeMin)} to ${shown(s.rangeMax)}; the lower bound is ${bound(s.openLowerBound)}, the upper bound ${bound(s.openUpperBound)}`;
}

/** A numeric or date question's unit, range, scale and bounds. */
function ScaleFacts({ question }: { question: ContinuousQuestion }) {
  const s = question.scale;
  const shown = (x: number) => formatQuestionValue(question.type, x, "");
  const bound = (open: boolean, side: "below" | "above") =>
    open ? `open: the outcome may fall ${side} it` : "closed: the outcome cannot fall " + side + " it";
  return (
    <dl className="row small" style={{ gap: "0.25rem 1.5rem", margin: "0.5rem 0" }} data-testid="question-scale">
      {question.type === "numeric" ? (
        <div>
          <dt className="muted">Unit</dt>
          <dd style={{ margin: 0 }}>{s.unit || "—"}</dd>
        </div>
      ) : null}
      <div>
        <dt className="muted">Range</dt>
        <dd style={{ margin: 0 }}>
          {shown(s.rangeMin)} to {shown(s.rangeMax)}
        </dd>
      </div>
      <div>
        <dt className="muted">Scale</dt>
        <dd style={{ margin: 0 }}>
          {s.zeroPoint === null ? "linear" : `logarithmic, zero point ${formatQuestionValue(question.type, s.zeroPoint, "")}`}
        </dd>
      </div>
      <div>
        <dt className="muted">Lower bound</dt>
        <dd style={{ margin: 0 }}>{bound(s.openLowerBound, "below")}</dd>
      </div>
      <div>
        <dt className="muted">Upper bound</dt>
        <dd style={{ margin: 0 }}>{bound(s.openUpperBound, "above")}</dd>
      </div>
    </dl>
  );
}

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
      {isContinuousQuestion(question) ? <ScaleFacts question={question} /> : null}
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
