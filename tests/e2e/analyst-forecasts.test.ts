// An analyst's day on the freshly seeded desk: sign up, forecast a binary question (box and slider
// kept in sync), forecast a scenario set (normalised to 100%), see the crowd forecast and their own
// history change, have a bad value rejected next to its field, and sign out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import {
  eventually,
  forecastCount,
  openQuestions,
  openTab,
  signOut,
  signUp,
  deskDb,
  userIdByEmail,
  verticalGap,
  waitForQuestionPage,
} from "./desk";
import { botIdentities, crowdIncludesBots } from "@/db/queries/bots";
import { listForecastsForQuestion } from "@/db/queries/forecasts";
import { crowdForecastAt } from "@/lib/aggregation/crowd-forecast";
import { formatNumber } from "@/lib/format/number";
import { readForecasts } from "@/lib/probability";
import type { DiscreteQuestion, Question } from "@/lib/types";

const analyst = {
  name: "Erin Example",
  email: `erin.${Date.now()}@e2e.forecast-desk.local`,
  password: "correct horse battery staple",
};

let browser: BrowserSession;
let page: Page;
let analystId: string;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a question from the list's "Open" tab by its title link. */
async function openFromList(q: Question, screenshot?: string) {
  await page.goto("/questions");
  await openTab(page, "Open");
  if (screenshot) await saveScreenshot(page, screenshot);
  await page.getByRole("link", { name: q.title, exact: true }).first().click();
  await waitForQuestionPage(page, q.id);
}

const crowdValue = (p: Page): Locator => p.getByTestId("crowd-forecast-value");
const percentIn = (text: string) => Number(/(\d+(?:\.\d+)?)\s*%/.exec(text)?.[1]);
/** "… recency-weighted median of N forecasters" in the crowd panel's headline. */
const crowdForecasters = async (p: Page) => Number(/median of (\d+) forecasters/.exec(await p.locator("main").innerText())?.[1]);

/**
 * The crowd forecast of binary `q` now as the engine pools it from the forecasts in the database
 * (people only unless the desk counts bots), written as the page writes a probability.
 */
function expectedCrowd(q: DiscreteQuestion): string {
  const db = deskDb();
  const bots = crowdIncludesBots(db) ? new Set<string>() : botIdentities(db).ids;
  const counted = listForecastsForQuestion(db, q.id).filter((f) => !bots.has(f.forecasterId));
  const pooled = crowdForecastAt(q, readForecasts(q.type, counted), Date.now(), "recency_weighted_median");
  return formatNumber(pooled![1], "probability");
}

/** Lines of `form`'s visible text that were not there before, once one matches `pattern`. */
async function newMessage(form: Locator, before: Set<string>, pattern: RegExp): Promise<string> {
  const lines = await eventually(
    async () =>
      (await form.innerText())
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !before.has(l)),
    (fresh) => fresh.some((l) => pattern.test(l)),
  );
  return lines.find((l) => pattern.test(l))!;
}

async function textLines(el: Locator): Promise<Set<string>> {
  return new Set((await el.innerText()).split("\n").map((l) => l.trim()).filter(Boolean));
}

describe("an analyst forecasts", () => {
  it("signs up as a new analyst", async () => {
    await signUp(page, analyst);
    expect(await page.getByText(analyst.name, { exact: true }).first().isVisible()).toBe(true);
    analystId = userIdByEmail(analyst.email);
    expect(forecastCount(analystId)).toBe(0);
  });

  it("submits a binary forecast with the box and the slider in sync, and sees crowd and history change", async () => {
    const candidates = openQuestions().filter((q) => q.type === "binary");
    expect(candidates.length, "the demo seed has open binary questions").toBeGreaterThan(0);
    // Prefer a question whose crowd is shown before forecasting, so a change can be seen.
    const q = candidates.find((c) => !c.hideCrowdUntilForecast) ?? candidates[0];
    await openFromList(q, "questions-list-open");
    await saveScreenshot(page, "question-binary-before");

    const box = page.getByRole("spinbutton", { name: "Probability (%)" });
    const slider = page.getByRole("slider", { name: "Probability slider" });

    // Box → slider.
    await box.fill("12.5");
    await eventually(() => slider.inputValue(), (v) => Number(v) === 12.5);
    // Slider → box.
    await slider.fill("63.4");
    await eventually(() => box.inputValue(), (v) => Number(v) === 63.4);

    const crowdBefore = q.hideCrowdUntilForecast ? null : percentIn(await crowdValue(page).innerText());
    const forecastersBefore = q.hideCrowdUntilForecast ? 0 : await crowdForecasters(page);
    // Far from the current crowd, so the recency-weighted median moves up or down, unless the next
    // standing value on that side equals the current one (a weighted median need not move).
    const mine = crowdBefore !== null && crowdBefore < 50 ? 97 : 3;
    await box.fill(String(mine));
    await eventually(() => slider.inputValue(), (v) => Number(v) === mine);
    await page.getByRole("textbox", { name: "Rationale" }).fill("e2e: the base rate for such deadlines is low.");
    await page.getByRole("button", { name: "Submit forecast" }).click();

    await eventually(() => forecastCount(analystId), (n) => n === 1);
    // The crowd now pools one more forecaster, and shows what the engine pools from the database.
    await eventually(() => crowdForecasters(page), (n) => (q.hideCrowdUntilForecast ? n > 0 : n === forecastersBefore + 1));
    const crowdAfter = (await crowdValue(page).innerText()).trim();
    expect(crowdAfter).toBe(expectedCrowd(q as DiscreteQuestion));
    if (crowdBefore !== null) {
      // Adding a forecast far above (below) the median never moves it the other way.
      expect(mine > 50 ? percentIn(crowdAfter) >= crowdBefore : percentIn(crowdAfter) <= crowdBefore).toBe(true);
    }
    // The viewer's own history now lists the forecast.
    const history = page.getByRole("table", { name: /your forecast/i });
    await eventually(() => history.innerText(), (t) => new RegExp(`\\b${mine}(\\.0)?\\s*%`).test(t));
    await saveScreenshot(page, "question-binary-after");
  });

  it("rejects a probability outside 0.1–99.9% with a message next to the field, writing nothing", async () => {
    const box = page.getByRole("spinbutton", { name: "Probability (%)" });
    const form = box.locator("xpath=ancestor::form[1]");
    const written = forecastCount(analystId);

    await box.fill("150");
    const before = await textLines(form);
    await page.getByRole("button", { name: "Submit forecast" }).click();
    const message = await newMessage(form, before, /99\.9/);
    const messageEl = form.getByText(message, { exact: true }).first();
    expect(await verticalGap(box, messageEl), `"${message}" is shown next to the box`).toBeLessThan(120);
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    expect(forecastCount(analystId)).toBe(written);
    await saveScreenshot(page, "question-binary-rejected");
  });

  it("submits a scenario forecast normalised to 100%", async () => {
    const q = openQuestions().find((c) => c.type === "multiple_choice");
    expect(q, "the demo seed has an open scenario set").toBeDefined();
    await openFromList(q!);
    await saveScreenshot(page, "question-scenarios-before");

    const boxes = q!.options.map((label) => page.getByRole("spinbutton", { name: label, exact: true }));
    for (const box of boxes) await box.fill("30"); // totals 30·K ≠ 100
    await page.getByRole("button", { name: "Normalise to 100%" }).click();
    const values = await eventually(
      () => Promise.all(boxes.map(async (b) => Number(await b.inputValue()))),
      (vs) => Math.abs(vs.reduce((a, b) => a + b, 0) - 100) <= 0.1 + 1e-9,
    );
    const share = 100 / boxes.length;
    for (const v of values) expect(v).toBeCloseTo(share, 0);

    const written = forecastCount(analystId);
    await page.getByRole("textbox", { name: "Rationale" }).fill("e2e: no scenario stands out yet.");
    await page.getByRole("button", { name: "Submit forecast" }).click();
    await eventually(() => forecastCount(analystId), (n) => n === written + 1);
    const history = page.getByRole("table", { name: /your forecast/i });
    await eventually(() => history.innerText(), (t) => t.includes(q!.options[0]) || /\d+(\.\d)?\s*%/.test(t));
    await expect(crowdValue(page).innerText()).resolves.toMatch(/%/);
    await saveScreenshot(page, "question-scenarios-after");
  });

  it("signs out", async () => {
    await signOut(page);
    expect(await page.getByRole("link", { name: "Sign in", exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Sign out", exact: true }).count()).toBe(0);
  });
});
