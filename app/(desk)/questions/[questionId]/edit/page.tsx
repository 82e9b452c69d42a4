import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuestionForm } from "@/app/(desk)/questions/new/_components/QuestionForm";
import { requireAdmin } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { getDiscreteQuestion, questionHasForecasts } from "@/db/queries/questions";
import { resolveByDateValue } from "@/lib/validation/wall-clock";
import { updateQuestionAction } from "./actions";

export const metadata: Metadata = { title: "Edit question" };

export default async function EditQuestionPage({ params }: { params: Promise<{ questionId: string }> }) {
  await requireAdmin();
  const { questionId } = await params;
  const db = getDb();
  const id = decodeURIComponent(questionId);
  const q = getDiscreteQuestion(db, id);
  // Numeric and date questions have their own fields (scale, unit, bounds): not editable in this form yet.
  if (!q) notFound();
  return (
    <>
      <p className="small">
        <Link href={`/questions/${encodeURIComponent(q.id)}`}>← Back to the question</Link>
      </p>
      <h1>Edit question</h1>
      <QuestionForm
        action={updateQuestionAction.bind(null, q.id)}
        submitLabel="Save changes"
        lockedType={questionHasForecasts(db, q.id)}
        defaults={{
          title: q.title,
          description: q.description,
          resolutionCriteria: q.resolutionCriteria,
          tags: q.tags.join(", "),
          openTime: q.openTime,
          closeTime: q.closeTime,
          resolveBy: q.resolveBy === null ? "" : resolveByDateValue(q.resolveBy),
          type: q.type,
          scenarios: q.type === "multiple_choice" ? q.options.join("\n") : "",
          hideCrowdUntilForecast: q.hideCrowdUntilForecast,
          isDraft: q.isDraft,
        }}
      />
    </>
  );
}
