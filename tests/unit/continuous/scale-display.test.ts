import { describe, expect, it } from "vitest";
import { distributionSummary, formatScaleValue, scaleTicks, type ContinuousQuestionView } from "@/components/continuous/scale-display";
import { fanTable } from "@/components/continuous/fan-table";
import { cdfThroughKnots, scale } from "./builders";

// What the question page writes for a numeric or date question's distribution (components/continuous).

const programmes: ContinuousQuestionView = { type: "numeric", unit: "programmes", scale: scale({ rangeMin: 0, rangeMax: 28 }) };
const price: ContinuousQuestionView = { type: "numeric", unit: "USD", scale: scale({ rangeMin: 100, rangeMax: 200, openUpperBound: true }) };
const signed: ContinuousQuestionView = { type: "date", unit: "", scale: scale({ rangeMin: Date.UTC(2024, 0, 1), rangeMax: Date.UTC(2024, 11, 31), openUpperBound: true }) };
const budget: ContinuousQuestionView = { type: "numeric", unit: "RUB m", scale: scale({ rangeMin: 1000, rangeMax: 100000, zeroPoint: 0, openLowerBound: true, openUpperBound: true }) };

describe("the crowd's distribution in words", () => {
  it("states the median and the 50 % and 90 % central intervals of a uniform forecast on 0–28", () => {
    // Uniform on [0, 28]: the p-quantile is 28p.
    const summary = distributionSummary(programmes, cdfThroughKnots([[0, 0], [1, 1]]));
    expect(summary.median).toBe("14 programmes");
    expect(summary.interval50).toBe("7 programmes to 21 programmes");
    expect(summary.interval90).toBe("1.4 programmes to 26.6 programmes");
    expect(summary.below).toBeNull();
    expect(summary.above).toBeNull();
  });
  it("says 'above' the range for a quantile in the mass beyond an open bound", () => {
    // 80 % inside [100, 200] spread evenly, 20 % above: the 95 % quantile lies above 200, the median at 162.5.
    const summary = distributionSummary(price, cdfThroughKnots([[0, 0], [1, 0.8]]));
    expect(summary.median).toBe("162.5 USD");
    expect(summary.interval90).toBe("106.3 USD to above 200 USD");
    expect(summary.above).toBeCloseTo(0.2, 12);
  });
  it("writes dates as dates and a log scale with three significant digits", () => {
    // Half the probability by u = ½: on [1 Jan, 31 Dec 2024] (365 days) that is 1 Jan + 182.5 days = 1 Jul 12:00.
    expect(distributionSummary(signed, cdfThroughKnots([[0, 0], [0.5, 0.5], [1, 0.99]])).median).toBe("1 Jul 2024");
    // u = ½ on a log scale with zero point 0 over [1,000, 100,000] is the geometric middle, 10,000.
    expect(distributionSummary(budget, cdfThroughKnots([[0, 0.01], [0.5, 0.5], [1, 0.99]])).median).toBe("10,000 RUB m");
    expect(formatScaleValue(budget, 1234.5)).toBe("1,235 RUB m");
    expect(formatScaleValue(budget, 12.345)).toBe("12.3 RUB m");
  });
  it("labels a value axis with the range's values, and a date axis with calendar ticks", () => {
    expect(scaleTicks(programmes).map((t) => t.label)).toEqual(["0", "7", "14", "21", "28"]);
    expect(scaleTicks(budget).map((t) => t.label)).toEqual(["1,000", "3,162", "10,000", "31,623", "100,000"]);
    const dateTicks = scaleTicks(signed);
    expect(dateTicks[0]).toEqual({ location: 0, label: "Jan 2024" });
    expect(dateTicks.every((t) => t.location >= 0 && t.location <= 1)).toBe(true);
  });
});

describe("fanTable", () => {
  it("closes the last step at the axis end, puts own medians on the time axis and writes values in units", () => {
    const points = [
      { time: 1_000, forecasters: 1, locations: [0.05, 0.25, 0.5, 0.75, 0.95] },
      { time: 2_000, forecasters: 2, locations: [0.1, 0.3, 0.4, 0.6, 0.9] },
    ];
    const table = fanTable(programmes, points, [{ time: 500, location: 0.25 }, { time: 2_000, location: 0.5 }], 1_000, 3_000);
    expect(table.chartRows.map((r) => [r.time, r.median, r.own])).toEqual([
      [1_000, 0.5, 0.25], // own forecast before T0 drawn at T0
      [2_000, 0.4, 0.5],
      [3_000, 0.4, null], // the last step held to the end of the axis
    ]);
    expect(table.rows[1]).toMatchObject({ time: new Date(2_000).toISOString(), q05: 2.8000000000000003, median: 11.200000000000001, q95: 25.2, forecasters: 2, own: 14 });
  });
  it("with latestRows, gives the table the last rows of the whole table and the chart every row", () => {
    // 120 change points at t = 1,000 … 120,000 plus the closing row at 200,000; an own median at 119,500.
    const points = Array.from({ length: 120 }, (_, i) => ({ time: (i + 1) * 1_000, forecasters: i + 1, locations: [0.05, 0.25, 0.5 + (i % 5) / 100, 0.75, 0.95] }));
    const own = [{ time: 119_500, location: 0.3 }];
    const whole = fanTable(programmes, points, own, 1_000, 200_000);
    const latest = fanTable(programmes, points, own, 1_000, 200_000, 50);
    expect(whole.rows).toHaveLength(122);
    expect(latest.rows).toEqual(whole.rows.slice(-50));
    expect(latest.rows[0]).toMatchObject({ time: new Date(73_000).toISOString(), forecasters: 73 });
    expect(latest.rows.at(-2)).toMatchObject({ time: new Date(120_000).toISOString(), forecasters: 120, own: null });
    expect(latest.chartRows).toEqual(whole.chartRows);
    expect(fanTable(programmes, points, own, 1_000, 200_000, 500).rows).toEqual(whole.rows);
  });
});
