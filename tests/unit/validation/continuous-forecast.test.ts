import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpolatedCdf, readCdf } from "@/lib/continuous/cdf";
import { internalLocation, valueAtLocation } from "@/lib/continuous/scale";
import type { ContinuousQuestionType, ContinuousScale } from "@/lib/continuous/types";
import { forecastFieldErrors } from "@/lib/validation/forecast";
import { continuousForecastInput, QUANTILE_FIELDS, typedDateValue, typedValueText } from "@/lib/validation/continuous-forecast";
import { scale } from "../continuous/builders";

// The forecast form of a numeric or date question, along the form's own path: typed text → schema →
// quantiles → CDF (lib/validation/continuous-forecast.ts). Whatever the fields hold, the schema either
// refuses with errors on named fields, or gives a CDF that passes the validation (readCdf) and goes
// through every entered quantile inside the range within half a percentage point.

const questions: Array<{ name: string; type: ContinuousQuestionType; scale: ContinuousScale; decimals: number }> = [
  { name: "count 0–28, closed", type: "numeric", scale: scale({ rangeMin: 0, rangeMax: 28 }), decimals: 1 },
  { name: "price 100–200, open above", type: "numeric", scale: scale({ rangeMin: 100, rangeMax: 200, openUpperBound: true }), decimals: 2 },
  {
    name: "budget, log, open both",
    type: "numeric",
    scale: scale({ rangeMin: 1000, rangeMax: 100000, zeroPoint: 0, openLowerBound: true, openUpperBound: true }),
    decimals: 0,
  },
  {
    name: "date, closed below, open above",
    type: "date",
    scale: scale({ rangeMin: Date.UTC(2023, 5, 1), rangeMax: Date.UTC(2026, 11, 31), openUpperBound: true }),
    decimals: 0,
  },
];

/** What an analyst types for a value: a number with a few decimals, or a YYYY-MM-DD date. */
const typed = (q: (typeof questions)[number], u: number) => {
  const value = valueAtLocation(q.scale, u);
  return q.type === "date" ? typedValueText("date", value) : value.toFixed(q.decimals);
};

/** Any subset of the five fields, each blank or a value anywhere from below to above the range, in any order. */
const fieldsFor = (q: (typeof questions)[number]) =>
  fc.record(
    Object.fromEntries(QUANTILE_FIELDS.map((f) => [f.name, fc.oneof(fc.constant(""), fc.double({ min: -0.2, max: 1.2, noNaN: true }).map((u) => typed(q, u)))])),
  ) as fc.Arbitrary<Record<string, string>>;

/** Sets the form is meant to take: increasing, spread over the range. */
const orderedFieldsFor = (q: (typeof questions)[number]) =>
  fc
    .tuple(fc.subarray(["q5", "q25", "q75", "q95"], { minLength: 2 }), fc.array(fc.double({ min: 0.03, max: 0.3, noNaN: true }), { minLength: 5, maxLength: 5 }), fc.double({ min: 0.03, max: 0.3, noNaN: true }))
    .map(([others, gaps, start]) => {
      const names = QUANTILE_FIELDS.map((f) => f.name).filter((n) => n === "q50" || others.includes(n));
      let u = start;
      const out: Record<string, string> = {};
      names.forEach((n, k) => {
        if (k > 0) u += gaps[k];
        out[n] = typed(q, u);
      });
      return out;
    });

const fieldNames = new Set([...QUANTILE_FIELDS.map((f) => f.name), "quantiles"]);

describe.each(questions)("the forecast form on a $name question", (q) => {
  const schema = continuousForecastInput(q.type, q.scale);
  const check = (fields: Record<string, string>) => {
    const parsed = schema.safeParse({ questionId: "q", rationale: "", ...fields });
    if (!parsed.success) {
      const errors = forecastFieldErrors(parsed.error);
      expect(Object.keys(errors).length).toBeGreaterThan(0);
      for (const key of Object.keys(errors)) expect(fieldNames.has(key), key).toBe(true);
      return false;
    }
    const stored = readCdf(Array.from(parsed.data.cdf), q.scale);
    expect(stored.ok, JSON.stringify(fields)).toBe(true);
    for (const { level, value } of parsed.data.quantiles) {
      const u = internalLocation(q.scale, value);
      if (u < 0 || u > 1) continue; // beyond an open bound: inside the out-of-range mass
      expect(Math.abs(interpolatedCdf(parsed.data.cdf, u) - level), JSON.stringify(fields)).toBeLessThanOrEqual(0.005);
    }
    return true;
  };

  it("gives a valid CDF through the quantiles, or errors on named fields, whatever is typed", () => {
    fc.assert(fc.property(fieldsFor(q), (fields) => void check(fields)), { numRuns: 200 });
  });
  it("takes the spread, increasing sets it is meant for", () => {
    let taken = 0;
    fc.assert(
      fc.property(orderedFieldsFor(q), (fields) => {
        fc.pre(Object.values(fields).every((v) => !q.scale.openUpperBound || internalLocation(q.scale, q.type === "date" ? typedDateValue(v) : Number(v)) < 1));
        if (check(fields)) taken++;
      }),
      { numRuns: 150 },
    );
    expect(taken).toBeGreaterThan(75);
  });
});

describe("continuousForecastInput", () => {
  const q = questions[0];
  const schema = continuousForecastInput(q.type, q.scale);
  const errors = (fields: Record<string, string>) => {
    const parsed = schema.safeParse({ questionId: "q", ...fields });
    return parsed.success ? {} : forecastFieldErrors(parsed.error);
  };
  it("puts each problem next to its field, naming it", () => {
    expect(errors({ q25: "5", q75: "9", q95: "12" })).toMatchObject({ q50: "Median (50%): The median is required." });
    expect(errors({ q25: "9", q50: "7", q75: "12" })).toMatchObject({ q50: "Median (50%): Must be greater than the 25 % quantile." });
    expect(errors({ q5: "0", q50: "7", q75: "12" }).q5).toMatch(/^5% quantile: Must lie above the lower end of the range/);
    expect(errors({ q25: "seven", q50: "7", q75: "12" })).toMatchObject({ q25: "25% quantile must be a plain number such as 128.5" });
    expect(errors({ q50: "7", q75: "12" })).toMatchObject({ quantiles: "Give the median and at least two other quantiles." });
  });
  it("says when two quantiles are too close together and suggests spreading them", () => {
    expect(errors({ q25: "7", q50: "7.01", q75: "12" }).q50).toMatch(/Too close to the 25 % quantile.*Spread these two quantiles further apart/);
  });
  it("reads grouped numbers and dates as typed", () => {
    const budget = continuousForecastInput("numeric", questions[2].scale).safeParse({ questionId: "q", q25: "20,000", q50: "35 000", q75: "50000" });
    expect(budget.success && budget.data.quantiles.map((x) => x.value)).toEqual([20000, 35000, 50000]);
    expect(typedDateValue("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(typedDateValue("2023-02-29")).toBeNaN();
    const dates = continuousForecastInput("date", questions[3].scale).safeParse({ questionId: "q", q25: "2024-01-01", q50: "2024-06-30", q75: "2023-12-31" });
    expect(dates.success).toBe(false);
    if (!dates.success) expect(forecastFieldErrors(dates.error).q75).toMatch(/Must be greater than the 50 % quantile/);
  });
});
