// Track records on real data: the ForecastBench round of 2024-07-21 (40 superforecasters; Karger et
// al., ICLR 2025; CC BY-SA 4.0) imported by the app's own CLIs into a desk without the demo seed,
// served by a second `next start` of the same .next-e2e build. Every chart draws as many points as
// the engine computes from that database (data-points on the figure and the drawn SVG marks), and
// screenshots go to artifacts/screenshots/fb-*.png.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { and, desc, eq, sql } from "drizzle-orm";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { eventually } from "./desk";
import { appEnvironment, BIN, freePort, run, serve, type RunningServer } from "./global-setup";
import { FORECASTBENCH_FILES } from "../fixtures";
import { openDb, type Db } from "@/db/client";
import { listForecastsForQuestion } from "@/db/queries/forecasts";
import { getDiscreteQuestion } from "@/db/queries/questions";
import { loadResolvedQuestions } from "@/db/queries/track-records";
import { forecasts } from "@/db/schema/forecasts";
import { resolutions } from "@/db/schema/resolutions";
import { crowdForecastSeries } from "@/lib/aggregation/crowd-forecast";
import { actualCloseTime, countedForecasts, standingForecastsAt } from "@/lib/standing-forecast";
import { crowdRecord } from "@/lib/track-records/crowd-record";
import { forecasterRecord, leaderboard, scoreResolvedQuestions } from "@/lib/track-records/team-record";
import { AGGREGATION_METHODS, DEFAULT_AGGREGATION_METHOD, DEFAULT_SCORING_PARAMS } from "@/lib/types";


let tmpDir: string;
let db: Db;
let server: RunningServer | undefined;
let browser: BrowserSession | undefined;
let page: Page;

beforeAll(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-desk-e2e-fb-"));
  const databasePath = path.join(tmpDir, "forecastbench.db");
  const port = await freePort();
  const env = appEnvironment(databasePath, port);
  await run(path.join(BIN, "tsx"), ["cli/prepare.ts"], env, "fb-prepare.log");
  await run(path.join(BIN, "tsx"), ["cli/import-forecastbench.ts", ...FORECASTBENCH_FILES], env, "fb-import.log");
  server = await serve(databasePath, port, "fb-server.log");
  db = openDb(databasePath, { migrate: false });
  browser = await openBrowser(server.baseURL);
  page = browser.page;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  db?.$client.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

/** What the engine computes for the ForecastBench desk (nothing writes to it: computed once). */
let engineCache: ReturnType<typeof computeEngine> | undefined;
function computeEngine() {
  const inputs = loadResolvedQuestions(db);
  return { inputs, scored: scoreResolvedQuestions(inputs.questions, DEFAULT_SCORING_PARAMS) };
}
const engine = () => (engineCache ??= computeEngine());

const points = async (figure: Locator) => Number(await figure.getAttribute("data-points"));
const nonEmptyBins = (bins: Array<{ n: number }>) => bins.filter((b) => b.n > 0).length;

/** Waits until recharts (client-rendered) has drawn `expected` marks matching `selector` in the figure. */
async function drawn(figure: Locator, selector: string, expected: number): Promise<number> {
  return eventually(() => figure.locator(selector).count(), (n) => n === expected);
}

describe("the ForecastBench import", () => {
  it("holds the round's 471 resolved questions and 40 superforecasters", () => {
    // Counted independently from the three JSON files (the README's rules): 471 resolved
    // (id, horizon) pairs and markets carry forecasts, by 40 user_ids.
    const { inputs } = engine();
    expect(inputs.questions).toHaveLength(471);
    expect(inputs.forecasters).toHaveLength(40);
    expect(inputs.questions.every((q) => q.question.tags.includes("forecastbench"))).toBe(true);
  });
});

describe("leaderboard on ForecastBench", () => {
  it("lists every superforecaster in the engine's order of mean peer score, 50 a page", async () => {
    const { inputs, scored } = engine();
    const board = leaderboard(scored, inputs.forecasters, "peer", 1);
    await page.goto("/leaderboard");
    const table = page.getByTestId("leaderboard-table");
    await expect(table.getAttribute("data-total")).resolves.toBe(String(board.length));
    const handles = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-handle")));
    expect(handles).toEqual(board.slice(0, 50).map((b) => b.handle));
    await saveScreenshot(page, "fb-leaderboard");
  });
});

describe("a superforecaster's profile on ForecastBench", () => {
  it("draws as many calibration, discrimination and monthly points as the engine computed", async () => {
    const { inputs, scored } = engine();
    const top = leaderboard(scored, inputs.forecasters, "peer", 1)[0];
    const record = forecasterRecord(scored, top.handle, { sample: "final", bins: 10 });
    await page.goto(`/forecasters/${encodeURIComponent(top.handle)}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(top.name);

    const reliability = page.getByTestId("reliability-diagram");
    const bins = nonEmptyBins(record.calibration.bins);
    expect(bins).toBeGreaterThan(1);
    expect(await points(reliability)).toBe(bins);
    expect(await drawn(reliability, ".recharts-scatter-symbol", bins)).toBe(bins);

    const discrimination = page.getByTestId("discrimination-chart");
    expect(await points(discrimination)).toBe(10);
    // a bar per bin and outcome with any forecast in it (recharts draws no zero-height bar)
    const bars = record.discrimination.filter((b) => b.yes > 0).length + record.discrimination.filter((b) => b.no > 0).length;
    expect(await drawn(discrimination, ".recharts-bar-rectangle path", bars)).toBe(bars);

    const months = record.overTime.filter((p) => p.n > 0);
    const overTime = page.getByTestId("scores-over-time-chart");
    expect(await points(overTime)).toBe(months.length);
    // two lines (mean final Brier, mean peer), a dot per month with a value on each
    const dots = months.filter((p) => p.meanFinalBrier !== null).length + months.filter((p) => p.meanPeer !== null).length;
    expect(await drawn(overTime, ".recharts-line-dot", dots)).toBe(dots);

    await expect(page.getByTestId("score-table").getAttribute("data-rows")).resolves.toBe(String(record.rows.length));
    await expect(page.getByTestId("summary-n-questions").textContent()).resolves.toBe(String(record.summary.nQuestions));
    await saveScreenshot(page, "fb-forecaster-profile");
  });

  it("pages the scored questions 50 at a time: following Next shows each of the engine's rows once", async () => {
    const { inputs, scored } = engine();
    const records = inputs.forecasters.map((f) => ({ handle: f.handle, record: forecasterRecord(scored, f.handle, { sample: "final", bins: 10 }) }));
    const { handle, record } = records.reduce((a, b) => (b.record.rows.length > a.record.rows.length ? b : a));
    expect(record.rows.length, "a superforecaster has more than a page of scored questions").toBeGreaterThan(50);
    await page.goto(`/forecasters/${encodeURIComponent(handle)}`);
    const pageCount = Math.ceil(record.rows.length / 50);
    const seen: string[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const table = page.getByTestId("score-table");
      await expect(table.getAttribute("data-rows")).resolves.toBe(String(record.rows.length));
      const links = await table.locator("tbody tr td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(links, `page ${n}`).toHaveLength(n < pageCount ? 50 : record.rows.length - 50 * (pageCount - 1));
      seen.push(...links);
      const pager = page.getByRole("navigation", { name: "Scored questions pages" });
      if (n < pageCount) {
        await pager.getByRole("link", { name: "Next" }).click();
        await page.waitForURL(new RegExp(`[?&]page=${n + 1}\\b`));
      } else await expect(pager.getByRole("link", { name: "Next" }).count()).resolves.toBe(0);
    }
    expect([...seen].sort()).toEqual(record.rows.map((r) => `/questions/${encodeURIComponent(r.row.question)}`).sort());
  });
});

describe("the crowd's track record on ForecastBench", () => {
  it("draws each method's calibration, the paired differences and the d curve as computed", async () => {
    const { scored } = engine();
    const crowd = crowdRecord(scored, DEFAULT_SCORING_PARAMS, 10);
    // The superforecasters' pooled final forecasts, binned by hand from the JSON files (p clipped to
    // [0.001, 0.999], bins [0, 0.1) … [0.9, 1]).
    expect(crowd.everyone.calibration.bins.map((b) => b.n)).toEqual([1868, 166, 132, 142, 306, 703, 139, 89, 98, 282]);

    await page.goto("/crowd");
    for (const method of AGGREGATION_METHODS) {
      const figure = page.getByTestId(`reliability-${method}`);
      const expected = nonEmptyBins(crowd.calibration[method].calibration.bins);
      expect(await points(figure)).toBe(expected);
      expect(await drawn(figure, ".recharts-scatter-symbol", expected)).toBe(expected);
    }
    const everyone = page.getByTestId("reliability-everyone");
    expect(await points(everyone)).toBe(10);
    expect(await drawn(everyone, ".recharts-scatter-symbol", 10)).toBe(10);
    const comparison = page.getByTestId("method-comparison-chart");
    expect(await points(comparison)).toBe(crowd.methods.filter((m) => m.brierDifference.mean !== null).length);
    // the default's own difference is 0: a bar of no height, not drawn; the others get a bar and an error bar
    const nonZero = crowd.methods.filter((m) => m.brierDifference.mean !== null && m.brierDifference.mean !== 0).length;
    expect(nonZero).toBe(AGGREGATION_METHODS.length - 1);
    expect(await drawn(comparison, ".recharts-bar-rectangle path", nonZero)).toBe(nonZero);
    expect(await drawn(comparison, ".recharts-errorBar", nonZero)).toBe(nonZero);
    const extremizing = page.getByTestId("extremizing-chart");
    expect(await points(extremizing)).toBe(crowd.extremizing.curve.length);
    expect(await drawn(extremizing, ".recharts-line-dot", crowd.extremizing.curve.length)).toBe(crowd.extremizing.curve.length);
    await expect(page.getByTestId("best-method-sentence").textContent()).resolves.toBe(crowd.sentence);
    await saveScreenshot(page, "fb-crowd");
  });
});

describe("a ForecastBench question page", () => {
  it("draws the crowd step line and the spread of standing forecasts as computed", async () => {
    // The resolved question with the most forecasts (ties by id).
    const [busiest] = db
      .select({ id: forecasts.questionId, n: sql<number>`count(*)` })
      .from(forecasts)
      .innerJoin(resolutions, and(eq(resolutions.questionId, forecasts.questionId), eq(resolutions.annulled, false)))
      .groupBy(forecasts.questionId)
      .orderBy(desc(sql`count(*)`), forecasts.questionId)
      .limit(1)
      .all();
    const question = getDiscreteQuestion(db, busiest.id)!;
    expect(question.type).toBe("binary");
    const all = listForecastsForQuestion(db, question.id);
    const end = Math.min(Date.now(), actualCloseTime(question));
    const series = crowdForecastSeries(question, all, DEFAULT_AGGREGATION_METHOD, undefined, end);
    const standing = standingForecastsAt(countedForecasts(question, all), end);
    expect(standing.length).toBeGreaterThan(5);

    await page.goto(`/questions/${encodeURIComponent(question.id)}`);
    await expect(page.getByTestId("question-page").getAttribute("data-question-id")).resolves.toBe(question.id);

    const crowdChart = page.getByTestId("crowd-forecast-chart");
    expect(series.length).toBeLessThanOrEqual(500); // else the page draws a downsample (the CSV has every point)
    expect(await points(crowdChart)).toBe(series.length);
    // The step line's path: "M" for the first point, two "L" (across, then up or down) per later one.
    const line = crowdChart.locator(".recharts-line-curve");
    await line.waitFor({ state: "attached" }); // a flat line has an empty box: "hidden" to Playwright
    const d = (await line.getAttribute("d")) ?? "";
    expect(1 + (d.match(/L/g) ?? []).length / 2).toBe(series.length);

    const spread = page.getByTestId("forecast-spread-chart");
    expect(await points(spread)).toBe(standing.length);
    // One bar per 10-point bin of standing P(yes) (as shown: percent to one decimal; 100% in the last bin) that someone is in.
    const bin = (p: number) => Math.min(9, Math.floor(Number((p * 100).toFixed(1)) / 10 + 1e-9));
    const occupied = new Set(standing.map((f) => bin(f.probabilities[1]))).size;
    expect(await drawn(spread, ".recharts-bar-rectangle path", occupied)).toBe(occupied);
    await saveScreenshot(page, "fb-question");
  });
});
