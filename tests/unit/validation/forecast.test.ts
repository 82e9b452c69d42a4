import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  forecastFieldErrors,
  forecastInput,
  percentDigits,
  normaliseScenarioPercents,
  scenarioTotal,
} from "@/lib/validation/forecast";

// One-line builders: B = binary form values, S = scenario form values.
const B = (percent: unknown, rationale?: unknown) => ({ kind: "binary", questionId: "q1", percent, rationale });
const S = (percents: unknown[], rationale?: unknown) => ({ kind: "scenarios", questionId: "q1", percents, rationale });

function errorsOf(raw: unknown): Record<string, string> {
  const r = forecastInput.safeParse(raw);
  if (r.success) throw new Error(`expected a failure for ${JSON.stringify(raw)}`);
  return forecastFieldErrors(r.error);
}
function dataOf(raw: unknown) {
  const r = forecastInput.safeParse(raw);
  if (!r.success) throw new Error(`unexpected failure: ${JSON.stringify(forecastFieldErrors(r.error))}`);
  return r.data;
}

describe("binary forecast: percent → [P(no), P(yes)]", () => {
  it.each([
    ["70", [0.3, 0.7]],
    ["0.1", [0.999, 0.001]],
    ["99.9", [0.001, 0.999]],
    ["50", [0.5, 0.5]],
    [" 12.5 ", [0.875, 0.125]],
    [33.3, [0.667, 0.333]],
  ])("%s %% → %j", (percent, expected) => {
    const { probabilities } = dataOf(B(percent));
    expect(probabilities).toHaveLength(2);
    expect(probabilities[0]).toBeCloseTo(expected[0], 12);
    expect(probabilities[1]).toBeCloseTo(expected[1], 12);
  });

  it.each([["0.05"], ["99.95"], ["0"], ["100"], ["-5"], ["0.09"], ["99.91"]])(
    "%s %% is refused, naming the field and the range",
    (percent) => {
      expect(errorsOf(B(percent))).toEqual({ percent: "Probability (%) must be between 0.1% and 99.9%" });
    },
  );

  it("requires a number", () => {
    expect(errorsOf(B(""))).toEqual({ percent: "Probability (%) is required" });
    expect(errorsOf(B(null))).toEqual({ percent: "Probability (%) is required" });
    expect(errorsOf(B("seventy"))).toEqual({ percent: "Probability (%) must be a plain decimal number such as 62.5" });
    expect(errorsOf(B("Infinity"))).toHaveProperty("percent");
  });

  it.each([["0x32"], ["0b110010"], ["0o62"], ["5e1"], [".5"], ["5."], ["+50"], ["50%"], ["1_0"], ["٥٠"]])(
    "reads only plain decimals: %s is refused",
    (percent) => {
      expect(errorsOf(B(percent))).toEqual({ percent: "Probability (%) must be a plain decimal number such as 62.5" });
    },
  );

  it("takes one decimal at most", () => {
    expect(errorsOf(B("12.34"))).toEqual({ percent: "Probability (%) must have at most one decimal place" });
    expect(dataOf(B("12.3")).probabilities[1]).toBeCloseTo(0.123, 12);
  });

  it("P(no) + P(yes) = 1 for every accepted percentage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (tenths) => {
        const [no, yes] = dataOf(B(String(tenths / 10))).probabilities;
        expect(no + yes).toBeCloseTo(1, 12);
        expect(yes).toBeCloseTo(tenths / 1000, 12);
      }),
    );
  });
});

describe("rationale", () => {
  it("blank becomes null, text is kept as written", () => {
    expect(dataOf(B("40", "")).rationale).toBeNull();
    expect(dataOf(B("40", "   ")).rationale).toBeNull();
    expect(dataOf(B("40", null)).rationale).toBeNull();
    expect(dataOf(B("40")).rationale).toBeNull();
    expect(dataOf(B("40", "Base rate is low.")).rationale).toBe("Base rate is low.");
  });
  it("5,000 characters is the limit", () => {
    expect(dataOf(B("40", "x".repeat(5000))).rationale).toHaveLength(5000);
    expect(errorsOf(B("40", "x".repeat(5001)))).toEqual({ rationale: "Rationale must be at most 5,000 characters" });
  });
});

describe("scenario forecast", () => {
  it("30/30/40 → [0.3, 0.3, 0.4]", () => {
    const { probabilities } = dataOf(S(["30", "30", "40"]));
    expect(probabilities.map((p) => Number(p.toFixed(12)))).toEqual([0.3, 0.3, 0.4]);
  });

  it("a total within ±0.05 points is accepted and renormalised to sum to 1", () => {
    // 33.33 × 3 = 99.99 → each 1/3.
    const thirds = dataOf(S(["33.33", "33.33", "33.33"])).probabilities;
    for (const p of thirds) expect(p).toBeCloseTo(1 / 3, 12);
    // 100.05 is the edge: 50.05/100.05 and 50/100.05.
    const edge = dataOf(S(["50.05", "50"])).probabilities;
    expect(edge[0]).toBeCloseTo(50.05 / 100.05, 12);
    expect(edge[1]).toBeCloseTo(50 / 100.05, 12);
    expect(dataOf(S(["49.95", "50"])).probabilities[0]).toBeCloseTo(49.95 / 99.95, 12);
  });

  it.each([[["50.06", "50"], "100.06"], [["49.94", "50"], "99.94"], [["30", "30", "39"], "99"], [["60", "60"], "120"]])(
    "%j (total %s) is refused",
    (percents, totalText) => {
      expect(errorsOf(S(percents))).toEqual({
        total: `Scenario probabilities must total 100% (within ±0.05 points); they total ${totalText}%`,
      });
    },
  );

  it("each scenario must lie in 0.1–99.9 %, and the error points at that scenario", () => {
    expect(errorsOf(S(["0.05", "99.95"]))).toEqual({
      "percents.0": "Each scenario's probability must be between 0.1% and 99.9%",
      "percents.1": "Each scenario's probability must be between 0.1% and 99.9%",
    });
    expect(errorsOf(S(["50", ""]))).toEqual({ "percents.1": "Each scenario's probability is required" });
  });

  it("refuses a 50,000-entry vector with one message before reading any entry", () => {
    const errors = errorsOf(S(Array.from({ length: 50_000 }, () => "0.002")));
    expect(errors).toEqual({ percents: "A scenario set has at most 20 scenarios" });
    expect(errorsOf(S(["0x32", "50"]))).toEqual({ "percents.0": "Each scenario's probability must be a plain decimal number such as 62.5" });
  });

  it("needs at least two scenarios", () => {
    expect(errorsOf(S(["100"]))).toHaveProperty("percents");
  });

  it("accepted vectors always sum to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 2, maxLength: 8 }), (raw) => {
        const percents = normaliseScenarioPercents(raw);
        if (!percents) return;
        const { probabilities } = dataOf(S(percents.map(String)));
        expect(probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("normaliseScenarioPercents (the “Normalise to 100%” button)", () => {
  it.each([
    [[1, 1, 1], [33.4, 33.3, 33.3]],
    [[20, 20, 20, 20], [25, 25, 25, 25]],
    [[30, 30, 39], [30.3, 30.3, 39.4]],
    [[100, 0, 0], [99.8, 0.1, 0.1]],
  ])("%j → %j", (input, expected) => {
    expect(normaliseScenarioPercents(input)).toEqual(expected);
  });
  it("nothing entered → null", () => {
    expect(normaliseScenarioPercents([0, 0])).toBeNull();
    expect(normaliseScenarioPercents([NaN, NaN])).toBeNull();
  });
  it("always totals exactly 100.0 with one decimal, each in [0.1, 99.9]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 2, maxLength: 12 }),
        (raw) => {
          const out = normaliseScenarioPercents(raw);
          if (!out) return;
          expect(Math.round(scenarioTotal(out) * 10)).toBe(1000);
          for (const p of out) {
            expect(p).toBeGreaterThanOrEqual(0.1);
            expect(p).toBeLessThanOrEqual(99.9);
            expect(Math.round(p * 10) / 10).toBe(p);
          }
        },
      ),
    );
  });
});

describe("form plumbing", () => {
  it("an unknown kind is refused", () => {
    expect(errorsOf({ kind: "numeric", questionId: "q1" })).toHaveProperty("kind");
  });
  it("a question id is required", () => {
    expect(errorsOf({ kind: "binary", questionId: "", percent: "50" })).toEqual({ questionId: "Question is required" });
  });
  it("percentDigits drops trailing zeros", () => {
    expect(percentDigits(62.5)).toBe("62.5");
    expect(percentDigits(100)).toBe("100");
    expect(percentDigits(33.333333)).toBe("33.3");
  });
});
