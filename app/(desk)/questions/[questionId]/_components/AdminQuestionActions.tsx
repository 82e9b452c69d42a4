import Link from "next/link";
import { publishQuestionAction } from "../edit/actions";

/** Admins, on every question page (drafts included): Edit, and Publish while it is a draft. */
export function AdminQuestionActions({ questionId, isDraft }: { questionId: string; isDraft: boolean }) {
  return (
    <div className="row" style={{ gap: "0.5rem", marginTop: "0.5rem" }} data-testid="admin-question-actions">
      <Link href={`/questions/${encodeURIComponent(questionId)}/edit`} className="btn btn-small">
        Edit question
      </Link>
      {isDraft ? (
        <form action={publishQuestionAction.bind(null, questionId)}>
          <button type="submit" className="btn btn-small btn-primary">
            Publish
          </button>
        </form>
      ) : null}
    </div>
  );
}
