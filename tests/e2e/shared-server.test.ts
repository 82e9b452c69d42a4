// The desk as a team puts it on a reachable server: `npm start` (cli/prepare.ts, then server.ts) on a
// new, empty database creates no account and keeps sign-up closed until the first admin is made
// with `npm run user:create -- --admin`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
