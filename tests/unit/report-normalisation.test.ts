import { describe, expect, it } from "vitest";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson } from "@/lib/exchange/write-report";
import { scoreDataset } from "@/lib/report";

// docs/formulas.md §2.4: a scenario vector is divided by its sum before anything else, also when
// no entry needs clipping (its sum may be off by up to 0.0005).
describe("scenario vectors that sum to 1 ± 0.0005", () => {
  const doc = {
    format: "forecast-desk/v1",
    questions: [
      {
        id: "q",
        title: "Which scenario?",
        type: "multiple_choice",
        options: ["A", "B", "C"],
        open_time: "2024-01-01T00:00:00Z",
        close_time: "2024-01-11T00:00:00Z",
        resolve_time: "2024-01-11T00:00:00Z",
        resolution: "A",
      },
    ],
    forecasts: [
      { question: "q", forecaster: "ana", time: "2024-01-01T00:00:00Z", probabilities: { A: 0.5002, B: 0.3, C: 0.2002 } },
    ],
  };

  it("are scored as the renormalised vector and not counted as clipped", () => {
    const read = readDatasetV1(doc);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const report = reportToJson(scoreDataset(read.dataset)) as {
      n_clipped_forecasts: number;
      scores: Array<{ final_brier: number; final_log_score: number }>;
    };
    // By hand: the sum is 1.0004, so p = (0.5, 0.3/1.0004, 0.2002/1.0004).
    const [a, b, c] = [0.5002 / 1.0004, 0.3 / 1.0004, 0.2002 / 1.0004];
    expect(a).toBeCloseTo(0.5, 12);
    expect(report.n_clipped_forecasts).toBe(0);
    expect(report.scores[0].final_brier).toBeCloseTo(0.5 * ((a - 1) ** 2 + b ** 2 + c ** 2), 12);
    expect(report.scores[0].final_log_score).toBeCloseTo(Math.log(0.5), 12);
  });
});
