import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { preparedOnce, sqliteOf } from "@/db/queries/connection";
import { botAccounts, deskSettings } from "@/db/schema/bots";
import { users } from "@/db/schema/users";
import { refreshKeptAfterBotChange } from "@/db/queries/kept-scores";

// Bots beside people: which accounts are bots, and whether the desk's crowd counts them.

export interface BotListing {
  userId: string;
  handle: string;
  name: string;
  model: string;
  owner: { id: string; handle: string; name: string } | null;
  markedAt: number;
}

/** Every bot with its model and owner, by name. */
export function listBots(db: Db): BotListing[] {
  return preparedOnce(db, prepareBotListing)
    .all()
    .map((r) => ({
      userId: r.userId,
      handle: r.handle,
      name: r.name,
      model: r.model,
      owner: r.ownerId ? { id: r.ownerId, handle: r.ownerHandle!, name: r.ownerName! } : null,
      markedAt: r.markedAt,
    }));
}

function prepareBotListing(db: Db) {
  const owner = alias(users, "owner");
  return db
    .select({
      userId: botAccounts.userId,
      handle: users.handle,
      name: users.name,
      model: botAccounts.model,
      ownerId: owner.id,
      ownerHandle: owner.handle,
      ownerName: owner.name,
      markedAt: botAccounts.markedAt,
    })
    .from(botAccounts)
    .innerJoin(users, eq(users.id, botAccounts.userId))
    .leftJoin(owner, eq(owner.id, botAccounts.ownerId))
    .orderBy(asc(users.name))
    .prepare();
}

/** The user ids and handles of every bot (forecasts are filtered by one or the other). */
export function botIdentities(db: Db): { ids: Set<string>; handles: Set<string> } {
  const rows = db
    .select({ id: users.id, handle: users.handle })
    .from(botAccounts)
    .innerJoin(users, eq(users.id, botAccounts.userId))
    .all();
  return { ids: new Set(rows.map((r) => r.id)), handles: new Set(rows.map((r) => r.handle)) };
}

/** The bot with this handle (its model and owner), or null for a person or an unknown handle. */
export function findBot(db: Db, handle: string): BotListing | null {
  return listBots(db).find((b) => b.handle === handle) ?? null;
}

/** How many forecasts on a question bots made (the question page's "not in the crowd" note). */
export function botForecastCount(db: Db, questionId: string): number {
  return (
    sqliteOf(db)
      .prepare("select count(*) as n from forecasts where question_id = ? and forecaster_id in (select user_id from bot_accounts)")
      .get(questionId) as { n: number }
  ).n;
}

export function isBot(db: Db, userId: string): boolean {
  return db.select({ id: botAccounts.userId }).from(botAccounts).where(eq(botAccounts.userId, userId)).all().length > 0;
}

export type MarkBotResult = { ok: true } | { ok: false; field: "userId" | "ownerId"; reason: string };

/**
 * Marks an account as a bot (or updates its model and owner), admins only. A bot cannot own a bot, an
 * admin cannot be a bot, and a bot cannot be its own owner. `model` is validated by lib/validation/bot.
 */
export function markBot(db: Db, input: { userId: string; model: string; ownerId: string | null; actorId: string; now: number }): MarkBotResult {
  return db.transaction((tx): MarkBotResult => {
    const t = tx as unknown as Db;
    const actor = t.select({ role: users.role }).from(users).where(eq(users.id, input.actorId)).all()[0];
    if (actor?.role !== "admin") return { ok: false, field: "userId", reason: "Only admins can mark bots." };
    const user = t.select({ role: users.role }).from(users).where(eq(users.id, input.userId)).all()[0];
    if (!user) return { ok: false, field: "userId", reason: "Unknown account." };
    if (user.role === "admin") return { ok: false, field: "userId", reason: "An admin cannot be a bot; demote the account first." };
    if (input.ownerId !== null) {
      if (input.ownerId === input.userId) return { ok: false, field: "ownerId", reason: "A bot cannot own itself." };
      const owner = t.select({ id: users.id }).from(users).where(eq(users.id, input.ownerId)).all()[0];
      if (!owner) return { ok: false, field: "ownerId", reason: "Unknown owner." };
      if (isBot(t, input.ownerId)) return { ok: false, field: "ownerId", reason: "A bot cannot own a bot: choose a person." };
    }
    const row = { userId: input.userId, model: input.model, ownerId: input.ownerId, markedBy: input.actorId, markedAt: input.now };
    const wasBot = isBot(t, input.userId);
    t.insert(botAccounts)
      .values(row)
      .onConflictDoUpdate({ target: botAccounts.userId, set: { model: row.model, ownerId: row.ownerId, markedBy: row.markedBy } })
      .run();
    // The people-only kept rows leave its forecasts out from now on, in this transaction.
    if (!wasBot) refreshKeptAfterBotChange(t, input.userId);
    return { ok: true };
  });
}

/** Makes a bot an ordinary account again (admins only); its forecasts then count as a person's. */
export function unmarkBot(db: Db, input: { userId: string; actorId: string }): boolean {
  const actor = db.select({ role: users.role }).from(users).where(eq(users.id, input.actorId)).all()[0];
  if (actor?.role !== "admin") return false;
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const removed = t.delete(botAccounts).where(eq(botAccounts.userId, input.userId)).run().changes > 0;
    // Its forecasts count in the people-only kept rows again, in this transaction.
    if (removed) refreshKeptAfterBotChange(t, input.userId);
    return removed;
  });
}

const CROWD_INCLUDES_BOTS = "crowd_includes_bots";

/** Whether the crowd forecast people see counts bots' forecasts (off unless an admin opts in). */
export function crowdIncludesBots(db: Db): boolean {
  const row = preparedOnce(db, prepareDeskSetting).all({ key: CROWD_INCLUDES_BOTS })[0];
  return row?.value === true;
}

function prepareDeskSetting(db: Db) {
  return db.select({ value: deskSettings.value }).from(deskSettings).where(eq(deskSettings.key, sql.placeholder("key"))).prepare();
}

export function setCrowdIncludesBots(db: Db, include: boolean, now: number): void {
  db.insert(deskSettings)
    .values({ key: CROWD_INCLUDES_BOTS, value: include, updatedAt: now })
    .onConflictDoUpdate({ target: deskSettings.key, set: { value: include, updatedAt: now } })
    .run();
}
