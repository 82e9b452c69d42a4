// better-auth's own HTTP endpoints take exactly what the app's forms take (lib/validation/user.ts):
// oversized or empty names, control characters, weak passwords and `image` are refused with a 400
// naming the field, and nothing is written. The CLI applies the same rules.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "@/app/_auth/auth";
import { openDb, type Db } from "@/db/client";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { users } from "@/db/schema/users";

const BASE = "http://localhost:3997";
let dir: string;
let db: Db;
let auth: Auth;
let cookie: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-auth-input-"));
  db = openDb(path.join(dir, "fd.db"));
  auth = createAuth(db, { secret: "y".repeat(40), baseURL: BASE });
  createUser(db, { email: "boss@example.org", name: "Boss", password: "boss-passphrase-1", role: "admin" });
  const res = await post("/sign-up/email", { name: "Valid Vera", email: "vera@example.org", password: "vera-passphrase-1" });
  expect(res.status).toBe(200);
  cookie = res.headers.get("set-cookie")!.split(";")[0];
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function post(pathname: string, body: unknown, headers: Record<string, string> = {}) {
  return auth.handler(
    new Request(`${BASE}/api/auth${pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function refusal(res: Response): Promise<string> {
  expect(res.status).toBe(400);
  return ((await res.json()) as { message: string }).message;
}

describe("POST /api/auth/sign-up/email", () => {
  it.each([
    [{ name: "" }, "name: Name is required"],
    [{ name: "x".repeat(5_000) }, "name: Name must be at most 100 characters"],
    [{ name: "Eve\u202Etxt.exe" }, "name: Name must not contain control or text-direction characters"],
    [{ password: "password" }, "password: Password must be at least 12 characters"],
    [{ password: "12345678" }, "password: Password must be at least 12 characters"],
    [{ password: "        " }, "password: Password must be at least 12 characters"],
    [{ password: "qwerty123456" }, "password: Password is one of the most common passwords; choose another"],
    [{ image: "javascript:alert(1)" }, "image: this desk does not accept profile images"],
    [{ email: "not-an-address" }, "email: Email must be a valid address like name@example.org"],
  ])("refuses %j: %s", async (override, message) => {
    const res = await post("/sign-up/email", { name: "Eve", email: "eve@example.org", password: "eve-passphrase-1", ...override });
    expect(await refusal(res)).toBe(message);
    expect(findUserByEmail(db, "eve@example.org")).toBeNull();
  });

  it("stores the name trimmed and the email lowercased, as the form does", async () => {
    const res = await post("/sign-up/email", { name: "  Tom Trim  ", email: "Tom@Example.org", password: "tom-passphrase-1" });
    expect(res.status).toBe(200);
    expect(findUserByEmail(db, "tom@example.org")).toMatchObject({ name: "Tom Trim" });
  });
});

describe("POST /api/auth/update-user and change-password", () => {
  it("refuses a 1,000,000-character name, a control character and an image; the name stays", async () => {
    expect(await refusal(await post("/update-user", { name: "x".repeat(1_000_000) }, { cookie }))).toBe(
      "name: Name must be at most 100 characters",
    );
    expect(await refusal(await post("/update-user", { name: "Vera\u0007" }, { cookie }))).toMatch(/^name: /);
    expect(await refusal(await post("/update-user", { image: "javascript:alert(1)" }, { cookie }))).toMatch(/^image: /);
    const row = db.select().from(users).where(eq(users.email, "vera@example.org")).get()!;
    expect(row).toMatchObject({ name: "Valid Vera", image: null });
    const ok = await post("/update-user", { name: "  Vera V.  " }, { cookie });
    expect(ok.status).toBe(200);
    expect(findUserByEmail(db, "vera@example.org")!.name).toBe("Vera V.");
  });

  it("refuses a common new password", async () => {
    const res = await post("/change-password", { currentPassword: "vera-passphrase-1", newPassword: "password1234" }, { cookie });
    expect(await refusal(res)).toBe("newPassword: Password is one of the most common passwords; choose another");
  });
});

describe("npm run user:create", () => {
  it("refuses a common password and a bidi name with exit 2 naming the field, and writes nothing", () => {
    const file = path.join(dir, "cli.db");
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "cli/user-create.ts", ...args], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_PATH: file },
        encoding: "utf8",
      });
    const weak = run(["--admin", "--email", "a@example.org", "--name", "Admin", "--password", "12345678"]);
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain("--password: Password must be at least 12 characters");
    const bidi = run(["--email", "a@example.org", "--name", "Ad\u202Emin", "--password", "a-fine-passphrase"]);
    expect(bidi.status).toBe(2);
    expect(bidi.stderr).toContain("--name: Name must not contain control or text-direction characters");
    const check = openDb(file);
    expect(check.select().from(users).all()).toEqual([]);
    check.$client.close();
  });
});
