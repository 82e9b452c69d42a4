"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as z from "zod";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { createQuestion } from "@/db/queries/questions";
import { questionFormInput, type QuestionFormFields } from "@/lib/validation/question";
import { submittedValues } from "@/app/_forms/submitted-values";
import { BAD_FORM, isFormData } from "@/app/_forms/action-input";

export type QuestionFormState = {
  ok: false;
  /** Bumps on every failed submit so the form re-mounts its fields with the submitted values. */
  seq: number;
  fieldErrors: Partial<Record<QuestionFormFields, string[]>>;
  message?: string;
  values: Record<string, string>;
} | null;

export async function createQuestionAction(prev: QuestionFormState, form: FormData): Promise<QuestionFormState> {
  const seq = (typeof prev?.seq === "number" ? prev.seq : 0) + 1;
  if (!isFormData(form)) return { ok: false, seq, fieldErrors: {}, message: BAD_FORM, values: {} };
  const values = submittedValues(form);
  const viewer = await getViewer();
  if (!viewer) return { ok: false, seq, fieldErrors: {}, message: "Sign in to propose a question.", values };
  // Analysts propose: their question is a draft until an admin publishes it, whatever the form sent.
  const parsed = questionFormInput.safeParse(viewer.role === "admin" ? values : { ...values, isDraft: "on" });
  if (!parsed.success) return { ok: false, seq, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const id = createQuestion(getDb(), parsed.data, { createdBy: viewer.id, now: Date.now() });
  revalidatePath("/questions");
  redirect(`/questions/${id}`);
}
