// What a person does on the desk, in the product's own accessible names (role + name is the
// accessibility contract), and read-only looks at the server's database to pick questions and to
// check what was (or was not) written.
import type { Locator, Page } from "playwright-core";
import { inject } from "vitest";
import { count, eq } from "drizzle-orm";
import { openDb, type Db } from "@/db/client";
import { getQuestions, listQuestionIds } from "@/db/queries/questions";
import { forecasts } from "@/db/schema/forecasts";
import { users } from "@/db/schema/users";
import { acceptsForecasts, isDueForResolution } from "@/lib/question-lifecycle";
import type { Question } from "@/lib/types";

let serverDb: Db | undefined;

/** The database the e2e server uses (opened without migrating: the app's preparation did that). */
export function deskDb(): Db {
  serverDb ??= openDb(inject("databasePath"), { migrate: false });
  return serverDb;
}

export function allQuestions(): Question[] {
  const db = deskDb();
  return getQuestions(db, listQuestionIds(db));
}

const lifecycle = (q: Question) => ({ ...q, resolveTime: q.resolution?.resolveTime ?? null });

export function openQuestions(now = Date.now()): Question[] {
  return allQuestions().filter((q) => acceptsForecasts(lifecycle(q), now));
}

export function dueQuestions(now = Date.now()): Question[] {
  return allQuestions().filter((q) => isDueForResolution(lifecycle(q), now));
}

export function reloadQuestion(id: string): Question {
  const [q] = getQuestions(deskDb(), [id]);
  if (!q) throw new Error(`question ${id} vanished`);
  return q;
}

/** How many forecasts a user has made (all questions). */
export function forecastCount(userId: string): number {
  const [row] = deskDb().select({ n: count() }).from(forecasts).where(eq(forecasts.forecasterId, userId)).all();
  return row.n;
}

export function userIdByEmail(email: string): string {
  const [row] = deskDb().select({ id: users.id }).from(users).where(eq(users.email, email)).all();
  if (!row) throw new Error(`no user with email ${email}`);
  return row.id;
}

export const mainNav = (page: Page): Locator => page.getByRole("navigation").filter({
  has: page.getByRole("link", { name: "Questions", exact: true }),
});

/** Waits until the page shows /questions/<id> (however the id is escaped in the URL). */
export async function waitForQuestionPage(page: Page, id: string) {
  await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/questions/${id}`);
}

/** Clicks a tab (a link) of the questions list and waits until its page is shown. */
export async function openTab(page: Page, name: "Open" | "Closing soon" | "Due" | "Resolved") {
  const tab = page.getByRole("link", { name, exact: true });
  const href = await tab.getAttribute("href");
  await tab.click();
  if (href) await page.waitForURL(new URL(href, page.url()).toString());
  await page.waitForLoadState("networkidle");
}

export async function signUp(page: Page, who: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByRole("textbox", { name: "Name" }).fill(who.name);
  await page.getByRole("textbox", { name: "Email" }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByRole("textbox", { name: "Email" }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
}

/** Waits until `read()` returns a value `ok` accepts; returns it (fails with the last value seen). */
export async function eventually<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/** Vertical gap in px between two elements' boxes (0 when they overlap vertically). */
export async function verticalGap(a: Locator, b: Locator): Promise<number> {
  const [ba, bb] = [await a.boundingBox(), await b.boundingBox()];
  if (!ba || !bb) throw new Error("element not visible");
  if (ba.y + ba.height < bb.y) return bb.y - (ba.y + ba.height);
  if (bb.y + bb.height < ba.y) return ba.y - (bb.y + bb.height);
  return 0;
}
