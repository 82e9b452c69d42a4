import type { QuestionStatus } from "@/lib/question-lifecycle";

const LABEL: Record<QuestionStatus | "due", string> = {
  draft: "Draft",
  upcoming: "Not yet open",
  open: "Open",
  closed: "Closed",
  due: "Due",
  resolved: "Resolved",
  annulled: "Annulled",
};

/** A question's lifecycle state as a coloured pill; a closed question past its deadline shows "Due". */
export function StatusBadge({ status, due = false }: { status: QuestionStatus; due?: boolean }) {
  const key = due ? "due" : status;
  return (
    <span className={`badge badge-${key}`} data-testid="status-badge">
      {LABEL[key]}
    </span>
  );
}
