// A demo analyst's day: a desk of its own (the demo seed) served with SMTP_URL pointing at an SMTP
// server this test starts on loopback, and the job loop ticking every second. Ana signs in and sees
// her forecasts in the list's "You" column, the "Mine" tab with what needs an update, reaffirms one in
// one click, reads her inbox and marks a notification read, finds her digest in the mail that arrived
// (read with mailparser), her scores beside the crowd's on a resolved question, changes her settings
// (a bad threshold refused next to its field), and unsubscribes through the mail's link signed out.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "@/lib/format/number";
import { openDb, type Db } from "@/db/client";
import { countUnread, listNotifications } from "@/db/queries/notifications";
import { getQuestions, listQuestionIds } from "@/db/queries/questions";
import { getUserSettings } from "@/db/queries/user-settings";
import { forecasts } from "@/db/schema/forecasts";
import { users } from "@/db/schema/users";
import { DEMO_LOGINS } from "@/db/seed-demo";
import { outcomeLabel } from "@/lib/outcome-label";
import { actualCloseTime } from "@/lib/standing-forecast";
import { openBrowser, saveScreenshot, type BrowserSession } from "./browser";
import { eventually, signIn, signUp } from "./desk";
import { appEnvironment, BIN, freePort, run, serve, type RunningServer } from "./global-setup";
import { recipientOf, startMailCatcher, type MailCatcher } from "../mail-catcher";

const ana = DEMO_LOGINS.find((l) => l.email.startsWith("ana@"))!;
let catcher: MailCatcher;
let received: ParsedMail[] = [];
let server: RunningServer | undefined;
let tmpDir: string;
let db: Db;
let browser: BrowserSession;
let page: Page;
let anaId: string;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Screenshots of the current page at desktop and phone sizes (artifacts/screenshots/<name>-{desktop,phone}.png). */
async function shoot(name: string) {
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await saveScreenshot(page, `${name}-desktop`);
}

beforeAll(async () => {
  catcher = await startMailCatcher();
  received = catcher.received;

  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-daily-loop-"));
  const databasePath = path.join(tmpDir, "forecast-desk.db");
  const port = await freePort();
  await run(path.join(BIN, "tsx"), ["cli/prepare.ts"], appEnvironment(databasePath, port), "daily-loop-prepare.log");
  await run(path.join(BIN, "tsx"), ["cli/seed.ts"], appEnvironment(databasePath, port), "daily-loop-seed.log");
  server = await serve(databasePath, port, "daily-loop-server.log", {
    SMTP_URL: catcher.url,
    MAIL_FROM: "Forecast Desk <desk@e2e.invalid>",
    NOTIFY_INTERVAL_MS: "1000",
  });
  db = openDb(databasePath, { migrate: false });
  anaId = db.select({ id: users.id }).from(users).where(eq(users.email, ana.email)).all()[0].id;
  browser = await openBrowser(server.baseURL);
  page = browser.page;
  await page.setViewportSize(DESKTOP);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  db?.$client.close();
  await catcher?.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

const toAddress = (m: ParsedMail) => recipientOf(m);

describe("a demo analyst's day", () => {
  it("the job loop fills Ana's inbox and mails her one daily digest", async () => {
    const digest = await eventually(
      () => received.filter((m) => toAddress(m) === ana.email),
      (mails) => mails.length > 0,
      60_000,
    );
    expect(digest).toHaveLength(1);
    const notifications = listNotifications(db, anaId);
    expect(notifications.length).toBeGreaterThan(0);
    const n = notifications.length;
    expect(digest[0].subject).toBe(`Forecast Desk: ${n} ${n === 1 ? "notification" : "notifications"} today`);
    for (const item of notifications) expect(digest[0].text).toContain(item.questionTitle);
    expect(digest[0].text).toMatch(/Unsubscribe from all e-mail \(no sign-in needed\): http:\/\/localhost:\d+\/unsubscribe\?/);
    fs.mkdirSync(path.resolve(__dirname, "..", "..", "artifacts", "mail"), { recursive: true });
    fs.writeFileSync(path.resolve(__dirname, "..", "..", "artifacts", "mail", "ana-digest.txt"), `Subject: ${digest[0].subject}\n\n${digest[0].text}`);
    // A second tick later sends her nothing more: one digest a day.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(received.filter((m) => toAddress(m) === ana.email)).toHaveLength(1);
  });

  it("the list shows her forecast and its age in 'You'; Mine lists what needs an update; Reaffirm records it again", async () => {
    await signIn(page, ana);
    await page.goto("/questions?tab=open");
    const table = page.getByTestId("question-list");
    await table.getByRole("columnheader", { name: "You", exact: true }).waitFor();
    const youCells = table.getByTestId("you-cell");
    const texts = await youCells.allInnerTexts();
    expect(texts.some((t) => /ago|today/.test(t)), "some open question carries Ana's forecast and its age").toBe(true);
    await shoot("daily-loop-list-you");

    await page.getByRole("link", { name: "Mine", exact: true }).click();
    await page.waitForURL(/tab=mine/);
    const summary = await page.getByTestId("needs-update-summary").innerText();
    const needing = Number(/^(\d+) of your forecasts/.exec(summary)?.[1] ?? 0);
    expect(needing, summary).toBeGreaterThan(0);
    expect(await page.getByText("Needs update", { exact: true }).count()).toBe(needing);
    await shoot("daily-loop-mine");

    // The first row needs an update (they come first): reaffirm it.
    const row = page.getByTestId("question-list").locator("tbody tr").first();
    const questionId = (await row.getAttribute("data-question-id"))!;
    const latest = () =>
      db
        .select()
        .from(forecasts)
        .where(and(eq(forecasts.questionId, questionId), eq(forecasts.forecasterId, anaId)))
        .orderBy(desc(forecasts.id))
        .limit(1)
        .all()[0];
    const before = latest();
    await row.getByRole("button", { name: "Reaffirm", exact: true }).click();
    const after = await eventually(latest, (f) => f.id !== before.id);
    expect(after.probabilities).toEqual(before.probabilities);
    expect(Date.now() - after.madeAt).toBeLessThan(60_000);
    await page.getByText(`${needing - 1} of your forecasts`).or(page.getByText("None of your forecasts needs an update.")).first().waitFor();
  });

  it("the header counts unread notifications; the inbox lists them and marks one read", async () => {
    await page.goto("/questions");
    const unread = countUnread(db, anaId);
    expect(unread).toBeGreaterThan(0);
    await page.getByRole("link", { name: `Inbox, ${unread} unread` }).click();
    await page.waitForURL(/\/inbox$/);
    const items = page.getByTestId("inbox").locator("li");
    expect(await items.count()).toBe(listNotifications(db, anaId).length);
    await shoot("daily-loop-inbox");
    await page.getByRole("button", { name: /^Mark as read: / }).first().click();
    await eventually(() => countUnread(db, anaId), (n) => n === unread - 1);
    await page.getByRole("link", { name: unread - 1 > 0 ? `Inbox, ${unread - 1} unread` : "Inbox" }).waitFor();
  });

  it("the Resolved tab shows each question's outcome", async () => {
    await page.goto("/questions?tab=resolved");
    const rows = page.getByTestId("question-list").locator("tbody tr");
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    const byId = new Map(getQuestions(db, listQuestionIds(db)).map((q) => [q.id, q]));
    for (let i = 0; i < n; i++) {
      const q = byId.get((await rows.nth(i).getAttribute("data-question-id"))!)!;
      const status = await rows.nth(i).getByTestId("status-badge").innerText();
      expect(status).toBe(q.outcome!.kind === "annulled" ? "Annulled" : `Resolved: ${outcomeLabel(q, q.outcome!)}`);
    }
  });

  it("a resolved question she forecast shows her scores beside the crowd's", async () => {
    const all = getQuestions(db, listQuestionIds(db));
    const resolved = all.find(
      (q) =>
        q.type === "binary" &&
        q.outcome?.kind === "option" &&
        db.select().from(forecasts).where(and(eq(forecasts.questionId, q.id), eq(forecasts.forecasterId, anaId))).all()
          .some((f) => f.madeAt <= actualCloseTime(q)),
    )!;
    expect(resolved, "the demo has a resolved binary question Ana forecast").toBeDefined();
    // Her final forecast: her last one at or before the actual close; Brier (p − o)² by hand.
    const mine = db
      .select()
      .from(forecasts)
      .where(and(eq(forecasts.questionId, resolved.id), eq(forecasts.forecasterId, anaId)))
      .all()
      .filter((f) => f.madeAt <= actualCloseTime(resolved))
      .sort((a, b) => a.madeAt - b.madeAt || a.id - b.id)
      .at(-1)!;
    const o = resolved.outcome!.kind === "option" && resolved.outcome!.option === 1 ? 1 : 0;
    const brier = (mine.probabilities[1] - o) ** 2;
    await page.goto(`/questions/${encodeURIComponent(resolved.id)}`);
    const panel = page.getByTestId("question-scores");
    await panel.waitFor();
    const brierRow = panel.locator('tr[data-metric="finalBrier"]');
    expect(await brierRow.getByTestId("score-you").innerText()).toBe(formatNumber(brier, "score"));
    expect(await panel.locator('tr[data-metric="finalLogScore"]').getByTestId("score-you").innerText()).toBe(
      formatNumber(Math.log(o === 1 ? mine.probabilities[1] : mine.probabilities[0]), "score"),
    );
    expect(await brierRow.getByTestId("score-crowd").innerText()).toMatch(/^\d\.\d{4}$/);
    await shoot("daily-loop-resolved-scores");
  });

  it("Settings: a bad threshold is refused next to its field; a good one and 'no e-mail' are saved", async () => {
    await page.goto("/settings");
    const days = page.getByRole("spinbutton", { name: "Needs update after (days)" });
    await days.fill("0");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Needs update after must be at least 1 day").waitFor();
    expect(getUserSettings(db, anaId).staleAfterDays).toBe(14);
    await shoot("daily-loop-settings-error");
    await days.fill("30");
    await page.getByRole("radio", { name: "One e-mail per notification" }).check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Settings saved.").waitFor();
    expect(getUserSettings(db, anaId)).toMatchObject({ staleAfterDays: 30, emailMode: "immediate" });
  });

  it("the digest's unsubscribe link works signed out, and a forged one does not", async () => {
    const digest = received.find((m) => toAddress(m) === ana.email)!;
    const link = /Unsubscribe from all e-mail \(no sign-in needed\): (\S+)/.exec(digest.text!)![1];
    const visitor = await openBrowser(server!.baseURL);
    try {
      const forged = new URL(link);
      forged.searchParams.set("token", "x".repeat(43));
      await visitor.page.goto(forged.toString());
      await visitor.page.getByText("This unsubscribe link is not valid.").waitFor();
      await visitor.page.goto(link);
      await visitor.page.getByRole("button", { name: "Unsubscribe from e-mail" }).click();
      await visitor.page.getByTestId("unsubscribed").waitFor();
      expect(getUserSettings(db, anaId).emailMode).toBe("off");
    } finally {
      await visitor.close();
    }
  });

  it("a new analyst's profile says what will appear there and links to open questions", async () => {
    const newcomer = await openBrowser(server!.baseURL);
    try {
      await signUp(newcomer.page, { name: "Nia Newcomer", email: `nia.${Date.now()}@e2e.forecast-desk.local`, password: "correct horse battery staple" });
      await newcomer.page.getByTestId("viewer-name").click();
      const sentence = newcomer.page.getByTestId("profile-empty");
      await sentence.waitFor();
      expect(await sentence.innerText()).toMatch(/Once a question Nia Newcomer forecast is resolved/);
      expect(await newcomer.page.getByText("No resolved binary forecasts").count()).toBe(0);
      page = newcomer.page;
      await shoot("daily-loop-new-profile");
      await sentence.getByRole("link", { name: "See the open questions" }).click();
      await newcomer.page.waitForURL(/tab=open/);
    } finally {
      await newcomer.close();
    }
  });
});
