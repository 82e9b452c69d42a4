// What a notification is about and what it carries (db/schema/notifications stores them).

export const NOTIFICATION_KINDS = ["resolved", "annulled", "corrected", "needs_update", "comment", "due"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The facts a notification carries (each kind fills what it has). Scores: docs/formulas.md. */
export interface NotificationPayload {
  /** resolved / corrected / annulled: the outcome's label. */
  outcome?: string;
  /**
   * resolved / corrected: my scores on the question (null: no forecast of mine counted). Numeric and date
   * questions have no Brier score (null) and a CRPS (docs/continuous.md).
   */
  scores?: { finalBrier: number | null; finalLogScore: number; baseline: number; peer: number; crps?: number } | null;
  /** needs_update: why (lib/my-forecasts NeedsUpdateReason) and how old my forecast is, in days. */
  reasons?: Array<"stale" | "crowd_moved">;
  ageDays?: number;
  /** comment: who wrote it and its first characters. */
  author?: string;
  excerpt?: string;
  /** comment: it is a reply to my comment. */
  replyToYou?: boolean;
}
