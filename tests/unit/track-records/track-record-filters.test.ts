import { describe, expect, it } from "vitest";
import {
  forecasterProfileFields,
  leaderboardFields,
  parseTrackRecordParams,
  periodBounds,
} from "@/lib/validation/track-record-filters";

describe("track-record GET parameters", () => {
  it("parses good values and treats empty ones as unset", () => {
    const r = parseTrackRecordParams(forecasterProfileFields, { from: "2022-01-01", to: "", bins: "20", sample: "time_weighted", sort: "peer", dir: "desc" });
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ from: "2022-01-01", bins: 20, sample: "time_weighted", sort: "peer", dir: "desc" });
  });

  it("drops only the bad field and names it with the rule", () => {
    const r = parseTrackRecordParams(leaderboardFields, { rank: "luck", min: "0", tag: "gas" });
    expect(r.values).toEqual({ tag: "gas" });
    expect(r.errors).toEqual(["rank: must be one of peer, baseline, relative_brier, brier, crps", "min: must be at least 1"]);
  });

  it("rejects impossible dates and a period that ends before it starts", () => {
    expect(parseTrackRecordParams(leaderboardFields, { from: "2022-02-30" }).errors).toEqual(["from: must be a real calendar date"]);
    // Month 13 or day 45 is an Invalid Date (toISOString would throw): a field error, not a crash (found by the API fuzz test).
    expect(parseTrackRecordParams(leaderboardFields, { from: "2026-13-45" }).errors).toEqual(["from: must be a real calendar date"]);
    const r = parseTrackRecordParams(leaderboardFields, { from: "2023-01-01", to: "2022-01-01" });
    expect(r.values).toEqual({});
    expect(r.errors).toEqual(["from: must not be after to"]);
  });

  it("answers malformed dates and numbers with a message, never an exception", () => {
    for (const fields of [leaderboardFields, forecasterProfileFields]) {
      expect(parseTrackRecordParams(fields, { from: "abc" }).errors).toEqual(["from: must be a date YYYY-MM-DD"]);
      expect(parseTrackRecordParams(fields, { to: "2024-13-45" }).errors).toEqual(["to: must be a real calendar date"]);
      expect(parseTrackRecordParams(fields, { to: "2024-00-00" }).errors).toEqual(["to: must be a real calendar date"]);
    }
    for (const min of ["0x32", "5e1", "1.5", " 3", "-1", "Infinity"])
      expect(parseTrackRecordParams(leaderboardFields, { min }).errors, min).toEqual(["min: must be a whole number"]);
    expect(parseTrackRecordParams(leaderboardFields, { min: "50" }).values).toEqual({ min: 50 });
  });

  it("takes a page number on the leaderboard and on a profile's scored questions, by the same rule", () => {
    for (const fields of [leaderboardFields, forecasterProfileFields]) {
      expect(parseTrackRecordParams(fields, { page: "3" }).values).toEqual({ page: 3 });
      expect(parseTrackRecordParams(fields, { page: "0" }).errors).toEqual(["page: must be at least 1"]);
      for (const page of ["-1", "2.5", "1e3", "two", "1234567"]) expect(parseTrackRecordParams(fields, { page }).errors, page).toEqual(["page: must be a whole number"]);
    }
  });

  it("turns dates into a [from, to) window in UTC that includes the whole 'to' day", () => {
    expect(periodBounds({ from: "2022-01-01", to: "2022-12-31" })).toEqual({
      from: Date.UTC(2022, 0, 1),
      to: Date.UTC(2023, 0, 1),
    });
    expect(periodBounds({})).toEqual({ from: null, to: null });
  });
});
