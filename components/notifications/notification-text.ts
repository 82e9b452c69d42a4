import { formatNumber } from "@/lib/format/number";
import type { NotificationKind, NotificationPayload } from "@/lib/notifications";

// What a notification says, in the inbox and in e-mail alike (one wording, one number format).

export interface DescribedNotification {
  kind: NotificationKind;
  questionTitle: string;
  payload: NotificationPayload;
}

/** Short label of the kind ("Resolved", "Needs update", …). */
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  resolved: "Resolved",
  corrected: "Resolution corrected",
  annulled: "Annulled",
  needs_update: "Needs update",
  comment: "New comment",
  due: "Due for resolution",
};

/**
 * "Brier 0.090 · log −0.105 · baseline +84.8 · peer +3.2" (docs/formulas.md for each score); numeric and
 * date questions: "log −2.1035 · baseline +12.0 · peer +3.2 · CRPS 0.0412" (docs/continuous.md).
 */
export function scoresText(s: NonNullable<NotificationPayload["scores"]>): string {
  if (s.finalBrier === null)
    return `log ${formatNumber(s.finalLogScore, "score")} · baseline ${formatNumber(s.baseline, "points")} · peer ${formatNumber(s.peer, "points")} · CRPS ${formatNumber(s.crps, "score")}`;
  return `Brier ${formatNumber(s.finalBrier, "score")} · log ${formatNumber(s.finalLogScore, "score")} · baseline ${formatNumber(s.baseline, "points")} · peer ${formatNumber(s.peer, "points")}`;
}

/** One sentence saying what happened (the question's title is shown beside it, not repeated here). */
export function notificationSentence(n: DescribedNotification): string {
  const p = n.payload;
  switch (n.kind) {
    case "resolved":
    case "corrected": {
      const head = n.kind === "resolved" ? `Resolved ${p.outcome}.` : `The resolution was corrected to ${p.outcome}.`;
      return p.scores ? `${head} Your scores: ${scoresText(p.scores)}.` : `${head} None of your forecasts counted (all came after the close).`;
    }
    case "annulled":
      return "Annulled: no scores are kept for this question.";
    case "needs_update": {
      const why = (p.reasons ?? []).map((r) =>
        r === "stale" ? `your forecast is ${p.ageDays} ${p.ageDays === 1 ? "day" : "days"} old` : "the crowd has moved more than 10 points since you forecast",
      );
      const text = why.join(" and ");
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    }
    case "comment":
      return p.replyToYou ? `${p.author} replied to your comment: “${p.excerpt}”` : `${p.author} commented: “${p.excerpt}”`;
    case "due":
      return "Due for resolution: its deadline has passed.";
  }
}
