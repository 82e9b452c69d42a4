// Headless Chromium for the browser tests: one persistent context per call (own profile dir, own
// cookies), pages addressed relative to the server the global setup started.
import fs from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

const SCREENSHOT_DIR = path.resolve(__dirname, "..", "..", "artifacts", "screenshots");

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Absolute URL of an app path ("/questions" → http://localhost:<port>/questions). */
  url(pathname: string): string;
  close(): Promise<void>;
}

let profiles = 0;

/** A fresh browser on the global setup's server, or on `baseURL` (a test file's own server). */
export async function openBrowser(baseURL: string = inject("baseURL")): Promise<BrowserSession> {
  const profileDir = path.join(inject("e2eTmpDir"), `chromium-profile-${process.pid}-${++profiles}`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
    timezoneId: "UTC",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    url: (pathname) => new URL(pathname, baseURL).toString(),
    close: async () => {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshot into artifacts/screenshots/<name>.png (git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
