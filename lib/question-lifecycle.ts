import type { Outcome } from "./types";
import type { ContinuousOutcome } from "./continuous/types";

// docs/formulas.md §1.2 lifecycle: draft → open → closed → resolved | annulled. Only "draft" is stored;
// every other state follows from the times and the resolution, given `now` (lib never reads the clock).

export type QuestionStatus = "draft" | "upcoming" | "open" | "closed" | "resolved" | "annulled";

export interface LifecycleFacts {
  isDraft: boolean;
  openTime: number;
  closeTime: number;
  resolveBy: number | null;
  /** Any outcome (an option, a value, annulled); only whether and how it ended matters here. */
  outcome: Outcome | ContinuousOutcome | null;
  resolveTime: number | null;
}

/** Forecasting stops at the scheduled close, or earlier when the outcome became known first. */
export function forecastingEndsAt(q: LifecycleFacts): number {
  return q.outcome && q.resolveTime !== null ? Math.min(q.closeTime, q.resolveTime) : q.closeTime;
}

export function questionStatus(q: LifecycleFacts, now: number): QuestionStatus {
  if (q.outcome) return q.outcome.kind === "annulled" ? "annulled" : "resolved";
  if (q.isDraft) return "draft";
  if (now < q.openTime) return "upcoming";
  if (now < q.closeTime) return "open";
  return "closed";
}

/** Whether forecasts are accepted at `now`: published, opened, not closed, not resolved. */
export function acceptsForecasts(q: LifecycleFacts, now: number): boolean {
  return questionStatus(q, now) === "open";
}

/** When a resolution is due: the resolve-by date, or the close time when there is none. */
export function resolutionDeadline(q: Pick<LifecycleFacts, "closeTime" | "resolveBy">): number {
  return q.resolveBy ?? q.closeTime;
}

/**
 * Due for resolution: no resolution, and the resolution deadline (resolve-by, else close) has
 * passed. Drafts are never due.
 */
export function isDueForResolution(q: LifecycleFacts, now: number): boolean {
  if (q.outcome || q.isDraft) return false;
  return now >= resolutionDeadline(q);
}

/** Closes within `days` days from now and is still open ("Closing soon" tab: 14 days). */
export function isClosingSoon(q: LifecycleFacts, now: number, days = 14): boolean {
  return questionStatus(q, now) === "open" && q.closeTime - now <= days * 86_400_000;
}

/**
 * Anchoring guard: on a guarded question, a non-admin who has not forecast does not see the crowd
 * forecast or others' rationales while the question still takes forecasts. Once forecasting has
 * ended there is nothing left to anchor, so the crowd shows to everyone.
 */
export function isCrowdHiddenFrom(
  q: LifecycleFacts & { hideCrowdUntilForecast: boolean },
  viewer: { role: "analyst" | "admin" } | null,
  viewerHasForecast: boolean,
  now: number,
): boolean {
  if (!q.hideCrowdUntilForecast || viewer?.role === "admin" || viewerHasForecast) return false;
  const status = questionStatus(q, now);
  return status === "open" || status === "upcoming" || status === "draft";
}

/**
 * Who may see a question: everyone once published; a draft only admins and the analyst who proposed
 * it (everyone else gets a 404, as if it did not exist).
 */
export function canSeeQuestion(
  q: { isDraft: boolean; createdBy: string | null },
  viewer: { id: string; role: "analyst" | "admin" } | null,
): boolean {
  return !q.isDraft || viewer?.role === "admin" || (viewer !== null && q.createdBy === viewer.id);
}
