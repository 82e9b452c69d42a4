// An analyst forecasts a numeric question in the browser: enters quantiles and sees the preview (density
// and CDF) at once, has an out-of-order set refused next to its field with nothing written, submits, and
// sees the crowd's distribution move and their own medians on the fan chart; at 1280 and 390 px wide
// with no sideways scroll on the phone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { importDataset } from "@/db/queries/exchange";
import { getQuestion } from "@/db/queries/questions";
import { cdfFromQuantiles } from "@/lib/continuous/quantile-cdf";
import { valueAtLocation } from "@/lib/continuous/scale";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { isContinuousQuestion, type ContinuousQuestion } from "@/lib/types";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { deskDb, eventually, signUp, userIdByEmail, verticalGap, waitForQuestionPage } from "./desk";
import { sqliteOf } from "@/db/queries/connection";

const analyst = {
  name: "Nora Numeric",
  email: `nora.${Date.now()}@e2e.forecast-desk.local`,
  password: "correct horse battery staple",
};

let browser: BrowserSession;
let page: Page;
let analystId: string;
let question: ContinuousQuestion;

/** CDF forecasts the analyst has stored (read from the server's database). */
const storedForecasts = (): number =>
  (sqliteOf(deskDb()).prepare("select count(*) as n from continuous_forecasts where forecaster_id = ?").get(analystId) as { n: number }).n;

/** What the analyst types for the value at internal location u (two decimals). */
const typed = (u: number) => valueAtLocation(question.scale, u).toFixed(2);

const field = (label: RegExp) => page.getByRole("textbox", { name: label });
const median = (): Locator => page.getByTestId("crowd-median");

const DAY = 86_400_000;
const QUESTION_ID = `e2e-programmes-${Date.now()}`;

/**
 * A numeric question of this file's own, open now, with two forecasts already made (imported into the
 * server's database like any exchange file), so the crowd is shown and can move.
 */
function openNumericQuestion(): ContinuousQuestion {
  const now = Date.now();
  const scale = { rangeMin: 0, rangeMax: 28, zeroPoint: null, openLowerBound: false, openUpperBound: false };
  const cdf = (q25: number, q50: number, q75: number) => {
    const made = cdfFromQuantiles(scale, [
      { level: 0.25, value: q25 },
      { level: 0.5, value: q50 },
      { level: 0.75, value: q75 },
    ]);
    if (!made.ok) throw new Error("a valid forecast");
    return Array.from(made.cdf);
  };
  const read = readDatasetV1({
    format: "forecast-desk/v1",
    questions: [
      {
        id: QUESTION_ID,
        title: "How many of the 28 union programmes will be reported done by the end of 2027? (e2e)",
        type: "numeric",
        range_min: 0,
        range_max: 28,
        zero_point: null,
        open_lower_bound: false,
        open_upper_bound: false,
        open_time: new Date(now - 30 * DAY).toISOString(),
        close_time: new Date(now + 300 * DAY).toISOString(),
        resolution: null,
      },
    ],
    forecasts: [
      { question: QUESTION_ID, forecaster: "e2e-crowd-1", time: new Date(now - 20 * DAY).toISOString(), cdf: cdf(8, 12, 16) },
      { question: QUESTION_ID, forecaster: "e2e-crowd-2", time: new Date(now - 10 * DAY).toISOString(), cdf: cdf(10, 13, 17) },
    ],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  importDataset(deskDb(), read.dataset);
  const q = getQuestion(deskDb(), QUESTION_ID);
  if (!q || !isContinuousQuestion(q)) throw new Error("the question was imported");
  return q;
}

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  question = openNumericQuestion();
});
afterAll(async () => {
  await browser?.close();
});

describe("an analyst forecasts a numeric question", () => {
  it("signs up and opens the question", async () => {
    await signUp(page, analyst);
    analystId = userIdByEmail(analyst.email);
    await page.goto(`/questions/${encodeURIComponent(question.id)}`);
    await waitForQuestionPage(page, question.id);
    await page.getByRole("form", { name: "Your forecast" }).waitFor();
  });

  it("refuses quantiles out of order next to the field, writing nothing", async () => {
    await field(/^25% quantile/).fill(typed(0.5));
    await field(/^Median \(50%\)/).fill(typed(0.4));
    await field(/^75% quantile/).fill(typed(0.8));
    await page.getByRole("button", { name: "Submit forecast" }).click();
    const medianField = field(/^Median \(50%\)/);
    const error = page.locator("#q50-error");
    await expect(error.innerText()).resolves.toMatch(/Must be greater than the 25 % quantile/);
    expect(await medianField.getAttribute("aria-invalid")).toBe("true");
    expect(await medianField.getAttribute("aria-describedby")).toContain("q50-error");
    expect(await verticalGap(medianField, error), "the message sits under the median's field").toBeLessThan(40);
    expect(storedForecasts()).toBe(0);
    await saveScreenshot(page, "question-numeric-refused");
  });

  it("shows the distribution at once as the quantiles are typed, then records it", async () => {
    await field(/^25% quantile/).fill(typed(0.6));
    await field(/^Median \(50%\)/).fill(typed(0.7));
    await field(/^75% quantile/).fill(typed(0.8));
    const summary = page.getByTestId("forecast-preview-summary");
    await expect(summary.innerText()).resolves.toMatch(/^Your distribution: median [\d,.]+.*; 50% interval .+; 90% interval .+/);
    // the preview's density and CDF are drawn (recharts paths), with their tables behind them
    await page.getByTestId("forecast-preview-charts-density").locator(".recharts-area-area, .recharts-line-curve").first().waitFor();
    await page.getByTestId("forecast-preview-charts-cdf").locator(".recharts-line-curve").first().waitFor();
    await saveScreenshot(page, "question-numeric-preview");

    await page.getByRole("textbox", { name: "Rationale" }).fill("e2e: the programme reports run late.");
    await page.getByRole("button", { name: "Submit forecast" }).click();
    await eventually(storedForecasts, (n) => n === 1);
    await page.getByTestId("forecast-form-success").waitFor();
    await median().waitFor();
  });

  it("sees the crowd move and its own medians on the fan chart", async () => {
    const before = await median().innerText();
    // A second forecast far below the first: the recency-weighted mean gives the newest forecast the most weight.
    await field(/^25% quantile/).fill(typed(0.1));
    await field(/^Median \(50%\)/).fill(typed(0.15));
    await field(/^75% quantile/).fill(typed(0.2));
    await page.getByRole("button", { name: "Submit forecast" }).click();
    await eventually(storedForecasts, (n) => n === 2);
    const after = await eventually(() => median().innerText(), (t) => t !== before);
    expect(after).not.toBe(before);
    const fan = page.getByTestId("crowd-fan-chart");
    await eventually(() => fan.locator(".recharts-scatter-symbol").count(), (n) => n === 2);
    // the table behind the fan chart lists both medians
    await fan.getByText("Show data as a table").click();
    const table = fan.getByRole("table");
    await expect(table.innerText()).resolves.toContain("Your median");
    await saveScreenshot(page, "question-numeric-crowd-1280");
  });

  it("reads on a phone without sideways scroll", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("crowd-fan-chart").locator(".recharts-surface").first().waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await saveScreenshot(page, "question-numeric-crowd-390");
    // the form and the fan chart alone, to look at them at phone width
    await page.getByRole("form", { name: "Your forecast" }).screenshot({ path: "artifacts/screenshots/question-numeric-form-390.png" });
    await page.getByTestId("crowd-fan-chart").screenshot({ path: "artifacts/screenshots/question-numeric-fan-390.png" });
  });
});
