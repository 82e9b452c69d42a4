import { describe, expect, it } from "vitest";
import { COMMENT_MAX, commentDeleteInput, commentEditInput, commentFieldErrors, commentInput } from "@/lib/validation/comment";

const errorsOf = (input: unknown) => {
  const parsed = commentInput.safeParse(input);
  if (parsed.success) throw new Error("expected a failure");
  return commentFieldErrors(parsed.error);
};

describe("commentInput", () => {
  it("trims the body", () => {
    expect(commentInput.parse({ questionId: "q1", body: "  Base rates say 30%.\n" })).toEqual({
      questionId: "q1",
      body: "Base rates say 30%.",
    });
  });

  it("takes 1 and 5,000 characters after trimming", () => {
    expect(COMMENT_MAX).toBe(5000);
    expect(commentInput.parse({ questionId: "q1", body: "x" }).body).toBe("x");
    expect(commentInput.parse({ questionId: "q1", body: ` ${"y".repeat(5000)} ` }).body).toHaveLength(5000);
  });

  it("refuses an empty or blank body, naming the field", () => {
    for (const body of ["", "   ", "\n\t "]) expect(errorsOf({ questionId: "q1", body })).toEqual({ body: "Write a comment before posting" });
    expect(errorsOf({ questionId: "q1", body: null })).toEqual({ body: "Write a comment before posting" });
  });

  it("refuses 5,001 characters", () => {
    expect(errorsOf({ questionId: "q1", body: "z".repeat(5001) })).toEqual({ body: "Comment must be at most 5,000 characters" });
  });

  it("needs a question id", () => {
    expect(errorsOf({ questionId: "", body: "ok" })).toEqual({ questionId: "Question is missing" });
    expect(errorsOf({ body: "" })).toEqual({ questionId: "Question is missing", body: "Write a comment before posting" });
  });
});

describe("replies, edits and deletions", () => {
  it("a reply names its comment by number; absent or empty is a new comment", () => {
    expect(commentInput.parse({ questionId: "q1", body: "ok", parentId: "12" }).parentId).toBe(12);
    expect(commentInput.parse({ questionId: "q1", body: "ok", parentId: "" }).parentId).toBeUndefined();
    expect(commentInput.parse({ questionId: "q1", body: "ok", parentId: null }).parentId).toBeUndefined();
    for (const parentId of ["0", "-3", "1.5", "12abc", "1".repeat(16)])
      expect(errorsOf({ questionId: "q1", body: "ok", parentId })).toEqual({ parentId: "Reply target must be a comment number" });
    expect(errorsOf({ questionId: "q1", body: "ok", parentId: { $gt: 0 } })).toEqual({ parentId: "Reply target is missing" });
  });

  it("an edit takes the same body rules and a comment number; a deletion a comment number", () => {
    expect(commentEditInput.parse({ commentId: "7", body: " New words " })).toEqual({ commentId: 7, body: "New words" });
    const edit = commentEditInput.safeParse({ commentId: "x", body: " " });
    expect(edit.success ? {} : commentFieldErrors(edit.error)).toEqual({
      commentId: "Comment must be a comment number",
      body: "Write a comment before posting",
    });
    expect(commentDeleteInput.parse({ commentId: "9" })).toEqual({ commentId: 9 });
    const del = commentDeleteInput.safeParse({ commentId: null });
    expect(del.success ? {} : commentFieldErrors(del.error)).toEqual({ commentId: "Comment is missing" });
  });
});
