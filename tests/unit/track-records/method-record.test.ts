import { describe, expect, it } from "vitest";
import { bestMethod, bestMethodSentence, methodRecords, type MethodRecord } from "@/lib/track-records/method-record";
import { AGGREGATION_METHODS, type AggregationMethod } from "@/lib/types";

const none = { n: 0, mean: null, lo: null, hi: null };
/** One method's record; unspecified methods score worse than everything below. */
const M = (method: AggregationMethod, meanBrier: number | null, diff: MethodRecord["brierDifference"] = none, n = 12): MethodRecord => ({
  method,
  isDefault: method === "recency_weighted_median",
  n,
  meanBrier,
  meanLogScore: meanBrier === null ? null : -meanBrier * 3,
  brierDifference: diff,
  logScoreDifference: none,
});
const records = (overrides: MethodRecord[]) =>
  AGGREGATION_METHODS.map((m) => overrides.find((r) => r.method === m) ?? M(m, 0.3, { n: 12, mean: 0.1, lo: 0.05, hi: 0.15 }));

describe("bestMethodSentence", () => {
  it("names a better non-default method, its mean Brier, the default's, and the paired difference", () => {
    const r = records([
      M("recency_weighted_median", 0.2, { n: 12, mean: 0, lo: 0, hi: 0 }),
      M("geometric_odds", 0.15, { n: 12, mean: -0.05, lo: -0.08, hi: -0.02 }),
    ]);
    expect(bestMethod(r)!.method).toBe("geometric_odds");
    expect(bestMethodSentence(r)).toBe(
      "Over 12 resolved questions, the geometric mean of odds would have served the team best (mean Brier 0.1500 against 0.2000 " +
        "for the default recency-weighted median), a paired difference of −0.0500 in Brier (95% interval −0.0800 to −0.0200).",
    );
  });

  it("adds the caveat when there are too few questions to tell", () => {
    const r = records([
      M("recency_weighted_median", 0.2, { n: 4, mean: 0, lo: 0, hi: 0 }, 4),
      M("mean", 0.15, { n: 4, mean: -0.05, lo: -0.09, hi: -0.01 }, 4),
    ]);
    expect(bestMethodSentence(r)).toMatch(/With only 4 questions to compare, that is too few to tell the rules apart\.$/);
  });

  it("when the default is best, compares it with the runner-up and says when the interval includes zero", () => {
    const r = records([
      M("recency_weighted_median", 0.18, { n: 12, mean: 0, lo: 0, hi: 0 }),
      M("median", 0.21, { n: 12, mean: 0.03, lo: -0.01, hi: 0.07 }),
    ]);
    expect(bestMethodSentence(r)).toBe(
      "Over 12 resolved questions, the default recency-weighted median has served the team best (mean Brier 0.1800); " +
        "the runner-up, the median, scored 0.2100, a paired difference of −0.0300 in Brier (95% interval −0.0700 to +0.0100). " +
        "The 95% interval includes zero, so the data cannot yet tell these two rules apart.",
    );
  });

  it("prefers the default on a tie and says so when nothing is scored", () => {
    const tie = records([M("recency_weighted_median", 0.2), M("median", 0.2)]);
    expect(bestMethod(tie)!.method).toBe("recency_weighted_median");
    expect(bestMethodSentence(AGGREGATION_METHODS.map((m) => M(m, null, none, 0)))).toMatch(/^No resolved question has a crowd forecast yet/);
  });
});

describe("methodRecords", () => {
  it("averages each method over the questions it covers and pairs it with the default (hand-computed)", () => {
    const S = (brier: number, logScore: number) => ({ brier, logScore });
    const q = (id: string, rwm: number, med: number) => ({
      questionId: id,
      aggregateScores: {
        median: S(med, -med),
        recency_weighted_median: S(rwm, -rwm),
        mean: S(0.5, -0.5),
        geometric_odds: null,
        extremized: S(0.1, -0.1),
      },
    });
    const out = methodRecords([q("a", 0.1, 0.2), q("b", 0.3, 0.2), q("c", 0.2, 0.5)]);
    const median = out.find((m) => m.method === "median")!;
    expect(median.n).toBe(3);
    expect(median.meanBrier).toBeCloseTo(0.3, 12); // (0.2 + 0.2 + 0.5) / 3
    // δ = (0.1, −0.1, 0.3): mean 0.1, sd 0.2, t(0.975, 2) = 4.302653 → ± 0.496827
    expect(median.brierDifference.n).toBe(3);
    expect(median.brierDifference.mean).toBeCloseTo(0.1, 12);
    expect(median.brierDifference.lo).toBeCloseTo(0.1 - 4.302652729911275 * 0.2 / Math.sqrt(3), 9);
    expect(median.logScoreDifference.mean).toBeCloseTo(-0.1, 12);
    const geo = out.find((m) => m.method === "geometric_odds")!;
    expect(geo).toMatchObject({ n: 0, meanBrier: null, meanLogScore: null });
    expect(geo.brierDifference.n).toBe(0);
    expect(out.find((m) => m.isDefault)!.brierDifference.mean).toBe(0);
  });
});
