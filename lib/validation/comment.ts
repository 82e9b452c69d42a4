import * as z from "zod";

/** Longest comment body, in characters after trimming. */
export const COMMENT_MAX = 5_000;

const commentBody = z
  .string({ error: "Write a comment before posting" })
  .trim()
  .min(1, "Write a comment before posting")
  .max(COMMENT_MAX, `Comment must be at most ${COMMENT_MAX.toLocaleString("en-US")} characters`);

/** A comment id as a form sends it: the digits of a positive whole number. */
const commentId = (what: string) =>
  z
    .string({ error: `${what} is missing` })
    .regex(/^[1-9][0-9]{0,14}$/, `${what} must be a comment number`)
    .transform(Number);

/**
 * The comment form: which question, a body of 1..5,000 characters once trimmed and, for a reply, the
 * comment it answers (absent or empty: a new comment).
 */
export const commentInput = z.object({
  questionId: z.string({ error: "Question is missing" }).min(1, "Question is missing"),
  body: commentBody,
  parentId: z.preprocess((v) => (v === null || v === "" ? undefined : v), commentId("Reply target").optional()),
});

/** The edit form: which comment and its new body (the same rules as posting). */
export const commentEditInput = z.object({ commentId: commentId("Comment"), body: commentBody });

/** The delete form: which comment. */
export const commentDeleteInput = z.object({ commentId: commentId("Comment") });

export type CommentInput = z.infer<typeof commentInput>;

type CommentField = "questionId" | "body" | "parentId" | "commentId";

/** The first message of each field, for showing next to it. */
export function commentFieldErrors(error: z.ZodError): Partial<Record<CommentField, string>> {
  const out: Partial<Record<CommentField, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if ((key === "questionId" || key === "body" || key === "parentId" || key === "commentId") && !(key in out)) out[key] = issue.message;
  }
  return out;
}
