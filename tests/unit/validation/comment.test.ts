import { describe, expect, it } from "vitest";
import { COMMENT_MAX, commentFieldErrors, commentInput } from "@/lib/validation/comment";

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
