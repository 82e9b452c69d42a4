import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hasForecast } from "@/db/queries/forecasts";
import { getQuestion } from "@/db/queries/questions";
import { comments } from "@/db/schema/forecasts";
import { users } from "@/db/schema/users";
import {
  deleteRefusal,
  editRefusal,
  replyRefusal,
  threadComments,
  type CommentActor,
  type CommentOrder,
  type CommentRefusal,
  type CommentThread,
} from "@/lib/comments";
import { isCrowdHiddenFrom } from "@/lib/question-lifecycle";
import { COMMENT_MAX } from "@/lib/validation/comment";

/** A comment as the discussion shows it, with its author's name and handle. A deleted one has an empty body. */
export interface QuestionComment {
  id: number;
  questionId: string;
  authorId: string;
  authorName: string;
  authorHandle: string;
  body: string;
  createdAt: number;
  /** The comment it replies to; null: a comment, not a reply. */
  parentId: number | null;
  editedAt: number | null;
  deletedAt: number | null;
}

/** Every comment and reply on a question, oldest first (equal times: insertion order). Deleted bodies are never read out. */
export function listComments(db: Db, questionId: string): QuestionComment[] {
  return db
    .select({
      id: comments.id,
      questionId: comments.questionId,
      authorId: comments.authorId,
      authorName: users.name,
      authorHandle: users.handle,
      body: sql<string>`CASE WHEN ${comments.deletedAt} IS NULL THEN ${comments.body} ELSE '' END`,
      createdAt: comments.createdAt,
      parentId: comments.parentId,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.questionId, questionId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
}

/**
 * A question's discussion as `viewer` reads it, threaded in `order` (lib/comments). With
 * `guardedFor` (the anchoring guard hides the crowd from that viewer) only their own words show;
 * `null` there means a visitor under the guard, who sees none.
 */
export function listCommentThreads(
  db: Db,
  questionId: string,
  order: CommentOrder,
  guardedFor?: string | null,
): CommentThread<QuestionComment>[] {
  const visible = guardedFor === undefined ? undefined : (c: QuestionComment) => c.authorId === guardedFor;
  return threadComments(listComments(db, questionId), order, visible);
}

export type CommentWriteResult =
  | { ok: true; id: number; questionId: string }
  | { ok: false; code: "not_found" | "invalid" | CommentRefusal["code"]; reason: string };

function checkBody(raw: string): { body: string } | { ok: false; code: "invalid"; reason: string } {
  const body = raw.trim();
  if (body === "") return { ok: false, code: "invalid", reason: "A comment cannot be empty." };
  if (body.length > COMMENT_MAX)
    return { ok: false, code: "invalid", reason: `A comment must be at most ${COMMENT_MAX.toLocaleString("en-US")} characters.` };
  return { body };
}

function readActor(db: Db, userId: string): CommentActor | null {
  return db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId)).get() ?? null;
}

function readFacts(db: Db, commentId: number) {
  return (
    db
      .select({
        id: comments.id,
        questionId: comments.questionId,
        authorId: comments.authorId,
        createdAt: comments.createdAt,
        parentId: comments.parentId,
        deletedAt: comments.deletedAt,
      })
      .from(comments)
      .where(eq(comments.id, commentId))
      .get() ?? null
  );
}

/**
 * Adds a comment, or with `parentId` a reply (body stored trimmed). Refused, writing nothing: an
 * unknown question, a draft unless the author is an admin (drafts are hidden from everyone else), an
 * unknown author, an empty or over-long body; for a reply also a parent that is not on this question,
 * is itself a reply (one level only), was deleted, or is hidden from the author by the anchoring guard.
 */
export function addComment(
  db: Db,
  input: { questionId: string; authorId: string; body: string; createdAt: number; parentId?: number },
): CommentWriteResult {
  const checked = checkBody(input.body);
  if (!("body" in checked)) return checked;
  if (!Number.isSafeInteger(input.createdAt)) return { ok: false, code: "invalid", reason: "The comment time must be epoch milliseconds." };
  return db.transaction((tx): CommentWriteResult => {
    const t = tx as unknown as Db;
    const author = readActor(t, input.authorId);
    if (!author) return { ok: false, code: "not_found", reason: "Unknown author." };
    const question = getQuestion(t, input.questionId);
    if (!question || (question.isDraft && author.role !== "admin"))
      return { ok: false, code: "not_found", reason: "This question does not exist." };
    if (input.parentId !== undefined) {
      const parent = readFacts(t, input.parentId);
      const hidden =
        parent !== null &&
        parent.authorId !== author.id &&
        isCrowdHiddenFrom(question, author, hasForecast(t, question.id, author.id), input.createdAt);
      const refusal = replyRefusal(parent && parent.questionId === question.id && !hidden ? parent : null);
      if (refusal) return { ok: false, ...refusal };
    }
    const rows = t
      .insert(comments)
      .values({ questionId: question.id, authorId: input.authorId, body: checked.body, createdAt: input.createdAt, parentId: input.parentId ?? null })
      .returning({ id: comments.id })
      .all();
    return { ok: true, id: rows[0].id, questionId: question.id };
  });
}

/**
 * Replaces the body of a comment (or reply) by its author within the edit window (lib/comments), at
 * the server's `now`; marks it edited. Refused, writing nothing, for anyone else, after the window, on
 * a deleted comment, or for an empty or over-long body.
 */
export function editComment(db: Db, input: { commentId: number; actorId: string; body: string; now: number }): CommentWriteResult {
  const checked = checkBody(input.body);
  if (!("body" in checked)) return checked;
  return db.transaction((tx): CommentWriteResult => {
    const t = tx as unknown as Db;
    const actor = readActor(t, input.actorId);
    const c = readFacts(t, input.commentId);
    if (!actor || !c) return { ok: false, code: "not_found", reason: "This comment does not exist." };
    const refusal = editRefusal(c, actor, input.now);
    if (refusal) return { ok: false, ...refusal };
    t.update(comments)
      .set({ body: checked.body, editedAt: input.now })
      .where(and(eq(comments.id, c.id), sql`${comments.deletedAt} IS NULL`))
      .run();
    return { ok: true, id: c.id, questionId: c.questionId };
  });
}

/**
 * Deletes a comment (or reply): its author within the edit window, an admin at any time. The row
 * stays, marked deleted, so replies under a deleted comment keep their place; its body is never shown again.
 */
export function deleteComment(db: Db, input: { commentId: number; actorId: string; now: number }): CommentWriteResult {
  return db.transaction((tx): CommentWriteResult => {
    const t = tx as unknown as Db;
    const actor = readActor(t, input.actorId);
    const c = readFacts(t, input.commentId);
    if (!actor || !c) return { ok: false, code: "not_found", reason: "This comment does not exist." };
    const refusal = deleteRefusal(c, actor, input.now);
    if (refusal) return { ok: false, ...refusal };
    t.update(comments).set({ deletedAt: input.now }).where(eq(comments.id, c.id)).run();
    return { ok: true, id: c.id, questionId: c.questionId };
  });
}
