import { describe, expect, it } from "vitest";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { datasetToV1Json, v1DocumentText } from "@/lib/exchange/write-v1";
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
      resolutionCriteria: "Yes if signed by 1 June.",
      evidence: "The treaty was withdrawn: https://example.org/withdrawn",
      isDraft: true,
      hideCrowdUntilForecast: true,
      isIllustrative: false,
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
            resolution_criteria: "Yes if signed by 1 June.",
            tags: ["x"],
            open_time: "2023-12-31T21:00:00.000Z",
            close_time: "2024-06-01T00:00:00.000Z",
            resolve_by: null,
            resolve_time: "2024-05-01T12:00:00.250Z",
            resolution: "annulled",
            resolution_evidence: "The treaty was withdrawn: https://example.org/withdrawn",
            draft: true,
            hide_crowd_until_forecast: true,
            illustrative: false,
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

  it("is read back by readDatasetV1 as the same dataset, the desk's own question fields included", () => {
    const read = readDatasetV1(JSON.parse(JSON.stringify(doc)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.dataset).toEqual(dataset);
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
