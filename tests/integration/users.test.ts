import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import {
  createUser,
  findUserByEmail,
  findUserByHandle,
  listUsers,
  setUserRole,
  UserConflictError,
} from "@/db/queries/users";
import { accounts, users } from "@/db/schema/users";

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-users-"));
  db = openDb(path.join(dir, "fd.db"));
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("createUser", () => {
  it("derives unique handles from names: -2, -3 …", () => {
    const a = createUser(db, { email: "a@x.org", name: "Ana Pérez" });
    const b = createUser(db, { email: "b@x.org", name: "ana perez" });
    const c = createUser(db, { email: "c@x.org", name: "Ana_Perez!" });
    expect([a.handle, b.handle, c.handle]).toEqual(["ana-perez", "ana-perez-2", "ana-perez-3"]);
    expect(findUserByHandle(db, "ana-perez-2")?.email).toBe("b@x.org");
    expect(findUserByHandle(db, "nobody")).toBeNull();
  });

  it("uses an explicit handle verbatim and refuses a taken one", () => {
    const u = createUser(db, { email: "f@x.org", name: "Forecaster 7", handle: "Forecaster_7" });
    expect(u.handle).toBe("Forecaster_7");
    expect(() => createUser(db, { email: "g@x.org", name: "G", handle: "Forecaster_7" })).toThrow(UserConflictError);
    expect(findUserByEmail(db, "g@x.org")).toBeNull();
  });

  it("refuses a duplicate email (case-insensitive) and writes nothing", () => {
    createUser(db, { email: "Dup@X.org", name: "One", password: "password-1" });
    const before = db.select().from(users).all().length;
    expect(() => createUser(db, { email: "dup@x.org", name: "Two", password: "password-2" })).toThrow(/already registered/);
    expect(db.select().from(users).all().length).toBe(before);
    expect(db.select().from(accounts).all().length).toBe(1);
  });

  it("makes nobody admin by arriving first: only an explicit role does", () => {
    const imported = createUser(db, { email: "imp@x.org", name: "Imported" });
    expect(imported.role).toBe("analyst");
    const first = createUser(db, { email: "first@x.org", name: "First", password: "password-1" });
    const second = createUser(db, { email: "second@x.org", name: "Second", password: "password-2" });
    expect(first.role).toBe("analyst");
    expect(second.role).toBe("analyst");
    expect(createUser(db, { email: "boss@x.org", name: "Boss", password: "password-3", role: "admin" }).role).toBe("admin");
  });

  it("stores a hash better-auth verifies, never the password", async () => {
    const u = createUser(db, { email: "h@x.org", name: "H", password: "correct horse" });
    const acct = db.select().from(accounts).all().find((a) => a.userId === u.id)!;
    expect(acct.providerId).toBe("credential");
    expect(acct.password).not.toContain("correct horse");
    expect(await verifyPassword({ hash: acct.password!, password: "correct horse" })).toBe(true);
    expect(await verifyPassword({ hash: acct.password!, password: "wrong horse" })).toBe(false);
  });
});

describe("setUserRole", () => {
  it("promotes and demotes, but never the last admin", () => {
    const admin = createUser(db, { email: "a@x.org", name: "A", password: "password-1", role: "admin" });
    const ana = createUser(db, { email: "b@x.org", name: "B", password: "password-2" });
    expect(setUserRole(db, admin.id, "analyst")).toEqual({ ok: false, reason: expect.stringMatching(/last admin/) });
    expect(setUserRole(db, ana.id, "admin").ok).toBe(true);
    expect(setUserRole(db, admin.id, "analyst").ok).toBe(true);
    expect(listUsers(db).map((u) => [u.handle, u.role, u.canSignIn])).toEqual([
      ["b", "admin", true],
      ["a", "analyst", true],
    ]);
  });
});
