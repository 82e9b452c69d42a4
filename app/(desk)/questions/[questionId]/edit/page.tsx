import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuestionForm } from "@/app/(desk)/questions/new/_components/QuestionForm";
import { requireAdmin } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { getQuestion, questionHasForecasts } from "@/db/queries/questions";
import { dateValueText } from "@/lib/validation/question-scale";
import { resolveByDateValue } from "@/lib/validation/wall-clock";
import { updateQuestionAction } from "./actions";

export const metadata: Metadata = { title: "Edit question" };

export default async function EditQuestionPage({ params }: { params: Promise<{ questionId: string }> }) {
  await requireAdmin();
  const { questionId } = await params;
  const db = getDb();
  const id = decodeURIComponent(questionId);
  const q = getQuestion(db, id);
  if (!q) notFound();
  const scale = q.scale;
  // A numeric question's range as the form writes numbers (shortest round-trip text), a date question's as dates.
  const rangeText = (x: number) => (q.type === "date" ? dateValueText(x) : String(x));
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
          unit: scale?.unit ?? "",
          rangeMin: scale ? rangeText(scale.rangeMin) : "",
          rangeMax: scale ? rangeText(scale.rangeMax) : "",
          logScale: scale?.zeroPoint != null,
          zeroPoint: scale?.zeroPoint != null ? String(scale.zeroPoint) : "",
          openLowerBound: scale?.openLowerBound ?? false,
          openUpperBound: scale?.openUpperBound ?? false,
          hideCrowdUntilForecast: q.hideCrowdUntilForecast,
          isDraft: q.isDraft,
        }}
      />
    </>
  );
}
