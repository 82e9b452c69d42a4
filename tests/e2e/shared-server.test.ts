// The desk as a team puts it on a reachable server: `npm start` (cli/prepare.ts, then server.ts) on a
// new, empty database creates no account and keeps sign-up closed until the first admin is made
// with `npm run user:create -- --admin`; a private desk (REQUIRE_SIGN_IN=1) lets in only invited
// people; sign-in limits hold against a client that makes up X-Forwarded-For; every page sends the
// security headers and its scripts run under the CSP.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type BrowserSession } from "./browser";
import { openDb, type Db } from "@/db/client";
import { users } from "@/db/schema/users";
import { appEnvironment, BIN, freePort, run, serve, type RunningServer } from "./global-setup";

const tmpDirs: string[] = [];
const servers: RunningServer[] = [];

/** A new, empty desk served as `npm start` serves it; `env` adds to the app's environment. */
async function startEmptyDesk(name: string, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `forecast-desk-e2e-${name}-`));
  tmpDirs.push(dir);
  const databasePath = path.join(dir, "desk.db");
  const port = await freePort();
  const appEnv = { ...appEnvironment(databasePath, port), ...env };
  await run(path.join(BIN, "tsx"), ["cli/prepare.ts"], appEnv, `${name}-prepare.log`);
  const server = await serve(databasePath, port, `${name}-server.log`, env);
  servers.push(server);
  const db = openDb(databasePath, { migrate: false });
  return { server, db, databasePath, appEnv, dir };
}

afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function postJson(baseURL: string, pathname: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL(pathname, baseURL), {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL, ...headers },
    body: JSON.stringify(body),
    redirect: "manual",
  });
}

describe("npm start on an empty database", () => {
  let desk: Awaited<ReturnType<typeof startEmptyDesk>>;
  let db: Db;
  beforeAll(async () => {
    desk = await startEmptyDesk("fresh");
    db = desk.db;
  }, 300_000);
  afterAll(() => db.$client.close());

  it("creates no account, refuses sign-up until `user:create --admin` made the first admin", async () => {
    expect(db.select().from(users).all()).toEqual([]);
    const refused = await postJson(desk.server.baseURL, "/api/auth/sign-up/email", {
      name: "Fast Stranger",
      email: "stranger@example.org",
      password: "a-long-stranger-passphrase",
    });
    expect(refused.status).toBe(403);
    expect(db.select().from(users).all()).toEqual([]);

    await run(
      path.join(BIN, "tsx"),
      ["cli/user-create.ts", "--admin", "--email", "boss@example.org", "--name", "Desk Boss", "--password", "boss-passphrase-2026"],
      desk.appEnv,
      "fresh-user-create.log",
    );
    const accepted = await postJson(desk.server.baseURL, "/api/auth/sign-up/email", {
      name: "Early Analyst",
      email: "analyst@example.org",
      password: "an-analyst-passphrase",
    });
    expect(accepted.status).toBe(200);
    expect(db.select({ email: users.email, role: users.role }).from(users).all().sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: "analyst@example.org", role: "analyst" },
      { email: "boss@example.org", role: "admin" },
    ]);
  });
});

async function createAdmin(desk: { appEnv: NodeJS.ProcessEnv }, log: string) {
  await run(
    path.join(BIN, "tsx"),
    ["cli/user-create.ts", "--admin", "--email", "boss@example.org", "--name", "Desk Boss", "--password", "boss-passphrase-2026"],
    desk.appEnv,
    log,
  );
}

describe("a private desk (REQUIRE_SIGN_IN=1)", () => {
  let desk: Awaited<ReturnType<typeof startEmptyDesk>>;
  const browsers: BrowserSession[] = [];
  beforeAll(async () => {
    desk = await startEmptyDesk("private", { REQUIRE_SIGN_IN: "1" });
    await createAdmin(desk, "private-user-create.log");
  }, 300_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    desk.db.$client.close();
  });

  it("shows a stranger nothing and refuses their sign-up", async () => {
    const base = desk.server.baseURL;
    for (const pathname of ["/questions", "/leaderboard", "/crowd", "/forecasters/desk-boss", "/users"]) {
      const res = await fetch(new URL(pathname, base), { redirect: "manual" });
      expect(res.status, pathname).toBe(307);
      expect(new URL(res.headers.get("location")!, base).pathname).toBe("/signin");
    }
    expect((await fetch(new URL("/api/export?format=json", base))).status).toBe(401);
    const signup = await fetch(new URL("/signup", base), { redirect: "manual" });
    expect(signup.status).toBe(307);
    // The sign-in page offers no "Create an account" (it would only bounce back); it says how to get in.
    const signinHtml = await (await fetch(new URL("/signin", base))).text();
    expect(signinHtml).not.toContain("Create an account");
    expect(signinHtml).not.toContain('href="/signup"');
    expect(signinHtml).toContain("This desk is private: ask an admin for an invitation link.");
    // while an open desk (the seeded one) offers it
    expect(await (await fetch(new URL("/signin", inject("baseURL")))).text()).toContain("Create an account");
    const refused = await postJson(base, "/api/auth/sign-up/email", {
      name: "Stranger",
      email: "stranger@example.org",
      password: "a-long-stranger-passphrase",
    });
    expect(refused.status).toBe(403);
    expect(desk.db.select().from(users).all()).toHaveLength(1);
  });

  it("an invited person signs up once with the link the admin made; a second use is refused", async () => {
    const admin = await openBrowser(desk.server.baseURL);
    browsers.push(admin);
    await admin.page.goto("/signin");
    await admin.page.getByRole("textbox", { name: "Email" }).fill("boss@example.org");
    await admin.page.getByLabel("Password", { exact: true }).fill("boss-passphrase-2026");
    await admin.page.getByRole("button", { name: "Sign in" }).click();
    await admin.page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
    await admin.page.goto("/users");
    await admin.page.getByRole("textbox", { name: "For (optional)" }).fill("Ines Invited");
    await admin.page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await admin.page.getByRole("textbox", { name: "Invitation link" }).inputValue();
    expect(link).toMatch(/\/signup\?invitation=[A-Za-z0-9_-]{43}$/);

    const invitee = await openBrowser(desk.server.baseURL);
    browsers.push(invitee);
    await invitee.page.goto(link);
    await invitee.page.getByRole("textbox", { name: "Name" }).fill("Ines Invited");
    await invitee.page.getByRole("textbox", { name: "Email" }).fill("ines@example.org");
    await invitee.page.getByLabel("Password", { exact: true }).fill("ines-passphrase-2026");
    await invitee.page.getByRole("button", { name: "Create account" }).click();
    await invitee.page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
    await invitee.page.goto("/questions");
    expect(new URL(invitee.page.url()).pathname).toBe("/questions");

    const second = await openBrowser(desk.server.baseURL);
    browsers.push(second);
    await second.page.goto(link);
    await second.page.getByText("sign-up needs an invitation link").waitFor();
    expect(await second.page.getByRole("button", { name: "Create account" }).count()).toBe(0);
    const reused = await postJson(desk.server.baseURL, "/api/auth/sign-up/email", {
      name: "Reuser",
      email: "reuser@example.org",
      password: "a-reuser-passphrase",
      invitation: new URL(link).searchParams.get("invitation"),
    });
    expect(reused.status).toBe(403);

    await admin.page.reload();
    await admin.page.getByRole("cell", { name: "used by ines@example.org" }).waitFor();
    expect(desk.db.select({ email: users.email }).from(users).all().map((u) => u.email).sort()).toEqual([
      "boss@example.org",
      "ines@example.org",
    ]);
  });
});

describe("sign-in limits through the production server", () => {
  let desk: Awaited<ReturnType<typeof startEmptyDesk>>;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    desk = await startEmptyDesk("limits");
    await createAdmin(desk, "limits-user-create.log");
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    desk.db.$client.close();
  });

  it("the sign-in form refuses the 11th wrong password for an account and says when to try again", async () => {
    browser = await openBrowser(desk.server.baseURL);
    const page = browser.page;
    await page.goto("/signin");
    // Hydrated before the first try: a click before React has attached the form's action would post
    // the form natively (seen when several browser tests share the two cores).
    await page.waitForLoadState("networkidle");
    // The wait counts from the first failure (a 15-minute window), so how many minutes are left depends
    // on how long the ten tries took on a busy machine: any number of them, but always a time.
    const tooMany = page.getByText(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
    const tryOnce = async (i: number) => {
      await page.getByRole("textbox", { name: "Email" }).fill("boss@example.org");
      await page.getByLabel("Password", { exact: true }).fill(`not-the-password-${i}`);
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
    };
    // Ten wrong passwords are each answered as wrong (the message, never the lock-out)…
    for (let i = 0; i < 10; i++) {
      await tryOnce(i);
      await page.getByText("Email or password is incorrect").waitFor();
      expect(await tooMany.count()).toBe(0);
    }
    // …and the eleventh is refused with when to try again.
    await tryOnce(10);
    await tooMany.waitFor();
  });

  it("a new X-Forwarded-For on each try does not reset the client's count", async () => {
    // This client has up to 11 failures already (if the browser came from the same address).
    const statuses: number[] = [];
    for (let i = 0; i < 31 && !statuses.includes(429); i++) {
      const res = await postJson(
        desk.server.baseURL,
        "/api/auth/sign-in/email",
        { email: `guess-${i}@example.org`, password: "guess-guess-guess" },
        { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` },
      );
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.length).toBeGreaterThanOrEqual(20);
  });
});

describe("security headers on every page of the seeded desk", () => {
  it("sends CSP with a nonce, frame-ancestors 'none', nosniff and a referrer policy on pages, redirects and APIs", async () => {
    const base = inject("baseURL");
    const questions = await (await fetch(new URL("/questions", base))).text();
    const questionPath = /href="(\/questions\/[^"?#]+)"/.exec(questions)?.[1];
    expect(questionPath).toBeTruthy();
    const paths = ["/questions", questionPath!, "/leaderboard", "/crowd", "/due", "/signin", "/signup", "/users", "/audit-log", "/no-such-page", "/api/export", "/"];
    for (const pathname of paths) {
      const res = await fetch(new URL(pathname, base), { redirect: "manual" });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, pathname).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp, pathname).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, pathname).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options"), pathname).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), pathname).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), pathname).toBe("strict-origin-when-cross-origin");
      if (res.headers.get("content-type")?.includes("text/html")) {
        const html = await res.text();
        const nonce = /'nonce-([^']+)'/.exec(csp)![1];
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length, pathname).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, pathname).toContain(`nonce="${nonce}"`);
      }
    }
  });

  it("the pages work under the policy: no CSP violation while a visitor browses", async () => {
    const browser = await openBrowser();
    const violations: string[] = [];
    browser.page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    try {
      await browser.page.goto("/questions");
      await browser.page.getByRole("link", { name: "Resolved", exact: true }).click();
      await browser.page.waitForLoadState("networkidle");
      await browser.page.goto("/leaderboard");
      await browser.page.waitForLoadState("networkidle");
      await browser.page.goto("/crowd");
      await browser.page.waitForLoadState("networkidle");
      // Client-side navigation works only when the scripts ran.
      await browser.page.getByRole("link", { name: "Questions", exact: true }).first().click();
      await browser.page.waitForURL(/\/questions/);
    } finally {
      await browser.close();
    }
    expect(violations).toEqual([]);
  });
});
