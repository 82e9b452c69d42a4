import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatNumber, MINUS } from "@/lib/format/number";

describe("formatNumber", () => {
  it("writes probabilities as percentages with one decimal", () => {
    expect(formatNumber(0.12, "probability")).toBe("12.0%");
    expect(formatNumber(0.02, "probability")).toBe("2.0%");
    expect(formatNumber(0.639, "probability")).toBe("63.9%");
    expect(formatNumber(0.6254, "probability")).toBe("62.5%");
    expect(formatNumber(1, "probability")).toBe("100.0%");
    expect(formatNumber(0.25, "probability", { digits: 0 })).toBe("25%");
  });

  it("writes scores with four decimals and a true minus sign", () => {
    expect(formatNumber(0.02, "score")).toBe("0.0200");
    expect(formatNumber(0.02151, "score")).toBe("0.0215");
    expect(formatNumber(-0.18344, "score")).toBe(`${MINUS}0.1834`);
    expect(formatNumber(0.18346, "score", { signed: true })).toBe("+0.1835");
  });

  it("never writes a signed zero", () => {
    expect(formatNumber(-0.0000001, "score")).toBe("0.0000");
    expect(formatNumber(-0, "score", { signed: true })).toBe("0.0000");
    expect(formatNumber(-0.04, "points")).toBe("0.0");
    expect(formatNumber(0.04, "points")).toBe("0.0");
    expect(formatNumber(-0.0004, "probability")).toBe("0.0%");
  });

  it("signs points always", () => {
    expect(formatNumber(12.34, "points")).toBe("+12.3");
    expect(formatNumber(-4, "points")).toBe(`${MINUS}4.0`);
  });

  it("groups counts and writes missing values as a dash", () => {
    expect(formatNumber(1234567, "count")).toBe("1,234,567");
    expect(formatNumber(12345.678, "decimal")).toBe("12,345.68");
    expect(formatNumber(null, "score")).toBe("—");
    expect(formatNumber(Number.NaN, "points")).toBe("—");
    expect(formatCount(1, "question")).toBe("1 question");
    expect(formatCount(2000, "question")).toBe("2,000 questions");
  });

  it("reads back as the value rounded to its digits (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, digits) => {
        const text = formatNumber(x, "decimal", { digits });
        expect(text).not.toContain("-");
        const back = Number(text.replace(MINUS, "-").replace(/,/g, ""));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9 * Math.abs(x));
        if (back === 0) expect(text.startsWith(MINUS) || text.startsWith("+")).toBe(false);
      }),
    );
  });
});
