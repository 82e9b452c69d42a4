import * as z from "zod";

/** Longest comment body, in characters after trimming. */
export const COMMENT_MAX = 5_000;

/** The comment form: which question, and a body of 1..5,000 characters once trimmed. */
export const commentInput = z.object({
  questionId: z.string({ error: "Question is missing" }).min(1, "Question is missing"),
  body: z
    .string({ error: "Write a comment before posting" })
    .trim()
    .min(1, "Write a comment before posting")
    .max(COMMENT_MAX, `Comment must be at most ${COMMENT_MAX.toLocaleString("en-US")} characters`),
});

export type CommentInput = z.infer<typeof commentInput>;

/** The first message of each field ("questionId", "body"), for showing next to it. */
export function commentFieldErrors(error: z.ZodError): Partial<Record<keyof CommentInput, string>> {
  const out: Partial<Record<keyof CommentInput, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if ((key === "questionId" || key === "body") && !(key in out)) out[key] = issue.message;
  }
  return out;
}
