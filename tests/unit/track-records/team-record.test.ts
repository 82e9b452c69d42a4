import { describe, expect, it } from "vitest";
import { extremizingInputs } from "@/lib/track-records/crowd-record";
import type { ResolvedQuestionInput } from "@/lib/track-records/resolved-question";
import { forecasterRecord, forecasterSamples, leaderboard, scoreResolvedQuestions } from "@/lib/track-records/team-record";

const F = (forecaster: string, time: number, probabilities: number[]) => ({ forecaster, time, probabilities });
const binary = (id: string, resolveTime: number, option: 0 | 1, forecasts: ReturnType<typeof F>[]): ResolvedQuestionInput => ({
  question: { id, type: "binary", options: ["no", "yes"], openTime: 0, closeTime: 100, resolveTime, outcome: { kind: "option", option }, title: `Q ${id}`, tags: [] },
  forecasts,
});

const inputs: ResolvedQuestionInput[] = [
  // Ta = 50: b's forecast at 60 does not count; standing at Ta: b 0.2 (t 20), a 0.9 (t 40)
  binary("q1", 50, 1, [F("a", 10, [0.4, 0.6]), F("b", 20, [0.8, 0.2]), F("a", 40, [0.1, 0.9]), F("b", 60, [0.5, 0.5])]),
  {
    question: { id: "q2", type: "multiple_choice", options: ["x", "y", "z"], openTime: 0, closeTime: 100, resolveTime: 100, outcome: { kind: "option", option: 2 }, title: "Q q2", tags: [] },
    forecasts: [F("a", 0, [0.2, 0.3, 0.5])],
  },
];
const scored = scoreResolvedQuestions(inputs);

describe("forecasterRecord", () => {
  const rec = forecasterRecord(scored, "a", { sample: "final", bins: 10 });

  it("keeps the forecaster's rows with the final forecast on what matters", () => {
    expect(rec.rows.map((r) => [r.row.question, r.outcomeLabel, r.outcomeText, r.finalForecast])).toEqual([
      ["q1", "yes", "Yes", 0.9], // binary: P(yes); the option as stored, and as the desk writes it for people
      ["q2", "z", "z", 0.5], // multiple choice: the probability on what happened
    ]);
    expect(rec.rows[0].row.finalBrier).toBeCloseTo(0.01, 12); // (0.9 − 1)²
    expect(rec.rows[1].row.finalBrier).toBeCloseTo((0.04 + 0.09 + 0.25) / 2, 12); // ½ Σ (p_k − [k = o])²
    expect(rec.summary.nQuestions).toBe(2);
  });

  it("calibrates on the resolved binary questions only", () => {
    expect(rec.samples.map((s) => [s.p, s.y, s.w])).toEqual([[0.9, 1, 1]]);
    expect(rec.calibration.bins[9]).toMatchObject({ n: 1, meanForecast: 0.9, observed: 1 });
    expect(rec.histogram[9].n).toBe(1);
    expect(rec.discrimination[9]).toMatchObject({ yes: 1, no: 0 });
  });

  it("dates each row by its resolve time for the monthly windows", () => {
    expect(rec.rows.map((r) => r.resolveTime)).toEqual([50, 100]);
    expect(rec.overTime).toHaveLength(1); // both in January 1970
    expect(rec.overTime[0]).toMatchObject({ month: "1970-01", n: 2 });
  });

  it("pools everyone's samples when no handle is given", () => {
    expect(forecasterSamples(scored, null, "final").map((s) => [s.forecaster, s.p])).toEqual([
      ["a", 0.9],
      ["b", 0.2],
    ]);
  });
});

describe("leaderboard and the extremizing inputs", () => {
  it("summarises every named forecaster, none left out", () => {
    const board = leaderboard(scored, [{ handle: "a", name: "Ann" }, { handle: "b", name: "Bo" }, { handle: "c", name: "Cy" }], "brier", 1);
    expect(board.map((e) => [e.handle, e.summary.nQuestions])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });

  it("takes each forecaster's standing P(yes) at Ta, oldest first, on resolved binary questions", () => {
    expect(extremizingInputs(scored)).toEqual([{ forecasts: [0.2, 0.9], outcome: 1 }]);
  });
});
