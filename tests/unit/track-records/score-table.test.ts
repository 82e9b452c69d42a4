import { describe, expect, it } from "vitest";
import { nextSortDirection, sortScoreTable, type ScoreTableRow } from "@/lib/track-records/score-table";

const R = (question: string, final_brier: number, brier_time_avg: number | null): ScoreTableRow => ({
  question,
  resolved: 0,
  final_forecast: 0.5,
  outcome: "yes",
  final_brier,
  brier_time_avg,
  relative_brier: 0,
  baseline: 0,
  peer: 0,
  coverage: 1,
});

const rows = [R("b", 0.2, null), R("a", 0.1, 0.3), R("c", 0.2, 0.1)];

describe("sortScoreTable", () => {
  it("sorts numbers both ways, ties keep input order", () => {
    expect(sortScoreTable(rows, "final_brier", "asc").map((r) => r.question)).toEqual(["a", "b", "c"]);
    expect(sortScoreTable(rows, "final_brier", "desc").map((r) => r.question)).toEqual(["b", "c", "a"]);
  });

  it("puts nulls last in either direction", () => {
    expect(sortScoreTable(rows, "brier_time_avg", "asc").map((r) => r.question)).toEqual(["c", "a", "b"]);
    expect(sortScoreTable(rows, "brier_time_avg", "desc").map((r) => r.question)).toEqual(["a", "c", "b"]);
  });

  it("sorts strings by code point and does not touch its input", () => {
    expect(sortScoreTable(rows, "question", "desc").map((r) => r.question)).toEqual(["c", "b", "a"]);
    expect(rows.map((r) => r.question)).toEqual(["b", "a", "c"]);
  });
});

describe("nextSortDirection", () => {
  it("flips the active column's direction once ascending, and starts any other column ascending", () => {
    expect(nextSortDirection("final_brier", "final_brier", "asc")).toBe("desc");
    expect(nextSortDirection("final_brier", "final_brier", "desc")).toBe("asc");
    expect(nextSortDirection("peer", "final_brier", "asc")).toBe("asc");
    expect(nextSortDirection("peer", "final_brier", "desc")).toBe("asc");
  });
});
