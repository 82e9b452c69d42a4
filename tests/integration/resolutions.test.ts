import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createQuestion, getQuestion, listDueQuestions } from "@/db/queries/questions";
import { listResolutionAudit, recordResolution, snapshotOutcome, undoResolution } from "@/db/queries/resolutions";
import { outcomeLabel } from "@/lib/outcome-label";
import { createUser } from "@/db/queries/users";
import { resolutionAudit, resolutions } from "@/db/schema/resolutions";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);
let dir: string;
let db: Db;
let adminId: string;
let qid: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-resolutions-"));
  db = openDb(path.join(dir, "fd.db"));
  adminId = createUser(db, { email: "admin@x.org", name: "Admin Person", role: "admin" }).id;
  qid = createQuestion(
    db,
    {
      title: "Union State outcome",
      description: "",
      resolutionCriteria: "",
      tags: [],
      openTime: NOW - 100 * DAY,
      closeTime: NOW - 10 * DAY,
      resolveBy: null,
      type: "multiple_choice",
      scenarios: ["Status quo", "Deeper", "Rupture"],
      hideCrowdUntilForecast: false,
      isDraft: false,
    },
    { createdBy: adminId, now: NOW - 100 * DAY },
  );
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const resolve = (option: number | "annul", over: Partial<{ resolveTime: number; now: number; evidence: string }> = {}) =>
  recordResolution(db, {
    questionId: qid,
    outcome: option === "annul" ? { kind: "annulled" } : { kind: "option", option },
    resolveTime: over.resolveTime ?? NOW - 12 * DAY,
    evidence: over.evidence ?? "Treaty text",
    actorId: adminId,
    now: over.now ?? NOW,
  });

describe("resolve / correct / annul / undo", () => {
  it("each change updates the resolution and appends one audit row with before/after", () => {
    expect(listDueQuestions(db, NOW).map((q) => q.id)).toEqual([qid]);
    expect(resolve(1)).toEqual({ ok: true, action: "resolve" });
    let q = getQuestion(db, qid)!;
    expect(q.outcome).toEqual({ kind: "option", option: 1 });
    expect(q.resolution).toMatchObject({ resolveTime: NOW - 12 * DAY, evidence: "Treaty text", resolvedBy: adminId });
    expect(listDueQuestions(db, NOW)).toEqual([]);

    expect(resolve(2, { now: NOW + 1, evidence: "Correction" })).toEqual({ ok: true, action: "correct" });
    expect(resolve("annul", { now: NOW + 2 })).toEqual({ ok: true, action: "annul" });
    q = getQuestion(db, qid)!;
    expect(q.outcome).toEqual({ kind: "annulled" });
    expect(undoResolution(db, { questionId: qid, actorId: adminId, now: NOW + 3 })).toEqual({ ok: true, action: "undo" });
    expect(getQuestion(db, qid)!.resolution).toBeNull();
    expect(listDueQuestions(db, NOW + 3).map((q) => q.id)).toEqual([qid]);

    const audit = listResolutionAudit(db, { questionId: qid });
    expect(audit.map((a) => a.action)).toEqual(["undo", "annul", "correct", "resolve"]);
    expect(audit[3]).toMatchObject({ before: null, after: { outcome: 1, annulled: false, evidence: "Treaty text" } });
    expect(audit[2]).toMatchObject({ before: { outcome: 1 }, after: { outcome: 2, evidence: "Correction" } });
    expect(audit[1]).toMatchObject({ before: { outcome: 2 }, after: { outcome: null, annulled: true } });
    expect(audit[0]).toMatchObject({ before: { annulled: true }, after: null, actor: { name: "Admin Person" } });
    expect(listResolutionAudit(db)).toHaveLength(4);
    // Each entry names its question's options, so the audit can show "Rupture", not "option 2".
    expect(audit[2]).toMatchObject({ questionType: "multiple_choice", questionOptions: ["Status quo", "Deeper", "Rupture"] });
    expect(outcomeLabel(
      { type: audit[2].questionType, options: audit[2].questionOptions },
      snapshotOutcome(audit[2].after!),
    )).toBe("Rupture");
    expect(snapshotOutcome(audit[1].after!)).toEqual({ kind: "annulled" });
  });

  it("refuses bad input and writes neither resolution nor audit", () => {
    expect(resolve(3)).toMatchObject({ ok: false, reason: expect.stringMatching(/not one of this question's options/) });
    expect(resolve(1, { resolveTime: NOW - 100 * DAY })).toMatchObject({ ok: false, reason: expect.stringMatching(/after the question's open time/) });
    expect(undoResolution(db, { questionId: qid, actorId: adminId, now: NOW })).toMatchObject({ ok: false, code: "refused" });
    expect(recordResolution(db, { questionId: "nope", outcome: { kind: "annulled" }, resolveTime: NOW, evidence: "", actorId: adminId, now: NOW })).toMatchObject({ code: "not_found" });
    expect(db.select().from(resolutions).all()).toHaveLength(0);
    expect(db.select().from(resolutionAudit).all()).toHaveLength(0);
  });

  it("refuses a non-admin (or unknown) actor and writes nothing", () => {
    const ana = createUser(db, { email: "ana@x.org", name: "Ana", password: "password-1" });
    expect(ana.role).toBe("analyst");
    const attempt = (actorId: string) =>
      recordResolution(db, { questionId: qid, outcome: { kind: "option", option: 0 }, resolveTime: NOW - DAY * 12, evidence: "", actorId, now: NOW });
    expect(attempt(ana.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(attempt("ghost")).toMatchObject({ ok: false, code: "forbidden" });
    expect(db.select().from(resolutions).all()).toHaveLength(0);
    expect(resolve(1).ok).toBe(true);
    expect(undoResolution(db, { questionId: qid, actorId: ana.id, now: NOW })).toMatchObject({ ok: false, code: "forbidden" });
    expect(getQuestion(db, qid)!.resolution).not.toBeNull();
    expect(db.select().from(resolutionAudit).all()).toHaveLength(1);
  });

  it("a failing audit insert rolls the resolution back (one transaction)", () => {
    db.$client.exec(
      "create trigger fail_audit before insert on resolution_audit begin select raise(abort, 'audit down'); end;",
    );
    expect(() => resolve(1)).toThrow(/audit down/);
    expect(db.select().from(resolutions).all()).toHaveLength(0);
  });

  it("allows a backdated resolve time before the close (ends forecasting early)", () => {
    expect(resolve(0, { resolveTime: NOW - 50 * DAY }).ok).toBe(true);
    expect(getQuestion(db, qid)!.resolveTime).toBe(NOW - 50 * DAY);
  });
});
