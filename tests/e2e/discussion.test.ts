// The Discussion on a question: an analyst signs up, is told off next to the box for an empty comment,
// posts one and sees it (and it is stored); a visitor reads it with a sign-in link instead of the box;
// on a question whose crowd is hidden until you forecast, a fresh analyst does not see others' comments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { comments } from "@/db/schema/forecasts";
import type { Question } from "@/lib/types";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { deskDb, eventually, openQuestions, signOut, signUp, userIdByEmail, waitForQuestionPage } from "./desk";

const stamp = Date.now();
const analyst = { name: "Dana Discuss", email: `dana.${stamp}@e2e.forecast-desk.local`, password: "correct horse battery staple" };
const guardedAuthor = { name: "Gil Guarded", email: `gil.${stamp}@e2e.forecast-desk.local`, password: "correct horse battery staple" };
const newcomer = { name: "Noor Newcomer", email: `noor.${stamp}@e2e.forecast-desk.local`, password: "correct horse battery staple" };

let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});

const commentsBy = (userId: string) =>
  deskDb().select().from(comments).where(eq(comments.authorId, userId)).orderBy(desc(comments.id)).all();

async function openQuestion(q: Question) {
  await page.goto(`/questions/${encodeURIComponent(q.id)}`);
  await waitForQuestionPage(page, q.id);
}

const discussion = () => page.getByRole("region", { name: "Discussion" });

describe("discussing a question", () => {
  let visible: Question;
  const body = `Base rates point lower than the crowd (${stamp}).`;
  let analystId: string;

  it("refuses an empty comment next to the box and writes nothing", async () => {
    const found = openQuestions().find((q) => !q.hideCrowdUntilForecast);
    expect(found, "the demo seed has an open question showing its crowd to everyone").toBeDefined();
    visible = found!;
    await signUp(page, analyst);
    analystId = userIdByEmail(analyst.email);
    await openQuestion(visible);
    const box = discussion().getByRole("textbox", { name: "Comment" });
    await box.fill("   ");
    await discussion().getByRole("button", { name: "Post comment" }).click();
    const error = discussion().locator("#comment-body-error");
    await error.waitFor();
    expect(await error.innerText()).toBe("Write a comment before posting");
    expect(await box.getAttribute("aria-describedby")).toBe("comment-body-error");
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    expect(commentsBy(analystId)).toHaveLength(0);
  });

  it("posts a comment and sees it at the top of the discussion", async () => {
    const box = discussion().getByRole("textbox", { name: "Comment" });
    await box.fill(`  ${body}  `);
    await discussion().getByRole("button", { name: "Post comment" }).click();
    await discussion().getByRole("status").filter({ hasText: "Comment posted." }).waitFor();
    await eventually(
      () => discussion().getByTestId("comment-list").locator("li").first().innerText(),
      (text) => text.includes(body) && text.includes(analyst.name),
    );
    expect(await box.inputValue()).toBe("");
    expect(await discussion().locator("#comment-body-error").count()).toBe(0);
    const stored = commentsBy(analystId);
    expect(stored.map((c) => [c.questionId, c.body])).toEqual([[visible.id, body]]);
    await saveScreenshot(page, "question-discussion");
  });

  it("shows a visitor the comment read-only, with a sign-in link", async () => {
    await signOut(page);
    await openQuestion(visible);
    expect(await discussion().getByText(body).isVisible()).toBe(true);
    expect(await discussion().getByRole("textbox", { name: "Comment" }).count()).toBe(0);
    const link = discussion().getByRole("link", { name: "Sign in to comment" });
    expect(decodeURIComponent((await link.getAttribute("href")) ?? "")).toBe(`/signin?next=/questions/${visible.id}`);
  });

  it("hides others' comments while the crowd is hidden from the viewer", async () => {
    const guarded = openQuestions().find((q) => q.hideCrowdUntilForecast);
    expect(guarded, "the demo seed has an open question with the anchoring guard on").toBeDefined();
    await signUp(page, guardedAuthor);
    const secondAuthor = userIdByEmail(guardedAuthor.email);
    const hiddenBody = `Anchoring bait (${stamp}).`;
    await openQuestion(guarded!);
    await discussion().getByRole("textbox", { name: "Comment" }).fill(hiddenBody);
    await discussion().getByRole("button", { name: "Post comment" }).click();
    await discussion().getByRole("status").filter({ hasText: "Comment posted." }).waitFor();
    // Its author has not forecast either: they see their own comment but nobody else's.
    await eventually(() => discussion().getByText(hiddenBody).count(), (n) => n === 1);
    expect(commentsBy(secondAuthor).map((c) => c.body)).toEqual([hiddenBody]);
    await signOut(page);

    await signUp(page, newcomer);
    await openQuestion(guarded!);
    expect(await page.getByTestId("crowd-hidden-note").isVisible()).toBe(true);
    expect(await discussion().getByTestId("comments-hidden-note").isVisible()).toBe(true);
    expect(await discussion().getByText(hiddenBody).count()).toBe(0);
    await signOut(page);
  });
});
