import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { listResolutionAudit, type ResolutionSnapshot } from "@/db/queries/resolutions";
import { LocalTime } from "@/components/forecast/LocalTime";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const ACTION_LABEL = { resolve: "Resolved", correct: "Corrected", annul: "Annulled", undo: "Undone" } as const;

function snapshotText(s: ResolutionSnapshot | null): string {
  if (!s) return "unresolved";
  return s.annulled ? "annulled" : `option ${s.outcome}`;
}

/** Every resolution change on the desk, newest first (admins). */
export default async function AuditLogPage() {
  await requireAdmin();
  const entries = listResolutionAudit(getDb(), { limit: 2_000 });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted" style={{ margin: 0 }}>
            Every resolution, correction, annulment and undo, newest first. Outcomes as option numbers
            (binary: 0 = No, 1 = Yes); open a question for the names.
          </p>
        </div>
      </div>
      {entries.length === 0 ? (
        <div className="card">
          <p style={{ margin: 0 }}>No resolution changes yet.</p>
        </div>
      ) : (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table className="table" data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Question</th>
                <th scope="col">Change</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="small">
                    <LocalTime ms={e.at} />
                  </td>
                  <td>{e.actor?.name ?? "—"}</td>
                  <td>
                    <Link href={`/questions/${encodeURIComponent(e.questionId)}`}>{e.questionTitle}</Link>
                  </td>
                  <td>{ACTION_LABEL[e.action]}</td>
                  <td className="small">{snapshotText(e.before)}</td>
                  <td className="small">
                    {snapshotText(e.after)}
                    {e.after ? (
                      <>
                        {" "}
                        · <LocalTime ms={e.after.resolveTime} />
                      </>
                    ) : null}
                  </td>
                  <td className="small prose">{e.after?.evidence ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
