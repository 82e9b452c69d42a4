import type { Metadata } from "next";
import Link from "next/link";
import { requestTime } from "@/app/(desk)/request-time";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { listDueQuestions } from "@/db/queries/questions";
import { QuestionDeadline } from "@/components/forecast/QuestionDeadline";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyCard, Table } from "@/components/ui/Table";
import { resolutionDeadline } from "@/lib/question-lifecycle";

export const metadata: Metadata = { title: "Due for resolution" };
export const dynamic = "force-dynamic";

/** Every question past its resolve-by (or close, when none) with no resolution, oldest deadline first. */
export default async function DuePage() {
  const viewer = await getViewer();
  const now = await requestTime();
  const due = listDueQuestions(getDb(), now);
  const isAdmin = viewer?.role === "admin";
  return (
    <>
      <PageHeader
        title="Due for resolution"
        lede="Past the resolve-by date (or the close time when there is none) and not yet resolved. Oldest first."
      />
      {due.length === 0 ? (
        <EmptyCard>Nothing is due. Every question past its deadline has been resolved.</EmptyCard>
      ) : (
        <Table
          testId="due-list"
          columns={[
            { label: "Question" },
            { label: "Type" },
            { label: "Deadline" },
            { label: "Overdue", numeric: true },
            isAdmin ? { label: "Action" } : null,
          ]}
        >
          {due.map((q) => {
            const days = Math.floor((now - resolutionDeadline(q)) / 86_400_000);
            return (
              <tr key={q.id} data-question-id={q.id}>
                <td>
                  <Link href={`/questions/${encodeURIComponent(q.id)}`}>{q.title}</Link>
                </td>
                <td>{q.type === "binary" ? "Binary" : "Scenario set"}</td>
                <td className="small">
                  <QuestionDeadline question={q} forecastingOver />
                </td>
                <td className="num">{days < 1 ? "today" : `${days} d`}</td>
                {isAdmin ? (
                  <td>
                    <Link href={`/questions/${encodeURIComponent(q.id)}#resolution-heading`} className="btn btn-small">
                      Resolve…
                    </Link>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
