import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDemoDataset } from "@/db/demo/build-demo-dataset";
import { DEMO_ANALYSTS } from "@/db/demo/demo-analysts";
import { deadlineLabel, endOfDay, endOfDayFrom, endOfMonthFrom, endOfYearFrom } from "@/db/demo/demo-calendar";
import { demoRandom } from "@/db/demo/demo-random";
import { forecastingEndsAt, isClosingSoon, isDueForResolution, questionStatus } from "@/lib/question-lifecycle";
import type { Dataset } from "@/lib/types";

const DAY = 86_400_000;
const NOW = Date.parse("2025-06-15T10:30:00Z");
const LATER_NOW = Date.parse("2026-11-03T08:00:00Z");

const facts = (q: Dataset["questions"][number]) => ({ ...q, isDraft: false });

describe("buildDemoDataset", () => {
  const demo = buildDemoDataset(NOW);

  it("is a function of now alone: the same day gives the same dataset", () => {
    expect(buildDemoDataset(NOW)).toEqual(demo);
    expect(JSON.stringify(buildDemoDataset(NOW))).toBe(JSON.stringify(demo));
  });

  it("keeps the historical questions and their histories whatever the seeding day", () => {
    const later = buildDemoDataset(LATER_NOW);
    const historical = demo.questions.filter((q) => q.outcome !== null).map((q) => q.id);
    expect(historical.length).toBeGreaterThanOrEqual(10);
    const pick = (d: Dataset) => d.forecasts.filter((f) => historical.includes(f.question));
    expect(pick(later)).toEqual(pick(demo));
    // The questions about the future move with the seeding day.
    const open = (d: Dataset) => d.questions.find((q) => q.id === "union-state-integration")!;
    expect(open(later).closeTime).toBeGreaterThan(open(demo).closeTime);
  });

  it("has at least 15 questions with unique ids, 3+ scenario sets and 12+ active analysts", () => {
    expect(demo.questions.length).toBeGreaterThanOrEqual(15);
    expect(new Set(demo.questions.map((q) => q.id)).size).toBe(demo.questions.length);
    const scenarioSets = demo.questions.filter((q) => q.type === "multiple_choice");
    expect(scenarioSets.length).toBeGreaterThanOrEqual(3);
    for (const q of scenarioSets) expect(q.options.length).toBeGreaterThanOrEqual(3);
    const forecasters = new Set(demo.forecasts.map((f) => f.forecaster));
    expect(forecasters.size).toBeGreaterThanOrEqual(12);
    expect([...forecasters].sort()).toEqual(DEMO_ANALYSTS.map((a) => a.handle).sort());
  });

  it("covers every lifecycle state relative to now", () => {
    for (const now of [NOW, LATER_NOW, Date.parse("2024-02-29T23:59:59Z")]) {
      const d = buildDemoDataset(now);
      const count = (pred: (q: Dataset["questions"][number]) => boolean) => d.questions.filter(pred).length;
      const status = (q: Dataset["questions"][number]) => questionStatus(facts(q), now);
      expect(count((q) => status(q) === "open" && !isClosingSoon(facts(q), now))).toBeGreaterThanOrEqual(5);
      expect(count((q) => isClosingSoon(facts(q), now))).toBeGreaterThanOrEqual(1);
      expect(count((q) => status(q) === "closed" && !isDueForResolution(facts(q), now))).toBeGreaterThanOrEqual(1);
      expect(count((q) => status(q) === "closed" && isDueForResolution(facts(q), now))).toBeGreaterThanOrEqual(1);
      expect(count((q) => status(q) === "resolved")).toBeGreaterThanOrEqual(10);
      expect(count((q) => status(q) === "annulled")).toBe(1);
      expect(count((q) => status(q) === "resolved" && q.type === "multiple_choice")).toBeGreaterThanOrEqual(1);
    }
  });

  it("gives every forecast whole-percent probabilities in [0.001, 0.999] summing to 1, one per option", () => {
    const options = new Map(demo.questions.map((q) => [q.id, q.options.length]));
    for (const f of demo.forecasts) {
      expect(f.probabilities.length).toBe(options.get(f.question));
      for (const p of f.probabilities) {
        expect(p).toBeGreaterThanOrEqual(0.001);
        expect(p).toBeLessThanOrEqual(0.999);
        expect(Math.abs(p * 100 - Math.round(p * 100))).toBeLessThan(1e-9);
      }
      expect(Math.abs(f.probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
    }
  });

  it("places forecasts in [open, end of forecasting], never after now, in time order", () => {
    const byId = new Map(demo.questions.map((q) => [q.id, q]));
    for (const f of demo.forecasts) {
      const q = byId.get(f.question)!;
      expect(Number.isInteger(f.time)).toBe(true);
      expect(f.time).toBeGreaterThanOrEqual(q.openTime);
      expect(f.time).toBeLessThanOrEqual(Math.min(forecastingEndsAt(facts(q)), q.closeTime));
      expect(f.time).toBeLessThan(NOW);
    }
    for (let i = 1; i < demo.forecasts.length; i++)
      expect(demo.forecasts[i].time).toBeGreaterThanOrEqual(demo.forecasts[i - 1].time);
  });

  it("gives every question a history from several analysts, with rationales", () => {
    for (const q of demo.questions) {
      const fs = demo.forecasts.filter((f) => f.question === q.id);
      expect(new Set(fs.map((f) => f.forecaster)).size, q.id).toBeGreaterThanOrEqual(5);
      expect(fs.some((f) => f.rationale), q.id).toBe(true);
      // Histories span months, not a single day.
      expect(Math.max(...fs.map((f) => f.time)) - Math.min(...fs.map((f) => f.time)), q.id).toBeGreaterThan(30 * DAY);
    }
    // A moderate size: seeding stays fast.
    expect(demo.forecasts.length).toBeGreaterThan(800);
    expect(demo.forecasts.length).toBeLessThan(5000);
    // Some analysts update often, some forecast once per question.
    const perPair = new Map<string, number>();
    for (const f of demo.forecasts) perPair.set(`${f.forecaster}/${f.question}`, (perPair.get(`${f.forecaster}/${f.question}`) ?? 0) + 1);
    expect(Math.max(...perPair.values())).toBeGreaterThanOrEqual(15);
    const onceOnly = [...perPair].filter(([key]) => key.startsWith("hugo/") || key.startsWith("kira/"));
    expect(onceOnly.length).toBeGreaterThan(0); // else the next line checks nothing
    for (const [, n] of onceOnly) expect(n).toBe(1);
  });

  it("documents every question and every resolution", () => {
    for (const q of demo.questions) {
      expect(q.title.length).toBeGreaterThan(10);
      expect(q.description!.length).toBeGreaterThan(80);
      expect(q.resolutionCriteria!.length).toBeGreaterThan(80);
      expect(q.tags.length).toBeGreaterThan(0);
      expect(typeof q.isIllustrative).toBe("boolean");
      if (q.outcome) {
        expect(q.resolveTime, q.id).not.toBeNull();
        expect(q.resolveTime!).toBeGreaterThan(q.openTime);
        expect(q.evidence!.length, q.id).toBeGreaterThan(30);
      } else {
        expect(q.resolveTime).toBeNull();
        expect(q.evidence).toBeNull();
      }
    }
    // The article's own deadlines are kept.
    const gas = demo.questions.find((q) => q.id === "gas-market-addenda-2023")!;
    expect(gas.resolveBy).toBe(Date.parse("2023-12-02T00:00:00Z"));
    expect(demo.questions.find((q) => q.id === "central-banks-monetary-principles-2022")!.resolveBy).toBe(
      Date.parse("2023-01-01T00:00:00Z"),
    );
    // Outcomes that are not a matter of public record are flagged, and so is the annulled question.
    expect(demo.questions.filter((q) => q.isIllustrative).length).toBeGreaterThanOrEqual(2);
    expect(demo.questions.find((q) => q.outcome?.kind === "annulled")!.isIllustrative).toBe(true);
  });

  it("hides the crowd until forecasting on a few open questions only", () => {
    const hidden = demo.questions.filter((q) => q.hideCrowdUntilForecast);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.length).toBeLessThan(demo.questions.length / 2);
    for (const q of hidden) expect(questionStatus(facts(q), NOW)).toBe("open");
    for (const q of demo.questions) expect(typeof q.hideCrowdUntilForecast).toBe("boolean");
  });

  it("lets skill show: the sharp analyst beats the contrarian and the noisy one on final Brier", () => {
    const resolved = demo.questions.filter((q) => q.outcome?.kind === "option");
    const meanFinalBrier = (handle: string) => {
      const scores: number[] = [];
      for (const q of resolved) {
        const mine = demo.forecasts.filter((f) => f.question === q.id && f.forecaster === handle);
        if (mine.length === 0) continue;
        const p = mine[mine.length - 1].probabilities;
        const o = q.outcome!.kind === "option" ? q.outcome!.option : -1;
        scores.push(p.reduce((s, pk, k) => s + (pk - (k === o ? 1 : 0)) ** 2, 0) / 2);
      }
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    expect(meanFinalBrier("ines")).toBeLessThan(meanFinalBrier("farah"));
    expect(meanFinalBrier("ines")).toBeLessThan(meanFinalBrier("emil"));
    expect(meanFinalBrier("ana")).toBeLessThan(meanFinalBrier("farah"));
  });

  it("refuses a seeding day before the historical questions resolved", () => {
    expect(() => buildDemoDataset(Date.parse("2023-06-01T00:00:00Z"))).toThrow(/now must be on or after/);
    expect(() => buildDemoDataset(Number.NaN)).toThrow(/now must be/);
  });
});

describe("demo calendar", () => {
  it("treats a date-only deadline as the end of that day", () => {
    expect(endOfDay(2023, 12, 1)).toBe(Date.parse("2023-12-02T00:00:00Z"));
    expect(deadlineLabel(endOfDay(2023, 12, 1))).toBe("1 December 2023");
    expect(deadlineLabel(endOfDay(2024, 2, 29))).toBe("29 February 2024");
  });

  it("computes relative deadlines from the seeding day", () => {
    expect(endOfDayFrom(NOW, 0)).toBe(Date.parse("2025-06-16T00:00:00Z"));
    expect(endOfDayFrom(NOW, -3)).toBe(Date.parse("2025-06-13T00:00:00Z"));
    expect(endOfMonthFrom(NOW, 0)).toBe(Date.parse("2025-07-01T00:00:00Z"));
    expect(endOfMonthFrom(NOW, 7)).toBe(Date.parse("2026-02-01T00:00:00Z"));
    expect(endOfYearFrom(NOW, 6)).toBe(Date.parse("2026-01-01T00:00:00Z"));
    expect(endOfYearFrom(Date.parse("2025-07-10T00:00:00Z"), 6)).toBe(Date.parse("2027-01-01T00:00:00Z"));
  });
});

describe("demoRandom", () => {
  it("replays the same stream for the same seed and stays in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = demoRandom(seed);
        const b = demoRandom(seed);
        for (let i = 0; i < 20; i++) {
          const x = a.next();
          expect(x).toBe(b.next());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it("is roughly uniform (mean ½, variance 1/12 over 20 000 draws)", () => {
    const r = demoRandom(42);
    const xs = Array.from({ length: 20_000 }, () => r.next());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });
});
