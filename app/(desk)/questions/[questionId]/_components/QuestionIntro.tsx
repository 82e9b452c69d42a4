import { StatusBadge } from "@/components/ui/StatusBadge";
import { Markdown } from "@/components/ui/Markdown";
import type { UserProfile } from "@/db/queries/users";
import { outcomeLabel } from "@/lib/outcome-label";
import { isDueForResolution, questionStatus } from "@/lib/question-lifecycle";
import type { Question } from "@/lib/types";
import { AdminQuestionActions } from "./AdminQuestionActions";
import { QuestionFacts } from "./QuestionFacts";

/** What kind of question it is, as the badge says. */
function typeBadge(question: Question): string {
  switch (question.type) {
    case "binary":
      return "Yes / No";
    case "multiple_choice":
      return `Scenario set · ${question.options.length} scenarios`;
    case "numeric":
      return question.scale.unit ? `Numeric · ${question.scale.unit}` : "Numeric";
    case "date":
      return "Date";
  }
}

/** The question page's header (status, type, title, facts, admin actions), description and resolution criteria. */
export function QuestionIntro({ question, viewer, now }: { question: Question; viewer: UserProfile | null; now: number }) {
  const status = questionStatus(question, now);
  const outcome = question.outcome ? outcomeLabel(question, question.outcome) : null;
  return (
    <>
      <header>
        <p className="row" style={{ margin: "0 0 0.25rem", gap: "0.4rem" }}>
          <StatusBadge status={status} detail={status === "resolved" ? outcome : null} testId="question-status" />
          {isDueForResolution(question, now) ? <span className="badge badge-due">Due for resolution</span> : null}
          <span className="badge" data-testid="question-type">
            {typeBadge(question)}
          </span>
        </p>
        <h1>{question.title}</h1>
        <QuestionFacts question={question} />
        {viewer?.role === "admin" ? <AdminQuestionActions questionId={question.id} isDraft={question.isDraft} /> : null}
      </header>

      {question.description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading" className="sr-only">
            Description
          </h2>
          <Markdown text={question.description} className="question-description" />
        </section>
      ) : null}
      <section aria-labelledby="criteria-heading" className="card">
        <h2 id="criteria-heading">Resolution criteria</h2>
        {question.resolutionCriteria ? <Markdown text={question.resolutionCriteria} /> : <p style={{ margin: 0 }}>None given.</p>}
        {question.type === "multiple_choice" ? (
          <>
            <h3 className="small muted" style={{ marginTop: "0.75rem" }}>
              Scenarios
            </h3>
            <ol style={{ margin: 0 }}>
              {question.options.map((label, i) => (
                <li key={i}>{label}</li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </>
  );
}
