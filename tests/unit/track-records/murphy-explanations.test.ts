import { describe, expect, it } from "vitest";
import { baseRate, explainMurphyTerms } from "@/lib/track-records/murphy-explanations";

const bins = [
  { n: 2, observed: 0.5 },
  { n: 0, observed: null },
  { n: 3, observed: 1 },
];

describe("Murphy decomposition sentences", () => {
  it("computes the base rate ō from the bins: (2·0.5 + 3·1)/5 = 0.8", () => {
    expect(baseRate(bins)).toBeCloseTo(0.8, 15);
    expect(baseRate([{ n: 0, observed: null }])).toBeNull();
  });

  it("gives one sentence per term, in the decomposition's order, with the numbers in it", () => {
    const terms = { brier: 0.12, reliability: 0.01, resolution: 0.05, uncertainty: 0.16, residual: 0.0 };
    const out = explainMurphyTerms(terms, bins, "Ann");
    expect(out.map((e) => e.term)).toEqual(["brier", "reliability", "resolution", "uncertainty", "residual"]);
    expect(out[0].sentence).toContain("0.1200");
    expect(out[1].sentence).toContain("10.0 percentage points"); // √0.01 = 0.1
    expect(out[2].sentence).toContain("0.0500");
    expect(out[3].sentence).toContain("80.0%");
    expect(out[3].sentence).toContain("0.1600");
    expect(out.every((e) => e.sentence.includes("Ann"))).toBe(true);
  });

  it("says there is nothing to decompose when there are no samples", () => {
    const empty = { brier: null, reliability: null, resolution: null, uncertainty: null, residual: null };
    const out = explainMurphyTerms(empty, [], "Ann");
    expect(out.every((e) => e.value === null && e.sentence.startsWith("No resolved binary forecasts"))).toBe(true);
  });

  it("says plainly when the forecasts did not separate outcomes (resolution 0)", () => {
    const out = explainMurphyTerms({ brier: 0.25, reliability: 0, resolution: 0, uncertainty: 0.25, residual: 0 }, bins);
    expect(out[2].sentence).toMatch(/did not tell Yes questions from No questions apart/);
  });
});
