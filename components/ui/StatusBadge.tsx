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

/**
 * A question's lifecycle state as a coloured pill; a closed question past its deadline shows "Due".
 * `detail` follows the label (the question page adds the outcome: "Resolved: Yes").
 */
export function StatusBadge({
  status,
  due = false,
  detail,
  testId = "status-badge",
}: {
  status: QuestionStatus;
  due?: boolean;
  detail?: string | null;
  testId?: string;
}) {
  const key = due ? "due" : status;
  return (
    <span className={`badge badge-${key}`} data-testid={testId}>
      {LABEL[key]}
      {detail ? `: ${detail}` : ""}
    </span>
  );
}
