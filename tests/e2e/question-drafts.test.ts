// Nothing lost on the way to a published question: the "New question" form keeps the chosen type and
// the scenarios after a validation error (it used to show "Binary" while the scenario box stayed, and
// a second submit made a Yes/No question); an analyst proposes a question, which stays a draft; the
// admin finds Edit and Publish on the draft's page and publishes it, after which analysts see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { allQuestions, eventually, reloadQuestion, signIn, signUp, waitForQuestionPage } from "./desk";
import { DEMO_LOGINS } from "@/db/seed-demo";

const admin = DEMO_LOGINS.find((login) => login.role === "admin")!;
const proposer = {
  name: "Pat Proposer",
  email: `pat.${Date.now()}@e2e.forecast-desk.local`,
  password: "correct horse battery staple",
};

let adminBrowser: BrowserSession;
let analystBrowser: BrowserSession;

beforeAll(async () => {
  [adminBrowser, analystBrowser] = await Promise.all([openBrowser(), openBrowser()]);
});
afterAll(async () => {
  await Promise.all([adminBrowser, analystBrowser].map((b) => b?.close()));
});

const stamp = Date.now();

async function fillTimes(page: Page) {
  await page.getByLabel("Open time").fill("2030-01-01T09:00");
  await page.getByLabel("Close time").fill("2030-06-01T09:00");
}

/** Clicks the submit button and waits for the server action's answer. */
async function submit(page: Page, name: string) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name, exact: true }).click();
  await answered;
}

describe("the question form keeps what was entered", () => {
  it("after an error it still shows 'Scenario set' with the scenarios, and creates a scenario set", async () => {
    const page = adminBrowser.page;
    await signIn(page, admin);
    await page.goto("/questions/new");
    await page.getByRole("radio", { name: "Scenario set" }).check();
    await page.getByRole("textbox", { name: "Scenarios" }).fill("Low\nMiddle\nHigh");
    await fillTimes(page);
    // No title: a validation error.
    await submit(page, "Create question");
    await page.getByText("Title is required").waitFor();
    await saveScreenshot(page, "question-form-after-error");
    expect(await page.getByRole("radio", { name: "Scenario set" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "Binary (Yes/No)" }).isChecked()).toBe(false);
    expect(await page.getByRole("textbox", { name: "Scenarios" }).inputValue()).toBe("Low\nMiddle\nHigh");

    const title = `Scenario question kept ${stamp}`;
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await page.getByRole("button", { name: "Create question", exact: true }).click();
    await page.waitForURL(/\/questions\/scenario-question-kept/);
    const created = allQuestions().find((q) => q.title === title)!;
    expect(created.type).toBe("multiple_choice");
    expect(created.options).toEqual(["Low", "Middle", "High"]);
  });
});

describe("an analyst proposes, the admin publishes", () => {
  const title = `Proposed by an analyst ${stamp}`;
  let id: string;

  it("an analyst proposes a question, which is stored as a draft they can see", async () => {
    const page = analystBrowser.page;
    await signUp(page, proposer);
    await page.goto("/questions");
    await page.getByRole("link", { name: "Propose a question", exact: true }).click();
    await page.waitForURL(/\/questions\/new$/);
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await fillTimes(page);
    // Analysts' proposals are drafts; they cannot tick them published.
    expect(await page.getByRole("checkbox", { name: /Draft/ }).count()).toBe(0);
    await page.getByRole("button", { name: "Propose question", exact: true }).click();
    await page.waitForURL(/\/questions\/proposed-by-an-analyst/);
    id = allQuestions().find((q) => q.title === title)!.id;
    expect(reloadQuestion(id).isDraft).toBe(true);
    await page.getByText(/draft: an admin publishes it/i).waitFor();
    expect(await page.getByRole("button", { name: "Publish", exact: true }).count()).toBe(0);
  });

  it("the admin finds Edit and Publish on the draft's page and publishes it", async () => {
    const page = adminBrowser.page;
    await page.goto(`/questions/${encodeURIComponent(id)}`);
    await waitForQuestionPage(page, id);
    await page.getByRole("link", { name: "Edit question", exact: true }).waitFor();
    await saveScreenshot(page, "draft-question-admin");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await eventually(() => reloadQuestion(id).isDraft, (draft) => draft === false);
    await page.getByRole("button", { name: "Publish", exact: true }).waitFor({ state: "detached" });
    // Edit stays on every question page for admins.
    await page.getByRole("link", { name: "Edit question", exact: true }).click();
    await page.waitForURL(/\/edit$/);
    expect(await page.getByRole("textbox", { name: "Title" }).inputValue()).toBe(title);
  });

  it("once published, analysts see it in the list", async () => {
    const page = analystBrowser.page;
    await page.goto(`/questions?q=${encodeURIComponent(title)}`);
    await page.getByRole("link", { name: title, exact: true }).waitFor();
  });
});
