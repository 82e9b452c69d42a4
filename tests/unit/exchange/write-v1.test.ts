import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStoredForm, sameForecastVector, storedForecastVector } from "@/lib/exchange/imported-forecast";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { datasetToV1Json, v1DocumentText } from "@/lib/exchange/write-v1";
import { readForecastVector } from "@/lib/probability";
import { DEFAULT_SCORING_PARAMS, type Dataset } from "@/lib/types";

const T = (s: string) => Date.parse(s);
const dataset: Dataset = {
  params: { extremizeD: 2, calibrationBins: 5 },
  questions: [
    {
      id: "b1",
      type: "binary",
      options: ["no", "yes"],
      openTime: T("2024-01-01T00:00:00+03:00"),
      closeTime: T("2024-06-01T00:00:00Z"),
      resolveTime: T("2024-05-01T12:00:00.250Z"),
      outcome: { kind: "annulled" },
      title: "B",
      description: null,
      tags: ["x"],
      resolveBy: null,
      evidence: "not written: v1 has no evidence key",
    },
    {
      id: "s1",
      type: "multiple_choice",
      options: ["Gas", "Currency"],
      openTime: T("2024-01-01T00:00:00Z"),
      closeTime: T("2024-06-01T00:00:00Z"),
      resolveTime: null,
      outcome: { kind: "option", option: 1 },
      title: "S",
      description: "Which?",
      tags: [],
      resolveBy: T("2024-06-02T00:00:00Z"),
    },
  ],
  forecasts: [
    { question: "b1", forecaster: "ana", time: T("2024-01-02T00:00:00Z"), probabilities: [0.7, 0.3], rationale: null },
    { question: "s1", forecaster: "ben", time: T("2024-01-02T00:00:00Z"), probabilities: [0.25, 0.75], rationale: "why" },
  ],
};

describe("datasetToV1Json", () => {
  const doc = datasetToV1Json(dataset);
  it("writes keys in a fixed order, times as toISOString, binary forecasts as P(yes)", () => {
    expect(JSON.stringify(doc)).toBe(
      JSON.stringify({
        format: "forecast-desk/v1",
        params: { extremize_d: 2, calibration_bins: 5 },
        questions: [
          {
            id: "b1",
            title: "B",
            type: "binary",
            tags: ["x"],
            open_time: "2023-12-31T21:00:00.000Z",
            close_time: "2024-06-01T00:00:00.000Z",
            resolve_by: null,
            resolve_time: "2024-05-01T12:00:00.250Z",
            resolution: "annulled",
          },
          {
            id: "s1",
            title: "S",
            type: "multiple_choice",
            options: ["Gas", "Currency"],
            description: "Which?",
            tags: [],
            open_time: "2024-01-01T00:00:00.000Z",
            close_time: "2024-06-01T00:00:00.000Z",
            resolve_by: "2024-06-02T00:00:00.000Z",
            resolve_time: null,
            resolution: "Currency",
          },
        ],
        forecasts: [
          { question: "b1", forecaster: "ana", time: "2024-01-02T00:00:00.000Z", probability: 0.3, rationale: null },
          { question: "s1", forecaster: "ben", time: "2024-01-02T00:00:00.000Z", probabilities: { Gas: 0.25, Currency: 0.75 }, rationale: "why" },
        ],
      }),
    );
  });

  it("is read back by readDatasetV1 as the same dataset (minus fields v1 does not carry)", () => {
    const read = readDatasetV1(JSON.parse(JSON.stringify(doc)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(datasetToV1Json(read.dataset)).toEqual(doc);
    expect(read.dataset.params).toEqual({ extremizeD: 2, calibrationBins: 5 });
  });

  it("is written as text with one question or forecast per line, parsing back to the same object", () => {
    const text = [...v1DocumentText(doc)].join("");
    expect(JSON.parse(text)).toEqual(doc);
    expect(text.split("\n")).toHaveLength(7 + doc.questions.length + doc.forecasts.length);
    expect(text.split("\n")[3]).toBe(`  ${JSON.stringify(doc.questions[0])},`);
  });

  it("refuses a forecast on a question the dataset lacks", () => {
    const broken = { ...dataset, params: DEFAULT_SCORING_PARAMS, forecasts: [{ ...dataset.forecasts[0], question: "zz" }] };
    expect(() => datasetToV1Json(broken)).toThrow(/zz/);
  });
});

// The stored form of imported forecasts: what makes re-imports and round trips exact.
const rawVector = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }).filter((v) => v.reduce((a, b) => a + b, 0) > 0.01);

describe("storedForecastVector", () => {
  it("clips a scenario vector with a 0 as docs/exchange-format.md §6.1 says, and keeps the result as it is when read again", () => {
    const first = storedForecastVector("multiple_choice", [0.5, 0.5, 0]);
    expect(first.clipped).toBe(true);
    expect(first.probabilities[2]).toBeCloseTo(0.001 / 1.001, 17);
    expect(first.probabilities[2]).toBeLessThan(0.001);
    expect(storedForecastVector("multiple_choice", first.probabilities)).toEqual({ probabilities: first.probabilities, clipped: false });
  });

  it("is the scorer's reading for any raw vector that is not already in stored form", () => {
    fc.assert(
      fc.property(rawVector, (raw) => {
        const mine = storedForecastVector("multiple_choice", raw);
        if (isStoredForm(raw)) return sameForecastVector(mine.probabilities, readForecastVector(raw).probabilities);
        return JSON.stringify(mine) === JSON.stringify(readForecastVector(raw));
      }),
    );
  });

  it("is a fixed point: reading a stored vector again returns it unchanged, not clipped", () => {
    fc.assert(
      fc.property(rawVector, (raw) => {
        const stored = storedForecastVector("multiple_choice", raw).probabilities;
        const again = storedForecastVector("multiple_choice", stored);
        return !again.clipped && JSON.stringify(again.probabilities) === JSON.stringify(stored);
      }),
    );
  });

  it("clips binary P(yes) like the scorer, ignoring the given P(no)", () => {
    expect(storedForecastVector("binary", [0, 1])).toEqual({ probabilities: [1 - 0.999, 0.999], clipped: true });
    expect(storedForecastVector("binary", [0.001, 0.9990000000000001]).clipped).toBe(true);
    expect(storedForecastVector("binary", [0.7, 0.3])).toEqual({ probabilities: [0.7, 0.3], clipped: false });
  });
});
