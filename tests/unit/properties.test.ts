import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolGeometricOdds } from "@/lib/aggregation/geometric-odds";
import { poolMean } from "@/lib/aggregation/mean";
import { poolMedian } from "@/lib/aggregation/median";
import { poolRecencyWeightedMedian } from "@/lib/aggregation/recency-weighted-median";
import { calibrate } from "@/lib/calibration/bins";
import { timeWeightedSamples } from "@/lib/calibration/samples";
import { baselineScore } from "@/lib/scoring/baseline-score";
import { binaryBrierScore, brierScore } from "@/lib/scoring/brier";
import { peerScoreAt } from "@/lib/scoring/peer-score";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import type { ForecastRecord, ScoringQuestion } from "@/lib/types";

// Properties of the docs/formulas.md formulas that must hold for any input (fast-check).
const HOUR = 3_600_000;
const probability = fc.double({ min: 0.001, max: 0.999, noNaN: true });

/** A resolved binary question over hours [0, 100] with early resolution sometimes, and its forecasts. */
const resolvedBinary = fc
  .record({
    resolveAt: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
    outcome: fc.constantFrom(0, 1),
    forecasts: fc.array(
      fc.record({ who: fc.constantFrom("a", "b", "c", "d", "e"), at: fc.integer({ min: -10, max: 110 }), p: probability }),
      { minLength: 1, maxLength: 25 },
    ),
  })
  .map(({ resolveAt, outcome, forecasts }) => {
    const q: ScoringQuestion = {
      id: "q",
      type: "binary",
      options: ["no", "yes"],
      openTime: 0,
      closeTime: 100 * HOUR,
      resolveTime: resolveAt === null ? null : resolveAt * HOUR,
      outcome: { kind: "option", option: outcome },
    };
    const records: ForecastRecord[] = forecasts.map((f) => ({ forecaster: f.who, time: f.at * HOUR, probabilities: [1 - f.p, f.p] }));
    return { q, records };
  });

describe("per-forecast properties", () => {
  it("a forecast of 1/K has baseline 0", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 12 }), (k) => Math.abs(baselineScore(1 / k, k)) < 1e-9));
  });
  it("K = 2 vector Brier equals binary Brier", () => {
    fc.assert(
      fc.property(probability, fc.constantFrom(0, 1), (p, o) => Math.abs(brierScore([1 - p, p], o) - binaryBrierScore(p, o as 0 | 1)) < 1e-12),
    );
  });
  it("peer scores at an instant sum to 0 over forecasters", () => {
    fc.assert(
      fc.property(fc.array(probability, { minLength: 1, maxLength: 30 }), (ps) => {
        const logs = ps.map(Math.log);
        const total = logs.reduce((s, l, i) => s + peerScoreAt(l, [...logs.slice(0, i), ...logs.slice(i + 1)]), 0);
        return Math.abs(total) < 1e-8;
      }),
    );
  });
});

describe("aggregation properties", () => {
  const vectors = fc.array(probability, { minLength: 1, maxLength: 40 }).map((ps) => ps.map((p) => [1 - p, p]));
  it("binary median, recency-weighted median, mean and geometric odds lie within [min, max]", () => {
    fc.assert(
      fc.property(vectors, (fs) => {
        const ps = fs.map((f) => f[1]);
        const lo = Math.min(...ps) - 1e-12;
        const hi = Math.max(...ps) + 1e-12;
        return [poolMedian, poolRecencyWeightedMedian, poolMean, poolGeometricOdds].every((pool) => {
          const a = pool(fs, true)[1];
          return a >= lo && a <= hi;
        });
      }),
    );
  });
  it("recency-weighted median with n ≤ 2 equals the plain median", () => {
    fc.assert(
      fc.property(fc.array(probability, { minLength: 1, maxLength: 2 }), (ps) => {
        const fs = ps.map((p) => [1 - p, p]);
        return poolRecencyWeightedMedian(fs, true)[1] === poolMedian(fs, true)[1];
      }),
    );
  });
  it("scenario pools sum to 1", () => {
    const scenario = fc.array(fc.array(probability, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }).map((fs) =>
      fs.map((f) => {
        const s = f.reduce((x, y) => x + y, 0);
        return f.map((p) => p / s);
      }),
    );
    fc.assert(
      fc.property(scenario, (fs) =>
        [poolMedian, poolRecencyWeightedMedian, poolMean, poolGeometricOdds].every(
          (pool) => Math.abs(pool(fs, false).reduce((x, y) => x + y, 0) - 1) < 1e-12,
        ),
      ),
    );
  });
});

describe("question properties", () => {
  it("integrated peer scores of a question sum to 0", () => {
    fc.assert(
      fc.property(resolvedBinary, ({ q, records }) => {
        const rows = scoreQuestion(q, records).rows;
        return Math.abs(rows.reduce((s, r) => s + r.peer, 0)) < 1e-7;
      }),
    );
  });
  it("time-weighted calibration weights of a forecaster sum to covered time / (T1 − T0)", () => {
    fc.assert(
      fc.property(resolvedBinary, ({ q, records }) => {
        const rows = scoreQuestion(q, records).rows;
        const samples = timeWeightedSamples(q, records);
        const ta = Math.min(q.closeTime, q.resolveTime ?? q.closeTime);
        return rows.every((r) => {
          const w = samples.filter((s) => s.forecaster === r.forecaster).reduce((s, x) => s + x.w, 0);
          const covered = (r.coverage * (q.closeTime - q.openTime)) / (ta - q.openTime);
          return Math.abs(w - covered) < 1e-12;
        });
      }),
    );
  });
  it("shifting every time by a constant changes nothing", () => {
    fc.assert(
      fc.property(resolvedBinary, fc.integer({ min: -1e12, max: 1e12 }), ({ q, records }, shift) => {
        const moved: ScoringQuestion = {
          ...q,
          openTime: q.openTime + shift,
          closeTime: q.closeTime + shift,
          resolveTime: q.resolveTime === null ? null : q.resolveTime + shift,
        };
        const a = scoreQuestion(q, records);
        const b = scoreQuestion(moved, records.map((f) => ({ ...f, time: f.time + shift })));
        expect(b.actualCloseTime - a.actualCloseTime).toBe(shift);
        expect(b.aggregates).toEqual(a.aggregates);
        b.rows.forEach((row, i) => {
          const other = a.rows[i];
          expect(row.forecaster).toBe(other.forecaster);
          for (const key of ["finalBrier", "relativeBrier", "baseline", "peer", "coverage"] as const) {
            expect(Math.abs(row[key] - other[key])).toBeLessThan(1e-9);
          }
          if (other.brierTimeAvg === null) expect(row.brierTimeAvg).toBeNull();
          else expect(Math.abs((row.brierTimeAvg as number) - other.brierTimeAvg)).toBeLessThan(1e-9);
        });
      }),
    );
  });
  it("relative Brier of a lone forecaster is 0 and coverage is at most 1", () => {
    fc.assert(
      fc.property(resolvedBinary, ({ q, records }) => {
        const lone = records.map((f) => ({ ...f, forecaster: "solo" }));
        const [row] = scoreQuestion(q, lone).rows;
        if (row === undefined) return lone.every((f) => f.time > Math.min(q.closeTime, q.resolveTime ?? q.closeTime));
        return Math.abs(row.relativeBrier) < 1e-12 && row.coverage <= 1 && row.coverage >= 0;
      }),
    );
  });
});

describe("calibration properties", () => {
  const samples = fc.array(
    fc.record({ p: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.constantFrom(0 as const, 1 as const), w: fc.double({ min: 0.01, max: 5, noNaN: true }) }),
    { minLength: 1, maxLength: 60 },
  );
  it("the Murphy identity holds with the residual: BS = REL − RES + UNC + residual", () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 1, max: 20 }), (s, bins) => {
        const c = calibrate(s, bins);
        const n = s.reduce((x, v) => x + v.w, 0);
        const bs = s.reduce((x, v) => x + v.w * (v.p - v.y) ** 2, 0) / n;
        return (
          Math.abs((c.brier as number) - bs) < 1e-12 &&
          Math.abs((c.reliability as number) - (c.resolution as number) + (c.uncertainty as number) + (c.residual as number) - bs) < 1e-12
        );
      }),
    );
  });
  it("the residual vanishes when every bin holds one forecast value", () => {
    fc.assert(
      fc.property(samples, (s) => {
        const onCentres = s.map((v) => ({ ...v, p: (Math.min(9, Math.floor(v.p * 10)) + 0.5) / 10 }));
        return Math.abs(calibrate(onCentres, 10).residual as number) < 1e-12;
      }),
    );
  });
  it("bin weights add up to the total weight", () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 1, max: 20 }), (s, bins) => {
        const c = calibrate(s, bins);
        return Math.abs(c.bins.reduce((x, b) => x + b.n, 0) - s.reduce((x, v) => x + v.w, 0)) < 1e-9;
      }),
    );
  });
});
