// Every page type, as a visitor, a demo analyst and the admin, at 1280×800 and at a phone's 390×844:
// axe-core (injected from node_modules, run in the page at 1280 px) must report no serious or
// critical violation, and no page, nor any box in it, may scroll sideways on the phone. Full-page screenshots of every page at
// both widths go to artifacts/screenshots/screens/ (git-ignored) for a person to look at; the axe
// counts per page go to artifacts/axe-report.json and the list's and a question page's weights and
// times to artifacts/page-weights.json.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page, Request } from "playwright-core";
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

/**
 * Waits until the page is what a person sees once it has loaded: the document and its scripts loaded,
 * React has hydrated every element of the page (the charts and local times render only after
 * hydration, components/ui/use-client-render.ts), every recharts chart has taken its container's width
 * (ResponsiveContainer starts at a guessed width and measures with a ResizeObserver), no request has
 * been in flight for 100 ms, and two animation frames have been painted since.
 */
async function settle(page: Page, inFlight: () => number) {
  await page.waitForLoadState("load");
  const deadline = Date.now() + 60_000;
  // null once ready, else what is still missing
  const missing = () =>
    page.evaluate(() => {
      const hydrated = (el: Element) => Object.keys(el).some((k) => k.startsWith("__reactFiber$"));
      // Not React's to hydrate: scripts and styles, streamed content not yet revealed, the route
      // announcer Next adds, the hidden inputs naming a form's server action, recharts' text-measuring span.
      const outside = "script, template, style, link, noscript, [hidden], [hidden] *, next-route-announcer, input[type=hidden], #recharts_measurement_span";
      const rendered = [...document.querySelectorAll("body *")].filter((el) => !el.matches(outside));
      if (rendered.length === 0) return "an empty body";
      const dry = rendered.find((el) => !hydrated(el));
      if (dry) return `not hydrated: ${dry.outerHTML.slice(0, 120)}`;
      for (const container of document.querySelectorAll<HTMLElement>(".recharts-responsive-container")) {
        if (!container.checkVisibility() || container.clientWidth === 0) continue; // in a closed <details>, say
        const chart = container.querySelector<HTMLElement>(".recharts-wrapper");
        if (!chart || chart.offsetWidth === 0 || Math.abs(chart.offsetWidth - container.clientWidth) > 1)
          return `a chart ${chart?.offsetWidth ?? "not"} drawn in a ${container.clientWidth} px container`;
      }
      return null;
    });
  for (let reason = await missing(); reason !== null; reason = await missing()) {
    if (Date.now() > deadline) throw new Error(`${page.url()} did not settle in 60 s: ${reason}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // no request in flight for 100 ms (a chunk a component asked for after hydration, an image, a font)
  let quietSince = Date.now();
  for (;;) {
    if (Date.now() > deadline) throw new Error(`${page.url()}: ${inFlight()} requests still in flight after 60 s`);
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 100) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * A browser at one width (a browser per width: a tab behind another one would not paint), with the
 * cookies of `signedIn` (the role's session) and the count of its requests in flight (for settle).
 */
async function browserAt(viewport: { width: number; height: number }, signedIn?: BrowserSession) {
  const browser = await openBrowser();
  const { page } = browser;
  // six browsers share the machine's cores with the server here
  page.setDefaultTimeout(60_000);
  await page.setViewportSize(viewport);
  if (signedIn) await browser.context.addCookies(await signedIn.context.cookies());
  const inFlight = new Set<Request>();
  page.on("request", (request) => inFlight.add(request));
  page.on("requestfinished", (request) => inFlight.delete(request));
  page.on("requestfailed", (request) => inFlight.delete(request));
  return { browser, page, inFlight: () => inFlight.size };
}

const axeReport: Record<string, Record<string, number>> = {};
const overflowReport: Record<string, number> = {};
const innerReport: Record<string, string[]> = {};

function writeReport() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const sorted = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(path.join(ARTIFACTS, "axe-report.json"), JSON.stringify({ axe: sorted(axeReport), phoneOverflowPx: sorted(overflowReport), phoneInnerScrollers: sorted(innerReport) }, null, 2));
}

// The three roles walk at once, each with one browser at 1280 px and one at 390 px walking its pages
// side by side (the server and the browsers wait on each other more than on the CPU).
describe.concurrent("every page", () => {
  it.for<Role>(["visitor", "analyst", "admin"])("as %s has no serious or critical axe violation at 1280 px and no sideways scroll at 390 px", { timeout: 1_800_000 }, async (role, { expect }) => {
    const tabs: Awaited<ReturnType<typeof browserAt>>[] = [];
    try {
      fs.mkdirSync(SHOTS, { recursive: true });
      const pages = pagesFor(role);
      const wideTab = await browserAt(WIDE);
      tabs.push(wideTab);
      if (role === "analyst") await signIn(wideTab.page, { email: DEMO_ANALYSTS[0].email, password: DEMO_ANALYST_PASSWORD });
      if (role === "admin") await signIn(wideTab.page, { email: DEMO_ADMIN.email, password: DEMO_ADMIN_PASSWORD });
      const phoneTab = await browserAt(PHONE, wideTab.browser);
      tabs.push(phoneTab);

      const wideWalk = async () => {
        const violations = new Map<string, AxeViolation[]>();
        for (const { name, path: pathname } of pages) {
          await wideTab.page.goto(pathname);
          await settle(wideTab.page, wideTab.inFlight);
          await wideTab.page.screenshot({ path: path.join(SHOTS, `${role}-${name}-1280.png`), fullPage: true });
          violations.set(name, await runAxe(wideTab.page));
        }
        return violations;
      };
      const phoneWalk = async () => {
        const phone = new Map<string, { overflow: number; innerScrollers: string[] }>();
        for (const { name, path: pathname } of pages) {
          const { page } = phoneTab;
          await page.goto(pathname);
          await settle(page, phoneTab.inFlight);
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
          phone.set(name, { overflow, innerScrollers });
        }
        return phone;
      };
      const [wide, phone] = await Promise.all([wideWalk(), phoneWalk()]);

      const failures: string[] = [];
      for (const { name, path: pathname } of pages) {
        const violations = wide.get(name)!;
        const { overflow, innerScrollers } = phone.get(name)!;
        for (const v of violations) {
          if (v.impact === "serious" || v.impact === "critical")
            failures.push(`${role} ${pathname}: ${v.id} (${v.impact}) ×${v.nodes.length} e.g. ${v.nodes[0]?.target.join(" ")}`);
        }
        axeReport[`${role} ${name}`] = Object.fromEntries(violations.map((v) => [v.id, v.nodes.length]));
        overflowReport[`${role} ${name}`] = overflow;
        if (overflow > 0) failures.push(`${role} ${pathname}: scrolls sideways by ${overflow}px at 390 px`);
        innerReport[`${role} ${name}`] = innerScrollers;
        for (const box of innerScrollers) failures.push(`${role} ${pathname}: ${box} scrolls sideways at 390 px`);
      }
      writeReport();
      expect(failures).toEqual([]);
    } finally {
      await Promise.all(tabs.map((tab) => tab.browser.close()));
    }
  });
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
