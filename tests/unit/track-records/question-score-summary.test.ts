import { describe, expect, it } from "vitest";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import { questionScoreSummary } from "@/lib/track-records/question-score-summary";
import { F, Q } from "../builders";

// Three forecasters, each standing over the whole window [T0, Tc] (forecasts at T0), question resolved Yes.
const q = Q(10, "yes", 10);
const forecasts = [F("ana", 0, 0.8), F("ben", 0, 0.6), F("cy", 0, 0.3)];
const scores = scoreQuestion(q, forecasts);

describe("questionScoreSummary", () => {
  it("my row, the crowd forecast's final scores and the median forecaster, against hand-computed values", () => {
    const s = questionScoreSummary(scores, "ana");
    expect(s.forecasters).toBe(3);
    expect(s.mine!.finalBrier).toBeCloseTo((0.8 - 1) ** 2, 12);
    expect(s.mine!.finalLogScore).toBeCloseTo(Math.log(0.8), 12);
    expect(s.mine!.baseline).toBeCloseTo((100 * (Math.log(0.8) - Math.log(0.5))) / Math.log(2), 9);
    // Peer with N = 3: 100·(ln p_u − mean of the others' ln p).
    expect(s.mine!.peer).toBeCloseTo(100 * (Math.log(0.8) - (Math.log(0.6) + Math.log(0.3)) / 2), 9);
    // Median forecaster: Ben on every score here (0.6 is the middle forecast; every score is monotone in p).
    expect(s.medianForecaster!.finalBrier).toBeCloseTo(0.16, 12);
    expect(s.medianForecaster!.finalLogScore).toBeCloseTo(Math.log(0.6), 12);
    expect(s.medianForecaster!.peer).toBeCloseTo(100 * (Math.log(0.6) - (Math.log(0.8) + Math.log(0.3)) / 2), 9);
    // The crowd forecast (recency-weighted median, all at one time: the plain median 0.6) scored at the close.
    expect(s.crowd!.finalBrier).toBeCloseTo(0.16, 9);
    expect(s.crowd!.finalLogScore).toBeCloseTo(Math.log(0.6), 9);
    expect(s.crowd!.baseline).toBeNull();
  });
  it("has no row of mine when I did not forecast, or am not signed in", () => {
    expect(questionScoreSummary(scores, "dora").mine).toBeNull();
    expect(questionScoreSummary(scores, null).mine).toBeNull();
  });
});
