// A private desk (REQUIRE_SIGN_IN=1) on a real SQLite file: the gate's allow-list, and sign-up only
// through a single-use, expiring, revocable invitation link — through better-auth's HTTP endpoint,
// the path a stranger would take.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "@/app/_auth/auth";
import { opensWithoutSession } from "@/app/_auth/desk-privacy";
import { openDb, type Db } from "@/db/client";
import { createInvitation, listInvitations, revokeInvitation } from "@/db/queries/invitations";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { users } from "@/db/schema/users";
import { proxy } from "@/proxy";

const BASE = "http://localhost:3998";
let dir: string;
let db: Db;
let auth: Auth;
let adminId: string;

beforeAll(() => {
  process.env.REQUIRE_SIGN_IN = "1";
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-private-"));
  db = openDb(path.join(dir, "fd.db"));
  auth = createAuth(db, { secret: "x".repeat(40), baseURL: BASE });
  adminId = createUser(db, { email: "boss@example.org", name: "Boss", password: "boss-passphrase-1", role: "admin" }).id;
});
afterAll(() => {
  delete process.env.REQUIRE_SIGN_IN;
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function signUp(body: Record<string, unknown>) {
  return auth.handler(
    new Request(`${BASE}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify(body),
    }),
  );
}
const person = (email: string) => ({ name: "Invited Person", email, password: "an-invited-passphrase" });

describe("the private-desk gate", () => {
  const req = (url: string, headers: Record<string, string> = {}) => {
    const u = new URL(url, BASE);
    return { pathname: u.pathname, searchParams: u.searchParams, headers: new Headers(headers) };
  };

  it("opens exactly sign-in, invitation links, unsubscribe links, the session endpoints and bearer-token API calls", () => {
    expect(opensWithoutSession(req("/unsubscribe?user=u1&token=abc"))).toBe(true);
    expect(opensWithoutSession(req("/unsubscribe"))).toBe(false);
    expect(opensWithoutSession(req("/signin"))).toBe(true);
    expect(opensWithoutSession(req("/signin?next=%2Fquestions"))).toBe(true);
    expect(opensWithoutSession(req("/signup?invitation=abc"))).toBe(true);
    expect(opensWithoutSession(req("/api/auth/sign-in/email"))).toBe(true);
    expect(opensWithoutSession(req("/api/auth/get-session"))).toBe(true);
    expect(opensWithoutSession(req("/api/v1/questions", { authorization: "Bearer fd_abc" }))).toBe(true);

    expect(opensWithoutSession(req("/signup"))).toBe(false);
    expect(opensWithoutSession(req("/questions"))).toBe(false);
    expect(opensWithoutSession(req("/leaderboard"))).toBe(false);
    expect(opensWithoutSession(req("/api/export?format=json"))).toBe(false);
    expect(opensWithoutSession(req("/api/auth/update-user"))).toBe(false);
    expect(opensWithoutSession(req("/api/auth/list-sessions"))).toBe(false);
    expect(opensWithoutSession(req("/api/v1/questions"))).toBe(false);
    expect(opensWithoutSession(req("/api/v1/questions", { authorization: "Basic abc" }))).toBe(false);
    expect(opensWithoutSession(req("/api/v1x/questions", { authorization: "Bearer x" }))).toBe(false);
    expect(opensWithoutSession(req("/signin/../questions"))).toBe(false);
  });

  it("sends a stranger's page request to /signin and answers API paths with 401", async () => {
    const page = await proxy(new NextRequest(`${BASE}/questions?tab=open`));
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location")!).pathname).toBe("/signin");
    expect(new URL(page.headers.get("location")!).searchParams.get("next")).toBe("/questions?tab=open");
    const api = await proxy(new NextRequest(`${BASE}/api/export?format=json`));
    expect(api.status).toBe(401);
    const withFakeCookie = await proxy(
      new NextRequest(`${BASE}/leaderboard`, { headers: { cookie: "better-auth.session_token=forged" } }),
    );
    expect(withFakeCookie.status).toBe(307);
    const signin = await proxy(new NextRequest(`${BASE}/signin`));
    expect(signin.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers the REST API without a token in the API's own JSON error shape, not the page gate's", async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ["/api/v1/questions", {}],
      ["/api/v1/questions/q1/crowd?method=mean", {}],
      ["/api/v1", {}],
      ["/api/v1/no-such-route", {}],
      ["/api/v1/questions", { authorization: "Basic YWRtaW46YWRtaW4=" }],
      ["/api/v1/me", { cookie: "better-auth.session_token=forged" }],
    ];
    for (const [url, headers] of cases) {
      for (const method of ["GET", "POST"]) {
        const res = await proxy(new NextRequest(`${BASE}${url}`, { method, headers }));
        expect(res.status, `${method} ${url}`).toBe(401);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        expect(res.headers.get("www-authenticate")).toBe("Bearer");
        expect(res.headers.get("content-security-policy")).toBeTruthy(); // still the desk's headers
        expect(await res.json()).toEqual({
          error: { code: "unauthorized", message: "This desk is private: send Authorization: Bearer <token>", field: "Authorization" },
        });
      }
    }
    // A bearer token goes on to the handler, which checks it (tests/integration/api.test.ts).
    const withToken = await proxy(new NextRequest(`${BASE}/api/v1/questions`, { headers: { authorization: "Bearer fd_abc" } }));
    expect(withToken.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("sign-up on a private desk", () => {
  it("refuses a stranger without an invitation, or with a made-up one, and writes nothing", async () => {
    const before = db.select().from(users).all().length;
    const res = await signUp(person("stranger@example.org"));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("INVITATION_REQUIRED");
    expect((await signUp({ ...person("stranger@example.org"), invitation: "made-up" })).status).toBe(403);
    expect(db.select().from(users).all().length).toBe(before);
  });

  it("lets an invited person sign up once; the second use of the link is refused", async () => {
    const { token } = createInvitation(db, { createdBy: adminId, note: "Ana", validForMs: 86_400_000, now: Date.now() });
    const first = await signUp({ ...person("ana@example.org"), invitation: token });
    expect(first.status).toBe(200);
    expect(findUserByEmail(db, "ana@example.org")).toMatchObject({ role: "analyst" });
    const second = await signUp({ ...person("ben@example.org"), invitation: token });
    expect(second.status).toBe(403);
    expect(findUserByEmail(db, "ben@example.org")).toBeNull();
    expect(listInvitations(db, Date.now()).find((i) => i.note === "Ana")).toMatchObject({
      status: "used",
      usedByEmail: "ana@example.org",
    });
  });

  it("lets only one of two simultaneous sign-ups through with one link", async () => {
    const { token } = createInvitation(db, { createdBy: adminId, note: "Race", validForMs: 86_400_000, now: Date.now() });
    const results = await Promise.all([
      signUp({ ...person("race1@example.org"), invitation: token }),
      signUp({ ...person("race2@example.org"), invitation: token }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const created = ["race1@example.org", "race2@example.org"].filter((e) => findUserByEmail(db, e));
    expect(created).toHaveLength(1);
  });

  it("refuses a revoked and an expired link", async () => {
    const revoked = createInvitation(db, { createdBy: adminId, note: "Revoked", validForMs: 86_400_000, now: Date.now() });
    expect(revokeInvitation(db, revoked.id, Date.now())).toBe(true);
    expect(revokeInvitation(db, revoked.id, Date.now())).toBe(false);
    expect((await signUp({ ...person("rev@example.org"), invitation: revoked.token })).status).toBe(403);

    const expired = createInvitation(db, { createdBy: adminId, note: "Old", validForMs: 1_000, now: Date.now() - 10_000 });
    expect((await signUp({ ...person("old@example.org"), invitation: expired.token })).status).toBe(403);
    expect(findUserByEmail(db, "rev@example.org")).toBeNull();
    expect(findUserByEmail(db, "old@example.org")).toBeNull();
    const statuses = Object.fromEntries(listInvitations(db, Date.now()).map((i) => [i.note, i.status]));
    expect(statuses).toMatchObject({ Revoked: "revoked", Old: "expired" });
  });
});
