// Leaderboard ranking: forecasters ordered by one track-record mean (docs/formulas.md §6.2),
// among those with at least a minimum number of scored questions.

import { compareCodePoints } from "@/lib/code-point-order";

export const LEADERBOARD_RANKINGS = ["peer", "baseline", "relative_brier", "brier", "crps"] as const;
export type LeaderboardRanking = (typeof LEADERBOARD_RANKINGS)[number];

export const DEFAULT_LEADERBOARD_RANKING: LeaderboardRanking = "peer";

export const LEADERBOARD_RANKING_LABELS: Record<LeaderboardRanking, string> = {
  peer: "Mean peer score",
  baseline: "Mean baseline score",
  relative_brier: "Mean relative Brier",
  brier: "Mean final Brier",
  crps: "Mean CRPS (numeric and date)",
};

/** The means a leaderboard row needs (a subset of lib/track-record's summary). */
export interface LeaderboardSummary {
  nQuestions: number;
  meanPeer: number | null;
  meanBaseline: number | null;
  meanRelativeBrier: number | null;
  meanFinalBrier: number | null;
  /** Over numeric and date rows only (docs/continuous.md §4); absent or null when there are none. */
  meanCrps?: number | null;
}

export interface LeaderboardEntry<S extends LeaderboardSummary = LeaderboardSummary> {
  handle: string;
  name: string;
  summary: S;
}

export interface RankedEntry<S extends LeaderboardSummary = LeaderboardSummary> extends LeaderboardEntry<S> {
  /** Competition rank (1, 2, 2, 4): equal values share a rank. Null when the value is null. */
  rank: number | null;
  /** The value ranked on. */
  value: number | null;
}

/** Peer and baseline: higher is better. Relative Brier, Brier and CRPS: lower is better. */
export function higherIsBetter(ranking: LeaderboardRanking): boolean {
  return ranking === "peer" || ranking === "baseline";
}

export function rankingValue(summary: LeaderboardSummary, ranking: LeaderboardRanking): number | null {
  switch (ranking) {
    case "peer":
      return summary.meanPeer;
    case "baseline":
      return summary.meanBaseline;
    case "relative_brier":
      return summary.meanRelativeBrier;
    case "brier":
      return summary.meanFinalBrier;
    case "crps":
      return summary.meanCrps ?? null;
  }
}

/**
 * Names in the default locale's order: what a.localeCompare(b) gives (ECMA-402 defines it as this
 * collator's compare), without building a collator on every comparison (26 ms to rank 2,000 forecasters).
 */
const byName = new Intl.Collator();

/** What ranking needs of a forecaster: who it is, how many questions it has, the value ranked on. */
export interface RankingCandidate {
  handle: string;
  name: string;
  nQuestions: number;
  value: number | null;
}

/**
 * Keeps candidates with nQuestions ≥ minQuestions and orders them best first by their value (higher
 * or lower is better as `ranking` says); ties share a competition rank (1, 2, 2, 4) and are listed by
 * name, then handle; null values come last, unranked.
 */
export function rankCandidates<C extends RankingCandidate>(candidates: readonly C[], ranking: LeaderboardRanking, minQuestions = 1): Array<C & { rank: number | null }> {
  const sign = higherIsBetter(ranking) ? -1 : 1;
  const kept = candidates.filter((c) => c.nQuestions >= minQuestions);
  kept.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) return sign * (a.value - b.value);
    return byName.compare(a.name, b.name) || compareCodePoints(a.handle, b.handle);
  });
  const ranked: Array<C & { rank: number | null }> = [];
  kept.forEach((c, i) => {
    let rank: number | null = null;
    if (c.value !== null) rank = i > 0 && kept[i - 1].value === c.value ? ranked[i - 1].rank : i + 1;
    ranked.push({ ...c, rank });
  });
  return ranked;
}

/**
 * Keeps forecasters with nQuestions ≥ minQuestions and orders them best first by `ranking`;
 * ties share a rank and are listed by name, then handle; null values come last, unranked (rankCandidates).
 */
export function rankLeaderboard<S extends LeaderboardSummary>(
  entries: readonly LeaderboardEntry<S>[],
  ranking: LeaderboardRanking,
  minQuestions = 1,
): RankedEntry<S>[] {
  const candidates = entries.map((entry) => ({ handle: entry.handle, name: entry.name, nQuestions: entry.summary.nQuestions, value: rankingValue(entry.summary, ranking), entry }));
  return rankCandidates(candidates, ranking, minQuestions).map(({ entry, value, rank }) => ({ ...entry, value, rank }));
}
