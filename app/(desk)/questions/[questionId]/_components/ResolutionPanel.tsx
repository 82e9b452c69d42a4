import { requestTime } from "@/app/(desk)/request-time";
import { ResolutionAuditTable } from "@/app/_components/ResolutionAuditTable";
import { getDb } from "@/db/client";
import { listResolutionAudit } from "@/db/queries/resolutions";
import { getUserById, type UserProfile } from "@/db/queries/users";
import { LocalTime } from "@/components/forecast/LocalTime";
import { outcomeLabel } from "@/lib/outcome-label";
import { isContinuousQuestion, type ContinuousQuestion, type Question } from "@/lib/types";
import { dateValueText } from "@/lib/validation/question-scale";
import { scaleText } from "./QuestionFacts";
import { resolveQuestionAction, undoResolutionAction } from "../resolve-actions";
import { ResolutionForm, UndoResolutionForm, type ValueField } from "./ResolutionForm";
import { Markdown } from "@/components/ui/Markdown";

/** The resolve form's value field for a numeric or date question. */
function valueFieldOf(question: ContinuousQuestion): ValueField {
  const outcome = question.resolution?.outcome;
  const value = outcome?.kind === "value" ? outcome.value : null;
  return {
    type: question.type,
    unit: question.scale.unit,
    hint: `${scaleText(question)}.`,
    current: value === null ? null : question.type === "date" ? dateValueText(value) : String(value),
  };
}

/**
 * The question's resolution: outcome, evidence, resolve time and who; its audit log; and for admins
 * the resolve / correct / annul / undo forms.
 */
export async function ResolutionPanel({ question, viewer }: { question: Question; viewer: UserProfile | null }) {
  const now = await requestTime();
  const db = getDb();
  const res = question.resolution;
  const resolver = res?.resolvedBy ? getUserById(db, res.resolvedBy) : null;
  const audit = listResolutionAudit(db, { questionId: question.id });
  const isAdmin = viewer?.role === "admin";
  const current =
    res === null
      ? null
      : {
          option: res.outcome.kind === "option" ? res.outcome.option : null,
          evidence: res.evidence,
          resolveTime: res.resolveTime,
        };
  return (
    <section className="card" aria-labelledby="resolution-heading" data-testid="resolution-panel">
      <h2 id="resolution-heading">Resolution</h2>
      {res ? (
        <dl className="stack" style={{ margin: 0 }}>
          <div>
            <dt className="muted small">Outcome</dt>
            <dd style={{ margin: 0, fontWeight: 600 }} data-testid="resolution-outcome">
              {outcomeLabel(question, res.outcome)}
            </dd>
          </div>
          <div>
            <dt className="muted small">Resolve time</dt>
            <dd style={{ margin: 0 }}>
              <LocalTime ms={res.resolveTime} />
            </dd>
          </div>
          <div>
            <dt className="muted small">Evidence</dt>
            <dd style={{ margin: 0 }}>
              {res.evidence ? <Markdown text={res.evidence} /> : <span className="muted">none given</span>}
            </dd>
          </div>
          <div>
            <dt className="muted small">Recorded by</dt>
            <dd style={{ margin: 0 }}>
              {resolver ? resolver.name : "unknown"} on <LocalTime ms={res.recordedAt} />
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">Not resolved yet.</p>
      )}

      {isAdmin && !question.isDraft ? (
        <div style={{ marginTop: "1.25rem" }}>
          <h3>{res ? "Correct the resolution" : "Resolve this question"}</h3>
          <ResolutionForm
            action={resolveQuestionAction.bind(null, question.id)}
            options={question.options}
            binary={question.type === "binary"}
            current={current}
            defaultResolveTime={now}
            stamp={res?.recordedAt ?? null}
            valueField={isContinuousQuestion(question) ? valueFieldOf(question) : undefined}
          />
          {res ? (
            <div style={{ marginTop: "1rem" }}>
              <UndoResolutionForm action={undoResolutionAction.bind(null, question.id)} />
            </div>
          ) : null}
        </div>
      ) : null}

      {audit.length > 0 ? (
        <details style={{ marginTop: "1.25rem" }} open={isAdmin}>
          <summary>Resolution history ({audit.length})</summary>
          <ResolutionAuditTable entries={audit} inCard={false} testId="resolution-audit" />
        </details>
      ) : null}
    </section>
  );
}
