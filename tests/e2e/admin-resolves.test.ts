// The demo admin works the "Due for resolution" queue: resolves a due question with evidence and finds
// it under the list's "Resolved" tab. Before that, a visitor and an analyst try the same and the
// server refuses them, even when they post the admin's own form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { dueQuestions, eventually, mainNav, openTab, reloadQuestion, signIn, signUp, waitForQuestionPage } from "./desk";
import { DEMO_LOGINS } from "@/db/seed-demo";
import type { Question } from "@/lib/types";

const admin = DEMO_LOGINS.find((login) => login.role === "admin")!;

let adminBrowser: BrowserSession;
let visitorBrowser: BrowserSession;
let analystBrowser: BrowserSession;
let due: Question;

beforeAll(async () => {
  [adminBrowser, visitorBrowser, analystBrowser] = await Promise.all([openBrowser(), openBrowser(), openBrowser()]);
});
afterAll(async () => {
  await Promise.all([adminBrowser, visitorBrowser, analystBrowser].map((b) => b?.close()));
});

/** The radio for the outcome we record: "Yes" for binary questions, else the first scenario. */
const outcomeLabel = (q: Question) => (q.type === "binary" ? "Yes" : q.options[0]);
const outcomeIndex = (q: Question) => (q.type === "binary" ? 1 : 0);

async function fillResolution(page: Page, q: Question, evidence: string) {
  await page.getByRole("radio", { name: outcomeLabel(q), exact: true }).check();
  await page.getByRole("textbox", { name: "Evidence" }).fill(evidence);
}

/** Clicks "Resolve" and waits for the server action's answer. */
async function clickResolve(page: Page) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  return answered;
}

async function swapCookies(context: BrowserContext, from: BrowserContext | null) {
  await context.clearCookies();
  if (from) await context.addCookies(await from.cookies());
}

describe("resolving a due question", () => {
  it("the demo admin opens the due queue from the main navigation", async () => {
    expect(admin, "DEMO_LOGINS has an admin").toBeDefined();
    const queue = dueQuestions();
    expect(queue.length, "the demo seed has due questions").toBeGreaterThan(0);
    due = queue[0];

    const page = adminBrowser.page;
    await signIn(page, admin);
    await mainNav(page).getByRole("link", { name: "Due for resolution", exact: true }).click();
    await page.waitForURL(/\/due$/);
    await page.getByRole("link", { name: due.title, exact: true }).first().waitFor();
    await saveScreenshot(page, "due-queue");
  });

  it("a visitor and an analyst are shown no resolve form", async () => {
    await visitorBrowser.page.goto(`/questions/${encodeURIComponent(due.id)}`);
    await visitorBrowser.page.getByRole("heading", { name: due.title }).first().waitFor();
    expect(await visitorBrowser.page.getByRole("button", { name: "Resolve", exact: true }).count()).toBe(0);

    await signUp(analystBrowser.page, {
      name: "Rita Resolver",
      email: `rita.${Date.now()}@e2e.forecast-desk.local`,
      password: "not an admin at all",
    });
    await analystBrowser.page.goto(`/questions/${encodeURIComponent(due.id)}`);
    await analystBrowser.page.getByRole("heading", { name: due.title }).first().waitFor();
    expect(await analystBrowser.page.getByRole("button", { name: "Resolve", exact: true }).count()).toBe(0);
  });

  it("the server refuses the admin's resolve form posted by a visitor or an analyst", async () => {
    const page = adminBrowser.page;
    await page.getByRole("link", { name: due.title, exact: true }).first().click();
    await waitForQuestionPage(page, due.id);
    await saveScreenshot(page, "question-due-admin");
    const adminCookies = await adminBrowser.context.cookies();

    for (const [who, from] of [
      ["an analyst", analystBrowser.context],
      ["a visitor", null],
    ] as const) {
      // The form as the admin sees it…
      await adminBrowser.context.clearCookies();
      await adminBrowser.context.addCookies(adminCookies);
      await page.goto(`/questions/${encodeURIComponent(due.id)}`);
      const resolve = page.getByRole("button", { name: "Resolve", exact: true });
      await resolve.waitFor();
      // …posted with someone else's session (or none).
      await swapCookies(adminBrowser.context, from);
      await fillResolution(page, due, `e2e: posted by ${who}`);
      await clickResolve(page);
      const refusal = resolve.locator("xpath=ancestor::form[1]").getByRole("alert");
      // Refused with a message in the form, or sent to sign in.
      await Promise.any([refusal.first().waitFor(), page.waitForURL(/\/signin/)]);
      if (!/\/signin/.test(page.url())) expect(await refusal.first().innerText()).toMatch(/admin|sign in/i);
      expect(reloadQuestion(due.id).resolution, `${who} could not resolve`).toBeNull();
    }

    await adminBrowser.context.clearCookies();
    await adminBrowser.context.addCookies(adminCookies);
  });

  it("the admin resolves it with evidence, and it moves to the Resolved tab", async () => {
    const page = adminBrowser.page;
    await page.goto(`/questions/${encodeURIComponent(due.id)}`);
    const evidence = "e2e: the official communiqué of the deadline day.";
    await fillResolution(page, due, evidence);
    await clickResolve(page);

    const resolved = await eventually(() => reloadQuestion(due.id), (q) => q.resolution !== null);
    expect(resolved.outcome).toEqual({ kind: "option", option: outcomeIndex(due) });
    expect(resolved.resolution?.evidence).toBe(evidence);
    await page.getByText(evidence).first().waitFor();
    await saveScreenshot(page, "question-resolved");

    await page.goto("/questions");
    await openTab(page, "Resolved");
    await page.getByRole("link", { name: due.title, exact: true }).first().waitFor();
    await saveScreenshot(page, "questions-list-resolved");

    await openTab(page, "Due");
    expect(await page.getByRole("link", { name: due.title, exact: true }).count()).toBe(0);
  });
});
