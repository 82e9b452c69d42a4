import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "@/app/_auth/auth";
import { authSecretPath, ensureAuthSecret } from "@/app/_auth/auth-secret";
import { openDb, type Db } from "@/db/client";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { accounts, sessions, users } from "@/db/schema/users";

let dir: string;
let db: Db;
let auth: Auth;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-auth-"));
  const file = path.join(dir, "fd.db");
  db = openDb(file);
  delete process.env.BETTER_AUTH_SECRET;
  auth = createAuth(db, { secret: ensureAuthSecret(file), baseURL: "http://localhost:3999" });
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("auth secret", () => {
  it("is generated once beside the database with mode 0600 and reused", () => {
    const file = path.join(dir, "fd.db");
    const secret = fs.readFileSync(authSecretPath(file), "utf8").trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(authSecretPath(file)).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret(file)).toBe(secret);
  });
});

describe("better-auth round trip on a real SQLite file", () => {
  it("refuses sign-up while the desk has no admin, and writes nothing", async () => {
    await expect(
      auth.api.signUpEmail({ body: { name: "First Comer", email: "first@example.org", password: "a-long-passphrase-1" } }),
    ).rejects.toMatchObject({ statusCode: 403, body: { code: "SIGN_UP_CLOSED" } });
    const res = await auth.handler(
      new Request("http://localhost:3999/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3999" },
        body: JSON.stringify({ name: "First Comer", email: "first@example.org", password: "a-long-passphrase-1" }),
      }),
    );
    expect(res.status).toBe(403);
    expect(db.select().from(users).all()).toEqual([]);
    createUser(db, { email: "root@example.org", name: "Root Admin", password: "root-passphrase-1", role: "admin" });
  });

  it("signs up (as analyst, handle derived), then signs in and reads the session", async () => {
    const signedUp = await auth.api.signUpEmail({
      body: { name: "Olga Ivanova", email: "Olga@Example.org", password: "s3cret-passphrase" },
    });
    expect(signedUp.token).toBeTruthy();
    const olga = findUserByEmail(db, "olga@example.org")!;
    expect(olga).toMatchObject({ name: "Olga Ivanova", handle: "olga-ivanova", role: "analyst" });
    const acct = db.select().from(accounts).all().find((a) => a.userId === olga.id)!;
    expect(acct.password).not.toContain("s3cret-passphrase");

    const second = await auth.api.signUpEmail({
      body: { name: "Olga Ivanova", email: "olga2@example.org", password: "another-passphrase" },
    });
    expect(findUserByEmail(db, "olga2@example.org")).toMatchObject({ handle: "olga-ivanova-2", role: "analyst" });
    expect(second.user.id).not.toBe(olga.id);

    const res = await auth.api.signInEmail({
      body: { email: "olga@example.org", password: "s3cret-passphrase" },
      asResponse: true,
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = setCookie.split(";")[0];
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.id).toBe(olga.id);
    expect(db.select().from(sessions).all().length).toBeGreaterThanOrEqual(2);

    await auth.api.signOut({ headers: new Headers({ cookie }) });
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });

  it("refuses a wrong password and a duplicate email", async () => {
    await expect(
      auth.api.signInEmail({ body: { email: "olga@example.org", password: "wrong-pass" } }),
    ).rejects.toMatchObject({ body: { code: "INVALID_EMAIL_OR_PASSWORD" } });
    await expect(
      auth.api.signUpEmail({ body: { name: "Imposter", email: "olga@example.org", password: "whatever-passphrase-1" } }),
    ).rejects.toMatchObject({ body: { code: expect.stringMatching(/^USER_ALREADY_EXISTS/) } });
  });

  it("lets a user made by createUser (the CLI and the seed) sign in", async () => {
    createUser(db, { email: "cli@example.org", name: "Cli User", password: "cli-password" });
    const res = await auth.api.signInEmail({ body: { email: "cli@example.org", password: "cli-password" } });
    expect(res.user.email).toBe("cli@example.org");
  });
});
