import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crowdMovement, myPosition } from "@/lib/my-forecasts";
import { DAY, F, MC, Q, V, day } from "./builders";

const live = (q: ReturnType<typeof Q>) => ({ ...q, isDraft: false, resolveBy: null });

describe("crowdMovement", () => {
  it("binary: the change in P(yes); scenario set: the largest change of any one scenario", () => {
    expect(crowdMovement({ type: "binary" }, [0.7, 0.3], [0.45, 0.55])).toBeCloseTo(0.25, 12);
    expect(crowdMovement({ type: "multiple_choice" }, [0.5, 0.3, 0.2], [0.42, 0.3, 0.28])).toBeCloseTo(0.08, 12);
    expect(crowdMovement({ type: "multiple_choice" }, [0.5, 0.3, 0.2], [0.2, 0.45, 0.35])).toBeCloseTo(0.3, 12);
  });
  it("is zero for no change, symmetric, and never below any single scenario's change", () => {
    const vector = fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(vector, vector, (a, raw) => {
        const b = a.map((_, i) => raw[i % raw.length]);
        expect(crowdMovement({ type: "multiple_choice" }, a, a)).toBe(0);
        expect(crowdMovement({ type: "multiple_choice" }, a, b)).toBe(crowdMovement({ type: "multiple_choice" }, b, a));
        for (let i = 0; i < a.length; i++)
          expect(crowdMovement({ type: "multiple_choice" }, a, b)).toBeGreaterThanOrEqual(Math.abs(a[i] - b[i]));
      }),
    );
  });
});

describe("myPosition", () => {
  const q = live(Q(100));
  it("is null without a forecast of mine; otherwise my latest forecast and its age", () => {
    expect(myPosition(q, [F("ben", 1, 0.4)], "ana", day(10), 14)).toBeNull();
    const p = myPosition(q, [F("ana", 1, 0.4), F("ben", 2, 0.5), F("ana", 3, 0.6)], "ana", day(10), 14)!;
    expect(p.standing.probabilities[1]).toBe(0.6);
    expect(p.ageMs).toBe(7 * DAY);
  });
  it("is stale strictly after the threshold, at the user's own threshold", () => {
    const mine = [F("ana", 1, 0.4)];
    expect(myPosition(q, mine, "ana", day(15), 14)!.needsUpdate).toEqual([]);
    expect(myPosition(q, mine, "ana", day(15) + 1, 14)!.needsUpdate).toEqual(["stale"]);
    expect(myPosition(q, mine, "ana", day(4), 2)!.needsUpdate).toEqual(["stale"]);
  });
  it("flags a crowd that moved more than 10 points since I forecast, not my own update", () => {
    // Median crowd of one then: 0.40; later ben and cy at 0.70 pull the (recency-weighted) median up.
    const moved = [F("ana", 1, 0.4), F("ben", 2, 0.7), F("cy", 3, 0.7)];
    const p = myPosition(q, moved, "ana", day(5), 14)!;
    expect(p.crowdThen![1]).toBeCloseTo(0.4, 12);
    expect(p.crowdMoved!).toBeGreaterThan(0.1);
    expect(p.needsUpdate).toEqual(["crowd_moved"]);
    // My own update moves "the crowd then" with it: measured from my standing forecast, not my first.
    const own = [V("ana", 1, [0.6, 0.4]), V("ana", 2, [0.2, 0.8])];
    expect(myPosition(q, own, "ana", day(5), 14)!.crowdMoved).toBe(0);
  });
  it("needs no update once the question no longer takes forecasts", () => {
    const closed = live(Q(10));
    expect(myPosition(closed, [F("ana", 1, 0.4)], "ana", day(30), 14)!.needsUpdate).toEqual([]);
    const scenario = { ...MC(3, 100), isDraft: false, resolveBy: null };
    const p = myPosition(scenario, [V("ana", 1, [0.6, 0.3, 0.1]), V("ben", 2, [0.1, 0.3, 0.6]), V("cy", 2, [0.1, 0.3, 0.6])], "ana", day(3), 14)!;
    expect(p.needsUpdate).toEqual(["crowd_moved"]);
  });
});
