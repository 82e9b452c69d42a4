import type { Metadata } from "next";
import { requireViewer } from "@/app/_auth/session";
import { createQuestionAction } from "./actions";
import { QuestionForm } from "./_components/QuestionForm";

export const metadata: Metadata = { title: "New question" };

// Admins create questions; analysts propose them as drafts an admin publishes.

export default async function NewQuestionPage() {
  const viewer = await requireViewer();
  const proposing = viewer.role !== "admin";
  return (
    <>
      <h1>{proposing ? "Propose a question" : "New question"}</h1>
      {proposing ? (
        <p className="muted">Your question is saved as a draft that only you and the admins see; an admin reviews and publishes it.</p>
      ) : null}
      <QuestionForm
        action={createQuestionAction}
        submitLabel={proposing ? "Propose question" : "Create question"}
        proposing={proposing}
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
          unit: "",
          rangeMin: "",
          rangeMax: "",
          logScale: false,
          zeroPoint: "",
          openLowerBound: false,
          openUpperBound: false,
          hideCrowdUntilForecast: true,
          isDraft: false,
        }}
      />
    </>
  );
}
