import type { QuestionStatus } from "@/lib/question-lifecycle";

/** Why the forecast card of a question takes no forecast, by status (every kind of question). */
export const CLOSED_NOTE: Partial<Record<QuestionStatus, string>> = {
  draft: "This question is a draft: an admin publishes it, then forecasting opens.",
  upcoming: "Forecasting has not opened yet.",
  closed: "Forecasting has closed.",
  resolved: "This question is resolved: forecasting has ended.",
  annulled: "This question was annulled: forecasting has ended.",
};
