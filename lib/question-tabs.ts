import { isClosingSoon, isDueForResolution, questionStatus, type LifecycleFacts } from "@/lib/question-lifecycle";
import type { QuestionTab } from "@/lib/validation/question";

/** Days ahead that the "Closing soon" tab looks. */
export const CLOSING_SOON_DAYS = 14;

/**
 * Which tab of the question list shows a question at `now` (every state from lib/question-lifecycle):
 * "open" also holds drafts and not-yet-open questions; "closed" leaves out those due for resolution,
 * which have their own tab; "resolved" holds annulled ones too; "all" holds everything.
 */
export function isInQuestionTab(q: LifecycleFacts, tab: QuestionTab, now: number): boolean {
  const status = questionStatus(q, now);
  switch (tab) {
    case "open":
      return status === "open" || status === "upcoming" || status === "draft";
    case "closing-soon":
      return isClosingSoon(q, now, CLOSING_SOON_DAYS);
    case "due":
      return isDueForResolution(q, now);
    case "closed":
      return status === "closed" && !isDueForResolution(q, now);
    case "resolved":
      return status === "resolved" || status === "annulled";
    case "all":
      return true;
  }
}
