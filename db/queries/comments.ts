import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getQuestion } from "@/db/queries/questions";
import { comments } from "@/db/schema/forecasts";
import { users } from "@/db/schema/users";
import { COMMENT_MAX } from "@/lib/validation/comment";

/** A comment as the discussion shows it, with its author's name and handle. */
export interface QuestionComment {
  id: number;
  questionId: string;
  authorId: string;
  authorName: string;
  authorHandle: string;
  body: string;
  createdAt: number;
}

/** A question's comments, newest first (equal times: the later insert first). */
export function listComments(db: Db, questionId: string): QuestionComment[] {
  return db
    .select({
      id: comments.id,
      questionId: comments.questionId,
      authorId: comments.authorId,
      authorName: users.name,
      authorHandle: users.handle,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.questionId, questionId))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .all();
}

export type AddCommentResult =
  | { ok: true; id: number }
  | { ok: false; code: "not_found" | "invalid"; reason: string };

/**
 * Adds a comment (body stored trimmed). Refused, writing nothing: an unknown question, a draft unless the
 * author is an admin (drafts are hidden from everyone else), an unknown author, an empty or over-long body.
 */
export function addComment(
  db: Db,
  input: { questionId: string; authorId: string; body: string; createdAt: number },
): AddCommentResult {
  const body = input.body.trim();
  if (body === "") return { ok: false, code: "invalid", reason: "A comment cannot be empty." };
  if (body.length > COMMENT_MAX)
    return { ok: false, code: "invalid", reason: `A comment must be at most ${COMMENT_MAX.toLocaleString("en-US")} characters.` };
  if (!Number.isSafeInteger(input.createdAt)) return { ok: false, code: "invalid", reason: "The comment time must be epoch milliseconds." };
  return db.transaction((tx): AddCommentResult => {
    const author = tx.select({ role: users.role }).from(users).where(eq(users.id, input.authorId)).get();
    if (!author) return { ok: false, code: "not_found", reason: "Unknown author." };
    const question = getQuestion(tx as unknown as Db, input.questionId);
    if (!question || (question.isDraft && author.role !== "admin"))
      return { ok: false, code: "not_found", reason: "This question does not exist." };
    const rows = tx
      .insert(comments)
      .values({ questionId: question.id, authorId: input.authorId, body, createdAt: input.createdAt })
      .returning({ id: comments.id })
      .all();
    return { ok: true, id: rows[0].id };
  });
}

