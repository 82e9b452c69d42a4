// An admin downloads the whole desk from the Export page; the JSON is a forecast-desk/v1 document
// the scorer accepts, with every question and forecast of the database. Others get a 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { allQuestions, deskDb, signIn } from "./desk";
import { DEMO_LOGINS } from "@/db/seed-demo";
import { readDatasetV1 } from "@/lib/exchange/read-v1";

const admin = DEMO_LOGINS.find((login) => login.role === "admin")!;
const analyst = DEMO_LOGINS.find((login) => login.role === "analyst")!;

let adminBrowser: BrowserSession;
let analystBrowser: BrowserSession;

beforeAll(async () => {
  [adminBrowser, analystBrowser] = await Promise.all([openBrowser(), openBrowser()]);
  await Promise.all([signIn(adminBrowser.page, admin), signIn(analystBrowser.page, analyst)]);
});
afterAll(async () => {
  await Promise.all([adminBrowser, analystBrowser].map((b) => b?.close()));
});

describe("export downloads", () => {
  it("gives the admin every question and forecast as forecast-desk/v1 and CSV", async () => {
    const { page } = adminBrowser;
    await page.goto("/questions");
    await page.getByRole("link", { name: "Export", exact: true }).click();
    await page.getByRole("heading", { name: "Export" }).waitFor();
    await saveScreenshot(page, "admin-export");

    const href = await page.getByRole("link", { name: /as JSON/ }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain("forecast-desk-v1.json");
    const read = readDatasetV1(await response.json());
    if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
    const count = (table: string) => (deskDb().$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    // Binary and scenario questions with their forecasts, and the numeric and date ones with their CDFs.
    const continuous = read.dataset.continuous ?? { questions: [], forecasts: [] };
    expect(continuous.questions.length).toBeGreaterThan(0);
    expect(read.dataset.questions.length + continuous.questions.length).toBe(allQuestions().length);
    expect(read.dataset.forecasts.length).toBe(count("forecasts"));
    expect(continuous.forecasts.length).toBe(count("continuous_forecasts"));

    const csvHref = await page.getByRole("link", { name: /forecasts as CSV/ }).getAttribute("href");
    const csv = await (await page.request.get(csvHref!)).text();
    // The desk has numeric and date questions, so the CDF column follows (docs/csv-format.md).
    expect(csv.split(/\r?\n/)[0]).toBe("question_id,forecaster,time,option,probability,rationale,cdf");
  });

  it("refuses analysts and visitors", async () => {
    const asAnalyst = await analystBrowser.page.request.get("/api/export?format=json");
    expect(asAnalyst.status()).toBe(403);
    const visitor = await fetch(adminBrowser.url("/api/export?format=json"));
    expect(visitor.status).toBe(403);
    await analystBrowser.page.goto("/export");
    await expect.poll(() => new URL(analystBrowser.page.url()).pathname).toBe("/admin-only");
  });
});
