import * as z from "zod";
import { describe, expect, it } from "vitest";
import { questionFormInput, splitTags } from "@/lib/validation/question";
import { endOfUtcDay, resolveByDateValue, wallClockToEpochMs } from "@/lib/validation/wall-clock";

const form = (over: Record<string, unknown> = {}) => ({
  title: "Will the gas-market addenda be signed?",
  description: "Context",
  resolutionCriteria: "Yes if signed",
  tags: "gas, Union State , gas",
  timeZone: "UTC",
  openTime: "2023-01-01T00:00",
  closeTime: "2023-11-30T12:00",
  resolveBy: "2023-12-01",
  type: "binary",
  hideCrowdUntilForecast: "on",
  ...over,
});

const errorsOf = (input: unknown) => {
  const r = questionFormInput.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe("wall clock", () => {
  it.each([
    ["2023-06-01T12:00", "UTC", Date.UTC(2023, 5, 1, 12)],
    ["2023-06-01T12:00", "Europe/Minsk", Date.UTC(2023, 5, 1, 9)], // UTC+3
    ["2023-01-15T08:30", "America/New_York", Date.UTC(2023, 0, 15, 13, 30)], // EST, UTC−5
    ["2023-07-15T08:30", "America/New_York", Date.UTC(2023, 6, 15, 12, 30)], // EDT, UTC−4
  ])("%s in %s", (local, zone, expected) => {
    expect(wallClockToEpochMs(local, zone)).toBe(expected);
  });
  it("rejects malformed and impossible times", () => {
    expect(wallClockToEpochMs("2023-02-30T10:00", "UTC")).toBeNull();
    expect(wallClockToEpochMs("yesterday", "UTC")).toBeNull();
  });
  it("a date-only deadline is 00:00Z of the next day", () => {
    expect(endOfUtcDay("2023-12-01")).toBe(Date.UTC(2023, 11, 2));
    expect(endOfUtcDay("2023-12-31")).toBe(Date.UTC(2024, 0, 1));
    expect(resolveByDateValue(Date.UTC(2023, 11, 2))).toBe("2023-12-01");
  });
});

describe("questionFormInput", () => {
  it("turns a valid form into a definition", () => {
    const r = questionFormInput.parse(form());
    expect(r).toMatchObject({
      title: "Will the gas-market addenda be signed?",
      tags: ["gas", "Union State"],
      openTime: Date.UTC(2023, 0, 1),
      closeTime: Date.UTC(2023, 10, 30, 12),
      resolveBy: Date.UTC(2023, 11, 2),
      type: "binary",
      scenarios: [],
      hideCrowdUntilForecast: true,
      isDraft: false,
    });
  });

  it("enforces text limits", () => {
    expect(errorsOf(form({ title: "" })).title?.[0]).toMatch(/required/);
    expect(errorsOf(form({ title: "x".repeat(201) })).title?.[0]).toMatch(/at most 200/);
    expect(errorsOf(form({ title: "x".repeat(200) })).title).toBeUndefined();
    expect(errorsOf(form({ description: "x".repeat(10_001) })).description?.[0]).toMatch(/10,000/);
    expect(errorsOf(form({ resolutionCriteria: "x".repeat(10_001) })).resolutionCriteria?.[0]).toMatch(/10,000/);
  });

  it("orders the times", () => {
    expect(errorsOf(form({ closeTime: "2023-01-01T00:00" })).closeTime?.[0]).toMatch(/after the open time/);
    expect(errorsOf(form({ resolveBy: "2023-11-01" })).resolveBy?.[0]).toMatch(/before the close/);
    expect(errorsOf(form({ openTime: "" })).openTime?.[0]).toMatch(/required/);
    expect(errorsOf(form({ resolveBy: "" }))).toEqual({});
  });

  it("checks scenarios: at least 2, unique, non-empty, not 'annulled'", () => {
    const ms = (scenarios: string) => errorsOf(form({ type: "multiple_choice", scenarios })).scenarios?.[0];
    expect(ms("Status quo")).toMatch(/at least 2/);
    expect(ms("A\n\n  \n")).toMatch(/at least 2/);
    expect(ms("A\na")).toMatch(/unique/);
    expect(ms("A\nAnnulled")).toMatch(/reserved/);
    expect(ms("Status quo\nDeeper integration\nRupture")).toBeUndefined();
    expect(questionFormInput.parse(form({ type: "multiple_choice", scenarios: " A \r\nB\n" })).scenarios).toEqual(["A", "B"]);
  });

  it("rejects an unknown type and reads unticked checkboxes as false", () => {
    expect(errorsOf(form({ type: "ordinal" })).type?.[0]).toMatch(/binary, scenario set, numeric or date/);
    expect(questionFormInput.parse(form({ hideCrowdUntilForecast: undefined })).hideCrowdUntilForecast).toBe(false);
  });

  it("reports every problem at once, each on its field", () => {
    const e = errorsOf({ title: "", description: "d".repeat(10_001), openTime: "2024-01-01T00:00", closeTime: "2023-01-01T00:00", type: "multiple_choice", scenarios: "only one" });
    expect(Object.keys(e).sort()).toEqual(["closeTime", "description", "scenarios", "title"]);
    expect(Object.keys(errorsOf({})).sort()).toEqual(["closeTime", "openTime", "title", "type"]);
  });

  it("splits tags on commas, trimming and dropping duplicates", () => {
    expect(splitTags(" a, b ,,A, c d ")).toEqual(["a", "b", "c d"]);
  });
});
