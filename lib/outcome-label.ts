import type { Outcome, ScoringQuestion } from "@/lib/types";

/**
 * An outcome as people read it: "Yes" or "No" on a binary question (options ["no", "yes"]), the
 * scenario's label on a scenario set, "Annulled" for an annulment.
 */
export function outcomeLabel(question: Pick<ScoringQuestion, "type" | "options">, outcome: Outcome): string {
  if (outcome.kind === "annulled") return "Annulled";
  if (question.type === "binary") return outcome.option === 1 ? "Yes" : "No";
  return question.options[outcome.option] ?? `option ${outcome.option}`;
}
