import { describe, expect, it } from "vitest";
import { countedForecasts } from "@/lib/standing-forecast";
import { F, Q, day } from "./builders";

// countedForecasts takes a packed numeric sort for integer times; it must order exactly like a stable sort by time.
describe("countedForecasts sorts like a stable sort by time", () => {
  it("matches Array.prototype.sort on random lists with ties, in and out of order, integer or not", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 400; round++) {
      const n = Math.floor(rnd() * 60);
      const spread = [3, 1000, day(1), 2 ** 52][round % 4];
      const input = Array.from({ length: n }, (_, i) => ({
        ...F(`f${i}`, 0, 0.5),
        time: Math.floor(rnd() * spread) - Math.floor(spread / 2) + (round % 5 === 0 ? 0.5 * Math.floor(rnd() * 2) : 0),
      }));
      if (round % 7 === 0) input.sort((a, b) => a.time - b.time);
      const expected = [...input].sort((a, b) => a.time - b.time);
      const before = [...input];
      expect(countedForecasts({ ...Q(10), closeTime: Number.MAX_SAFE_INTEGER }, input)).toEqual(expected);
      expect(input).toEqual(before);
    }
  });
});
