"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { getQuestion } from "@/db/queries/questions";
import { recordResolution, undoResolution } from "@/db/queries/resolutions";
import { resolutionFormInput, type ResolutionFormFields } from "@/lib/validation/resolution";
import { submittedValues } from "@/app/_forms/submitted-values";
import { BAD_FORM, boundId, isFormData } from "@/app/_forms/action-input";

export type ResolutionFormState =
  /** `stamp`: the recordedAt of the resolution this produced (null after undo), so the form can drop a stale notice. */
  | { ok: true; seq: number; message: string; stamp: number | null }
  | {
      ok: false;
      seq: number;
      fieldErrors: Partial<Record<ResolutionFormFields, string[]>>;
      message?: string;
      values: Record<string, string>;
    }
  | null;

const DONE = { resolve: "Resolved.", correct: "Resolution corrected.", annul: "Question annulled.", undo: "Resolution undone." };

function revalidateScores(questionId: string) {
  // Scores are derived from resolutions on read: refresh every page that shows them.
  revalidatePath(`/questions/${questionId}`);
  revalidatePath("/questions");
  revalidatePath("/due");
  revalidatePath("/leaderboard");
  revalidatePath("/crowd");
  revalidatePath("/audit-log");
}

/** Resolve, correct or annul (button "intent"), admins only. */
export async function resolveQuestionAction(
  questionId: string,
  prev: ResolutionFormState,
  form: FormData,
): Promise<ResolutionFormState> {
  const seq = (typeof prev?.seq === "number" ? prev.seq : 0) + 1;
  if (!isFormData(form) || boundId(questionId) === null) return { ok: false, seq, fieldErrors: {}, message: BAD_FORM, values: {} };
  const values = submittedValues(form);
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin")
    return { ok: false, seq, fieldErrors: {}, message: "Only admins can resolve questions.", values };
  const db = getDb();
  const question = getQuestion(db, questionId);
  if (!question) return { ok: false, seq, fieldErrors: {}, message: "This question does not exist.", values };
  const now = Date.now();
  const parsed = resolutionFormInput(question, now).safeParse(values);
  if (!parsed.success) return { ok: false, seq, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const result = recordResolution(db, { questionId, ...parsed.data, actorId: viewer.id, now });
  if (!result.ok) return { ok: false, seq, fieldErrors: {}, message: result.reason, values };
  revalidateScores(questionId);
  return { ok: true, seq, message: DONE[result.action], stamp: now };
}

/** Undo the current resolution, admins only. */
export async function undoResolutionAction(questionId: string, prev: ResolutionFormState): Promise<ResolutionFormState> {
  const seq = (typeof prev?.seq === "number" ? prev.seq : 0) + 1;
  if (boundId(questionId) === null) return { ok: false, seq, fieldErrors: {}, message: BAD_FORM, values: {} };
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin")
    return { ok: false, seq, fieldErrors: {}, message: "Only admins can undo a resolution.", values: {} };
  const result = undoResolution(getDb(), { questionId, actorId: viewer.id, now: Date.now() });
  if (!result.ok) return { ok: false, seq, fieldErrors: {}, message: result.reason, values: {} };
  revalidateScores(questionId);
  return { ok: true, seq, message: DONE.undo, stamp: null };
}
