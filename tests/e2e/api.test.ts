// The API against `next start`: the README's curl examples run as written (only BASE points at this
// server, and QUESTION/DUE_QUESTION/NUMERIC_QUESTION name demo questions), and the Settings page creates a token that
// works once and stops working when revoked.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { listOwnContinuousForecasts } from "@/db/queries/continuous-forecasts";
import { forecasts } from "@/db/schema/forecasts";
import { interpolatedCdf } from "@/lib/continuous/cdf";
import { internalLocation } from "@/lib/continuous/scale";
import { DEMO_LOGINS } from "@/db/seed-demo";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { appEnvironment } from "./global-setup";
import { deskDb, dueQuestions, openQuestions, reloadQuestion, signIn, userIdByEmail } from "./desk";

const ROOT = path.resolve(__dirname, "..", "..");

/** The ```sh blocks of the README's "## API" section, in order. */
function readmeApiExamples(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## API\n"), readme.indexOf("\n## ", readme.indexOf("\n## API\n") + 5));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe("the README's API examples", () => {
  it("run as written against the demo desk", async () => {
    const blocks = readmeApiExamples();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const baseURL = inject("baseURL");
    const question = openQuestions().find((q) => q.type === "binary")!;
    const due = dueQuestions().find((q) => q.type === "binary")!;
    const numeric = openQuestions().find((q) => q.type === "numeric" && q.id.startsWith("gas-price-"))!;
    // One shell, so variables set in one block serve the next; BASE is the only line changed.
    const script = ["set -euo pipefail", ...blocks].join("\n").replace(/^BASE=.*$/m, `BASE=${baseURL}`);
    // Run from the repository, as a reader would (npm run needs it); the export lands there and is removed.
    const csvFile = path.join(ROOT, "forecasts.csv");
    let stdout: string;
    try {
      ({ stdout } = await promisify(execFile)("bash", ["-c", script], {
        cwd: ROOT,
        env: { ...appEnvironment(inject("databasePath"), Number(new URL(baseURL).port)), QUESTION: question.id, DUE_QUESTION: due.id, NUMERIC_QUESTION: numeric.id },
        maxBuffer: 64 * 1024 * 1024,
      }));
      const csv = fs.readFileSync(csvFile, "utf8");
      expect(csv.split("\n").filter(Boolean).length).toBeGreaterThan(100);
    } finally {
      fs.rmSync(csvFile, { force: true });
    }
    expect(stdout).toContain('"handle":"ana"');
    const ana = userIdByEmail("ana@forecast-desk.local");
    const stored = deskDb().select().from(forecasts).where(and(eq(forecasts.questionId, question.id), eq(forecasts.forecasterId, ana))).all();
    expect(stored.at(-1)).toMatchObject({ probabilities: [0.375, 0.625], rationale: "Base rate of similar bills, adjusted for the new sponsor" });
    const gas = listOwnContinuousForecasts(deskDb(), numeric.id, ana).at(-1)!;
    expect(gas.rationale).toBe("Frozen price, small rise in a new deal");
    // The stored CDF puts half the probability below the median given, 140 (within the form's half a point).
    expect(Math.abs(interpolatedCdf(gas.cdf, internalLocation(reloadQuestion(numeric.id).scale!, 140)) - 0.5)).toBeLessThanOrEqual(0.005);
    expect(stdout).toContain('"method":"recency_weighted_mean"');
    expect(reloadQuestion(due.id).resolution).toMatchObject({ outcome: { kind: "option", option: 1 }, evidence: "Official results" });
  });
});

describe("API tokens on the Settings page", () => {
  const analyst = DEMO_LOGINS.find((l) => l.role === "analyst")!;
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, analyst);
  });
  afterAll(async () => browser?.close());

  it("creates a token shown once, which the API accepts until it is revoked", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { name: "API tokens" }).waitFor();
    // A name is required.
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByText("Name is required").waitFor();
    await page.getByRole("textbox", { name: "Name" }).fill("e2e notebook");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-api-token-value").textContent())!.trim();
    expect(token).toMatch(/^fd_[A-Za-z0-9_-]{43}$/);
    await saveScreenshot(page, "settings-api-tokens");
    const me = await fetch(new URL("/api/v1/me", inject("baseURL")), { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).name).toBe(analyst.name);

    // Listed by its prefix only; after a reload the token itself is gone from the page.
    await page.reload();
    const row = page.getByRole("row").filter({ hasText: "e2e notebook" });
    await row.getByText(token.slice(0, 9)).waitFor();
    expect(await page.content()).not.toContain(token);
    await row.getByRole("button", { name: "Revoke e2e notebook" }).click();
    await row.getByText("revoked").waitFor();
    const after = await fetch(new URL("/api/v1/me", inject("baseURL")), { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it("renders the API reference from the OpenAPI document", async () => {
    const { page } = browser;
    await page.goto("/api-docs");
    await page.getByRole("heading", { name: /POST \/api\/v1\/questions\/\{questionId\}\/forecasts/ }).waitFor();
    const doc = await (await fetch(new URL("/api/v1/openapi.json", inject("baseURL")))).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const path of Object.keys(doc.paths)) await page.getByRole("heading", { name: new RegExp(`/api/v1${path.replace(/[{}]/g, "\\$&")}`) }).first().waitFor();
  });
});
