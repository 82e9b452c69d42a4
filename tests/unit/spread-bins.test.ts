import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binSpread, scenarioSpreadDots } from "@/components/charts/spread-bins";

const percent = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);

describe("the spread charts' data, computed on the server", () => {
  it("bins P(yes) percentages into ten 10-point bins, 100% in the last, every forecaster once", () => {
    expect(binSpread([0, 9.9, 10, 55, 99.9, 100]).map((b) => b.forecasters)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    fc.assert(
      fc.property(fc.array(percent, { maxLength: 200 }), (percents) => {
        const bins = binSpread(percents);
        expect(bins.reduce((s, b) => s + b.forecasters, 0)).toBe(percents.length);
        bins.forEach((b, i) => expect(b.forecasters).toBe(percents.filter((p) => (i === 9 ? p >= 90 : p >= i * 10 && p < i * 10 + 10)).length));
      }),
      { numRuns: 50 },
    );
  });

  it("sends each scenario dot position once: the distinct (scenario, percent) pairs of the standing forecasts", () => {
    fc.assert(
      fc.property(fc.array(fc.array(percent, { minLength: 3, maxLength: 3 }), { maxLength: 100 }), (standing) => {
        const dots = scenarioSpreadDots(standing);
        const expected = new Set(standing.flatMap((ps) => ps.map((p, scenario) => `${scenario}:${p}`)));
        expect(dots.map((d) => `${d.scenario}:${d.percent}`).sort()).toEqual([...expected].sort());
      }),
      { numRuns: 50 },
    );
  });
});
