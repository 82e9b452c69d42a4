// Every page type, as a visitor, a demo analyst and the admin, at 1280×800 and at a phone's 390×844:
// axe-core (injected from node_modules, run in the page at 1280 px) must report no serious or
// critical violation, and no page, nor any box in it, may scroll sideways on the phone. Full-page screenshots of every page at
// both widths go to artifacts/screenshots/screens/ (git-ignored) for a person to look at; the axe
// counts per page go to artifacts/axe-report.json and the list's and a question page's weights and
// times to artifacts/page-weights.json.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_ADMIN, DEMO_ADMIN_PASSWORD, DEMO_ANALYST_PASSWORD, DEMO_ANALYSTS } from "@/db/demo/demo-analysts";
import { openBrowser, type BrowserSession } from "./browser";
import { allQuestions, dueQuestions, openQuestions, signIn } from "./desk";

const ROOT = path.resolve(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "artifacts");
const SHOTS = path.join(ARTIFACTS, "screenshots", "screens");
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

type Role = "visitor" | "analyst" | "admin";

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** The pages a role can open, each a page type (name) and a path. */
function pagesFor(role: Role): { name: string; path: string }[] {
  const questions = allQuestions();
  const open = openQuestions().find((q) => q.type === "binary" && !q.hideCrowdUntilForecast) ?? openQuestions()[0];
  const scenario = questions.find((q) => q.type === "multiple_choice" && q.resolution?.outcome != null) ?? questions.find((q) => q.type === "multiple_choice");
  const resolved = questions.find((q) => q.type === "binary" && q.resolution?.outcome != null);
  const due = dueQuestions()[0];
  // A numeric question with its quantile form, crowd distribution and fan chart; a resolved date question.
  const numeric = questions.find((q) => q.type === "numeric" && q.resolution == null);
  const date = questions.find((q) => q.type === "date" && q.resolution != null);
  const q = (id: string) => `/questions/${encodeURIComponent(id)}`;
  const pages = [
    { name: "questions", path: "/questions" },
    { name: "questions-resolved", path: "/questions?tab=resolved" },
    { name: "questions-search", path: "/questions?q=election" },
    { name: "question-open", path: q(open.id) },
    ...(scenario ? [{ name: "question-scenario", path: q(scenario.id) }] : []),
    ...(resolved ? [{ name: "question-resolved", path: q(resolved.id) }] : []),
    ...(due ? [{ name: "question-due", path: q(due.id) }] : []),
    ...(numeric ? [{ name: "question-numeric", path: q(numeric.id) }] : []),
    ...(date ? [{ name: "question-date", path: q(date.id) }] : []),
    { name: "due", path: "/due" },
    { name: "leaderboard", path: "/leaderboard" },
    { name: "crowd", path: "/crowd" },
    { name: "forecaster", path: `/forecasters/${DEMO_ANALYSTS[0].handle}` },
    { name: "not-found", path: "/no-such-page" },
    { name: "question-not-found", path: "/questions/no-such-question" },
  ];
  if (role === "visitor") pages.push({ name: "signin", path: "/signin" }, { name: "signup", path: "/signup" });
  if (role === "admin")
    pages.push(
      { name: "question-new", path: "/questions/new" },
      { name: "question-edit", path: `${q(open.id)}/edit` },
      { name: "users", path: "/users" },
      { name: "audit-log", path: "/audit-log" },
      { name: "export", path: "/export" },
    );
  return pages;
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // charts and local times render after hydration
  await page.waitForTimeout(300);
}

const axeReport: Record<string, Record<string, number>> = {};
const overflowReport: Record<string, number> = {};
const innerReport: Record<string, string[]> = {};

function writeReport() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, "axe-report.json"), JSON.stringify({ axe: axeReport, phoneOverflowPx: overflowReport, phoneInnerScrollers: innerReport }, null, 2));
}

describe.each<Role>(["visitor", "analyst", "admin"])("every page as %s", (role) => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = browser.page;
    if (role === "analyst") await signIn(page, { email: DEMO_ANALYSTS[0].email, password: DEMO_ANALYST_PASSWORD });
    if (role === "admin") await signIn(page, { email: DEMO_ADMIN.email, password: DEMO_ADMIN_PASSWORD });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has no serious or critical axe violation at 1280 px and no sideways scroll at 390 px", async () => {
    const failures: string[] = [];
    for (const { name, path: pathname } of pagesFor(role)) {
      await page.setViewportSize(WIDE);
      await page.goto(pathname);
      await settle(page);
      await page.screenshot({ path: path.join(SHOTS, `${role}-${name}-1280.png`), fullPage: true });
      const wide = await runAxe(page);

      await page.setViewportSize(PHONE);
      await page.reload();
      await settle(page);
      await page.screenshot({ path: path.join(SHOTS, `${role}-${name}-390.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      // no box that scrolls sideways inside the page either (a table cut off at the screen's edge)
      const innerScrollers = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("body *")]
          .filter((el) => {
            const style = getComputedStyle(el);
            return (style.overflowX === "auto" || style.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1 && el.checkVisibility();
          })
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${el.scrollWidth - el.clientWidth}px)`),
      );

      for (const v of wide) {
        if (v.impact === "serious" || v.impact === "critical")
          failures.push(`${role} ${pathname}: ${v.id} (${v.impact}) ×${v.nodes.length} e.g. ${v.nodes[0]?.target.join(" ")}`);
      }
      axeReport[`${role} ${name}`] = Object.fromEntries(wide.map((v) => [v.id, v.nodes.length]));
      overflowReport[`${role} ${name}`] = overflow;
      if (overflow > 0) failures.push(`${role} ${pathname}: scrolls sideways by ${overflow}px at 390 px`);
      innerReport[`${role} ${name}`] = innerScrollers;
      writeReport();
      for (const box of innerScrollers) failures.push(`${role} ${pathname}: ${box} scrolls sideways at 390 px`);
    }
    expect(failures).toEqual([]);
  }, 1_800_000);
});

describe("page weights", () => {
  it("records the list's and a question page's HTML and JS bytes and load times at both widths (cold browser cache, median of 3)", async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      // every load fetches everything again, as a first visit does
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const open = openQuestions().find((q) => q.type === "binary" && !q.hideCrowdUntilForecast) ?? openQuestions()[0];
      type Weight = { htmlKB: number; jsKB: number; jsFiles: number; totalKB: number; ttfbMs: number; domContentLoadedMs: number; loadMs: number };
      const result: Record<string, Weight> = {};
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
      for (const viewport of [WIDE, PHONE]) {
        await page.setViewportSize(viewport);
        for (const [name, pathname] of [
          ["questions", "/questions"],
          ["question", `/questions/${encodeURIComponent(open.id)}`],
        ] as const) {
          await page.goto(pathname); // warm the server
          await page.waitForLoadState("networkidle");
          const runs: { html: number; js: number; jsFiles: number; total: number; ttfb: number; dcl: number; load: number }[] = [];
          for (let i = 0; i < 3; i++) {
            await page.goto(pathname);
            await page.waitForLoadState("networkidle");
            runs.push(
              await page.evaluate(() => {
                const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
                const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
                const js = resources.filter((r) => new URL(r.name).pathname.endsWith(".js"));
                return {
                  html: nav.encodedBodySize,
                  js: js.reduce((sum, r) => sum + r.encodedBodySize, 0),
                  jsFiles: js.length,
                  total: resources.reduce((sum, r) => sum + r.encodedBodySize, nav.encodedBodySize),
                  ttfb: nav.responseStart,
                  dcl: nav.domContentLoadedEventEnd,
                  load: nav.loadEventEnd,
                };
              }),
            );
          }
          const pick = (k: keyof (typeof runs)[number]): number => median(runs.map((r) => r[k]));
          result[`${name} ${viewport.width}`] = {
            htmlKB: kb(pick("html")),
            jsKB: kb(pick("js")),
            jsFiles: pick("jsFiles"),
            totalKB: kb(pick("total")),
            ttfbMs: Math.round(pick("ttfb")),
            domContentLoadedMs: Math.round(pick("dcl")),
            loadMs: Math.round(pick("load")),
          };
          expect(pick("html")).toBeGreaterThan(0);
          expect(pick("js")).toBeGreaterThan(0);
        }
      }
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, "page-weights.json"), JSON.stringify(result, null, 2));
    } finally {
      await browser.close();
    }
  });
});
