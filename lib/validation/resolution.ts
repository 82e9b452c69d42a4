import * as z from "zod";
import type { ContinuousOutcome } from "@/lib/continuous/types";
import type { DeskQuestionType, Outcome, QuestionScale } from "@/lib/types";
import { outcomeValueRefusal, readQuestionValue } from "./question-scale";
import { isKnownTimeZone, wallClockToEpochMs } from "./wall-clock";

export const EVIDENCE_MAX = 5_000;

/** Annulling needs a reason: it is the evidence of the annulment, kept in the audit log. */
export const ANNUL_REASON_REQUIRED = "Give the reason for annulling in Evidence";

/** What the resolve form asks for, once checked against the question. */
export interface ResolutionDecision {
  outcome: Outcome | ContinuousOutcome;
  resolveTime: number;
  evidence: string;
}

/**
 * The resolve form for one question: `intent` "resolve" needs an outcome (an option index; binary
 * 0 = No, 1 = Yes) or, on a numeric or date question, a `value` (a number; a date YYYY-MM-DD) within
 * its closed bounds (lib/validation/question-scale outcomeValueRefusal); "annul" needs neither but a
 * reason in `evidence`. The resolve time is wall-clock time in the viewer's zone and must
 * be after the open time and not in the future (it may be backdated). Evidence ≤ 5,000 characters.
 */
export function resolutionFormInput(
  question: { type?: DeskQuestionType; options: readonly string[]; openTime: number; scale?: QuestionScale | null },
  now: number,
) {
  return z
    .object({
      intent: z.string().default(""),
      outcome: z.string().optional(),
      value: z.string().default(""),
      evidence: z.string().default(""),
      resolveTime: z.string().default(""),
      timeZone: z.string().default("UTC"),
    })
    // Every rule in one pass so the form shows all errors at once.
    .transform((f, ctx): ResolutionDecision => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (f.intent !== "resolve" && f.intent !== "annul") issue("intent", "Choose Resolve or Annul question");
      const evidence = f.evidence.trim();
      if (f.intent === "annul" && evidence === "") issue("evidence", ANNUL_REASON_REQUIRED);
      if (evidence.length > EVIDENCE_MAX)
        issue("evidence", `Evidence must be at most ${EVIDENCE_MAX.toLocaleString("en-US")} characters`);
      if (!f.resolveTime.trim()) issue("resolveTime", "Resolve time is required");
      const resolveTime = f.resolveTime.trim()
        ? wallClockToEpochMs(f.resolveTime, isKnownTimeZone(f.timeZone) ? f.timeZone : "UTC")
        : null;
      if (f.resolveTime.trim() && resolveTime === null) issue("resolveTime", "Resolve time must be a date and time");
      else if (resolveTime !== null && resolveTime <= question.openTime) issue("resolveTime", "Resolve time must be after the question's open time");
      // One minute of grace: the form's default is "now" in the browser, which may run slightly ahead.
      else if (resolveTime !== null && resolveTime > now + 60_000) issue("resolveTime", "Resolve time cannot be in the future");
      let outcome: Outcome | ContinuousOutcome = { kind: "annulled" };
      if (f.intent === "resolve" && (question.type === "numeric" || question.type === "date") && question.scale) {
        const x = f.value.trim() ? readQuestionValue(question.type, f.value) : null;
        if (!f.value.trim()) issue("value", question.type === "date" ? "Give the date it happened" : "Give the value");
        else if (x === null) issue("value", question.type === "date" ? "Value must be a date (YYYY-MM-DD)" : "Value must be a number");
        else {
          const refusal = outcomeValueRefusal(question.type, question.scale, x);
          if (refusal) issue("value", refusal);
          else outcome = { kind: "value", value: x };
        }
      } else if (f.intent === "resolve") {
        // An option index as the form's radio sends it: digits only ("1e0", " 1 ", "0x1" refused).
        const option = f.outcome !== undefined && /^\d{1,3}$/.test(f.outcome) ? Number(f.outcome) : NaN;
        if (!Number.isInteger(option) || option < 0 || option >= question.options.length)
          issue("outcome", "Choose the outcome");
        else outcome = { kind: "option", option };
      }
      return { outcome, resolveTime: resolveTime ?? 0, evidence };
    });
}

export type ResolutionFormFields = "intent" | "outcome" | "value" | "evidence" | "resolveTime";
