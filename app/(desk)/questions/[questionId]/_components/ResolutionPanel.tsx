import { requestTime } from "@/app/(desk)/request-time";
import { getDb } from "@/db/client";
import { listResolutionAudit, type ResolutionSnapshot } from "@/db/queries/resolutions";
import { getUserById, type UserProfile } from "@/db/queries/users";
import { LocalTime } from "@/components/forecast/LocalTime";
import type { Question } from "@/lib/types";
import { resolveQuestionAction, undoResolutionAction } from "../resolve-actions";
import { ResolutionForm, UndoResolutionForm } from "./ResolutionForm";

function outcomeName(q: Question, snap: { outcome: number | null; annulled: boolean }): string {
  if (snap.annulled) return "Annulled";
  if (snap.outcome === null) return "—";
  return q.type === "binary" ? (snap.outcome === 1 ? "Yes" : "No") : (q.options[snap.outcome] ?? `option ${snap.outcome}`);
}

function SnapshotText({ q, snap }: { q: Question; snap: ResolutionSnapshot | null }) {
  if (!snap) return <span className="muted">unresolved</span>;
  return (
    <>
      {outcomeName(q, snap)} · <LocalTime ms={snap.resolveTime} />
      {snap.evidence ? <span className="muted"> · {snap.evidence.length > 80 ? `${snap.evidence.slice(0, 80)}…` : snap.evidence}</span> : null}
    </>
  );
}

const ACTION_LABEL = { resolve: "Resolved", correct: "Corrected", annul: "Annulled", undo: "Undone" } as const;

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
              {outcomeName(question, { outcome: current!.option, annulled: res.outcome.kind === "annulled" })}
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
            <dd style={{ margin: 0 }} className="prose">
              {res.evidence || <span className="muted">none given</span>}
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
          <div className="table-wrap">
            <table className="table" data-testid="resolution-audit">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Change</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((a) => (
                  <tr key={a.id}>
                    <td className="small">
                      <LocalTime ms={a.at} />
                    </td>
                    <td>{a.actor?.name ?? "—"}</td>
                    <td>{ACTION_LABEL[a.action]}</td>
                    <td className="small">
                      <SnapshotText q={question} snap={a.before} />
                    </td>
                    <td className="small">
                      <SnapshotText q={question} snap={a.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
