"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/app/_auth/session";
import { getDb } from "@/db/client";
import { addComment, deleteComment, editComment } from "@/db/queries/comments";
import { commentDeleteInput, commentEditInput, commentFieldErrors, commentInput } from "@/lib/validation/comment";
import { BAD_FORM, isFormData } from "@/app/_forms/action-input";

// Posting, replying, editing and deleting, each checked by the same zod rules as the form in the page
// and then by the database's rules (lib/comments: one level of replies; edit and delete one's own for
// 15 minutes, an admin deletes any), at the server's clock. A refusal writes nothing.

/** `fieldErrors.body` shows under the box; `message` belongs to no field. */
export type CommentFormState =
  | { ok: true; message: string; commentId: number }
  | { ok: false; message?: string; fieldErrors: { body?: string } }
  | null;

/** Posts the signed-in viewer's comment on a question, or with `parentId` a reply to a comment. */
export async function postComment(_prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM, fieldErrors: {} };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to comment.", fieldErrors: {} };
  const parsed = commentInput.safeParse({ questionId: form.get("questionId"), body: form.get("body"), parentId: form.get("parentId") });
  if (!parsed.success) {
    const errors = commentFieldErrors(parsed.error);
    return { ok: false, message: errors.questionId ?? errors.parentId, fieldErrors: { body: errors.body } };
  }
  const saved = addComment(getDb(), { ...parsed.data, authorId: viewer.id, createdAt: Date.now() });
  if (!saved.ok) return { ok: false, message: saved.reason, fieldErrors: {} };
  revalidatePath(`/questions/${saved.questionId}`);
  return { ok: true, message: parsed.data.parentId === undefined ? "Comment posted." : "Reply posted.", commentId: saved.id };
}

/** Replaces the body of the viewer's own comment, within 15 minutes of posting it. */
export async function saveCommentEdit(_prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM, fieldErrors: {} };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to edit your comments.", fieldErrors: {} };
  const parsed = commentEditInput.safeParse({ commentId: form.get("commentId"), body: form.get("body") });
  if (!parsed.success) {
    const errors = commentFieldErrors(parsed.error);
    return { ok: false, message: errors.commentId, fieldErrors: { body: errors.body } };
  }
  const saved = editComment(getDb(), { ...parsed.data, actorId: viewer.id, now: Date.now() });
  if (!saved.ok) return { ok: false, message: saved.reason, fieldErrors: {} };
  revalidatePath(`/questions/${saved.questionId}`);
  return { ok: true, message: "Comment saved.", commentId: saved.id };
}

/** Deletes the viewer's own comment within 15 minutes of posting it, or (an admin) any comment. */
export async function removeComment(_prev: CommentFormState, form: FormData): Promise<CommentFormState> {
  if (!isFormData(form)) return { ok: false, message: BAD_FORM, fieldErrors: {} };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Sign in to delete your comments.", fieldErrors: {} };
  const parsed = commentDeleteInput.safeParse({ commentId: form.get("commentId") });
  if (!parsed.success) return { ok: false, message: commentFieldErrors(parsed.error).commentId, fieldErrors: {} };
  const saved = deleteComment(getDb(), { ...parsed.data, actorId: viewer.id, now: Date.now() });
  if (!saved.ok) return { ok: false, message: saved.reason, fieldErrors: {} };
  revalidatePath(`/questions/${saved.questionId}`);
  return { ok: true, message: "Comment deleted.", commentId: saved.id };
}
