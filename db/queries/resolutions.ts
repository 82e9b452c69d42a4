import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { refreshKeptScores } from "@/db/queries/kept-scores";
import { sqliteOf } from "@/db/queries/connection";
import { memoWhileUnchanged } from "@/db/queries/read-memo";
import { getQuestion, getQuestions } from "@/db/queries/questions";
import { questions } from "@/db/schema/questions";
import { resolutionAudit, resolutions } from "@/db/schema/resolutions";
import { users } from "@/db/schema/users";
import type { ContinuousOutcome } from "@/lib/continuous/types";
import { outcomeValueRefusal } from "@/lib/validation/question-scale";
import { isContinuousQuestion, type DeskQuestionType, type Outcome, type QuestionScale } from "@/lib/types";

// A resolution change, its audit row and the question's kept scores (db/queries/kept-scores) commit in
// ONE transaction (docs/contributing.md rule 3).

/** The resolution as the audit log stores it (before/after JSON). */
export interface ResolutionSnapshot {
  /** The option index (binary and scenario questions); null when annulled or on a numeric or date question. */
  outcome: number | null;
  /** The value of a numeric or date question (date: epoch ms); null when annulled; absent on the others. */
  value?: number | null;
  annulled: boolean;
  resolveTime: number;
  evidence: string;
  resolvedBy: string | null;
}

/** The outcome a snapshot records: annulled, a value (numeric and date questions), else an option index. */
export function snapshotOutcome(s: ResolutionSnapshot): Outcome | ContinuousOutcome {
  if (s.annulled) return { kind: "annulled" };
  return s.value !== undefined && s.value !== null ? { kind: "value", value: s.value } : { kind: "option", option: s.outcome! };
}

export type ResolutionAction = "resolve" | "correct" | "annul" | "undo";

export interface AuditEntry {
  id: number;
  questionId: string;
  questionTitle: string;
  /** The question's type, option labels (binary: ["no", "yes"]) and scale (numeric, date), to name the outcomes. */
  questionType: DeskQuestionType;
  questionOptions: readonly string[];
  questionScale: QuestionScale | null;
  action: ResolutionAction;
  before: ResolutionSnapshot | null;
  after: ResolutionSnapshot | null;
  actor: { id: string; name: string; handle: string } | null;
  at: number;
}

export type ResolutionChangeResult =
  | { ok: true; action: ResolutionAction }
  | { ok: false; code: "not_found" | "refused" | "forbidden"; reason: string; field?: "value" | "outcome" | "resolveTime" };

/** The server actions check the role too; this makes the rule hold for every caller of db/. */
function actorIsAdmin(db: Db, actorId: string): boolean {
  return db.select({ role: users.role }).from(users).where(eq(users.id, actorId)).get()?.role === "admin";
}

function snapshot(row: typeof resolutions.$inferSelect | undefined, valued: boolean): ResolutionSnapshot | null {
  if (!row) return null;
  return {
    outcome: row.outcome,
    ...(valued ? { value: row.value } : {}),
    annulled: row.annulled,
    resolveTime: row.resolveTime,
    evidence: row.evidence,
    resolvedBy: row.resolvedBy,
  };
}

/**
 * Records (or corrects) a question's resolution: an option (binary, scenario) or a value (numeric:
 * a number; date: epoch ms) or annulled, the resolve time (may be backdated, must be after the open
 * time), evidence and who. A value beyond a closed bound is refused (lib/continuous/outcome-value). The
 * audit action is "annul" for an annulment, "correct" when a resolution already existed, else
 * "resolve". Nothing is written on refusal.
 */
export function recordResolution(
  db: Db,
  input: { questionId: string; outcome: Outcome | ContinuousOutcome; resolveTime: number; evidence: string; actorId: string; now: number },
): ResolutionChangeResult {
  return db.transaction((tx): ResolutionChangeResult => {
    if (!actorIsAdmin(tx as unknown as Db, input.actorId))
      return { ok: false, code: "forbidden", reason: "Only admins can resolve questions." };
    const q = getQuestion(tx as unknown as Db, input.questionId);
    if (!q) return { ok: false, code: "not_found", reason: "This question does not exist." };
    if (q.isDraft) return { ok: false, code: "refused", reason: "A draft cannot be resolved; publish it first." };
    if (input.resolveTime <= q.openTime)
      return { ok: false, code: "refused", field: "resolveTime", reason: "The resolve time must be after the question's open time." };
    const valued = isContinuousQuestion(q);
    if (input.outcome.kind === "option") {
      if (valued) return { ok: false, code: "refused", field: "value", reason: `A ${q.type} question resolves with a value, not an option.` };
      const option = input.outcome.option;
      if (!Number.isInteger(option) || option < 0 || option >= q.options.length)
        return { ok: false, code: "refused", field: "outcome", reason: "The outcome is not one of this question's options." };
    }
    if (input.outcome.kind === "value") {
      if (!valued) return { ok: false, code: "refused", field: "outcome", reason: "A yes/no or scenario question resolves with an option, not a value." };
      const refusal = outcomeValueRefusal(q.type, q.scale, input.outcome.value);
      if (refusal) return { ok: false, code: "refused", field: "value", reason: refusal };
    }
    const existing = tx.select().from(resolutions).where(eq(resolutions.questionId, q.id)).get();
    const annulled = input.outcome.kind === "annulled";
    const row = {
      questionId: q.id,
      outcome: input.outcome.kind === "option" ? input.outcome.option : null,
      value: input.outcome.kind === "value" ? input.outcome.value : null,
      annulled,
      resolveTime: input.resolveTime,
      evidence: input.evidence,
      resolvedBy: input.actorId,
      recordedAt: input.now,
    };
    tx.insert(resolutions)
      .values(row)
      .onConflictDoUpdate({ target: resolutions.questionId, set: { ...row } })
      .run();
    const action: ResolutionAction = annulled ? "annul" : existing ? "correct" : "resolve";
    refreshKeptScores(tx as unknown as Db, [q.id]);
    tx.insert(resolutionAudit)
      .values({
        questionId: q.id,
        action,
        before: snapshot(existing, valued),
        after: snapshot({ ...row }, valued),
        actorId: input.actorId,
        at: input.now,
      })
      .run();
    return { ok: true, action };
  });
}

/** Undoes a resolution: the question is unresolved again; the audit keeps what it was. */
export function undoResolution(
  db: Db,
  input: { questionId: string; actorId: string; now: number },
): ResolutionChangeResult {
  return db.transaction((tx): ResolutionChangeResult => {
    if (!actorIsAdmin(tx as unknown as Db, input.actorId))
      return { ok: false, code: "forbidden", reason: "Only admins can undo a resolution." };
    const existing = tx.select().from(resolutions).where(eq(resolutions.questionId, input.questionId)).get();
    const q = tx.select({ id: questions.id, type: questions.type }).from(questions).where(eq(questions.id, input.questionId)).get();
    if (!existing) {
      return q
        ? { ok: false, code: "refused", reason: "This question has no resolution to undo." }
        : { ok: false, code: "not_found", reason: "This question does not exist." };
    }
    tx.delete(resolutions).where(eq(resolutions.questionId, input.questionId)).run();
    refreshKeptScores(tx as unknown as Db, [input.questionId]);
    tx.insert(resolutionAudit)
      .values({
        questionId: input.questionId,
        action: "undo",
        before: snapshot(existing, q?.type === "numeric" || q?.type === "date"),
        after: null,
        actorId: input.actorId,
        at: input.now,
      })
      .run();
    return { ok: true, action: "undo" };
  });
}

/** Resolution changes, newest first: of one question, or of all (the admin audit log). */
export function listResolutionAudit(db: Db, filter: { questionId?: string; limit?: number } = {}): AuditEntry[] {
  // Read once while the database is unchanged (db/queries/read-memo): every view of a question shows its log.
  const key = `${filter.questionId ?? ""}\u0000${filter.limit ?? ""}`;
  return memoWhileUnchanged(sqliteOf(db), "resolution-audit", key, () => readResolutionAudit(db, filter));
}

function readResolutionAudit(db: Db, filter: { questionId?: string; limit?: number }): AuditEntry[] {
  const rows = db
    .select({
      id: resolutionAudit.id,
      questionId: resolutionAudit.questionId,
      questionTitle: questions.title,
      action: resolutionAudit.action,
      before: resolutionAudit.before,
      after: resolutionAudit.after,
      actorId: users.id,
      actorName: users.name,
      actorHandle: users.handle,
      at: resolutionAudit.at,
    })
    .from(resolutionAudit)
    .innerJoin(questions, eq(questions.id, resolutionAudit.questionId))
    .leftJoin(users, eq(users.id, resolutionAudit.actorId))
    .where(filter.questionId ? eq(resolutionAudit.questionId, filter.questionId) : undefined)
    .orderBy(desc(resolutionAudit.at), desc(resolutionAudit.id))
    .limit(filter.limit ?? 1_000)
    .all();
  const questionById = new Map(getQuestions(db, [...new Set(rows.map((r) => r.questionId))]).map((q) => [q.id, q]));
  return rows.map((r) => {
    const q = questionById.get(r.questionId)!;
    return {
      id: r.id,
      questionId: r.questionId,
      questionTitle: r.questionTitle,
      questionType: q.type,
      questionOptions: q.options,
      questionScale: q.scale,
      action: r.action,
      before: (r.before as ResolutionSnapshot | null) ?? null,
      after: (r.after as ResolutionSnapshot | null) ?? null,
      actor: r.actorId ? { id: r.actorId, name: r.actorName!, handle: r.actorHandle! } : null,
      at: r.at,
    };
  });
}
