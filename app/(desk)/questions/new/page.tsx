import type { Metadata } from "next";
import { requireAdmin } from "@/app/_auth/session";
import { createQuestionAction } from "./actions";
import { QuestionForm } from "./_components/QuestionForm";

export const metadata: Metadata = { title: "New question" };

export default async function NewQuestionPage() {
  await requireAdmin();
  return (
    <>
      <h1>New question</h1>
      <QuestionForm
        action={createQuestionAction}
        submitLabel="Create question"
        defaults={{
          title: "",
          description: "",
          resolutionCriteria: "",
          tags: "",
          openTime: null,
          closeTime: null,
          resolveBy: "",
          type: "binary",
          scenarios: "",
          hideCrowdUntilForecast: true,
          isDraft: false,
        }}
      />
    </>
  );
}
