import type { Metadata } from "next";
import Link from "next/link";
import { requestTime } from "@/app/(desk)/request-time";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { listDueQuestions } from "@/db/queries/questions";
import { LocalTime } from "@/components/forecast/LocalTime";

export const metadata: Metadata = { title: "Due for resolution" };
export const dynamic = "force-dynamic";

/** Every question past its resolve-by (or close, when none) with no resolution, oldest deadline first. */
export default async function DuePage() {
  const viewer = await getViewer();
  const now = await requestTime();
  const due = listDueQuestions(getDb(), now);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Due for resolution</h1>
          <p className="muted" style={{ margin: 0 }}>
            Past the resolve-by date (or the close time when there is none) and not yet resolved. Oldest first.
          </p>
        </div>
      </div>
      {due.length === 0 ? (
        <div className="card">
          <p style={{ margin: 0 }}>Nothing is due. Every question past its deadline has been resolved.</p>
        </div>
      ) : (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table className="table" data-testid="due-list">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Type</th>
                <th scope="col">Deadline</th>
                <th scope="col" className="num">
                  Overdue
                </th>
                {viewer?.role === "admin" ? <th scope="col">Action</th> : null}
              </tr>
            </thead>
            <tbody>
              {due.map((q) => {
                const deadline = q.resolveBy ?? q.closeTime;
                const days = Math.floor((now - deadline) / 86_400_000);
                return (
                  <tr key={q.id} data-question-id={q.id}>
                    <td>
                      <Link href={`/questions/${encodeURIComponent(q.id)}`}>{q.title}</Link>
                    </td>
                    <td>{q.type === "binary" ? "Binary" : "Scenario set"}</td>
                    <td className="small">
                      {q.resolveBy !== null ? "Resolve by " : "Closed "}
                      <LocalTime ms={deadline} />
                    </td>
                    <td className="num">{days < 1 ? "today" : `${days} d`}</td>
                    {viewer?.role === "admin" ? (
                      <td>
                        <Link href={`/questions/${encodeURIComponent(q.id)}#resolution-heading`} className="btn btn-small">
                          Resolve…
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
