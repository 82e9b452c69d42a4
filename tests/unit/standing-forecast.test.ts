import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actualCloseTime, countedForecasts, latestForecasts, latestPositions, standingForecastsAt, withLatestForecast } from "@/lib/standing-forecast";
import { F, Q, day } from "./builders";

describe("actualCloseTime", () => {
  it("is close_time while unresolved, even with a resolve time", () => {
    expect(actualCloseTime({ ...Q(10), resolveTime: day(5) })).toBe(day(10));
  });
  it("is the earlier of close and resolve time once resolved or annulled", () => {
    expect(actualCloseTime(Q(10, "yes", 8))).toBe(day(8));
    expect(actualCloseTime(Q(10, "annulled", 4))).toBe(day(4));
    expect(actualCloseTime(Q(10, "no", 12))).toBe(day(10));
    expect(actualCloseTime(Q(10, "no", null))).toBe(day(10));
  });
});

describe("countedForecasts and standingForecastsAt", () => {
  const forecasts = [F("ana", 0, 0.6), F("ben", 2, 0.3), F("ana", 4, 0.8), F("ben", 6, 0.7), F("ben", 9, 1)];
  const q = Q(10, "yes", 8);
  it("drops forecasts after Ta and keeps one made exactly at Ta", () => {
    expect(countedForecasts(q, forecasts)).toHaveLength(4);
    expect(countedForecasts(q, [...forecasts, F("cy", 8, 0.5)])).toHaveLength(5);
  });
  it("takes each forecaster's latest forecast, oldest first", () => {
    const standing = standingForecastsAt(countedForecasts(q, forecasts), day(5));
    expect(standing.map((f) => [f.forecaster, f.probabilities[1]])).toEqual([
      ["ben", 0.3],
      ["ana", 0.8],
    ]);
  });
  it("breaks equal times by input order: the later input stands", () => {
    const tie = [F("ana", 3, 0.5), F("ana", 3, 0.25), F("ben", 3, 0.9)];
    const standing = standingForecastsAt(countedForecasts(Q(10), tie), day(3));
    expect(standing.map((f) => f.probabilities[1])).toEqual([0.25, 0.9]);
  });
  it("sorts by time without mutating the input", () => {
    const input = [F("b", 5, 0.2), F("a", 1, 0.4)];
    expect(countedForecasts(Q(10), input).map((f) => f.forecaster)).toEqual(["a", "b"]);
    expect(input[0].forecaster).toBe("b");
  });
});

describe("latestForecasts", () => {
  it("keeps each forecaster's last by time, equal times by input order, in recency order, past any close", () => {
    const forecasts = [
      { forecaster: "ana", time: 30, id: 1 },
      { forecaster: "ben", time: 10, id: 2 },
      { forecaster: "ana", time: 20, id: 3 }, // later in the input, earlier in time: not Ana's latest
      { forecaster: "ben", time: 10, id: 4 }, // same time as id 2, later in the input: Ben's latest
      { forecaster: "cleo", time: 5, id: 5 },
    ];
    expect(latestForecasts(forecasts).map((f) => f.id)).toEqual([5, 4, 1]);
    expect(forecasts.map((f) => f.id)).toEqual([1, 2, 3, 4, 5]); // not reordered in place
    // The same by position in the input: ids 5, 4, 1 are at 4, 3, 0.
    expect(latestPositions(forecasts)).toEqual([4, 3, 0]);
  });
});

describe("withLatestForecast", () => {
  it("folded over forecasts in insertion order gives latestForecasts of them all (past-dated and tied times included)", () => {
    // Few forecasters and few distinct times, so replacements, ties and forecasts dated before others abound.
    const forecast = fc.record({ forecaster: fc.constantFrom("a", "b", "c", "d"), time: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(fc.array(forecast, { maxLength: 40 }), (drawn) => {
        const forecasts = drawn.map((f, i) => ({ ...f, id: i + 1 }));
        let latest: ReadonlyArray<(typeof forecasts)[number]> = [];
        for (const f of forecasts) {
          const before = latest.slice();
          const next = withLatestForecast(latest, f);
          expect(latest).toEqual(before); // left as it was
          latest = next;
        }
        expect(latest.map((f) => f.id)).toEqual(latestForecasts(forecasts).map((f) => f.id));
      }),
    );
  });

  it("keeps the later of two forecasts by time, then by id", () => {
    const older = { forecaster: "a", time: day(2), id: 7 };
    expect(withLatestForecast([older], { forecaster: "a", time: day(1), id: 8 })).toEqual([older]);
    expect(withLatestForecast([older], { forecaster: "a", time: day(2), id: 8 })).toEqual([{ forecaster: "a", time: day(2), id: 8 }]);
    // Another forecaster's forecast dated before goes in front, in standing order.
    expect(withLatestForecast([older], { forecaster: "b", time: day(1), id: 9 }).map((f) => f.id)).toEqual([9, 7]);
  });
});
