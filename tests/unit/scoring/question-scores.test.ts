import { describe, expect, it } from "vitest";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import { brierScore, binaryBrierScore } from "@/lib/scoring/brier";
import { baselineScore } from "@/lib/scoring/baseline-score";
import { peerScoreAt } from "@/lib/scoring/peer-score";
import { OrderStatistics } from "@/lib/scoring/order-statistics";
import { summariseForecaster } from "@/lib/track-record";
import { F, Q, V, MC, day } from "../builders";

// tests/fixtures/exchange/example-by-hand.md, step 3 (rounded there to 7 significant digits).
const tiny = [F("ana", 0, 0.6), F("ben", 2, 0.3), F("ana", 4, 0.8), F("ben", 6, 0.7), F("ben", 9, 0.999)];
const tinyQ = Q(10, "yes", 8);

describe("scoreQuestion on the tiny example", () => {
  const result = scoreQuestion(tinyQ, tiny);
  const [ana, ben] = result.rows;
  it("has one row per forecaster, sorted", () => {
    expect(result.rows.map((r) => r.forecaster)).toEqual(["ana", "ben"]);
    expect(result.status).toBe("resolved");
    expect(result.actualCloseTime).toBe(day(8));
  });
  it.each([
    ["finalBrier", 0.04, 0.09],
    ["finalLogScore", Math.log(0.8), Math.log(0.7)],
    ["coverage", 0.8, 0.6],
    ["brierTimeAvg", 0.1, 2.14 / 6],
    ["baseline", 37.64425243785726, -19.770087223243415],
    ["peer", 36.15015652392389, -36.15015652392389],
    ["relativeBrier", -0.10375, 0.10375],
  ] as const)("%s", (key, a, b) => {
    expect(ana[key] as number).toBeCloseTo(a, 12);
    expect(ben[key] as number).toBeCloseTo(b, 12);
  });
  it("scores the aggregates at Ta", () => {
    expect(result.aggregateScores.median?.brier).toBeCloseTo(0.0625, 14);
    expect(result.aggregateScores.extremized?.logScore).toBeCloseTo(-0.1716580819217169, 12);
  });
});

describe("per-forecast scores", () => {
  it("vector Brier of K = 2 equals the binary Brier", () => {
    expect(brierScore([0.3, 0.7], 1)).toBeCloseTo(binaryBrierScore(0.7, 1), 15);
    expect(brierScore([0.2, 0.3, 0.5], 2)).toBeCloseTo((0.04 + 0.09 + 0.25) / 2, 15);
    expect(() => brierScore([0.5, 0.5], 2)).toThrow(/option index/);
  });
  it("baseline is 0 at 1/K and 100 at certainty", () => {
    expect(baselineScore(1 / 3, 3)).toBeCloseTo(0, 12);
    expect(baselineScore(1, 4)).toBeCloseTo(100, 12);
  });
  it("peer score is 0 alone and relative to the others' mean log score", () => {
    expect(peerScoreAt(Math.log(0.5), [])).toBe(0);
    expect(peerScoreAt(Math.log(0.8), [Math.log(0.4)])).toBeCloseTo(100 * Math.log(2), 12);
  });
});

describe("OrderStatistics", () => {
  it("finds the median of a changing multiset", () => {
    const s = new OrderStatistics([0.1, 0.2, 0.3, 0.4, 0.5]);
    s.add(4, 1);
    expect(s.median()).toBe(0.5);
    s.add(0, 1);
    expect(s.median()).toBeCloseTo(0.3, 15);
    s.add(0, 1);
    expect(s.median()).toBe(0.1);
    s.add(0, -1);
    s.add(2, 1);
    expect(s.median()).toBe(0.3);
    expect(s.size).toBe(3);
  });
});

describe("edge cases", () => {
  it("one forecaster: peer 0, relative Brier 0", () => {
    const [row] = scoreQuestion(Q(10, "no", 10), [F("solo", 2, 0.3)]).rows;
    expect(row.peer).toBe(0);
    expect(row.relativeBrier).toBeCloseTo(0, 15);
    expect(row.coverage).toBeCloseTo(0.8, 15);
    expect(row.brierTimeAvg).toBeCloseTo(0.09, 15);
  });
  it("a forecast only at Ta gets a row with null time average and zeros", () => {
    const rows = scoreQuestion(Q(10, "yes", 5), [F("a", 1, 0.6), F("late", 5, 0.9)]).rows;
    expect(rows[1]).toMatchObject({ forecaster: "late", brierTimeAvg: null, relativeBrier: 0, baseline: 0, peer: 0, coverage: 0 });
    expect(rows[1].finalBrier).toBeCloseTo(0.01, 15);
  });
  it("a forecast before open stands from T0; one after close is ignored", () => {
    const rows = scoreQuestion(Q(10, "yes"), [F("a", -5, 0.5), F("a", 11, 0.999)]).rows;
    expect(rows[0].coverage).toBe(1);
    expect(rows[0].finalBrier).toBe(0.25);
  });
  it("an early resolution ends scoring early and relative Brier divides by Ta − T0", () => {
    const result = scoreQuestion(Q(10, "yes", 4), [F("a", 0, 0.5), F("b", 2, 0.9), F("b", 6, 0.1)]);
    const [a, b] = result.rows;
    expect(b.finalProbabilities[1]).toBe(0.9);
    expect(a.coverage).toBeCloseTo(0.4, 15);
    // a: B = .25 on [0,4]; M = .25 on [0,2], (.25 + .01)/2 = .13 on [2,4] → (0 + 2·.12)/4
    expect(a.relativeBrier).toBeCloseTo(0.06, 14);
  });
  it("annulled and unresolved questions get aggregates but no rows", () => {
    const annulled = scoreQuestion(Q(10, "annulled", 3), [F("a", 1, 0.3), F("b", 4, 0.9)]);
    expect(annulled.status).toBe("annulled");
    expect(annulled.rows).toEqual([]);
    expect(annulled.aggregates.mean?.[1]).toBeCloseTo(0.3, 15);
    expect(annulled.aggregateScores.mean).toBeNull();
    const open = scoreQuestion(Q(10), []);
    expect(open.status).toBe("unresolved");
    expect(open.aggregates.median).toBeNull();
  });
  it("equal times: the later input stands", () => {
    const [row] = scoreQuestion(Q(10, "yes"), [F("a", 3, 0.2), F("a", 3, 0.7)]).rows;
    expect(row.finalBrier).toBeCloseTo(0.09, 15);
    expect(row.brierTimeAvg).toBeCloseTo(0.09, 15);
  });
  it("0.001 and 0.999 score finitely", () => {
    const rows = scoreQuestion(Q(10, "yes"), [F("a", 0, 0.001), F("b", 0, 0.999)]).rows;
    expect(rows[0].finalLogScore).toBeCloseTo(Math.log(0.001), 12);
    expect(rows[0].peer).toBeCloseTo(-100 * Math.log(999), 9);
    expect(rows[0].peer + rows[1].peer).toBeCloseTo(0, 9);
  });
  it("scores scenario questions with the vector Brier", () => {
    const [row] = scoreQuestion(MC(3, 10, 2), [V("a", 0, [0.2, 0.3, 0.5])]).rows;
    expect(row.finalBrier).toBeCloseTo(0.19, 15);
    expect(row.baseline).toBeCloseTo(baselineScore(0.5, 3), 12);
  });
});

describe("summariseForecaster", () => {
  it("means skip nulls, sums start at 0, means over nothing are null", () => {
    const rows = scoreQuestion(Q(10, "yes", 5), [F("late", 5, 0.9)]).rows;
    const s = summariseForecaster([...rows, ...scoreQuestion(Q(10, "no"), [F("late", 0, 0.2)]).rows]);
    expect(s.nQuestions).toBe(2);
    expect(s.meanBrierTimeAvg).toBeCloseTo(0.04, 15);
    expect(s.meanFinalBrier).toBeCloseTo(0.025, 15);
    expect(summariseForecaster([])).toMatchObject({ nQuestions: 0, meanPeer: null, sumPeer: 0, sumBaseline: 0 });
  });
});
