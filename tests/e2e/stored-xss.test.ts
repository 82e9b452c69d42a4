// Stored XSS: every text people write and the desk renders (question description and criteria, a
// rationale, a comment, a reply, a comment's edited body, resolution evidence) carries script tags, event handlers, javascript: and
// data: links; a real browser opens the question and nothing runs, no handler or dangerous link
// reaches the DOM, while safe Markdown (emphasis, links with rel="noopener nofollow ugc") renders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addComment, editComment } from "@/db/queries/comments";
import { recordForecast } from "@/db/queries/forecasts";
import { createQuestion } from "@/db/queries/questions";
import { recordResolution } from "@/db/queries/resolutions";
import { DEMO_ADMIN } from "@/db/demo/demo-analysts";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { deskDb, userIdByEmail } from "./desk";

const DAY = 86_400_000;

/** One payload per place, each with the attack vectors and a safe link and emphasis to find. */
const payload = (where: string) =>
  [
    `**${where} bold** and _${where} emphasis_, see https://example.org/${where} and [docs](https://example.org/${where}-docs).`,
    `<script>window.__xss = "${where} script"</script>`,
    `<img src=x onerror="window.__xss='${where} img'"> <b onclick="window.__xss='${where} b'">raw</b>`,
    `<a href="javascript:window.__xss='${where} raw-a'">raw link</a> [js](javascript:window.__xss='${where}-md') [JS](JaVaScRiPt:alert(1))`,
    `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![pixel](https://example.org/${where}.png)`,
    `<iframe src="javascript:alert(1)"></iframe><svg onload="alert(1)"></svg><style>body{display:none}</style>`,
  ].join("\n\n");

const PLACES = ["description", "criteria", "rationale", "comment", "reply", "edited", "evidence"] as const;

let browser: BrowserSession;
let page: Page;
let questionId: string;
const dialogs: string[] = [];

beforeAll(async () => {
  const db = deskDb();
  const now = Date.now();
  const adminId = userIdByEmail(DEMO_ADMIN.email);
  questionId = createQuestion(
    db,
    {
      title: `Stored XSS probe ${now}`,
      description: payload("description"),
      resolutionCriteria: payload("criteria"),
      tags: [],
      openTime: now - 10 * DAY,
      closeTime: now + 10 * DAY,
      resolveBy: null,
      type: "binary",
      scenarios: [],
      hideCrowdUntilForecast: false,
      isDraft: false,
    },
    { createdBy: adminId, now },
  );
  const forecast = recordForecast(db, { questionId, forecasterId: adminId, probabilities: [0.4, 0.6], madeAt: now - DAY, rationale: payload("rationale") });
  expect(forecast.ok).toBe(true);
  const comment = addComment(db, { questionId, authorId: adminId, body: payload("comment"), createdAt: now - DAY });
  expect(comment.ok).toBe(true);
  if (comment.ok) expect(addComment(db, { questionId, authorId: adminId, body: payload("reply"), createdAt: now - DAY, parentId: comment.id }).ok).toBe(true);
  // posted harmless, then edited (within its 15 minutes) into the payload
  const edited = addComment(db, { questionId, authorId: adminId, body: "Harmless at first", createdAt: now - 60_000 });
  expect(edited.ok && editComment(db, { commentId: edited.id, actorId: adminId, body: payload("edited"), now }).ok).toBe(true);
  const resolved = recordResolution(db, { questionId, outcome: { kind: "option", option: 1 }, resolveTime: now - 1000, evidence: payload("evidence"), actorId: adminId, now });
  expect(resolved.ok, JSON.stringify(resolved)).toBe(true);

  browser = await openBrowser();
  page = browser.page;
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("stored XSS on a question page", () => {
  it("runs nothing and renders no handler or dangerous link, for a visitor", async () => {
    await page.goto(`/questions/${encodeURIComponent(questionId)}`);
    await page.waitForLoadState("networkidle");
    await saveScreenshot(page, "stored-xss-question");
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
    const found = await page.evaluate(() => {
      const main = document.querySelector("main")!;
      const all = [...main.querySelectorAll("*")];
      return {
        scripts: main.querySelectorAll("script, iframe, svg[onload], style, img, object, embed").length,
        handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).map((el) => el.outerHTML.slice(0, 80)),
        // anywhere on the page no script address; in what people wrote, no data: address either (the
        // page's own "Download data (CSV)" links are data: URLs the app builds)
        badLinks: [
          ...[...main.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!).filter((h) => /^\s*(javascript|vbscript):/i.test(h)),
          ...[...main.querySelectorAll(".markdown a[href]")].map((a) => a.getAttribute("href")!).filter((h) => /^\s*data:/i.test(h)),
        ],
        rawTagsAsElements: main.querySelectorAll("b").length,
      };
    });
    // recharts draws its SVG charts in main (no onload); only content SVGs with handlers would count
    expect(found.handlers).toEqual([]);
    expect(found.badLinks).toEqual([]);
    expect(found.rawTagsAsElements).toBe(0);
    expect(await page.locator("main .markdown script, main .markdown iframe, main .markdown img, main .markdown style").count()).toBe(0);
  });

  it("renders the safe Markdown of every text, links marked as user content", async () => {
    for (const where of PLACES) {
      const link = page.locator(`main .markdown a[href="https://example.org/${where}"]`);
      await expect(link.count(), `${where}: bare URL becomes a link`).resolves.toBe(1);
      await expect(link.getAttribute("rel")).resolves.toBe("noopener nofollow ugc");
      const named = page.locator(`main .markdown a[href="https://example.org/${where}-docs"]`);
      await expect(named.getAttribute("rel")).resolves.toBe("noopener nofollow ugc");
      await expect(page.locator("main .markdown strong", { hasText: `${where} bold` }).count()).resolves.toBe(1);
      await expect(page.locator("main .markdown em", { hasText: `${where} emphasis` }).count()).resolves.toBe(1);
    }
    // the dangerous links keep their text but lose their address
    await expect(page.locator("main .markdown a:not([href])").count()).resolves.toBe(0);
    expect(await page.locator("main .markdown", { hasText: "raw link" }).count()).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
  });
});
