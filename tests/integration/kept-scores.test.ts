// The kept tables (db/schema/kept-scores.ts) written incrementally by every write that changes their
// inputs must equal a rebuild from scratch (`npm run db:rescore`): on the demo desk, and on a generated
// desk after random forecasts, resolutions, corrections, annulments, undos, edits of the question's
// times and draft flag, and imports onto resolved questions. And the kept score rows must be the
// scorer's (scoreDataset on the exported desk, the command-line path).
import { random, writeDataset } from "@/cli/bench-dataset";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { sqliteOf } from "@/db/queries/connection";
import { exportDataset, importDataset } from "@/db/queries/exchange";
import { recordForecast } from "@/db/queries/forecasts";
import { markBot, unmarkBot } from "@/db/queries/bots";
import { keptTablesVersion, KEPT_TABLES_VERSION, rebuildKeptScores, STANDING_OF_SQL, withIndexesBuiltAfter } from "@/db/queries/kept-scores";
import { keptQuestionRows, type KeptRowsOutcome, type StartKeptRows } from "@/db/queries/kept-rows";
import { startKeptRowsWorker } from "@/db/queries/kept-rows-worker-host";
import { createQuestion, getDiscreteQuestion, getQuestion, updateQuestion } from "@/db/queries/questions";
import { recordResolution, undoResolution } from "@/db/queries/resolutions";
import { createUser } from "@/db/queries/users";
import { seedDemo } from "@/db/seed-demo";
import { crowdForecastSeries } from "@/lib/aggregation/crowd-forecast";
import { readForecasts } from "@/lib/probability";
import { scoreDataset } from "@/lib/report";
import { DEFAULT_AGGREGATION_METHOD } from "@/lib/types";
import { forecasterCountsByQuestion, listForecastsForQuestion, listStandingForecasts, rationalePage } from "@/db/queries/forecasts";
import { keptCrowdAt, keptCrowdForecastAt, keptQuestionScores, keptQuestionScoreSummary, listCrowdHistory } from "@/db/queries/kept-scores";
import { myPosition, positionFrom } from "@/lib/my-forecasts";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import { questionScoreSummary } from "@/lib/track-records/question-score-summary";
import { crowdForecastAt } from "@/lib/aggregation/crowd-forecast";
import { actualCloseTime, countedForecasts, latestPositions, standingForecastsAt } from "@/lib/standing-forecast";
import {
  countScoredQuestions,
  crowdRecordInputs,
  forecasterScoredRows,
  keptCrowdRecord,
  keptForecasterSamples,
  leaderboardEntries,
  leaderboardPage,
  loadResolvedQuestions,
  type ResolvedQuestionFilter,
} from "@/db/queries/track-records";
import { crowdRecord, crowdRecordFrom } from "@/lib/track-records/crowd-record";
import { LEADERBOARD_RANKINGS, rankLeaderboard } from "@/lib/track-records/leaderboard";
import { forecasterRecord, forecasterRecordFromRows, leaderboard, scoreResolvedQuestions } from "@/lib/track-records/team-record";
import { keptContinuousCrowdInputs, keptContinuousCrowdRecord, keptContinuousRows, keptPitSamples, loadResolvedContinuousQuestions } from "@/db/queries/continuous-track-records";
import { compareCodePoints } from "@/lib/code-point-order";
import { recordCdfForecast } from "@/db/queries/continuous-questions";
import { logisticCdf } from "@/lib/continuous/logistic-cdf";
import { valueAtLocation } from "@/lib/continuous/scale";
import type { ContinuousDatasetQuestion, ContinuousScale } from "@/lib/continuous/types";
import { isContinuousQuestion } from "@/lib/types";
import { calibratePits } from "@/lib/continuous/pit-calibration";
import { continuousCrowdRecord, continuousCrowdRecordOf, scoreContinuousQuestions } from "@/lib/track-records/continuous-record";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 9, 15, 12);

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-kept-"));
  db = openDb(path.join(dir, "fd.db"));
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const TABLES = {
  kept_score_rows: "question_id, population, forecaster_id",
  kept_crowd_scores: "question_id, population, method",
  kept_calibration_samples: "question_id, population, kind, forecaster_id, method, p, w",
  kept_crowd_history: "question_id, population, method, time",
  kept_latest_forecasts: "question_id, forecaster_id",
  kept_forecaster_totals: "population, forecaster_id",
};

/** Every kept row, in a fixed order (without the samples' autoincrement id). */
function snapshot(d: Db): Record<string, unknown[]> {
  const sqlite = sqliteOf(d);
  return Object.fromEntries(
    Object.entries(TABLES).map(([table, order]) => {
      const rows = sqlite.prepare(`select * from ${table} order by ${order}`).all() as Array<Record<string, unknown>>;
      return [table, rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== "id")))];
    }),
  );
}

function expectRebuildEqualsIncremental(d: Db) {
  const incremental = snapshot(d);
  rebuildKeptScores(d);
  const rebuilt = snapshot(d);
  for (const table of Object.keys(TABLES)) {
    expect(incremental[table].length, table).toBe(rebuilt[table].length);
    expect(incremental[table], table).toEqual(rebuilt[table]);
  }
  return rebuilt;
}

const near = (actual: unknown, expected: unknown, where: string) => {
  if (typeof expected === "number" && typeof actual === "number") expect(Math.abs(actual - expected), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  else expect(actual, where).toEqual(expected);
};
/** Deep comparison with numbers within 1e-9 (SQL's avg and a different summation order move the last bits). */
function expectNear(actual: unknown, expected: unknown, where = "") {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, `${where} length`).toBe(expected.length);
    expected.forEach((e, i) => expectNear((actual as unknown[])[i], e, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    for (const key of Object.keys(expected)) expectNear((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${where}.${key}`);
  } else near(actual, expected, where);
}

/**
 * The track-record pages' numbers from the kept tables equal the engine run on every forecast of the
 * selected resolved questions (the pages' previous path): leaderboard, every profile, the crowd page.
 */
function expectPagesReadTheEngine(d: Db, filters: ResolvedQuestionFilter[]) {
  for (const filter of filters) {
    const inputs = loadResolvedQuestions(d, filter);
    const scored = scoreResolvedQuestions(inputs.questions);
    // Numeric and date questions: scored on every forecast here, read from the kept rows by the pages.
    const continuousInputs = loadResolvedContinuousQuestions(d, filter);
    const continuousScored = scoreContinuousQuestions(continuousInputs.questions);
    const continuousRows = continuousScored.flatMap((s) => s.rows);
    const names = new Map([...inputs.forecasters, ...continuousInputs.forecasters].map((f) => [f.handle, f]));
    const forecasters = [...names.values()].sort((a, b) => compareCodePoints(a.handle, b.handle));
    expect(countScoredQuestions(d, filter)).toBe(inputs.questions.length + continuousInputs.questions.length);
    for (const ranking of LEADERBOARD_RANKINGS) {
      const expected = leaderboard(scored, forecasters, ranking, 1, continuousRows);
      const actual = rankLeaderboard(leaderboardEntries(d, filter), ranking, 1);
      expect(actual.map((r) => r.handle), ranking).toEqual(expected.map((r) => r.handle));
      expectNear(actual, expected, `leaderboard ${ranking}`);
      // The page the leaderboard reads (ranked on two columns, summaries for the page only), page by
      // page with pages small enough to split ties, is the engine's ranking sliced; so with a minimum.
      for (const minQuestions of [1, 2]) {
        const ranked = leaderboard(scored, forecasters, ranking, minQuestions, continuousRows);
        const perPage = 3;
        const pageCount = Math.max(1, Math.ceil(ranked.length / perPage));
        for (let n = 1; n <= pageCount; n++) {
          const board = leaderboardPage(d, filter, ranking, minQuestions, n, perPage);
          expect(board.total, `${ranking} min ${minQuestions}`).toBe(ranked.length);
          expect(board.pageCount).toBe(pageCount);
          const slice = ranked.slice((n - 1) * perPage, n * perPage);
          expect(board.shown.map((r) => r.handle), `${ranking} min ${minQuestions} page ${n}`).toEqual(slice.map((r) => r.handle));
          expectNear(board.shown, slice, `leaderboard page ${n} ${ranking} min ${minQuestions}`);
        }
      }
    }
    for (const { handle } of forecasters) {
      const keptContinuous = keptContinuousRows(d, handle, filter);
      const expectedContinuous = continuousRows.filter((r) => r.forecaster === handle).map((r) => ({ question: r.question, forecaster: r.forecaster, finalLogScore: r.finalLogScore, baseline: r.baseline, peer: r.peer, coverage: r.coverage, crps: r.crps, crpsTimeAvg: r.crpsTimeAvg, pit: r.pit }));
      expectNear(keptContinuous.map((r) => r.row), expectedContinuous, `profile ${handle} numeric and date rows`);
      for (const sample of ["final", "time_weighted"] as const) {
        const expected = forecasterRecord(scored, handle, { sample, bins: 10 }, continuousRows);
        const actual = forecasterRecordFromRows(
          forecasterScoredRows(d, handle, filter),
          keptForecasterSamples(d, handle, sample, filter),
          10,
          keptContinuous.map((r) => r.row),
        );
        expectNear(actual, expected, `profile ${handle} ${sample}`);
        const pits =
          sample === "final"
            ? expectedContinuous.map((r) => ({ pit: r.pit, weight: 1 }))
            : continuousScored.flatMap((s) => s.timeWeightedPits.filter((p) => p.forecaster === handle).map((p) => ({ pit: p.pit, weight: p.weight })));
        expectNear(calibratePits(keptPitSamples(d, handle, sample, filter), 10), calibratePits(pits, 10), `PIT ${handle} ${sample}`);
      }
    }
    const keptCrowd = keptContinuousCrowdInputs(d, filter);
    expectNear(continuousCrowdRecord(keptCrowd.questions, keptCrowd.everyoneFinal, 10), continuousCrowdRecordOf(continuousScored, 10), "continuous crowd");
    // What the crowd page reads: the same, kept between requests.
    expectNear(keptContinuousCrowdRecord(d, filter, 10), continuousCrowdRecordOf(continuousScored, 10), "continuous crowd (page)");
    const expectedCrowd = crowdRecord(scored, { extremizeD: 1.5, calibrationBins: 10 }, 10);
    expectNear(keptCrowdRecord(d, filter, 10), crowdRecordFrom(crowdRecordInputs(d, filter), 10), "crowd (page)");
    const actualCrowd = crowdRecordFrom(crowdRecordInputs(d, filter), 10);
    const { extremizing: e, everyone: ev, ...rest } = expectedCrowd;
    const { extremizing: a, everyone: av, ...actualRest } = actualCrowd;
    expectNear(actualRest, rest, "crowd");
    expectNear(a.d, e.d, "crowd d");
    expect(a.n).toBe(e.n);
    expectNear(av.calibration, ev.calibration, "everyone calibration");
    expect(av.samples.length).toBe(ev.samples.length);
  }
}

/**
 * The crowd page's numbers now (its inputs are reused between writes of kept rows) equal the engine's
 * on every forecast: a write that changed them without telling the reuse would leave them stale.
 */
function expectCrowdPageCurrent(d: Db) {
  const expected = crowdRecord(scoreResolvedQuestions(loadResolvedQuestions(d).questions), { extremizeD: 1.5, calibrationBins: 10 }, 10);
  for (const actual of [crowdRecordFrom(crowdRecordInputs(d), 10), keptCrowdRecord(d, {}, 10)]) {
    expectNear(actual.methods, expected.methods, "crowd methods");
    expect(actual.everyone.samples.length).toBe(expected.everyone.samples.length);
  }
  const continuous = continuousCrowdRecordOf(scoreContinuousQuestions(loadResolvedContinuousQuestions(d).questions), 10);
  expectNear(keptContinuousCrowdRecord(d, {}, 10), continuous, "continuous crowd (page)");
}

describe("kept tables on the demo desk", () => {
  it("equal a rebuild, and their score rows equal the scorer's report", () => {
    const seeded = seedDemo(db, { now: NOW });
    if (!seeded.seeded) throw new Error(seeded.reason);
    const rows = expectRebuildEqualsIncremental(db);
    expect(rows.kept_score_rows.length).toBeGreaterThan(50);
    expect(rows.kept_calibration_samples.length).toBeGreaterThan(rows.kept_score_rows.length);
    // One totals row per population and forecaster with a score row: what the unfiltered leaderboard reads.
    expect(rows.kept_forecaster_totals.length).toBe(new Set(rows.kept_score_rows.map((r) => `${(r as Record<string, string>).population} ${(r as Record<string, string>).forecaster_id}`)).size);
    expect(keptTablesVersion(db)).toBe(KEPT_TABLES_VERSION);
    expectPagesReadTheEngine(db, [{}, { from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 3, 1) }]);

    const report = scoreDataset(exportDataset(db));
    const handleOf = new Map(
      (sqliteOf(db).prepare("select id, handle from user").all() as Array<{ id: string; handle: string }>).map((u) => [u.id, u.handle]),
    );
    // Everyone's rows are the scorer's (the demo has bots: their people-only rows sit beside them).
    // scoreDataset scores binary and scenario questions; the demo's numeric and date rows are checked
    // against the continuous scorer in the numeric and date tests.
    const discrete = new Set(report.questions.map((q) => q.questionId));
    const kept = (rows.kept_score_rows as Array<Record<string, number | string>>).filter(
      (r) => r.population === "everyone" && discrete.has(r.question_id as string),
    );
    expect(rows.kept_score_rows.some((r) => !discrete.has((r as Record<string, string>).question_id))).toBe(true);
    expect(kept.length).toBe(report.scores.length);
    const expected = new Map(report.scores.map((r) => [`${r.question}|${r.forecaster}`, r]));
    for (const k of kept) {
      const e = expected.get(`${k.question_id}|${handleOf.get(k.forecaster_id as string)}`)!;
      expect(e).toBeDefined();
      expect(JSON.parse(k.final_probabilities as string)).toEqual(e.finalProbabilities);
      expect(k.final_brier).toBeCloseTo(e.finalBrier, 12);
      expect(k.peer).toBeCloseTo(e.peer, 9);
      expect(k.baseline).toBeCloseTo(e.baseline, 9);
      expect(k.coverage).toBeCloseTo(e.coverage, 12);
      if (e.brierTimeAvg === null) expect(k.brier_time_avg).toBeNull();
      else expect(k.brier_time_avg).toBeCloseTo(e.brierTimeAvg, 12);
    }
    // The kept crowd history is the engine's series of every question.
    for (const q of report.questions) {
      const question = getDiscreteQuestion(db, q.questionId)!;
      const series = crowdForecastSeries(question, readForecasts(question.type, listForecastsForQuestion(db, q.questionId)), DEFAULT_AGGREGATION_METHOD);
      const keptPoints = (rows.kept_crowd_history as Array<Record<string, number | string>>).filter((r) => r.question_id === q.questionId && r.population === "everyone");
      const withoutClosing = series.length > 0 && series.at(-1)!.time > (keptPoints.at(-1)?.time as number) ? series.slice(0, -1) : series;
      expect(keptPoints.map((r) => [r.time, JSON.parse(r.probabilities as string), r.forecasters])).toEqual(
        withoutClosing.map((p) => [p.time, p.probabilities, p.forecasters]),
      );
    }
  });
});

describe("kept tables on a generated desk", () => {
  it("equal a rebuild after random forecasts, resolutions, corrections, annulments, undos, edits and imports", () => {
    const rnd = random(20_251_130);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const start = Date.UTC(2025, 0, 1);
    const admin = createUser(db, { email: "admin@example.org", name: "Admin", role: "admin" }).id;
    const analysts = Array.from({ length: 9 }, (_, i) =>
      createUser(db, { email: `a${i}@example.org`, name: `Analyst ${i}`, handle: `analyst-${i}` }).id,
    );
    const definitions = Array.from({ length: 10 }, (_, i) => ({
      title: `Generated question ${i}`,
      description: "",
      resolutionCriteria: "",
      tags: i % 2 === 0 ? ["even"] : ["odd"],
      openTime: start + i * DAY,
      closeTime: start + (20 + 3 * i) * DAY,
      resolveBy: null,
      type: (i % 3 === 2 ? "multiple_choice" : "binary") as "binary" | "multiple_choice",
      scenarios: i % 3 === 2 ? ["Low", "Middle", "High"] : [],
      hideCrowdUntilForecast: false,
      isDraft: false,
    }));
    const ids = definitions.map((def) => createQuestion(db, def, { createdBy: admin, now: start }));
    const counts = { forecasts: 0, resolve: 0, correct: 0, annul: 0, undo: 0, edit: 0, import: 0 };
    let clock = start + HOUR;
    const probability = () => pick([0.05, 0.2, 0.35, 0.5, 0.5, 0.65, 0.8, 0.95, 0.333]);
    for (let step = 0; step < 700; step++) {
      if (step % 25 === 0) expectCrowdPageCurrent(db);
      clock += Math.floor(rnd() * 4 * HOUR) + 1;
      const i = Math.floor(rnd() * ids.length);
      const q = getDiscreteQuestion(db, ids[i])!;
      const roll = rnd();
      if (roll < 0.8) {
        const probabilities =
          q.type === "binary" ? (() => { const p = probability(); return [1 - p, p]; })() : (() => {
            const raw = [1 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 4)];
            const total = raw[0] + raw[1] + raw[2];
            return raw.map((x) => x / total);
          })();
        if (recordForecast(db, { questionId: q.id, forecasterId: pick(analysts), probabilities, rationale: null, madeAt: clock }).ok)
          counts.forecasts++;
      } else if (roll < 0.87) {
        const outcome = rnd() < 0.15 ? { kind: "annulled" as const } : { kind: "option" as const, option: Math.floor(rnd() * q.options.length) };
        // Sometimes backdated before the close (Ta moves), sometimes after it.
        const resolveTime = q.openTime + Math.floor(rnd() * 1.3 * (q.closeTime - q.openTime)) + 1;
        const result = recordResolution(db, { questionId: q.id, outcome, resolveTime, evidence: "", actorId: admin, now: clock });
        if (result.ok) counts[result.action === "annul" ? "annul" : result.action]++;
      } else if (roll < 0.91) {
        if (undoResolution(db, { questionId: q.id, actorId: admin, now: clock }).ok) counts.undo++;
      } else if (roll < 0.96) {
        // An admin moves the times (also of a resolved question) or flips the draft flag.
        const def = { ...definitions[i] };
        def.openTime = q.openTime + Math.floor((rnd() - 0.5) * 4 * DAY);
        def.closeTime = q.closeTime + Math.floor((rnd() - 0.3) * 6 * DAY);
        def.isDraft = !q.resolution && rnd() < 0.1;
        if (def.closeTime > def.openTime && updateQuestion(db, q.id, def, clock).ok) counts.edit++;
      } else {
        // An import adds backdated forecasts, also to resolved questions, also before the last kept point.
        const forecasts = Array.from({ length: 3 }, () => {
          const p = probability();
          return {
            question: q.id,
            forecaster: `imported-${Math.floor(rnd() * 3)}`,
            time: q.openTime + Math.floor(rnd() * (clock - q.openTime)),
            probabilities: q.type === "binary" ? [1 - p, p] : [0.2, 0.3, 0.5],
            rationale: null,
          };
        });
        importDataset(db, { params: { extremizeD: 1.5, calibrationBins: 10 }, questions: [], forecasts }, { now: clock });
        counts.import++;
      }
    }
    for (const [what, n] of Object.entries(counts)) expect(n, what).toBeGreaterThan(2);
    expect(counts.forecasts).toBeGreaterThan(100);
    const rows = expectRebuildEqualsIncremental(db);
    expect(rows.kept_score_rows.length).toBeGreaterThan(10);
    expect(rows.kept_crowd_history.length).toBeGreaterThan(100);
    expectPagesReadTheEngine(db, [{}, { tag: "even" }, { from: start + 20 * DAY, to: start + 60 * DAY }]);

    // The question list's forecaster counts (from the kept latest forecasts) equal the distinct forecasters on every question.
    const distinct = Object.fromEntries(
      ids.map((id) => [id, new Set(listForecastsForQuestion(db, id).map((f) => f.forecasterId)).size]),
    );
    expect(forecasterCountsByQuestion(db, ids)).toEqual(distinct);
    expect(Object.values(distinct).some((n) => n > 1)).toBe(true);

    // The question page's reads: crowd history, standing forecasts and rationales, at several instants.
    for (const id of ids) {
      const q = getDiscreteQuestion(db, id)!;
      const forecasts = readForecasts(q.type, listForecastsForQuestion(db, id));
      for (const end of [q.openTime + 5 * DAY, q.openTime + 12 * DAY, actualCloseTime(q)].map((t) => Math.min(t, actualCloseTime(q)))) {
        const series = crowdForecastSeries(q, forecasts, DEFAULT_AGGREGATION_METHOD, undefined, end);
        expect(listCrowdHistory(db, id, end), `${id} history to ${end}`).toEqual(series);
        const standing = standingForecastsAt(countedForecasts(q, forecasts), end);
        expect(listStandingForecasts(db, id, end).map((f) => f.id)).toEqual(standing.map((f) => f.id));
        // The question list's crowd forecast.
        expect(keptCrowdAt(db, id, end)?.probabilities ?? null).toEqual(crowdForecastAt(q, forecasts, end, DEFAULT_AGGREGATION_METHOD));
      }
      // Before T0 (imported forecasts can predate it) the standing forecasts are pooled.
      for (const t of [q.openTime - DAY, q.openTime - 1, q.openTime, q.openTime + 3 * DAY])
        expect(keptCrowdForecastAt(db, q, t), `${id} crowd at ${t}`).toEqual(crowdForecastAt(q, forecasts, t, DEFAULT_AGGREGATION_METHOD));
      // Each forecaster's position (question page and list) from the kept history equals myPosition on every forecast.
      for (const now of [q.openTime + 10 * DAY, clock]) {
        const settled = readForecasts(q.type, listForecastsForQuestion(db, id).filter((f) => f.time <= now));
        for (const forecaster of new Set(forecasts.map((f) => f.forecaster))) {
          const expected = myPosition(q, settled, forecaster, now, 14);
          const kept = positionFrom(q, settled.filter((f) => f.forecaster === forecaster), now, 14, (t) => keptCrowdForecastAt(db, q, t));
          expect(kept, `${id} ${forecaster} at ${now}`).toEqual(expected);
        }
      }
      // A resolved question's score summary from the kept rows equals the engine's.
      if (q.outcome?.kind === "option") {
        const scored = scoreQuestion(q, forecasts);
        for (const me of [null, ...scored.rows.map((r) => r.forecaster)]) {
          expect(questionScoreSummary(keptQuestionScores(db, id), me), `${id} summary for ${me}`).toEqual(questionScoreSummary(scored, me));
          // What the page reads (its rows and medians kept while the database is unchanged).
          expect(keptQuestionScoreSummary(db, id, me), `${id} page summary for ${me}`).toEqual(questionScoreSummary(scored, me));
        }
      }
    }
    // Rationales: newest first, a page at a time, past the last page shows the last.
    const busiest = ids[0];
    const all = listForecastsForQuestion(db, busiest);
    const writeRationale = sqliteOf(db).prepare("update forecasts set rationale = ? where id = ?");
    all.forEach((f, i) => writeRationale.run(i % 3 === 0 ? `reason ${i}` : i % 3 === 1 ? "  " : null, f.id));
    const withRationale = all.filter((_, i) => i % 3 === 0).reverse();
    const first = rationalePage(db, busiest, 1, 4);
    expect(first.total).toBe(withRationale.length);
    expect(first.items.map((f) => f.id)).toEqual(withRationale.slice(0, 4).map((f) => f.id));
    const last = rationalePage(db, busiest, 10_000, 4);
    expect(last.page).toBe(Math.ceil(withRationale.length / 4));
    expect(last.items.map((f) => f.id)).toEqual(withRationale.slice((last.page - 1) * 4).map((f) => f.id));
  });
});

describe("kept tables after a bulk import", () => {
  it("equal a rebuild when the import builds the secondary indexes at the end, and the indexes are the migrations' own", () => {
    const indexes = () =>
      sqliteOf(db).prepare("select name, tbl_name, sql from sqlite_master where type = 'index' order by name").all() as Array<Record<string, string>>;
    const before = indexes();
    // 12 questions × 200 forecasters × 5 updates = 12,000 forecasts on an empty desk: the bulk path.
    const file = path.join(dir, "bulk.json");
    writeDataset(file, 12, 20_261_130, { now: NOW });
    const read = readDatasetV1(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
    const summary = importDataset(db, read.dataset, { now: NOW });
    expect(summary.forecastsAdded).toBe(12_000);
    expect(indexes()).toEqual(before);
    // The load ran with the rollback journal (withBulkLoadJournal); the desk is back in WAL mode.
    expect(sqliteOf(db).pragma("journal_mode", { simple: true })).toBe("wal");
    const plan = sqliteOf(db).prepare("explain query plan select 1 from forecasts where forecaster_id = ?").all("x") as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(" ")).toContain("forecasts_forecaster_question_idx");
    // A new forecast's crowd point reads the question's kept latest forecasts in standing order from one index, unsorted.
    const standing = (sqliteOf(db).prepare(`explain query plan ${STANDING_OF_SQL}`).all("q-00000") as Array<{ detail: string }>)
      .map((p) => p.detail)
      .join(" | ");
    expect(standing).toContain("COVERING INDEX kept_latest_forecasts_question_time_idx");
    expect(standing).not.toContain("TEMP B-TREE");
    const rows = expectRebuildEqualsIncremental(db);
    expect(rows.kept_score_rows.length).toBeGreaterThan(1_000);
    expect(rows.kept_crowd_history.length).toBeGreaterThan(1_000);
    // A second, small import onto the same questions (the row-by-row path) adds to the kept rows.
    const more = read.dataset.forecasts.slice(0, 3).map((f) => ({ ...f, time: f.time + 1 }));
    expect(importDataset(db, { params: read.dataset.params, questions: [], forecasts: more }, { now: NOW }).forecastsAdded).toBe(3);
    expectRebuildEqualsIncremental(db);
    // A bulk import as large as what is stored, onto those questions: its question-led indexes stay
    // up (the load reads the stored forecasts by question), the others are built after.
    const again = read.dataset.forecasts.map((f) => ({ ...f, time: f.time + 2 }));
    const second = importDataset(db, { params: read.dataset.params, questions: [], forecasts: [...again, ...more] }, { now: NOW });
    expect([second.forecastsAdded, second.forecastsUnchanged]).toEqual([12_000, 3]);
    expect(indexes()).toEqual(before);
    expectRebuildEqualsIncremental(db);
  });

  it("build a table's question-led indexes after only when told, and at once when the load asks", () => {
    const sqlite = sqliteOf(db);
    const forecastIndexes = () =>
      (sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'forecasts' order by name").all() as Array<{ name: string }>).map((r) => r.name);
    const all = forecastIndexes();
    expect(all).toEqual(["forecasts_forecaster_question_idx", "forecasts_question_time_idx", "forecasts_rationale_idx"]);
    const plan = () => (sqlite.prepare("explain query plan select id from forecasts where question_id = ? order by made_at").all("q") as Array<{ detail: string }>).map((p) => p.detail).join(" | ");
    sqlite.transaction(() => {
      withIndexesBuiltAfter(db, () => expect(forecastIndexes()).toEqual(all.filter((name) => name !== "forecasts_forecaster_question_idx")));
      expect(forecastIndexes()).toEqual(all);
      withIndexesBuiltAfter(
        db,
        (buildNow) => {
          expect(forecastIndexes()).toEqual([]);
          expect(plan()).toContain("SCAN forecasts");
          buildNow();
          expect(forecastIndexes()).toEqual(all);
          expect(plan()).toContain("forecasts_question_time_idx");
        },
        { questionLed: ["forecasts"] },
      );
      expect(forecastIndexes()).toEqual(all);
    })();
  });
});

describe("kept rows computed on a second thread (the import CLIs)", () => {
  it("are used for every new question and population, and equal a rebuild on the importing thread", () => {
    // A bot among the file's forecasters, so each question has "people" rows beside everyone's.
    const admin = createUser(db, { email: "admin@example.org", name: "Admin", role: "admin" }).id;
    const bot = createUser(db, { email: "bot@example.org", name: "A bot", handle: "forecaster-7" }).id;
    expect(markBot(db, { userId: bot, model: "test model", ownerId: null, actorId: admin, now: NOW }).ok).toBe(true);
    const file = path.join(dir, "bulk.json");
    writeDataset(file, 12, 20_261_201, { now: NOW });
    const read = readDatasetV1(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
    expect(read.dataset.forecasts.some((f) => f.forecaster === "forecaster-7")).toBe(true);
    // Counts the questions whose latest positions the worker gave.
    let latestTaken = 0;
    const counted: StartKeptRows = (job) => {
      const source = startKeptRowsWorker(job);
      return {
        ...source,
        latestOf: (id) => {
          const positions = source.latestOf(id);
          if (positions) latestTaken++;
          return positions;
        },
      };
    };
    const summary = importDataset(db, read.dataset, { now: NOW, startKeptRows: counted });
    expect(summary.forecastsAdded).toBe(12_000);
    // Every question's two populations and latest forecasts came from the worker; none was left to the importing thread.
    expect(summary.keptRowsElsewhere).toEqual({ delivered: 24, error: undefined });
    expect(latestTaken).toBe(12);
    const rows = expectRebuildEqualsIncremental(db) as Record<string, Array<Record<string, unknown>>>;
    expect(rows.kept_score_rows.some((r) => r.population === "people")).toBe(true);
    expect(rows.kept_crowd_history.filter((r) => r.population === "people").length).toBeGreaterThan(1_000);
    // `npm run db:rescore` rebuilds through the same thread: every row set from it, every row as above.
    let outcome: KeptRowsOutcome | undefined;
    rebuildKeptScores(db, undefined, {
      startKeptRows: (job) => {
        const source = startKeptRowsWorker(job);
        return { ...source, close: () => (outcome = source.close()) };
      },
    });
    expect(outcome).toEqual({ delivered: 24, error: undefined });
    expect(snapshot(db)).toEqual(rows);
  });

  it("leave an import below the bulk size, and a question they were not asked for, to the importing thread", () => {
    const file = path.join(dir, "small.json");
    writeDataset(file, 12, 20_261_202, { now: NOW });
    const read = readDatasetV1(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
    let started = 0;
    const summary = importDataset(
      db,
      { ...read.dataset, forecasts: read.dataset.forecasts.slice(0, 500) },
      {
        now: NOW,
        startKeptRows: (job) => {
          started++;
          return startKeptRowsWorker(job);
        },
      },
    );
    expect(summary.forecastsAdded).toBe(500);
    expect(started).toBe(0);
    expect(summary.keptRowsElsewhere).toBeUndefined();
    const q = getDiscreteQuestion(db, read.dataset.questions[0].id)!;
    // a's latest is their first (5 > 3); b's is their second; then in standing order (time).
    const forecasts = [
      { forecaster: "a", time: q.openTime + 5, probabilities: [0.4, 0.6] },
      { forecaster: "b", time: q.openTime + 5, probabilities: [0.3, 0.7] },
      { forecaster: "a", time: q.openTime + 3, probabilities: [0.2, 0.8] },
      { forecaster: "b", time: q.openTime + 7, probabilities: [0.1, 0.9] },
    ];
    expect(latestPositions(forecasts)).toEqual([0, 3]);
    const source = startKeptRowsWorker({ questions: [q], forecasts: new Map([[q.id, forecasts]]), botIds: new Set() });
    expect(source.rowsOf("no-such-question", "everyone")).toBeUndefined();
    expect(source.latestOf("no-such-question")).toBeUndefined();
    expect(source.rowsOf(q.id, "people")).toBeUndefined();
    expect(source.rowsOf(q.id, "everyone")).toEqual(keptQuestionRows(q, readForecasts(q.type, forecasts)));
    expect(source.latestOf(q.id)).toEqual([0, 3]);
    expect(source.close()).toEqual({ delivered: 1, error: undefined });
    // Closed before its rows were taken: said so (the caller computes them itself).
    const early = startKeptRowsWorker({ questions: [q], forecasts: new Map([[q.id, []]]), botIds: new Set() });
    expect(early.close().error).toMatch(/closed before/);
  });
});

describe("people-only kept rows on a desk with bots", () => {
  it("equal a rebuild and the engine on people's forecasts, through marking and unmarking bots and their forecasts", () => {
    const rnd = random(20_261_201);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const start = Date.UTC(2025, 0, 1);
    const admin = createUser(db, { email: "admin@example.org", name: "Admin", role: "admin" }).id;
    const accounts = Array.from({ length: 7 }, (_, i) =>
      createUser(db, { email: `p${i}@example.org`, name: `Account ${i}`, handle: `account-${i}` }).id,
    );
    const ids = Array.from({ length: 6 }, (_, i) =>
      createQuestion(
        db,
        {
          title: `Bots question ${i}`,
          description: "",
          resolutionCriteria: "",
          tags: [],
          openTime: start + i * DAY,
          closeTime: start + (25 + 2 * i) * DAY,
          resolveBy: null,
          type: i % 3 === 2 ? "multiple_choice" : "binary",
          scenarios: i % 3 === 2 ? ["Low", "Middle", "High"] : [],
          hideCrowdUntilForecast: false,
          isDraft: false,
        },
        { createdBy: admin, now: start },
      ),
    );
    let clock = start + HOUR;
    const counts = { forecasts: 0, resolve: 0, mark: 0, unmark: 0 };
    const forecast = () => {
      const q = getDiscreteQuestion(db, pick(ids))!;
      const p = pick([0.1, 0.3, 0.5, 0.7, 0.9]);
      const probabilities = q.type === "binary" ? [1 - p, p] : [0.2, 0.3, 0.5];
      if (recordForecast(db, { questionId: q.id, forecasterId: pick(accounts), probabilities, rationale: null, madeAt: clock }).ok) counts.forecasts++;
    };
    for (let step = 0; step < 400; step++) {
      clock += Math.floor(rnd() * 3 * HOUR) + 1;
      const roll = rnd();
      if (step === 150) {
        // The desk's first bot: people rows appear beside everyone's, in markBot's transaction.
        expect(markBot(db, { userId: accounts[0], model: "first bot", ownerId: null, actorId: admin, now: clock }).ok).toBe(true);
        counts.mark++;
        expectRebuildEqualsIncremental(db);
      } else if (step === 250 || step === 330) {
        // Midway: a bot and a person forecast on every open question, then the kept rows equal a rebuild
        // (the bot's forecast leaves the people-only history as it was).
        const bot = (sqliteOf(db).prepare("select user_id from bot_accounts limit 1").raw().get() as [string])[0];
        const person = accounts.find((a) => !(sqliteOf(db).prepare("select 1 from bot_accounts where user_id = ?").get(a) !== undefined))!;
        let recorded = 0;
        for (const id of ids)
          for (const forecasterId of [person, bot, bot]) {
            clock += 1;
            const q = getDiscreteQuestion(db, id)!;
            const probabilities = q.type === "binary" ? [0.4, 0.6] : [0.5, 0.3, 0.2];
            if (recordForecast(db, { questionId: id, forecasterId, probabilities, rationale: null, madeAt: clock }).ok) recorded++;
          }
        expect(recorded).toBeGreaterThan(3);
        expectRebuildEqualsIncremental(db);
      } else if (roll < 0.85 || (roll < 0.93 && step < 340)) forecast();
      else if (roll < 0.93) {
        // Resolutions come last, so bots and people forecast on open questions until then.
        const q = getDiscreteQuestion(db, pick(ids))!;
        const resolveTime = q.openTime + Math.floor(rnd() * 1.2 * (q.closeTime - q.openTime)) + 1;
        const outcome = { kind: "option" as const, option: Math.floor(rnd() * q.options.length) };
        if (recordResolution(db, { questionId: q.id, outcome, resolveTime, evidence: "", actorId: admin, now: clock }).ok) counts.resolve++;
      } else if (roll < 0.97) {
        if (markBot(db, { userId: pick(accounts.slice(1)), model: "a bot", ownerId: null, actorId: admin, now: clock }).ok) counts.mark++;
      } else if (unmarkBot(db, { userId: pick(accounts), actorId: admin })) counts.unmark++;
    }
    for (const [what, n] of Object.entries(counts)) expect(n, what).toBeGreaterThan(1);
    const rows = expectRebuildEqualsIncremental(db) as Record<string, Array<Record<string, unknown>>>;
    expect(rows.kept_score_rows.some((r) => r.population === "people")).toBe(true);
    expect(rows.kept_forecaster_totals.some((r) => r.population === "people")).toBe(true);
    expectPagesReadTheEngine(db, [{ population: "people" }, { population: "both" }]);
    // The question page's people-only crowd history and standing forecasts equal the engine on people's forecasts.
    const bots = new Set((sqliteOf(db).prepare("select user_id from bot_accounts").raw().all() as Array<[string]>).map((r) => r[0]));
    expect(bots.size).toBeGreaterThan(0);
    for (const id of ids) {
      const q = getDiscreteQuestion(db, id)!;
      const people = readForecasts(q.type, listForecastsForQuestion(db, id).filter((f) => !bots.has(f.forecasterId)));
      const end = actualCloseTime(q);
      expect(listCrowdHistory(db, id, end, "people"), `${id} people history`).toEqual(crowdForecastSeries(q, people, DEFAULT_AGGREGATION_METHOD, undefined, end));
      expect(listStandingForecasts(db, id, end, true).map((f) => f.id)).toEqual(standingForecastsAt(countedForecasts(q, people), end).map((f) => f.id));
    }
    // The last bot leaving removes the people rows.
    for (const bot of bots) unmarkBot(db, { userId: bot, actorId: admin });
    expect(sqliteOf(db).prepare("select count(*) as n from kept_score_rows where population = 'people'").get()).toEqual({ n: 0 });
    expect(sqliteOf(db).prepare("select count(*) as n from kept_forecaster_totals where population = 'people'").get()).toEqual({ n: 0 });
    expectRebuildEqualsIncremental(db);
  });
});

describe("a forecast's kept rows (the submission path)", () => {
  it("pool the kept latest forecasts into the engine's crowd history: ties, a bot, forecasts before T0 and after the close, a backdated one", () => {
    const start = Date.UTC(2025, 0, 1);
    const admin = createUser(db, { email: "admin@example.org", name: "Admin", role: "admin" }).id;
    const people = Array.from({ length: 4 }, (_, i) => createUser(db, { email: `p${i}@example.org`, name: `Person ${i}`, handle: `person-${i}` }).id);
    const bot = createUser(db, { email: "bot@example.org", name: "Bot", handle: "bot" }).id;
    expect(markBot(db, { userId: bot, model: "a bot", ownerId: null, actorId: admin, now: start }).ok).toBe(true);
    const definition = { description: "", resolutionCriteria: "", tags: [], openTime: start, closeTime: start + 30 * DAY, resolveBy: null, hideCrowdUntilForecast: false, isDraft: false };
    const ids = [
      createQuestion(db, { ...definition, title: "Yes or no", type: "binary", scenarios: [] }, { createdBy: admin, now: start }),
      createQuestion(db, { ...definition, title: "Three scenarios", type: "multiple_choice", scenarios: ["Low", "Middle", "High"] }, { createdBy: admin, now: start }),
    ];
    // Imported: a forecast before T0 on both; on the scenario set one dated after the close (kept as latest,
    // never counted: its points pool the forecasts standing then, not the kept latest ones).
    importDataset(
      db,
      {
        params: { extremizeD: 1.5, calibrationBins: 10 },
        questions: [],
        forecasts: [
          { question: ids[0], forecaster: "imported-early", time: start - DAY, probabilities: [0.7, 0.3], rationale: null },
          { question: ids[1], forecaster: "imported-early", time: start - DAY, probabilities: [0.5, 0.3, 0.2], rationale: null },
          { question: ids[1], forecaster: "imported-late", time: start + 31 * DAY, probabilities: [0.1, 0.1, 0.8], rationale: null },
        ],
      },
      { now: start },
    );
    const expectEngine = (id: string) => {
      const q = getDiscreteQuestion(db, id)!;
      const all = listForecastsForQuestion(db, id);
      const end = actualCloseTime(q);
      for (const [population, of] of [["everyone", all], ["people", all.filter((f) => f.forecasterId !== bot)]] as const)
        expect(listCrowdHistory(db, id, end, population), `${id} ${population}`).toEqual(crowdForecastSeries(q, readForecasts(q.type, of), DEFAULT_AGGREGATION_METHOD, undefined, end));
      // Each forecaster's latest forecast by (time, id): what the kept table holds.
      const latest = new Map<string, number>();
      for (const f of [...all].sort((a, b) => a.time - b.time || a.id - b.id)) latest.set(f.forecasterId, f.id);
      const kept = sqliteOf(db).prepare("select forecaster_id, forecast_id from kept_latest_forecasts where question_id = ?").raw().all(id) as Array<[string, number]>;
      expect(new Map(kept)).toEqual(latest);
    };
    let clock = start + HOUR;
    const forecasters = [...people, bot];
    for (let step = 0; step < 60; step++) {
      // Every fourth step in the same millisecond as the last (ties broken by insertion order).
      if (step % 4 !== 0) clock += 7 * HOUR;
      const id = ids[step % 2];
      const p = 0.05 + ((step * 37) % 90) / 100;
      const probabilities = step % 2 === 0 ? [1 - p, p] : [p / 2, 1 - p, p / 2];
      expect(recordForecast(db, { questionId: id, forecasterId: forecasters[(step * 3) % 5], probabilities, rationale: null, madeAt: clock }).ok).toBe(true);
      expectEngine(id);
    }
    // A backdated forecast (before the last kept point) rewrites the history.
    expect(recordForecast(db, { questionId: ids[0], forecasterId: people[0], probabilities: [0.45, 0.55], rationale: null, madeAt: start + 2 * HOUR }).ok).toBe(true);
    expectEngine(ids[0]);
    const kept = expectRebuildEqualsIncremental(db).kept_latest_forecasts;
    // The migration that fills the table on a desk that upgrades leaves the same rows.
    const migrations = path.join(process.cwd(), "db", "migrations");
    const [backfillFile] = fs.readdirSync(migrations).filter((f) => f.endsWith("latest_forecasts_backfill.sql"));
    const backfill = fs.readFileSync(path.join(migrations, backfillFile), "utf8");
    sqliteOf(db).exec("delete from kept_latest_forecasts");
    sqliteOf(db).exec(backfill);
    expect(snapshot(db).kept_latest_forecasts).toEqual(kept);
  });
});

/** Kept score rows of the given questions. */
function countKeptRows(questionIds: readonly string[]): number {
  const count = sqliteOf(db).prepare("select count(*) as n from kept_score_rows where question_id = ?");
  return questionIds.reduce((n, id) => n + (count.get(id) as { n: number }).n, 0);
}

describe("kept tables with numeric and date questions", () => {
  it("equal a rebuild after CDF forecasts, resolutions by value, corrections, annulments, undos and imports", () => {
    const rnd = random(20_261_130);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const start = Date.UTC(2025, 0, 1);
    const admin = createUser(db, { email: "admin@example.org", name: "Admin", role: "admin" }).id;
    const analysts = Array.from({ length: 6 }, (_, i) => createUser(db, { email: `a${i}@example.org`, name: `Analyst ${i}`, handle: `analyst-${i}` }).id);
    // Four numeric and date questions (linear closed, log open on both sides, date open above, linear
    // open below), and two binary ones whose crowd rows share method names ("mean", "median") with them.
    const scales: ContinuousScale[] = [
      { rangeMin: 0, rangeMax: 28, zeroPoint: null, openLowerBound: false, openUpperBound: false },
      { rangeMin: 1_000, rangeMax: 100_000, zeroPoint: 0, openLowerBound: true, openUpperBound: true },
      { rangeMin: start, rangeMax: start + 400 * DAY, zeroPoint: null, openLowerBound: false, openUpperBound: true },
      { rangeMin: 100, rangeMax: 200, zeroPoint: null, openLowerBound: true, openUpperBound: false },
    ];
    const continuousQuestions: ContinuousDatasetQuestion[] = scales.map((scale, i) => ({
      id: `c-${i}`,
      title: `Generated ${i === 2 ? "date" : "numeric"} question ${i}`,
      type: i === 2 ? "date" : "numeric",
      scale,
      openTime: start + i * DAY,
      closeTime: start + (25 + 4 * i) * DAY,
      resolveTime: null,
      outcome: null,
      description: null,
      tags: [i % 2 === 0 ? "even" : "odd"],
      resolveBy: null,
    }));
    importDataset(db, { params: { extremizeD: 1.5, calibrationBins: 10 }, questions: [], forecasts: [], continuous: { questions: continuousQuestions, forecasts: [] } }, { now: start });
    const binaryIds = [0, 1].map((i) =>
      createQuestion(
        db,
        { title: `Generated binary ${i}`, description: "", resolutionCriteria: "", tags: ["even"], openTime: start, closeTime: start + 30 * DAY, resolveBy: null, type: "binary", scenarios: [], hideCrowdUntilForecast: false, isDraft: false },
        { createdBy: admin, now: start },
      ),
    );
    const ids = [...continuousQuestions.map((q) => q.id), ...binaryIds];
    const cdfFor = (scale: ContinuousScale) =>
      logisticCdf(0.1 + 0.8 * rnd(), 0.05 + 0.2 * rnd(), scale.openLowerBound ? 0.001 + 0.08 * rnd() : 0, scale.openUpperBound ? 0.001 + 0.08 * rnd() : 0);
    const counts = { forecasts: 0, resolve: 0, correct: 0, annul: 0, undo: 0, import: 0 };
    let clock = start + HOUR;
    for (let step = 0; step < 320; step++) {
      clock += Math.floor(rnd() * 4 * HOUR) + 1;
      const q = getQuestion(db, pick(ids))!;
      const roll = rnd();
      if (roll < 0.72) {
        const ok = isContinuousQuestion(q)
          ? recordCdfForecast(db, { questionId: q.id, forecasterId: pick(analysts), madeAt: clock, cdf: cdfFor(q.scale), rationale: null }).ok
          : recordForecast(db, { questionId: q.id, forecasterId: pick(analysts), probabilities: [0.4, 0.6], rationale: null, madeAt: clock }).ok;
        if (ok) counts.forecasts++;
      } else if (roll < 0.85) {
        // A value anywhere the bounds allow (beyond an open bound too), sometimes backdated before the close.
        const outcome = rnd() < 0.15 ? { kind: "annulled" as const } : isContinuousQuestion(q)
          ? { kind: "value" as const, value: valueAtLocation(q.scale, Math.min(q.scale.openUpperBound ? 1.2 : 1, Math.max(q.scale.openLowerBound ? -0.2 : 0, rnd() * 1.4 - 0.2))) }
          : { kind: "option" as const, option: Math.floor(rnd() * 2) };
        const resolveTime = q.openTime + Math.floor(rnd() * 1.3 * (q.closeTime - q.openTime)) + 1;
        const result = recordResolution(db, { questionId: q.id, outcome, resolveTime, evidence: "", actorId: admin, now: clock });
        if (result.ok) counts[result.action === "annul" ? "annul" : result.action]++;
      } else if (roll < 0.92) {
        if (undoResolution(db, { questionId: q.id, actorId: admin, now: clock }).ok) counts.undo++;
      } else if (isContinuousQuestion(q)) {
        // An import adds backdated CDF forecasts, also to resolved questions.
        const forecasts = Array.from({ length: 3 }, () => ({
          question: q.id,
          forecaster: `imported-${Math.floor(rnd() * 3)}`,
          time: q.openTime + Math.floor(rnd() * (clock - q.openTime)),
          cdf: cdfFor(q.scale),
          rationale: null,
        }));
        importDataset(db, { params: { extremizeD: 1.5, calibrationBins: 10 }, questions: [], forecasts: [], continuous: { questions: [], forecasts } }, { now: clock });
        counts.import++;
      }
    }
    // Last, an import onto every question resolved to a value: its scores must move with it.
    const resolved = continuousQuestions.map((c) => getQuestion(db, c.id)!).filter((q) => q.resolution?.outcome.kind === "value");
    expect(resolved.length).toBeGreaterThan(0);
    const before = countKeptRows(resolved.map((q) => q.id));
    const late = resolved.flatMap((q) =>
      ["late-0", "late-1"].map((forecaster) => ({ question: q.id, forecaster, time: q.openTime + DAY, cdf: isContinuousQuestion(q) ? cdfFor(q.scale) : new Float64Array(0), rationale: null })),
    );
    importDataset(db, { params: { extremizeD: 1.5, calibrationBins: 10 }, questions: [], forecasts: [], continuous: { questions: [], forecasts: late } }, { now: clock });
    expect(countKeptRows(resolved.map((q) => q.id))).toBe(before + 2 * resolved.length);
    for (const [what, n] of Object.entries(counts)) expect(n, what).toBeGreaterThan(2);
    const rows = expectRebuildEqualsIncremental(db);
    const continuousRows = (rows.kept_score_rows as Array<Record<string, unknown>>).filter((r) => r.pit !== null);
    expect(continuousRows.length).toBeGreaterThan(5);
    expect((rows.kept_calibration_samples as Array<Record<string, unknown>>).filter((r) => r.kind === "pit_time_weighted").length).toBeGreaterThan(continuousRows.length);
    expectPagesReadTheEngine(db, [{}, { tag: "even" }, { from: start + 10 * DAY, to: start + 30 * DAY }]);
  });
});
