import type { ContinuousOutcome, ContinuousQuestionType } from "@/lib/continuous/types";
import { formatMoment } from "@/lib/format/date";
import { formatQuantity } from "@/lib/format/number";
import type { DeskQuestionType, Outcome } from "@/lib/types";

/** A value of a numeric question (with its unit) or of a date question (a UTC day, or an instant when not midnight). */
export function formatQuestionValue(type: ContinuousQuestionType, value: number, unit: string): string {
  if (type === "numeric") return formatQuantity(value, unit);
  return value % 86_400_000 === 0 ? formatMoment(value, "date") : formatMoment(value, "datetime");
}

/**
 * An outcome as people read it: "Yes" or "No" on a binary question (options ["no", "yes"]), the
 * scenario's label on a scenario set, the value on a numeric or date question ("212 USD per 1,000 m³",
 * "4 Dec 2026"), "Annulled" for an annulment.
 */
export function outcomeLabel(
  question: { type: DeskQuestionType; options: readonly string[]; scale?: { unit: string } | null },
  outcome: Outcome | ContinuousOutcome,
): string {
  if (outcome.kind === "annulled") return "Annulled";
  if (outcome.kind === "value")
    return question.type === "numeric" || question.type === "date"
      ? formatQuestionValue(question.type, outcome.value, question.scale?.unit ?? "")
      : String(outcome.value);
  if (question.type === "binary") return outcome.option === 1 ? "Yes" : "No";
  return question.options[outcome.option] ?? `option ${outcome.option}`;
}
