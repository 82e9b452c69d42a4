"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { addComment } from "@/db/queries/comments";
import { commentFieldErrors, commentInput } from "@/lib/validation/comment";
import { BAD_FORM, isFormData } from "@/app/_forms/action-input";

/** `fieldErrors.body` shows under the Comment box; `message` belongs to no field. */
export type CommentFormState =
  | { ok: true; message: string; commentId: number }
  | { ok: false; message?: string; fieldErrors: { body?: string } }
  | null;

/** Posts the signed-in viewer's comment on a question at the server's clock. */
export async function postComment(_prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM, fieldErrors: {} };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to comment.", fieldErrors: {} };
  const parsed = commentInput.safeParse({ questionId: form.get("questionId"), body: form.get("body") });
  if (!parsed.success) {
    const errors = commentFieldErrors(parsed.error);
    return { ok: false, message: errors.questionId, fieldErrors: { body: errors.body } };
  }
  const saved = addComment(getDb(), { ...parsed.data, authorId: viewer.id, createdAt: Date.now() });
  if (!saved.ok) return { ok: false, message: saved.reason, fieldErrors: {} };
  revalidatePath(`/questions/${parsed.data.questionId}`);
  return { ok: true, message: "Comment posted.", commentId: saved.id };
}
