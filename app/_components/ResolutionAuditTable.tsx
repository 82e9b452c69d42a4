import Link from "next/link";
import { LocalTime } from "@/components/forecast/LocalTime";
import { Table } from "@/components/ui/Table";
import { snapshotOutcome, type AuditEntry, type ResolutionSnapshot } from "@/db/queries/resolutions";
import { outcomeLabel } from "@/lib/outcome-label";

const ACTION_LABEL = { resolve: "Resolved", correct: "Corrected", annul: "Annulled", undo: "Undone" } as const;

/** A resolution as it stood before or after a change: outcome by name, resolve time, evidence (shortened; whole on hover). */
function SnapshotText({ entry, snap }: { entry: AuditEntry; snap: ResolutionSnapshot | null }) {
  if (!snap) return <span className="muted">unresolved</span>;
  const question = { type: entry.questionType, options: entry.questionOptions, scale: entry.questionScale };
  return (
    <>
      {outcomeLabel(question, snapshotOutcome(snap))} · <LocalTime ms={snap.resolveTime} />
      {snap.evidence ? (
        <span className="muted" title={snap.evidence}> · {snap.evidence.length > 80 ? `${snap.evidence.slice(0, 80)}…` : snap.evidence}</span>
      ) : null}
    </>
  );
}

/**
 * Resolution changes (listResolutionAudit), newest first: when, who, what changed, before and after.
 * `showQuestion` adds a column linking each change's question (the desk-wide audit log); `inCard`
 * as for Table.
 */
export function ResolutionAuditTable({
  entries,
  showQuestion = false,
  inCard = true,
  testId,
}: {
  entries: readonly AuditEntry[];
  showQuestion?: boolean;
  inCard?: boolean;
  testId: string;
}) {
  return (
    <Table
      testId={testId}
      inCard={inCard}
      columns={[
        { label: "When" },
        { label: "Who" },
        showQuestion ? { label: "Question" } : null,
        { label: "Change" },
        { label: "Before" },
        { label: "After" },
      ]}
    >
      {entries.map((e) => (
        <tr key={e.id}>
          <td className="small">
            <LocalTime ms={e.at} />
          </td>
          <td>{e.actor?.name ?? "—"}</td>
          {showQuestion ? (
            <td>
              <Link href={`/questions/${encodeURIComponent(e.questionId)}`}>{e.questionTitle}</Link>
            </td>
          ) : null}
          <td>{ACTION_LABEL[e.action]}</td>
          <td className="small">
            <SnapshotText entry={e} snap={e.before} />
          </td>
          <td className="small">
            <SnapshotText entry={e} snap={e.after} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
