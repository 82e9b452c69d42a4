// Brute force on sign-in, on a real SQLite file, through both ways in: better-auth's HTTP endpoint
// and auth.api.signInEmail as the sign-in form's server action calls it. The client address is the
// X-Forwarded-For that server.ts writes from the socket (tests/e2e/shared-server.test.ts shows a
// client cannot choose it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAuth, type Auth } from "@/app/_auth/auth";
import { openDb, type Db } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { rateLimitEvents } from "@/db/schema/rate-limits";

const BASE = "http://localhost:3996";
const PASSWORD = "owner-passphrase-1";
let dir: string;
let db: Db;
let auth: Auth;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-limits-"));
  db = openDb(path.join(dir, "fd.db"));
  auth = createAuth(db, { secret: "z".repeat(40), baseURL: BASE });
  for (const who of ["owner", "other", "third"])
    createUser(db, { email: `${who}@example.org`, name: who, password: PASSWORD, role: who === "owner" ? "admin" : "analyst" });
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
  db.delete(rateLimitEvents).run();
});

function signIn(email: string, password: string, client: string) {
  return auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": client },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("per account: at most 10 failures per 15 minutes", () => {
  it("answers the 11th try with 429 and Retry-After, for every client, even with the right password", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn("owner@example.org", `wrong-${i}`, "203.0.113.1")).status).toBe(401);
    const locked = await signIn("owner@example.org", "wrong-x", "203.0.113.1");
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800); // the ten tries themselves take a few seconds
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(((await locked.json()) as { message: string }).message).toMatch(/^Too many failed sign-ins\. Try again in 15 minutes\.$/);
    expect((await signIn("owner@example.org", PASSWORD, "198.51.100.7")).status).toBe(429);
    // The attacker's client can still try other accounts (its own limit is 30).
    expect((await signIn("other@example.org", PASSWORD, "203.0.113.1")).status).toBe(200);
  });

  it("lets the owner in 15 minutes after the attack stopped", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-01-05T10:00:00Z") });
    for (let i = 0; i < 10; i++) await signIn("owner@example.org", `wrong-${i}`, "203.0.113.1");
    vi.setSystemTime(Date.parse("2026-01-05T10:14:59Z"));
    expect((await signIn("owner@example.org", PASSWORD, "198.51.100.7")).status).toBe(429);
    // Refused tries do not extend the lock-out.
    vi.setSystemTime(Date.parse("2026-01-05T10:15:01Z"));
    expect((await signIn("owner@example.org", PASSWORD, "198.51.100.7")).status).toBe(200);
  });

  it("the sign-in form's path (auth.api.signInEmail) is limited the same way", async () => {
    const headers = new Headers({ "x-forwarded-for": "192.0.2.44" });
    for (let i = 0; i < 10; i++)
      await expect(auth.api.signInEmail({ body: { email: "third@example.org", password: `no-${i}` }, headers })).rejects.toMatchObject({
        statusCode: 401,
      });
    await expect(auth.api.signInEmail({ body: { email: "third@example.org", password: PASSWORD }, headers })).rejects.toMatchObject({
      statusCode: 429,
      body: { code: "TOO_MANY_SIGN_IN_ATTEMPTS", message: expect.stringMatching(/Try again in 15 minutes/) },
    });
  });
});

describe("per client address: at most 30 failures per 15 minutes", () => {
  it("refuses the 31st failure from one client, not other clients; right passwords do not count", async () => {
    const attacker = "203.0.113.66";
    for (let i = 0; i < 29; i++) {
      const email = `nobody-${i}@example.org`; // a different account each time: only the client limit applies
      expect((await signIn(email, "guess-guess", attacker)).status).toBe(401);
    }
    for (let i = 0; i < 3; i++) expect((await signIn("other@example.org", PASSWORD, attacker)).status).toBe(200);
    expect((await signIn("nobody-29@example.org", "guess-guess", attacker)).status).toBe(401);
    const refused = await signIn("nobody-30@example.org", "guess-guess", attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is not locked out by this one.
    expect((await signIn("other@example.org", PASSWORD, "198.51.100.8")).status).toBe(200);
    expect((await signIn("nobody-31@example.org", "guess-guess", "198.51.100.8")).status).toBe(401);
  });

  it("counts parallel tries before any password is checked", async () => {
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => signIn("owner@example.org", `parallel-${i}`, `192.0.2.${i}`)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });
});
