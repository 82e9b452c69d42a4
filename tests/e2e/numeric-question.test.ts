// An admin creates a numeric question (unit, range, log scale with a zero point, an open upper bound),
// sees the form refuse a range that does not increase, then resolves the question: a value below the
// closed lower bound is refused on the value field, one above the open upper bound is recorded and shown
// with its unit. Screenshots at 1280 and 390 pixels wide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { allQuestions, reloadQuestion, signIn, waitForQuestionPage } from "./desk";
import { DEMO_LOGINS } from "@/db/seed-demo";
import { isContinuousQuestion } from "@/lib/types";

const admin = DEMO_LOGINS.find((login) => login.role === "admin")!;
const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const title = `Gas price for the e2e desk ${Date.now()}`;

let browser: BrowserSession;
let id: string;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks a submit button and waits for the server action's answer. */
async function submit(page: Page, name: string) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name, exact: true }).click();
  await answered;
}

const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe("an admin creates and resolves a numeric question", () => {
  it("creates it with unit, range, log scale and an open upper bound, after a refused range", async () => {
    const page = browser.page;
    await signIn(page, admin);
    await page.goto("/questions/new");
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await page.getByRole("radio", { name: "Numeric (a quantity)" }).check();
    await page.getByRole("textbox", { name: "Unit" }).fill("USD per 1,000 m³");
    await page.getByRole("textbox", { name: "Range minimum" }).fill("100");
    await page.getByRole("textbox", { name: "Range maximum" }).fill("50");
    await page.getByRole("checkbox", { name: "Logarithmic scale" }).check();
    await page.getByRole("textbox", { name: "Zero point" }).fill("0");
    await page.getByRole("checkbox", { name: /Open upper bound/ }).check();
    await page.getByLabel("Open time").fill(wallClock(Date.now() - 30 * DAY));
    await page.getByLabel("Close time").fill(wallClock(Date.now() - DAY));
    await submit(page, "Create question");
    await page.getByText("Range maximum must be greater than the range minimum").waitFor();
    expect(await page.getByRole("radio", { name: "Numeric (a quantity)" }).isChecked()).toBe(true);
    expect(allQuestions().some((q) => q.title === title)).toBe(false);

    await page.getByRole("textbox", { name: "Range maximum" }).fill("400");
    await page.getByRole("button", { name: "Create question", exact: true }).click();
    await page.waitForURL(/\/questions\/gas-price-for-the-e2e-desk/);
    const created = allQuestions().find((q) => q.title === title)!;
    expect(created.type).toBe("numeric");
    expect(isContinuousQuestion(created) && created.scale).toEqual({
      unit: "USD per 1,000 m³",
      rangeMin: 100,
      rangeMax: 400,
      zeroPoint: 0,
      openLowerBound: false,
      openUpperBound: true,
    });
    id = created.id;
    await waitForQuestionPage(page, id);
    const scale = page.getByTestId("question-scale");
    await expect.poll(() => scale.innerText()).toMatch(/Unit\s+USD per 1,000 m³/);
    expect(await scale.innerText()).toMatch(/logarithmic, zero point 0/);
    expect(await page.getByTestId("question-type").innerText()).toBe("Numeric · USD per 1,000 m³");
  });

  it("refuses a value below the closed lower bound and records one above the open upper bound", async () => {
    const page = browser.page;
    const value = page.getByRole("textbox", { name: "Value (USD per 1,000 m³)" });
    await value.fill("90");
    await page.getByRole("textbox", { name: "Evidence" }).fill("Ministry statement");
    await submit(page, "Resolve");
    await page.getByText(/Value 90 USD per 1,000 m³ is below the range's minimum 100 USD per 1,000 m³, and the lower bound is closed/).waitFor();
    expect(reloadQuestion(id).resolution).toBeNull();

    await page.getByRole("textbox", { name: "Value (USD per 1,000 m³)" }).fill("512.5");
    await submit(page, "Resolve");
    await page.getByText("Resolved.", { exact: true }).waitFor();
    await page.reload();
    await page.getByTestId("resolution-outcome").waitFor();
    expect(await page.getByTestId("resolution-outcome").innerText()).toBe("512.5 USD per 1,000 m³");
    expect(reloadQuestion(id).outcome).toEqual({ kind: "value", value: 512.5 });
    expect(await page.getByTestId("resolution-audit").innerText()).toMatch(/512\.5 USD per 1,000 m³/);
    await saveScreenshot(page, "numeric-question-resolved-1280");
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, "numeric-question-resolved-390");
    await page.setViewportSize(DESKTOP);
  });

  it("the list shows it under Resolved with its type and outcome", async () => {
    const page = browser.page;
    await page.goto(`/questions?tab=resolved&q=${encodeURIComponent(title)}`);
    const row = page.getByRole("row").filter({ hasText: title });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Numeric \(USD per 1,000 m³\)/);
    expect(await row.innerText()).toMatch(/Resolved: 512\.5 USD per 1,000 m³/);
    await saveScreenshot(page, "numeric-question-list-1280");
  });
});
