import { describe, expect, it } from "vitest";
import { rankLeaderboard, type LeaderboardSummary } from "@/lib/track-records/leaderboard";

const E = (handle: string, nQuestions: number, meanPeer: number | null, meanFinalBrier: number | null = null) => ({
  handle,
  name: handle.toUpperCase(),
  summary: { nQuestions, meanPeer, meanBaseline: meanPeer, meanRelativeBrier: meanFinalBrier, meanFinalBrier } satisfies LeaderboardSummary,
});

const entries = [E("b", 2, 5, 0.2), E("a", 3, 5, 0.1), E("c", 1, 10, 0.3), E("d", 4, null, null), E("e", 0, null, null)];

describe("rankLeaderboard", () => {
  it("ranks by mean peer, best first, ties share a rank and are listed by name, nulls last", () => {
    const r = rankLeaderboard(entries, "peer", 1);
    expect(r.map((x) => [x.handle, x.rank, x.value])).toEqual([
      ["c", 1, 10],
      ["a", 2, 5],
      ["b", 2, 5],
      ["d", null, null],
    ]);
  });

  it("drops forecasters under the minimum number of questions", () => {
    expect(rankLeaderboard(entries, "peer", 2).map((x) => [x.handle, x.rank])).toEqual([
      ["a", 1],
      ["b", 1],
      ["d", null],
    ]);
    expect(rankLeaderboard(entries, "peer", 5)).toEqual([]);
  });

  it("ranks Brier and relative Brier lowest first", () => {
    expect(rankLeaderboard(entries, "brier", 1).map((x) => [x.handle, x.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", null],
    ]);
    expect(rankLeaderboard(entries, "relative_brier", 1).map((x) => x.handle)).toEqual(["a", "b", "c", "d"]);
  });

  it("uses competition ranking after a tie (1, 2, 2, 4)", () => {
    const r = rankLeaderboard([E("w", 1, 3), E("x", 1, 2), E("y", 1, 2), E("z", 1, 1)], "baseline", 1);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
  });
});
