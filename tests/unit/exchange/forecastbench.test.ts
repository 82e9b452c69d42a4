import { describe, expect, it } from "vitest";
import { convertForecastBench, ForecastBenchFormatError } from "@/lib/exchange/forecastbench";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { readForecastBenchFile } from "../../fixtures";

const read = readForecastBenchFile;
const real = convertForecastBench({
  questionSet: read("2024-07-21-human.json"),
  forecasts: read("2024-07-21.ForecastBench.human_super_individual.json"),
  resolutionSet: read("2024-07-21_resolution_set.json"),
});
const question = (id: string) => real.document.questions.find((q) => q.id === id);
const NIUE = "45db5d06a001a6fa62eb9b23236adab43c56970d70a833ca206fa42a57f4b7e6";

describe("convertForecastBench on the 2024-07-21 human round", () => {
  it("makes one question per dataset horizon and per market", () => {
    // 108 dataset questions × 8 horizons + 2 × 7 = 878; 90 market questions (python count of the files).
    expect(real.counts.datasetQuestions).toBe(878);
    expect(real.counts.marketQuestions).toBe(90);
    expect(real.document.questions).toHaveLength(968);
    expect(new Set(real.document.questions.map((q) => q.id)).size).toBe(968);
    expect(real.counts.forecasts).toBe(7693);
    expect(real.counts.forecasters).toBe(40);
    expect(real.counts.extremeForecasts).toBe(1624);
    // 0 and 1, and 25 more outside [0.001, 0.999] (e.g. 0.0001, 0.9990000000000001): kept as published.
    expect(real.counts.clippedForecasts).toBe(1649);
    expect(real.document.forecasts.filter((f) => f.probability === 0 || f.probability === 1)).toHaveLength(1624);
    expect(real.document.forecasts.map((f) => f.probability)).toContain(0.9990000000000001);
    expect(real.counts.forecastsSkipped).toBe(0);
    // 422 resolved dataset horizons + 49 markets whose latest row is resolved.
    expect(real.counts.resolved).toBe(471);
    expect(real.counts.combinationRowsSkipped).toBeGreaterThan(0);
  });

  it("resolves a dataset horizon from its (id, resolution_date) row and fills the title placeholders", () => {
    const q = question(`acled:${NIUE}@2024-07-28`)!;
    expect(q).toMatchObject({
      type: "binary",
      tags: ["forecastbench", "acled", "dataset"],
      open_time: "2024-07-21T00:00:00.000Z",
      close_time: "2024-07-28T00:00:00.000Z",
      resolve_by: "2024-07-28T00:00:00.000Z",
      resolve_time: "2024-07-28T00:00:00.000Z",
      resolution: "no",
    });
    expect(q.title).toMatch(/^Will there be more than ten times as many fatalities in Niue for the 30 days before 2024-07-28 .* preceding 2024-07-21\?/);
    expect(q.title).not.toContain("{");
    // The criteria get their own field; the description keeps background, value, link and attribution.
    expect(q.resolution_criteria).toMatch(/^Resolves to the value calculated from the ACLED dataset/);
    expect(q.resolution_criteria).not.toContain("{");
    expect(q.description).not.toContain("Resolution criteria");
    expect(q.description).not.toContain("Resolves to the value calculated");
    expect(q.description).toMatch(/ForecastBench \(Karger et al\., ICLR 2025\), CC BY-SA 4\.0\.$/);
    // The 2034 horizon has no resolution row yet: open.
    expect(question(`acled:${NIUE}@2034-07-19`)).toMatchObject({ resolution: null, resolve_time: null, close_time: "2034-07-19T00:00:00.000Z" });
  });

  it("closes a market at its latest resolution row and resolves it only when that row is resolved", () => {
    expect(question("manifold:TPkEjiNb1wVCIGFnPcDD")).toMatchObject({
      title: "Will the average global temperature in 2024 exceed 2023?",
      tags: ["forecastbench", "manifold", "market"],
      close_time: "2025-01-17T00:00:00.000Z",
      resolve_time: "2025-01-17T00:00:00.000Z",
      resolution: "yes",
    });
    // Latest row resolved: false, resolved_to 0.672… is a market price, not an outcome.
    expect(question("manifold:q6wJThcy6TJnQKrbjALm")).toMatchObject({ close_time: "2025-01-17T00:00:00.000Z", resolution: null });
    // Same id, two sources: two questions.
    expect(question("metaculus:1348")!.title).toBe("Will a mission to land a spacecraft on Europa launch by 2030?");
    expect(question("infer:1348")!.title).toMatch(/^In the next six months, will the Global Protest Tracker/);
  });

  it("keeps every forecast at the due date with its forecaster and reasoning", () => {
    expect(real.document.forecasts[0]).toEqual({
      question: "manifold:TPkEjiNb1wVCIGFnPcDD",
      forecaster: "SbZAVaBSo6",
      time: "2024-07-21T00:00:00.000Z",
      probability: 0.75,
      rationale: "Updating to account for the crowd consensus which is much more confident than I am on this question.",
    });
    const niue = real.document.forecasts.filter((f) => f.question === `acled:${NIUE}@2024-07-28`);
    expect(niue[0]).toMatchObject({ forecaster: "SH1oF7JCqH", probability: 0 });
  });
});

describe("convertForecastBench rules on small inputs", () => {
  const q = (extra: object) => ({ id: "m1", source: "manifold", question: "Q by {resolution_date}?", resolution_dates: "N/A", ...extra });
  it("skips combination rows and unknown forecasts; a market without rows closes at its own close time", () => {
    const out = convertForecastBench({
      questionSet: { forecast_due_date: "2024-07-21", questions: [q({ market_info_close_datetime: "2024-12-09T23:59:00+00:00" })] },
      forecasts: {
        forecasts: [
          { id: "m1", source: "manifold", forecast: 1, resolution_date: null, user_id: "u1", reasoning: null },
          { id: "zz", source: "manifold", forecast: 0.5, resolution_date: null, user_id: "u1" },
        ],
      },
      resolutionSet: { resolutions: [{ id: ["a", "b"], source: "acled", resolution_date: "2024-07-28", resolved_to: 0, resolved: true }] },
    });
    expect(out.counts).toMatchObject({ combinationRowsSkipped: 1, forecastsSkipped: 1, marketsWithoutResolutionRows: 1, extremeForecasts: 1 });
    expect(out.document.questions[0]).toMatchObject({ title: "Q by 2024-12-09?", close_time: "2024-12-09T23:59:00.000Z", resolution: null });
  });

  it("puts the criteria (placeholders filled) in resolution_criteria, which the read dataset carries", () => {
    const out = convertForecastBench({
      questionSet: {
        forecast_due_date: "2024-07-21",
        questions: [
          q({ background: "Some context.", resolution_criteria: " Resolves YES if it happens by {resolution_date}. ", url: "https://example.org/m1" }),
          q({ id: "m2", resolution_criteria: "N/A" }),
        ],
      },
      forecasts: { forecasts: [] },
      resolutionSet: {
        resolutions: [
          { id: "m1", source: "manifold", resolution_date: "2024-08-01", resolved_to: 1, resolved: true },
          { id: "m2", source: "manifold", resolution_date: "2024-08-02", resolved_to: 0, resolved: true },
        ],
      },
    });
    expect(out.document.questions.map((x) => x.resolution_criteria)).toEqual(["Resolves YES if it happens by 2024-08-01.", undefined]);
    expect(out.document.questions[0].description).toBe(
      "Some context.\n\nSource: https://example.org/m1\n\nFrom ForecastBench (Karger et al., ICLR 2025), CC BY-SA 4.0.",
    );
    const read = readDatasetV1(JSON.parse(JSON.stringify(out.document)));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.dataset.questions.map((x) => [x.id, x.resolutionCriteria ?? null])).toEqual([
      ["manifold:m1", "Resolves YES if it happens by 2024-08-01."],
      ["manifold:m2", null],
    ]);
  });

  it("rejects a file without its rows, naming the place", () => {
    expect(() => convertForecastBench({ questionSet: { forecast_due_date: "2024-07-21" }, forecasts: {}, resolutionSet: {} })).toThrow(
      new ForecastBenchFormatError("question_set.questions", "must be an array"),
    );
  });
});
