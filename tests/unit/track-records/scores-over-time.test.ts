import { describe, expect, it } from "vitest";
import { trailingWindowScores } from "@/lib/track-records/scores-over-time";

const at = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);
const S = (t: number, finalBrier: number, peer: number) => ({ resolveTime: t, finalBrier, peer });

describe("trailingWindowScores", () => {
  const scores = [S(at(2022, 1, 15), 0.1, 10), S(at(2022, 3, 1), 0.3, -20), S(at(2022, 8, 31, 23), 0.2, 5)];
  const points = trailingWindowScores(scores);

  it("gives one point per month from the first resolution's month to the last's", () => {
    expect(points.map((p) => p.month)).toEqual([
      "2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08",
    ]);
  });

  it("averages the questions resolved in the month and the 5 before it (hand-computed)", () => {
    const by = Object.fromEntries(points.map((p) => [p.month, p]));
    expect(by["2022-01"]).toMatchObject({ n: 1, meanFinalBrier: 0.1, meanPeer: 10 });
    expect(by["2022-02"]).toMatchObject({ n: 1, meanFinalBrier: 0.1, meanPeer: 10 });
    expect(by["2022-03"].n).toBe(2);
    expect(by["2022-03"].meanFinalBrier).toBeCloseTo(0.2, 15); // (0.1 + 0.3) / 2
    expect(by["2022-03"].meanPeer).toBe(-5); // (10 − 20) / 2
    expect(by["2022-06"].n).toBe(2); // Jan–Jun still holds January
    expect(by["2022-07"]).toMatchObject({ n: 1, meanFinalBrier: 0.3, meanPeer: -20 }); // Feb–Jul
    expect(by["2022-08"].n).toBe(2); // Mar–Aug
    expect(by["2022-08"].meanFinalBrier).toBeCloseTo(0.25, 15);
    expect(by["2022-08"].meanPeer).toBe(-7.5);
  });

  it("states each window's bounds in UTC", () => {
    expect(points[0].windowStart).toBe(Date.UTC(2021, 7, 1)); // 1 Aug 2021
    expect(points[0].windowEnd).toBe(Date.UTC(2022, 1, 1)); // 1 Feb 2022
  });

  it("gives null means for a window with no resolutions, and nothing for no input", () => {
    const gap = trailingWindowScores([S(at(2022, 1, 1), 0.2, 1), S(at(2022, 4, 1), 0.4, 3)], 2);
    expect(gap.map((p) => [p.month, p.n, p.meanFinalBrier])).toEqual([
      ["2022-01", 1, 0.2],
      ["2022-02", 1, 0.2],
      ["2022-03", 0, null],
      ["2022-04", 1, 0.4],
    ]);
    expect(trailingWindowScores([])).toEqual([]);
  });

  it("crosses year ends", () => {
    const p = trailingWindowScores([S(at(2021, 11, 30), 0.5, 0), S(at(2022, 2, 1), 0.1, 0)], 3);
    expect(p.map((x) => [x.month, x.n])).toEqual([
      ["2021-11", 1],
      ["2021-12", 1],
      ["2022-01", 1],
      ["2022-02", 1],
    ]);
  });

  it("rejects a window that is not a whole number of months ≥ 1", () => {
    expect(() => trailingWindowScores([], 0)).toThrow(/windowMonths/);
  });
});
