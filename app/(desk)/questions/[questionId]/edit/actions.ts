"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as z from "zod";
import type { QuestionFormState } from "@/app/(desk)/questions/new/actions";
import { submittedValues } from "@/app/_forms/submitted-values";
import { BAD_FORM, boundId, isFormData } from "@/app/_forms/action-input";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { publishQuestion, updateQuestion } from "@/db/queries/questions";
import { questionFormInput } from "@/lib/validation/question";

export async function updateQuestionAction(
  questionId: string,
  prev: QuestionFormState,
  form: FormData,
): Promise<QuestionFormState> {
  const seq = (typeof prev?.seq === "number" ? prev.seq : 0) + 1;
  if (!isFormData(form) || boundId(questionId) === null) return { ok: false, seq, fieldErrors: {}, message: BAD_FORM, values: {} };
  const values = submittedValues(form);
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin")
    return { ok: false, seq, fieldErrors: {}, message: "Only admins can edit questions. Sign in as an admin.", values };
  const parsed = questionFormInput.safeParse(values);
  if (!parsed.success) return { ok: false, seq, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const result = updateQuestion(getDb(), questionId, parsed.data, Date.now());
  if (!result.ok)
    return result.field
      ? { ok: false, seq, fieldErrors: { [result.field]: [result.reason] }, values }
      : { ok: false, seq, fieldErrors: {}, message: result.reason, values };
  revalidatePath("/questions");
  revalidatePath(`/questions/${questionId}`);
  redirect(`/questions/${encodeURIComponent(questionId)}`);
}

/** Publishes a draft (admins only); the page re-renders without the Publish button. */
export async function publishQuestionAction(questionId: string): Promise<void> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin") return;
  publishQuestion(getDb(), questionId, Date.now());
  revalidatePath("/questions");
  revalidatePath(`/questions/${questionId}`);
}
