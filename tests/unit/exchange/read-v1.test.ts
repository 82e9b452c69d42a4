import { describe, expect, it } from "vitest";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { readExchangeTime } from "@/lib/exchange/read-time";

const question = (extra: Record<string, unknown> = {}) => ({
  id: "q1",
  title: "Will it?",
  type: "binary",
  open_time: "2024-01-01T00:00:00Z",
  close_time: "2024-02-01T00:00:00Z",
  ...extra,
});
const scenario = (extra: Record<string, unknown> = {}) =>
  question({ id: "s1", type: "multiple_choice", options: ["Gas market first", "Currency", "None"], ...extra });
const doc = (questions: unknown[], forecasts: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  format: "forecast-desk/v1",
  questions,
  forecasts,
  ...extra,
});
const errorsOf = (d: unknown): string[] => {
  const r = readDatasetV1(d);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.rule}`);
};

describe("readExchangeTime (docs/exchange-format.md §1.2)", () => {
  it.each([
    ["2024-01-31T12:00:00Z", Date.UTC(2024, 0, 31, 12)],
    ["2024-01-31T15:00:00.250+03:00", Date.UTC(2024, 0, 31, 12, 0, 0, 250)],
    ["2024-01-31T12:00:00.5Z", Date.UTC(2024, 0, 31, 12, 0, 0, 500)],
    ["2024-02-29T00:00:00-23:59", Date.UTC(2024, 1, 29, 23, 59)],
    ["0099-01-01T00:00:00Z", Date.UTC(2000, 0, 1) - 1901 * 365.2425 * 86_400_000 + 0 * 1],
  ])("%s", (text, expected) => {
    const r = readExchangeTime(text);
    if (text.startsWith("0099")) {
      expect(r.ok && new Date(r.time).toISOString()).toBe("0099-01-01T00:00:00.000Z");
    } else expect(r).toEqual({ ok: true, time: expected });
  });
  it.each([
    "2024-01-31",
    "2024-01-31T12:00Z",
    "2024-01-31T12:00:00",
    "2024-01-31T12:00:00.1234Z",
    "2024-13-01T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-01-01T24:00:00Z",
    "2024-01-01T00:60:00Z",
    "2024-01-01T00:00:60Z",
    "2024-01-01T00:00:00+24:00",
    "2024-01-01T00:00:00+01:60",
    "2024-01-01 00:00:00Z",
    " 2024-01-01T00:00:00Z",
  ])("rejects %s", (text) => expect(readExchangeTime(text).ok).toBe(false));
});

describe("readDatasetV1", () => {
  it("reads a valid document: binary as [1 − p, p] unclipped, outcomes as option indices", () => {
    const r = readDatasetV1(
      doc(
        [question({ resolution: "yes", resolve_time: "2024-01-20T00:00:00Z" }), scenario({ resolution: "Currency" })],
        [
          { question: "q1", forecaster: "ana", time: "2024-01-02T00:00:00Z", probability: 1 },
          { question: "s1", forecaster: "ben", time: "2024-01-02T00:00:00Z", probabilities: { "Gas market first": 0.5, Currency: 0.5, None: 0 } },
        ],
        { params: { calibration_bins: 5 } },
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dataset.params).toEqual({ extremizeD: 1.5, calibrationBins: 5 });
    expect(r.dataset.questions[0].outcome).toEqual({ kind: "option", option: 1 });
    expect(r.dataset.questions[1].outcome).toEqual({ kind: "option", option: 1 });
    expect(r.dataset.forecasts[0].probabilities).toEqual([0, 1]);
    expect(r.dataset.forecasts[1].probabilities).toEqual([0.5, 0.5, 0]);
    expect(r.dataset.questions[0].resolutionCriteria).toBeUndefined();
  });
  it.each([
    [[1, 2], ["$: must be a JSON object"]],
    [{ ...doc([]), format: "forecast-desk/v2" }, ['format: must be "forecast-desk/v1"']],
    [doc([question({ close_time: "2024-01-01T00:00:00Z" })]), ["questions[0].close_time: must be later than open_time"]],
    [doc([question({ resolve_time: "2024-01-05T00:00:00Z" })]), ["questions[0].resolve_time: must be null while resolution is null"]],
    [doc([question({ resolution: "Yes" })]), ['questions[0].resolution: must be "yes", "no" or "annulled" on a binary question']],
    [doc([question(), question()]), ['questions[1].id: must be unique among the questions (questions[0] has "q1")']],
    [doc([question({ description: null })]), ["questions[0].description: must be a string"]],
    [doc([question({ resolution_criteria: 3 })]), ["questions[0].resolution_criteria: must be a string or null"]],
    [doc([question({ resolution_evidence: ["a link"] })]), ["questions[0].resolution_evidence: must be a string or null"]],
    [doc([question({ draft: "true" })]), ["questions[0].draft: must be true or false"]],
    [doc([question({ hide_crowd_until_forecast: null })]), ["questions[0].hide_crowd_until_forecast: must be true or false"]],
    [doc([question({ illustrative: 1 })]), ["questions[0].illustrative: must be true or false"]],
    [doc([scenario({ options: ["a", "annulled"] })]), ['questions[0].options[1]: must not be "annulled"']],
    [doc([question()], [{ question: "q2", forecaster: "a", time: "2024-01-02T00:00:00Z", probability: 0.5 }]), ['forecasts[0].question: must be the id of a question in this document (no "q2")']],
    [doc([question()], [{ question: "q1", forecaster: "a", time: "2024-01-02T00:00:00Z", probability: 1.5 }]), ["forecasts[0].probability: must be a number in [0, 1]"]],
    [doc([question()], [{ question: "q1", forecaster: "", time: "2024-01-02T00:00:00Z", probability: 0.5 }]), ["forecasts[0].forecaster: must be a non-empty string"]],
    [doc([question()], [{ question: "q1", forecaster: "a", time: "2024-01-02", probability: 0.5 }]), ["forecasts[0].time: must be a time YYYY-MM-DDTHH:MM:SS[.sss] with a zone Z or ±HH:MM"]],
    [
      doc([scenario()], [{ question: "s1", forecaster: "a", time: "2024-01-02T00:00:00Z", probabilities: { "Gas market first": 0.5, Currency: 0.4, None: 0.2 } }]),
      ["forecasts[0].probabilities: must sum to 1 (within 0.0005)"],
    ],
    [
      doc([scenario()], [{ question: "s1", forecaster: "a", time: "2024-01-02T00:00:00Z", probabilities: { Currency: 0.5, None: 0.5, Gas: 0 } }]),
      ['forecasts[0].probabilities["Gas"]: is not an option of this question', 'forecasts[0].probabilities["Gas market first"]: is required (every option needs a probability)'],
    ],
    [
      doc([scenario()], [{ question: "s1", forecaster: "a", time: "2024-01-02T00:00:00Z", probability: 0.5 }]),
      ["forecasts[0].probability: must not be given on a multiple-choice question (use probabilities)", "forecasts[0].probabilities: is required on a multiple-choice question"],
    ],
  ])("rejects %#", (d, expected) => expect(errorsOf(d)).toEqual(expected));
  it("reads the desk's own question fields when given and leaves them absent in an older file", () => {
    const r = readDatasetV1(
      doc([
        question({
          resolution: "no",
          resolution_criteria: "Yes if signed.",
          resolution_evidence: "https://example.org/not-signed",
          draft: false,
          hide_crowd_until_forecast: true,
          illustrative: true,
        }),
        scenario({ resolution_criteria: null, resolution_evidence: null }),
        question({ id: "q2" }),
      ]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.dataset.questions[0]).toMatchObject({
      resolutionCriteria: "Yes if signed.",
      evidence: "https://example.org/not-signed",
      isDraft: false,
      hideCrowdUntilForecast: true,
      isIllustrative: true,
    });
    expect(r.dataset.questions[1]).toMatchObject({ resolutionCriteria: null, evidence: null });
    const older = r.dataset.questions[2];
    for (const key of ["resolutionCriteria", "evidence", "isDraft", "hideCrowdUntilForecast", "isIllustrative"]) expect(older).not.toHaveProperty(key);
  });
  it("accepts a vector sum just inside the tolerance and reports every problem", () => {
    const ok = doc([scenario()], [{ question: "s1", forecaster: "a", time: "2024-01-02T00:00:00Z", probabilities: { "Gas market first": 0.5, Currency: 0.3, None: 0.2004 } }]);
    expect(errorsOf(ok)).toEqual([]);
    expect(errorsOf({ questions: "x" })).toEqual(['format: is required and must be "forecast-desk/v1"', "questions: must be an array", "forecasts: is required (an array, may be empty)"]);
  });
});
