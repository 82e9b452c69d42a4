import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { buildDemoDataset } from "@/db/demo/build-demo-dataset";
import { DEMO_ANALYSTS } from "@/db/demo/demo-analysts";
import { DEMO_BOT, withDemoBot } from "@/db/demo/demo-bot";
import { listBots } from "@/db/queries/bots";
import { exportDataset } from "@/db/queries/exchange";
import { getQuestion, getQuestions, listQuestionIds } from "@/db/queries/questions";
import { listResolutionAudit } from "@/db/queries/resolutions";
import { createUser, findUserByEmail, findUserByHandle } from "@/db/queries/users";
import { forecasts } from "@/db/schema/forecasts";
import { accounts, users } from "@/db/schema/users";
import { DEMO_LOGINS, seedDemo } from "@/db/seed-demo";
import { isDueForResolution, questionStatus } from "@/lib/question-lifecycle";
import { questionCrowd } from "@/db/queries/crowd";
import { crowdForecastAt } from "@/lib/aggregation/crowd-forecast";
import { readForecasts } from "@/lib/probability";
import { DEFAULT_AGGREGATION_METHOD, isDiscreteQuestion } from "@/lib/types";

const NOW = Date.parse("2025-06-15T10:30:00Z");

let dir: string;
let db: Db;
let seededIn: number;
let result: ReturnType<typeof seedDemo>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-demo-"));
  db = openDb(path.join(dir, "demo.db"));
  const started = performance.now();
  result = seedDemo(db, { now: NOW });
  seededIn = performance.now() - started;
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const countOf = (table: typeof users | typeof forecasts | typeof accounts) =>
  db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

describe("seedDemo on an empty database", () => {
  const demo = withDemoBot(buildDemoDataset(NOW), NOW);

  it("writes every demo question, forecast and user", () => {
    const continuous = demo.continuous!;
    expect(continuous.questions.length).toBeGreaterThanOrEqual(4);
    expect(result).toEqual({
      seeded: true,
      questions: demo.questions.length + continuous.questions.length,
      forecasts: demo.forecasts.length + continuous.forecasts.length,
      users: 14,
    });
    expect(listQuestionIds(db).length).toBe(demo.questions.length + continuous.questions.length);
    expect(countOf(forecasts)).toBe(demo.forecasts.length);
    expect(countOf(users)).toBe(2 + DEMO_ANALYSTS.length);
    // Everyone in DEMO_LOGINS can sign in: one credential account each.
    expect(countOf(accounts)).toBe(DEMO_LOGINS.length);
  });

  it("reads each question alike one at a time (getQuestion's prepared reads) and in a batch (getQuestions)", () => {
    const ids = listQuestionIds(db);
    const types = new Set(getQuestions(db, ids).map((q) => q.type));
    // The demo has every kind: binary and scenario sets, numeric and date, open and resolved.
    expect([...types].sort()).toEqual(["binary", "date", "multiple_choice", "numeric"]);
    expect(ids.map((id) => getQuestion(db, id))).toEqual(getQuestions(db, ids));
    expect(getQuestion(db, "no-such-question")).toBeNull();
  });

  it("adds the baseline bot, run by the admin, with forecasts on open and resolved questions, and keeps it out of the people's crowd", () => {
    const admin = findUserByHandle(db, "admin")!;
    expect(listBots(db)).toEqual([
      expect.objectContaining({ handle: DEMO_BOT.handle, name: DEMO_BOT.name, model: DEMO_BOT.model, owner: { id: admin.id, handle: "admin", name: admin.name } }),
    ]);
    const botForecasts = demo.forecasts.filter((f) => f.forecaster === DEMO_BOT.handle);
    expect(botForecasts.length).toBeGreaterThan(10);
    const onQuestions = new Set(botForecasts.map((f) => f.question));
    const questions = getQuestions(db, [...onQuestions]);
    expect(questions.some((q) => questionStatus(q, NOW) === "resolved")).toBe(true);
    expect(questions.some((q) => questionStatus(q, NOW) === "open")).toBe(true);
    // One decimal of a percent on binary questions, as the API takes them; never after the seeding day.
    for (const f of botForecasts) {
      expect(f.time).toBeLessThan(NOW);
      if (f.probabilities.length === 2) expect(Math.abs(f.probabilities[1] * 1000 - Math.round(f.probabilities[1] * 1000))).toBeLessThan(1e-6);
    }
    // No login: bots forecast through the API.
    expect(db.select().from(accounts).where(eq(accounts.userId, findUserByHandle(db, DEMO_BOT.handle)!.id)).all()).toEqual([]);
    // The default crowd people see leaves the bot out; every population's crowd is the engine's on its forecasts.
    for (const q of questions.filter(isDiscreteQuestion).filter((x) => questionStatus(x, NOW) === "open")) {
      const end = NOW;
      const people = questionCrowd(db, q, end);
      expect(people.population).toBe("people");
      expect(people.standing().some((f) => f.handle === DEMO_BOT.handle)).toBe(false);
      expect(people.leftOut()).toBe(botForecasts.filter((f) => f.question === q.id).length);
      const read = (handles: (h: string) => boolean) =>
        readForecasts(q.type, demo.forecasts.filter((f) => f.question === q.id && handles(f.forecaster)));
      expect(people.series().at(-1)?.probabilities).toEqual(crowdForecastAt(q, read((h) => h !== DEMO_BOT.handle), end, DEFAULT_AGGREGATION_METHOD) ?? undefined);
      expect(questionCrowd(db, q, end, { population: "both" }).series().at(-1)?.probabilities).toEqual(
        crowdForecastAt(q, read(() => true), end, DEFAULT_AGGREGATION_METHOD) ?? undefined,
      );
    }
  });

  it("takes well under the 3 s budget's order of magnitude", () => {
    // Generous bound for a shared CI box; typically ~1 s.
    expect(seededIn).toBeLessThan(10_000);
  });

  it("creates the demo admin and the analysts with their handles and roles", () => {
    const admin = findUserByEmail(db, "admin@forecast-desk.local");
    expect(admin).toMatchObject({ role: "admin", handle: "admin" });
    expect(findUserByHandle(db, "ana")).toMatchObject({ role: "analyst", email: "ana@forecast-desk.local" });
    expect(DEMO_LOGINS.filter((l) => l.role === "admin")).toHaveLength(1);
    expect(DEMO_LOGINS.filter((l) => l.role === "analyst").length).toBeGreaterThanOrEqual(12);
    for (const login of DEMO_LOGINS) expect(findUserByEmail(db, login.email), login.email).not.toBeNull();
  });

  it("stores passwords better-auth accepts for the printed demo logins", async () => {
    for (const login of [DEMO_LOGINS[0], DEMO_LOGINS[1], DEMO_LOGINS[DEMO_LOGINS.length - 1]]) {
      const user = findUserByEmail(db, login.email)!;
      const account = db.select().from(accounts).where(eq(accounts.userId, user.id)).get()!;
      expect(account.providerId).toBe("credential");
      expect(await verifyPassword({ hash: account.password!, password: login.password })).toBe(true);
      expect(await verifyPassword({ hash: account.password!, password: `${login.password}x` })).toBe(false);
    }
  });

  it("round-trips the generated dataset: export equals what was built", () => {
    const exported = exportDataset(db);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(exported.questions).toEqual([...demo.questions].sort(byId).map((q) => ({ ...q, tags: [...q.tags].sort() })));
    expect(exported.forecasts).toEqual(demo.forecasts);
    // Numeric and date questions: the same CDFs, to the last bit, and the same outcomes (recorded by the admin).
    const continuous = exported.continuous!;
    expect(continuous.forecasts).toEqual(demo.continuous!.forecasts);
    for (const q of demo.continuous!.questions) {
      const stored = continuous.questions.find((c) => c.id === q.id)!;
      expect([stored.type, stored.unit, stored.scale, stored.outcome, stored.resolveTime]).toEqual([q.type, q.unit, q.scale, q.outcome, q.resolveTime]);
    }
    expect(demo.continuous!.questions.filter((q) => q.outcome?.kind === "value").length).toBeGreaterThanOrEqual(2);
  });

  it("keeps the question extras, resolutions by the admin with evidence, and an audit trail", () => {
    const admin = findUserByHandle(db, "admin")!;
    const gas = getQuestion(db, "gas-market-addenda-2023")!;
    expect(gas.isIllustrative).toBe(true);
    expect(gas.outcome).toEqual({ kind: "option", option: 0 });
    expect(gas.resolution).toMatchObject({ resolvedBy: admin.id, resolveTime: Date.parse("2023-12-02T00:00:00Z") });
    expect(gas.resolution!.evidence).toMatch(/1 December 2023/);
    expect(gas.resolutionCriteria).toMatch(/1 December 2023/);

    const eu = getQuestion(db, "eu-belarus-policy-2021")!;
    expect(eu.type).toBe("multiple_choice");
    expect(eu.options[eu.outcome!.kind === "option" ? eu.outcome!.option : -1]).toBe("Further EU sanctions adopted");
    expect(eu.isIllustrative).toBe(false);

    const all = getQuestions(db, listQuestionIds(db));
    const statuses = all.map((q) => questionStatus(q, NOW));
    expect(statuses.filter((s) => s === "annulled")).toHaveLength(1);
    expect(all.filter((q) => isDueForResolution(q, NOW)).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((q) => q.hideCrowdUntilForecast).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((q) => !q.hideCrowdUntilForecast).length).toBeGreaterThan(all.length / 2);
    for (const q of all) expect(q.createdAt).toBe(q.openTime);

    const audit = listResolutionAudit(db, { limit: 1000 });
    const resolvedCount = statuses.filter((s) => s === "resolved" || s === "annulled").length;
    expect(audit).toHaveLength(resolvedCount);
    expect(audit.every((e) => e.actor?.id === admin.id)).toBe(true);
    expect(audit.filter((e) => e.action === "annul")).toHaveLength(1);
  });

  it("refuses to seed a desk that already has questions, writing nothing", () => {
    const again = seedDemo(db, { now: NOW + 86_400_000 });
    expect(again.seeded).toBe(false);
    if (!again.seeded) expect(again.reason).toMatch(/already has \d+ question/);
    expect(countOf(forecasts)).toBe(demo.forecasts.length);
    expect(countOf(users)).toBe(2 + DEMO_ANALYSTS.length);
  });

  it("refuses, writing nothing, when a demo user already exists on a desk without questions", () => {
    const other = openDb(path.join(dir, "users-only.db"));
    try {
      createUser(other, { email: "ana@forecast-desk.local", name: "Someone Else", handle: "someone" });
      const refused = seedDemo(other, { now: NOW });
      expect(refused).toEqual({
        seeded: false,
        reason: "demo users already exist (ana@forecast-desk.local); the demo seeds only an empty desk",
      });
      expect(other.select({ n: sql<number>`count(*)` }).from(users).get()!.n).toBe(1);
      expect(listQuestionIds(other)).toEqual([]);
    } finally {
      other.$client.close();
    }
  });
});
