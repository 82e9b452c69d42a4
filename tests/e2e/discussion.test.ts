// The Discussion on a question: an analyst signs up, is told off next to the box for an empty comment,
// posts one and sees it (and it is stored); a visitor reads it with a sign-in link instead of the box;
// on a question whose crowd is hidden until you forecast, a fresh analyst does not see others' comments.
// Then threads: a reply, an edit (Markdown renders, nothing dangerous runs), the 15-minute window
// enforced by the server's clock, deletion (a deleted comment keeps its replies), the order in the
// URL, axe-core on the discussion (no serious or critical violation) and screenshots at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { comments } from "@/db/schema/forecasts";
import type { Question } from "@/lib/types";
import fs from "node:fs";
import path from "node:path";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { deskDb, eventually, openQuestions, signIn, signOut, signUp, userIdByEmail, waitForQuestionPage } from "./desk";

const stamp = Date.now();
const analyst = { name: "Dana Discuss", email: `dana.${stamp}@e2e.forecast-desk.local`, password: "correct horse battery staple" };
const guardedAuthor = { name: "Gil Guarded", email: `gil.${stamp}@e2e.forecast-desk.local`, password: "correct horse battery staple" };
const poster = { name: "Pia Poster", email: `pia.${stamp}@e2e.forecast-desk.local`, password: "correct horse battery staple" };
const replier = { name: "Rui Replier", email: `rui.${stamp}@e2e.forecast-desk.local`, password: "correct horse battery staple" };
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

const AXE_SOURCE = fs.readFileSync(path.resolve(__dirname, "..", "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe-core's serious and critical violations on the page as it stands. */
async function seriousAxeViolations(): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("threads: replies, edits, deletions and order", () => {
  let q: Question;
  let posterId: string;
  let replierId: string;
  let firstId: number;
  let secondId: number;
  let replyId: number;
  const first = `Pia's first take (${stamp}).`;
  const second = `Pia's second take (${stamp}).`;
  const dialogs: string[] = [];

  const byId = (id: number) => deskDb().select().from(comments).where(eq(comments.id, id)).get();
  const item = (id: number) => discussion().locator(`article[data-comment-id="${id}"]`);
  /** The comment's own action buttons (not those of the replies nested inside it). */
  const actions = (id: number) => item(id).locator(":scope > .comment-actions");

  async function post(text: string): Promise<number> {
    await discussion().getByRole("textbox", { name: "Comment", exact: true }).fill(text);
    await discussion().getByRole("button", { name: "Post comment" }).click();
    const row = await eventually(
      () => deskDb().select().from(comments).where(eq(comments.body, text)).get(),
      (r) => r !== undefined,
    );
    await item(row!.id).waitFor();
    return row!.id;
  }

  beforeAll(() => {
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  it("posts comments and a reply under the first; a reply offers no Reply of its own", async () => {
    q = openQuestions().find((x) => !x.hideCrowdUntilForecast && x.id !== undefined)!;
    // a question of its own would be cleaner, but any open question without the guard will do:
    // every locator below is by this run's comment ids
    await signUp(page, poster);
    posterId = userIdByEmail(poster.email);
    await openQuestion(q);
    firstId = await post(first);
    secondId = await post(second);
    await signOut(page);

    await signUp(page, replier);
    replierId = userIdByEmail(replier.email);
    await openQuestion(q);
    // someone else's comment: Reply, but no Edit or Delete
    expect(await actions(firstId).getByRole("button", { name: "Edit" }).count()).toBe(0);
    expect(await actions(firstId).getByRole("button", { name: "Delete" }).count()).toBe(0);
    await actions(firstId).getByRole("button", { name: `Reply to ${poster.name}` }).click();
    const box = item(firstId).getByRole("textbox", { name: `Reply to ${poster.name}` });
    await box.fill("Have you looked at the base rate?");
    await item(firstId).getByRole("button", { name: "Post reply" }).click();
    const row = await eventually(
      () => deskDb().select().from(comments).where(eq(comments.authorId, replierId)).get(),
      (r) => r !== undefined,
    );
    replyId = row!.id;
    expect(row).toMatchObject({ parentId: firstId, questionId: q.id, body: "Have you looked at the base rate?" });
    await item(firstId).getByTestId("comment-replies").locator(`article[data-comment-id="${replyId}"]`).waitFor();
    await item(firstId).getByRole("status").filter({ hasText: "Reply posted." }).waitFor();
    expect(await actions(replyId).getByRole("button", { name: /^Reply/ }).count()).toBe(0);
  });

  it("edits its own reply: the Markdown renders, nothing dangerous reaches the page, it is marked edited", async () => {
    await actions(replyId).getByRole("button", { name: "Edit" }).click();
    const box = item(replyId).getByRole("textbox", { name: "Edit your comment" });
    expect(await box.inputValue()).toBe("Have you looked at the base rate?");
    await box.fill(
      `Have you looked at **the base rate**? <img src=x onerror="window.__xss='img'"> [js](javascript:window.__xss='md') <script>window.__xss='s'</script> https://example.org/base-rates`,
    );
    await item(replyId).getByRole("button", { name: "Save" }).click();
    await item(replyId).locator("strong", { hasText: "the base rate" }).waitFor();
    await item(replyId).getByTestId("comment-edited").waitFor();
    expect(byId(replyId)!.editedAt).toBeGreaterThan(0);
    expect(await item(replyId).locator("img, script").count()).toBe(0);
    expect(await item(replyId).locator('a[href^="javascript" i]').count()).toBe(0);
    expect(await item(replyId).locator('a[href="https://example.org/base-rates"]').getAttribute("rel")).toBe("noopener nofollow ugc");
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
  });

  it("has no serious or critical axe violation with a thread open, and is screenshot at 1280 and 390 px", async () => {
    await actions(firstId).getByRole("button", { name: `Reply to ${poster.name}` }).click(); // a reply box open too
    expect(await seriousAxeViolations()).toEqual([]);
    await item(firstId).getByRole("button", { name: "Cancel" }).click();
    await discussion().scrollIntoViewIfNeeded();
    await saveScreenshot(page, "discussion-thread-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // The charts take the new width once their resize observers have run.
      // (eventually throws with the last overflow if the page still scrolls sideways after 15 s)
      await eventually(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), (d) => d <= 0);
      await saveScreenshot(page, "discussion-thread-390");
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("refuses an edit once 15 minutes have passed by the server's clock, though the page still offers it", async () => {
    await actions(replyId).getByRole("button", { name: "Edit" }).click();
    // the reply was posted 16 minutes ago, as far as the server knows
    deskDb().update(comments).set({ createdAt: Date.now() - 16 * 60_000 }).where(eq(comments.id, replyId)).run();
    const before = byId(replyId)!.body;
    await item(replyId).getByRole("textbox", { name: "Edit your comment" }).fill("Too late");
    await item(replyId).getByRole("button", { name: "Save" }).click();
    await item(replyId).getByRole("alert").filter({ hasText: "A comment can be edited only in the first 15 minutes after posting." }).waitFor();
    expect(byId(replyId)!.body).toBe(before);
    // once reloaded the page no longer offers Edit or Delete
    await page.reload();
    await item(replyId).waitFor();
    expect(await actions(replyId).count()).toBe(0);
    deskDb().update(comments).set({ createdAt: Date.now() }).where(eq(comments.id, replyId)).run();
  });

  it("sorts oldest first by default and newest first on request, the choice kept in the URL", async () => {
    const threadIds = () =>
      discussion()
        .getByTestId("comment-list")
        .locator(":scope > li")
        .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-thread-id"))));
    const mine = (ids: number[]) => ids.filter((id) => id === firstId || id === secondId);
    expect(mine(await threadIds())).toEqual([firstId, secondId]);
    expect(await discussion().getByRole("link", { name: "Oldest first" }).getAttribute("aria-current")).toBe("true");
    await discussion().getByRole("link", { name: "Newest first" }).click();
    await page.waitForURL((url) => url.searchParams.get("comments") === "newest");
    await eventually(async () => mine(await threadIds()), (ids) => ids[0] === secondId);
    await page.reload();
    expect(mine(await threadIds())).toEqual([secondId, firstId]);
    expect(await discussion().getByRole("link", { name: "Newest first" }).getAttribute("aria-current")).toBe("true");
    // replies stay under their comment in either order
    expect(await item(firstId).getByTestId("comment-replies").locator(`article[data-comment-id="${replyId}"]`).count()).toBe(1);
    await saveScreenshot(page, "discussion-newest-first");
  });

  it("deletes: a comment with a reply stays as 'comment deleted' with its reply; deleting the reply removes the thread", async () => {
    await signOut(page);
    await signIn(page, poster);
    await openQuestion(q);
    await actions(firstId).getByRole("button", { name: "Delete" }).click();
    await actions(firstId).getByRole("button", { name: "Delete comment" }).click();
    const thread = discussion().locator(`li[data-thread-id="${firstId}"]`);
    await thread.getByTestId("comment-deleted").waitFor();
    expect(await thread.innerText()).not.toContain(first);
    expect(await thread.locator(`article[data-comment-id="${replyId}"]`).count()).toBe(1);
    expect(byId(firstId)!.deletedAt).toBeGreaterThan(0);
    await saveScreenshot(page, "discussion-deleted-with-reply");
    await signOut(page);

    await signIn(page, replier);
    await openQuestion(q);
    await actions(replyId).getByRole("button", { name: "Delete" }).click();
    await actions(replyId).getByRole("button", { name: "Delete comment" }).click();
    await eventually(() => thread.count(), (n) => n === 0);
    expect(byId(replyId)!.deletedAt).toBeGreaterThan(0);
    expect(await discussion().locator(`article[data-comment-id="${secondId}"]`).count()).toBe(1);
    expect(posterId).not.toBe(replierId);
  });
});
