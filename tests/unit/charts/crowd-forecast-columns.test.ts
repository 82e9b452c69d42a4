// The crowd forecast chart's points travel to the browser as columns (components/charts/crowd-forecast-columns):
// what the chart draws from them must be the rows the server had, nulls (no crowd yet, no own forecast) included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromCrowdForecastColumns, toCrowdForecastColumns, type CrowdForecastRow } from "@/components/charts/crowd-forecast-columns";

const value = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
const row: fc.Arbitrary<CrowdForecastRow> = fc.record({ time: fc.integer({ min: 0, max: 2 ** 45 }), crowd: value, own: value, forecasters: fc.option(fc.nat(), { nil: null }) });

describe("crowd forecast columns", () => {
  it("give back the rows they were made from, in order", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 600 }), (rows) => {
        expect(fromCrowdForecastColumns(toCrowdForecastColumns(rows))).toEqual(rows);
      }),
    );
  });

  it("hold one array per field, each as long as the rows", () => {
    const rows: CrowdForecastRow[] = [
      { time: 1, crowd: null, own: 30, forecasters: null },
      { time: 2, crowd: 55.5, own: null, forecasters: 3 },
    ];
    expect(toCrowdForecastColumns(rows)).toEqual({ time: [1, 2], crowd: [null, 55.5], own: [30, null], forecasters: [null, 3] });
  });
});
