// Seeds an empty database with the demo desk: the admin, twelve analysts who can sign in, a baseline
// bot (db/demo/demo-bot.ts) and the Russia–Belarus integration questions with their forecast
// histories (db/demo/build-demo-dataset.ts),
// written through importDataset in one transaction.
import { randomUUID } from "node:crypto";
import { isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importDataset } from "@/db/queries/exchange";
import { countQuestions } from "@/db/queries/questions";
import { recordResolution } from "@/db/queries/resolutions";
import { createUser, findUserByEmail, findUserByHandle, hashCredentialPassword } from "@/db/queries/users";
import { questions } from "@/db/schema/questions";
import { accounts } from "@/db/schema/users";
import { buildDemoDataset } from "@/db/demo/build-demo-dataset";
import { DEMO_BOT, withDemoBot } from "@/db/demo/demo-bot";
import { markBot } from "@/db/queries/bots";
import { DEMO_ADMIN, DEMO_ADMIN_PASSWORD, DEMO_ANALYST_PASSWORD, DEMO_ANALYSTS } from "@/db/demo/demo-analysts";

export interface DemoLogin {
  email: string;
  password: string;
  role: "analyst" | "admin";
  name: string;
}

/** Who can sign in to the demo, admin first. Fixed demo passwords, printed by `npm run demo`. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: DEMO_ADMIN.email, password: DEMO_ADMIN_PASSWORD, role: "admin", name: DEMO_ADMIN.name },
  ...DEMO_ANALYSTS.map((a) => ({ email: a.email, password: DEMO_ANALYST_PASSWORD, role: "analyst" as const, name: a.name })),
];

export type SeedDemoResult =
  | { seeded: true; questions: number; forecasts: number; users: number }
  | { seeded: false; reason: string };

/**
 * Writes the demo for the seeding day `now` (epoch ms), all or nothing. Refuses, writing nothing,
 * when the database already holds questions or any demo user (the demo is for an empty desk).
 */
export function seedDemo(db: Db, options: { now: number }): SeedDemoResult {
  const existing = countQuestions(db);
  if (existing > 0)
    return { seeded: false, reason: `the database already has ${existing} question(s); the demo seeds only an empty desk` };
  const taken = DEMO_LOGINS.filter((l) => findUserByEmail(db, l.email)).map((l) => l.email);
  if (findUserByEmail(db, DEMO_BOT.email)) taken.push(DEMO_BOT.email);
  taken.push(...[DEMO_ADMIN.handle, ...DEMO_ANALYSTS.map((a) => a.handle), DEMO_BOT.handle].filter((h) => findUserByHandle(db, h)));
  if (taken.length > 0)
    return { seeded: false, reason: `demo users already exist (${taken.join(", ")}); the demo seeds only an empty desk` };
  const dataset = withDemoBot(buildDemoDataset(options.now), options.now);
  // The analysts share one demo password, so one (deliberately slow) hash serves all twelve:
  // hashing it per user would take seconds.
  const analystHash = hashCredentialPassword(DEMO_ANALYST_PASSWORD);
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const admin = createUser(t, { ...DEMO_ADMIN, password: DEMO_ADMIN_PASSWORD, role: "admin" });
    for (const a of DEMO_ANALYSTS) {
      const user = createUser(t, { email: a.email, name: a.name, handle: a.handle, role: "analyst" });
      // The credential account createUser would write with a password (better-auth's "credential" provider).
      const at = new Date(options.now);
      t.insert(accounts)
        .values({ id: randomUUID(), accountId: user.id, providerId: "credential", userId: user.id, password: analystHash, createdAt: at, updatedAt: at })
        .run();
    }
    // The bot: an account that cannot sign in (no password; bots forecast through the API), run by the admin.
    const bot = createUser(t, { email: DEMO_BOT.email, name: DEMO_BOT.name, handle: DEMO_BOT.handle, role: "analyst" });
    const marked = markBot(t, { userId: bot.id, model: DEMO_BOT.model, ownerId: admin.id, actorId: admin.id, now: options.now });
    if (!marked.ok) throw new Error(`demo bot: ${marked.reason}`);
    // Questions and forecasts go in unresolved; the admin then records each resolution through the
    // same path the app uses, so the audit log and "resolved by" show them.
    const unresolved = dataset.questions.map((q) => ({ ...q, outcome: null, resolveTime: null, evidence: null }));
    const continuous = dataset.continuous && {
      ...dataset.continuous,
      questions: dataset.continuous.questions.map((q) => ({ ...q, outcome: null, resolveTime: null, evidence: null })),
    };
    const summary = importDataset(t, { ...dataset, questions: unresolved, continuous }, { now: options.now });
    // Written by the demo admin when each question opened.
    t.update(questions)
      .set({ createdBy: admin.id, createdAt: sql`${questions.openTime}`, updatedAt: sql`${questions.openTime}` })
      .where(isNull(questions.createdBy))
      .run();
    for (const q of [...dataset.questions, ...(dataset.continuous?.questions ?? [])]) {
      if (!q.outcome || q.resolveTime === null) continue;
      const result = recordResolution(t, {
        questionId: q.id,
        outcome: q.outcome,
        resolveTime: q.resolveTime,
        evidence: q.evidence ?? "",
        actorId: admin.id,
        // Recorded a couple of days after the outcome became known (never after the seeding day).
        now: Math.min(options.now, q.resolveTime + 2 * 86_400_000),
      });
      if (!result.ok) throw new Error(`demo question ${q.id}: ${result.reason}`);
    }
    return {
      seeded: true as const,
      questions: summary.questionsAdded,
      forecasts: summary.forecastsAdded,
      users: 2 + DEMO_ANALYSTS.length,
    };
  });
}
