// Track-record pages on the seeded demo desk: every chart draws as many points as the engine
// computed for the same database (data-points on the figure and the drawn SVG marks), filters
// are GET forms, the leaderboard links to profiles by name, and screenshots go to
// artifacts/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { formatNumber } from "@/lib/format/number";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { deskDb, eventually } from "./desk";
import { loadResolvedQuestions } from "@/db/queries/track-records";
import { crowdRecord } from "@/lib/track-records/crowd-record";
import { scoreContinuousQuestions } from "@/lib/track-records/continuous-record";
import { loadResolvedContinuousQuestions } from "@/db/queries/continuous-track-records";
import { forecasterRecord, leaderboard, scoreResolvedQuestions } from "@/lib/track-records/team-record";
import { AGGREGATION_METHODS, DEFAULT_SCORING_PARAMS, type DiscreteQuestion } from "@/lib/types";
import { questionCrowd } from "@/db/queries/crowd";
import { getQuestion } from "@/db/queries/questions";
import { DEMO_BOT } from "@/db/demo/demo-bot";
import type { Population } from "@/lib/population";

let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});

/**
 * What the engine computes now for the server's database (other e2e files may have resolved questions),
 * over the population the pages show by default: people (the demo's baseline bot is left out).
 */
function engine(population: Population = "people", alsoForecaster?: string) {
  const inputs = loadResolvedQuestions(deskDb(), { population, alsoForecaster });
  // The demo's numeric and date questions pool into the same means (only people forecast them).
  const continuous = population === "bots" ? [] : scoreContinuousQuestions(loadResolvedContinuousQuestions(deskDb()).questions).flatMap((q) => q.rows);
  return { inputs, continuous, scored: scoreResolvedQuestions(inputs.questions, DEFAULT_SCORING_PARAMS) };
}

const pointsText = (value: number | null) => formatNumber(value, "points");
const points = async (figure: Locator) => Number(await figure.getAttribute("data-points"));
const nonEmptyBins = (bins: Array<{ n: number }>) => bins.filter((b) => b.n > 0).length;

/** The number of drawn scatter dots in a reliability diagram, once recharts has hydrated. */
async function drawnDots(figure: Locator, expected: number): Promise<number> {
  return eventually(() => figure.locator(".recharts-scatter-symbol").count(), (n) => n === expected);
}

describe("leaderboard", () => {
  it("ranks by mean peer score and links each row to the profile by name", async () => {
    const { inputs, scored, continuous } = engine();
    const board = leaderboard(scored, inputs.forecasters, "peer", 1, continuous);
    expect(board.length).toBeGreaterThan(1);
    await page.goto("/leaderboard");
    const table = page.getByTestId("leaderboard-table");
    await expect(table.getAttribute("data-total")).resolves.toBe(String(board.length));
    const handles = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-handle")));
    expect(handles).toEqual(board.map((b) => b.handle));
    await saveScreenshot(page, "track-leaderboard");

    // rank by Brier, at least 3 questions: a GET form
    await page.getByLabel("Rank by").selectOption("brier");
    await page.getByLabel("Minimum questions").fill("3");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/rank=brier/);
    const byBrier = leaderboard(scored, inputs.forecasters, "brier", 3, continuous);
    const handles2 = await page.getByTestId("leaderboard-table").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-handle")));
    expect(handles2).toEqual(byBrier.map((b) => b.handle));

    await page.goto("/leaderboard");
    await page.getByTestId("leaderboard-table").getByRole("link", { name: board[0].name, exact: true }).click();
    await page.waitForURL(new RegExp(`/forecasters/${encodeURIComponent(board[0].handle)}`));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(board[0].name);
  });

  it("names a bad filter and its rule and still renders", async () => {
    await page.goto("/leaderboard?min=0&rank=luck");
    const errors = await page.getByTestId("filter-errors").textContent();
    expect(errors).toContain("min: must be at least 1");
    expect(errors).toContain("rank: must be one of");
    await expect(page.getByTestId("leaderboard-table").count()).resolves.toBe(1);
  });
});

describe("forecaster profile", () => {
  it("draws as many calibration, discrimination and monthly points as the engine computed", async () => {
    const { inputs, scored, continuous } = engine();
    const top = leaderboard(scored, inputs.forecasters, "peer", 1, continuous)[0];
    for (const [sample, bins] of [["final", 10], ["time_weighted", 5], ["final", 20]] as const) {
      const record = forecasterRecord(scored, top.handle, { sample, bins }, continuous);
      await page.goto(`/forecasters/${encodeURIComponent(top.handle)}?sample=${sample}&bins=${bins}`);
      const reliability = page.getByTestId("reliability-diagram");
      const expected = nonEmptyBins(record.calibration.bins);
      expect(expected).toBeGreaterThan(0);
      expect(await points(reliability)).toBe(expected);
      expect(await drawnDots(reliability, expected)).toBe(expected);
      expect(await points(page.getByTestId("discrimination-chart"))).toBe(bins);
      expect(await points(page.getByTestId("scores-over-time-chart"))).toBe(record.overTime.filter((p) => p.n > 0).length);
      await expect(page.getByTestId("score-table").getAttribute("data-rows")).resolves.toBe(String(record.rows.length));
      await expect(page.getByTestId("summary-n-questions").textContent()).resolves.toBe(String(record.summary.nQuestions));
      if (sample === "final" && bins === 10) await saveScreenshot(page, "track-forecaster-profile");
    }
  });

  it("shows a bin's n, mean forecast, observed frequency and interval on hover, and offers CSV", async () => {
    const { inputs, scored, continuous } = engine();
    const top = leaderboard(scored, inputs.forecasters, "peer", 1, continuous)[0];
    await page.goto(`/forecasters/${encodeURIComponent(top.handle)}`);
    const reliability = page.getByTestId("reliability-diagram");
    await drawnDots(reliability, await points(reliability));
    await reliability.locator(".recharts-scatter-symbol").first().hover({ force: true });
    const tooltip = reliability.locator(".recharts-tooltip-wrapper").first();
    await eventually(() => tooltip.textContent(), (t) => (t ?? "").includes("Observed frequency"));
    const text = (await tooltip.textContent()) ?? "";
    for (const part of ["n = ", "Mean forecast", "Observed frequency", "95% Jeffreys interval"]) expect(text).toContain(part);
    const csv = reliability.getByRole("link", { name: "Download data (CSV)" });
    expect(await csv.getAttribute("href")).toMatch(/^data:text\/csv/);
  });

  it("sorts the scored questions by a column header link", async () => {
    const { inputs, scored, continuous } = engine();
    const top = leaderboard(scored, inputs.forecasters, "peer", 1, continuous)[0];
    await page.goto(`/forecasters/${encodeURIComponent(top.handle)}?sort=final_brier&dir=asc`);
    const briers = await page.getByTestId("score-table").locator("tbody tr td:nth-child(5)").allTextContents();
    const values = briers.map(Number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await page.getByTestId("score-table").getByRole("link", { name: /Final Brier/ }).click();
    await page.waitForURL(/dir=desc/);
  });
});

describe("the crowd's track record", () => {
  it("draws each method's calibration, the paired differences and the d curve as computed", async () => {
    const { scored } = engine();
    const crowd = crowdRecord(scored, DEFAULT_SCORING_PARAMS, 10);
    await page.goto("/crowd");
    for (const method of AGGREGATION_METHODS) {
      const figure = page.getByTestId(`reliability-${method}`);
      const expected = nonEmptyBins(crowd.calibration[method].calibration.bins);
      expect(await points(figure)).toBe(expected);
      expect(await drawnDots(figure, expected)).toBe(expected);
    }
    expect(await points(page.getByTestId("reliability-everyone"))).toBe(nonEmptyBins(crowd.everyone.calibration.bins));
    expect(await points(page.getByTestId("method-comparison-chart"))).toBe(crowd.methods.filter((m) => m.brierDifference.mean !== null).length);
    expect(await points(page.getByTestId("extremizing-chart"))).toBe(crowd.extremizing.curve.length);
    await expect(page.getByTestId("best-method-sentence").textContent()).resolves.toBe(crowd.sentence);
    await saveScreenshot(page, "track-crowd");
  });
});

describe("people and bots", () => {
  it("ranks people by default, the demo's bot under Bots, and its profile against the chosen population", async () => {
    await page.goto("/leaderboard");
    const people = await page.getByTestId("leaderboard-table").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-handle")));
    expect(people).not.toContain(DEMO_BOT.handle);
    await page.getByLabel("Forecasters").selectOption("bots");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/who=bots/);
    const bots = engine("bots");
    const board = leaderboard(bots.scored, bots.inputs.forecasters, "peer", 1);
    expect(board.map((b) => b.handle)).toEqual([DEMO_BOT.handle]);
    const botRows = page.getByTestId("leaderboard-table").locator("tbody tr");
    await expect(botRows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-handle")))).resolves.toEqual([DEMO_BOT.handle]);

    // Its profile from the bots' leaderboard: the bots' comparison, the same count as the engine.
    await page.getByTestId("leaderboard-table").getByRole("link", { name: DEMO_BOT.name, exact: true }).click();
    await page.waitForURL(/\/forecasters\/baseline-bot\?who=bots/);
    await expect(page.getByTestId("profile-bot").textContent()).resolves.toContain(DEMO_BOT.model);
    await expect(page.getByTestId("profile-comparison").textContent()).resolves.toBe("bots' forecasts");
    const alone = forecasterRecord(bots.scored, DEMO_BOT.handle, { sample: "final", bins: 10 });
    await expect(page.getByTestId("summary-n-questions").textContent()).resolves.toBe(String(alone.summary.nQuestions));
    await expect(page.getByTestId("summary-mean-peer").textContent()).resolves.toBe(pointsText(alone.summary.meanPeer));

    // Against people (the default): the bot with every person, peer scores change.
    await page.goto(`/forecasters/${DEMO_BOT.handle}`);
    await expect(page.getByTestId("profile-comparison").textContent()).resolves.toBe("people's forecasts");
    const withPeople = engine("people", DEMO_BOT.handle);
    const vsPeople = forecasterRecord(withPeople.scored, DEMO_BOT.handle, { sample: "final", bins: 10 });
    expect(vsPeople.summary.nQuestions).toBe(alone.summary.nQuestions);
    await expect(page.getByTestId("summary-mean-peer").textContent()).resolves.toBe(pointsText(vsPeople.summary.meanPeer));
    await saveScreenshot(page, "track-bot-profile");
  });

  it("leaves the bot out of the crowd a question page shows, and says so", async () => {
    const db = deskDb();
    const id = db.$client
      .prepare(
        `select f.question_id as id from forecasts f join user u on u.id = f.forecaster_id join questions q on q.id = f.question_id
         where u.handle = ? and q.hide_crowd_until_forecast = 0 order by f.made_at desc limit 1`,
      )
      .get(DEMO_BOT.handle) as { id: string };
    const question = getQuestion(db, id.id) as DiscreteQuestion;
    const crowd = questionCrowd(db, question, Math.min(Date.now(), question.closeTime));
    expect(crowd.population).toBe("people");
    expect(crowd.leftOut()).toBeGreaterThan(0);
    await page.goto(`/questions/${encodeURIComponent(question.id)}`);
    await expect(page.getByTestId("bots-left-out").textContent()).resolves.toContain(
      `${crowd.leftOut()} forecast${crowd.leftOut() === 1 ? "" : "s"} by bots`,
    );
  });
});
