import { randomBytes, randomUUID, scryptSync } from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/queries/connection";
import { accounts, users } from "@/db/schema/users";
import { firstFreeHandle, handleFromName, type UserRole } from "@/lib/validation/user";

/** A user as the app sees it (the Viewer of app/_auth/session.ts is this shape). */
export interface UserProfile {
  id: string;
  name: string;
  handle: string;
  email: string;
  role: UserRole;
}

export interface UserListing extends UserProfile {
  createdAt: number;
  /** Has a credential account, so can sign in (imported forecasters cannot). */
  canSignIn: boolean;
}

export interface NewUser {
  email: string;
  name: string;
  /** Without a password the user cannot sign in (imported forecasters). */
  password?: string;
  /** Default "analyst": nobody becomes admin by arriving first (`user:create --admin` makes admins). */
  role?: UserRole;
  /** Used verbatim when given (imports keep forecaster names); otherwise derived from the name. */
  handle?: string;
}

export class UserConflictError extends Error {
  constructor(
    readonly field: "email" | "handle",
    message: string,
  ) {
    super(message);
    this.name = "UserConflictError";
  }
}

function toProfile(row: typeof users.$inferSelect): UserProfile {
  return { id: row.id, name: row.name, handle: row.handle, email: row.email, role: row.role };
}

/**
 * better-auth 1.7's credential hash, computed synchronously so callers can create users inside a
 * transaction: scrypt(NFKC(password), salt = 16 random bytes as hex, N=16384, r=16, p=1, 64 bytes),
 * stored as "<salt hex>:<key hex>" (node_modules/@better-auth/utils/dist/password.node.mjs).
 * tests/integration/users.test.ts checks better-auth's own verifyPassword and signInEmail accept it.
 */
export function hashCredentialPassword(password: string): string {
  const salt = randomBytes(16).toString("hex");
  const key = scryptSync(password.normalize("NFKC"), salt, 64, { N: 16384, r: 16, p: 1, maxmem: 128 * 16384 * 16 * 2 });
  return `${salt}:${key.toString("hex")}`;
}

export function isHandleTaken(db: Db, handle: string): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.handle, handle)).get() !== undefined;
}

/** A free handle derived from a name: "Ana Pérez" → "ana-perez", then "ana-perez-2", … */
export function nextFreeHandle(db: Db, name: string): string {
  return firstFreeHandle(handleFromName(name), (h) => isHandleTaken(db, h));
}

export function adminExists(db: Db): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1).get() !== undefined;
}

/**
 * Creates a user (and, with a password, a better-auth "credential" account so they can sign in).
 * Emails are stored lowercase. Throws UserConflictError when the email or handle is taken; nothing
 * is written then.
 */
export function createUser(db: Db, input: NewUser): UserProfile {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password === undefined ? null : hashCredentialPassword(input.password);
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    if (findUserByEmail(t, email)) throw new UserConflictError("email", `Email ${email} is already registered`);
    if (input.handle !== undefined && isHandleTaken(t, input.handle))
      throw new UserConflictError("handle", `Handle ${input.handle} is already taken`);
    const handle = input.handle ?? nextFreeHandle(t, input.name);
    const role: UserRole = input.role ?? "analyst";
    const id = randomUUID();
    const now = new Date();
    t.insert(users)
      .values({ id, name: input.name.trim(), email, handle, role, emailVerified: false, createdAt: now, updatedAt: now })
      .run();
    if (passwordHash) {
      t.insert(accounts)
        .values({
          id: randomUUID(),
          accountId: id,
          providerId: "credential",
          userId: id,
          password: passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    return { id, name: input.name.trim(), handle, email, role };
  });
}

/**
 * The user id of every handle, creating a user who cannot sign in for each unknown one (an import's
 * forecasters: name = handle, a placeholder email under imported.invalid), in a few statements rather
 * than a createUser per forecaster: an archive brings thousands.
 */
export function forecasterIdsByHandle(db: Db, handles: Iterable<string>): { ids: Map<string, string>; created: number } {
  const wanted = [...new Set(handles)];
  const ids = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500)
    for (const row of db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, wanted.slice(i, i + 500))).all())
      ids.set(row.handle, row.id);
  const now = new Date();
  const fresh = wanted
    .filter((handle) => !ids.has(handle))
    .map((handle) => ({
      id: randomUUID(),
      name: handle.trim(),
      email: `imported-${randomUUID()}@imported.invalid`,
      handle,
      role: "analyst" as const,
      emailVerified: false,
      createdAt: now,
      updatedAt: now,
    }));
  for (let i = 0; i < fresh.length; i += 500) db.insert(users).values(fresh.slice(i, i + 500)).run();
  for (const user of fresh) ids.set(user.handle, user.id);
  return { ids, created: fresh.length };
}

export function findUserByHandle(db: Db, handle: string): UserProfile | null {
  const row = db.select().from(users).where(eq(users.handle, handle)).get();
  return row ? toProfile(row) : null;
}

export function findUserByEmail(db: Db, email: string): UserProfile | null {
  const row = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  return row ? toProfile(row) : null;
}

export function getUserById(db: Db, id: string): UserProfile | null {
  // every signed-in request reads its viewer
  const row = preparedOnce(db, prepareUserById).get({ id });
  return row ? toProfile(row) : null;
}

function prepareUserById(db: Db) {
  return db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare();
}

/** Every user, admins first, then by name. */
export function listUsers(db: Db): UserListing[] {
  const credentialed = new Set(
    db
      .select({ userId: accounts.userId })
      .from(accounts)
      .where(eq(accounts.providerId, "credential"))
      .all()
      .map((r) => r.userId),
  );
  return db
    .select()
    .from(users)
    .orderBy(sql`case ${users.role} when 'admin' then 0 else 1 end`, asc(users.name))
    .all()
    .map((row) => ({ ...toProfile(row), createdAt: row.createdAt.getTime(), canSignIn: credentialed.has(row.id) }));
}

export type SetRoleResult = { ok: true; user: UserProfile } | { ok: false; reason: string };

/** Promotes or demotes a user; the last admin cannot be demoted. */
export function setUserRole(db: Db, userId: string, role: UserRole): SetRoleResult {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const user = getUserById(t, userId);
    if (!user) return { ok: false, reason: "Unknown user" };
    if (user.role === role) return { ok: true, user };
    if (role === "analyst") {
      const admins = t.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.role, "admin")).get()!.n;
      if (admins <= 1) return { ok: false, reason: "The last admin cannot be demoted; promote someone else first" };
    }
    t.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).run();
    return { ok: true, user: { ...user, role } };
  });
}
