import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getQuestions, insertImportedQuestion } from "@/db/queries/questions";
import { continuousForecasts, questionScales } from "@/db/schema/continuous-questions";
import { questions, questionTags } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import { users } from "@/db/schema/users";
import { isContinuousQuestion } from "@/lib/types";
import { decodeCdf, encodeCdf } from "@/lib/continuous/cdf-blob";
import type { ContinuousDataset, ContinuousDatasetForecast, ContinuousDatasetQuestion, ContinuousOutcome } from "@/lib/continuous/types";
import { compareCodePoints } from "@/lib/code-point-order";

// Import and export of numeric and date questions with their CDF forecasts (docs/continuous.md), the
// database side. importDataset (exchange.ts) calls these inside its one transaction.

export interface ContinuousImportProblem {
  path: string;
  rule: string;
}

export interface ContinuousImportPlan {
  newQuestions: ContinuousDatasetQuestion[];
  questionsUnchanged: number;
  forecasts: ContinuousDatasetForecast[];
}

const chunks = <T>(list: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

function describeOutcome(outcome: ContinuousOutcome | null): string {
  if (!outcome) return "unresolved";
  return outcome.kind === "annulled" ? "annulled" : String(outcome.value);
}

/** A resolved question without a resolve time is stored with its close time (the same Ta, the same scores). */
function storedResolveTime(q: ContinuousDatasetQuestion): number {
  return q.resolveTime ?? q.closeTime;
}

/** Stored numeric and date questions by id, as the dataset has them. */
function storedQuestions(db: Db, ids: readonly string[]): Map<string, ContinuousDatasetQuestion> {
  const found = new Map<string, ContinuousDatasetQuestion>();
  for (const q of getQuestions(db, ids)) {
    if (!isContinuousQuestion(q)) continue;
    const r = q.resolution;
    found.set(q.id, {
      id: q.id,
      type: q.type,
      ...(q.type === "numeric" && q.scale.unit !== "" ? { unit: q.scale.unit } : {}),
      scale: {
        rangeMin: q.scale.rangeMin,
        rangeMax: q.scale.rangeMax,
        zeroPoint: q.scale.zeroPoint,
        openLowerBound: q.scale.openLowerBound,
        openUpperBound: q.scale.openUpperBound,
      },
      openTime: q.openTime,
      closeTime: q.closeTime,
      resolveTime: r ? r.resolveTime : null,
      outcome: r ? r.outcome : null,
      title: q.title,
      description: q.description === "" ? null : q.description,
      resolutionCriteria: q.resolutionCriteria === "" ? null : q.resolutionCriteria,
      tags: [...q.tags].sort(compareCodePoints),
      resolveBy: q.resolveBy,
      isIllustrative: q.isIllustrative,
      hideCrowdUntilForecast: q.hideCrowdUntilForecast,
      isDraft: q.isDraft,
      evidence: r && r.evidence !== "" ? r.evidence : null,
    });
  }
  return found;
}

/** The scoring fields of a stored question an import must not contradict. */
function conflicts(stored: ContinuousDatasetQuestion, incoming: ContinuousDatasetQuestion, at: string): ContinuousImportProblem[] {
  const problems: ContinuousImportProblem[] = [];
  const said = (key: string, what: string) => problems.push({ path: `${at}.${key}`, rule: `question ${incoming.id} is stored with ${what}` });
  if (stored.type !== incoming.type) said("type", `type ${stored.type}`);
  const a = stored.scale;
  const b = incoming.scale;
  if (a.rangeMin !== b.rangeMin || a.rangeMax !== b.rangeMax) said("range_min", `the range [${a.rangeMin}, ${a.rangeMax}]`);
  if (a.zeroPoint !== b.zeroPoint) said("zero_point", `zero_point ${a.zeroPoint}`);
  if (a.openLowerBound !== b.openLowerBound) said("open_lower_bound", `open_lower_bound ${a.openLowerBound}`);
  if (a.openUpperBound !== b.openUpperBound) said("open_upper_bound", `open_upper_bound ${a.openUpperBound}`);
  if (stored.openTime !== incoming.openTime) said("open_time", `open_time ${new Date(stored.openTime).toISOString()}`);
  if (stored.closeTime !== incoming.closeTime) said("close_time", `close_time ${new Date(stored.closeTime).toISOString()}`);
  if (describeOutcome(stored.outcome) !== describeOutcome(incoming.outcome)) {
    said("resolution", `resolution ${describeOutcome(stored.outcome)}; change a resolution in the app, not by import`);
  } else if (stored.outcome && incoming.outcome && stored.resolveTime !== storedResolveTime(incoming)) {
    said("resolve_time", `resolve_time ${new Date(stored.resolveTime as number).toISOString()}`);
  }
  return problems;
}

/**
 * Checks the numeric and date part of a dataset against the database: an id already used by a binary or
 * scenario question, or a stored question with other scoring fields, is a problem. `discreteIds` are
 * the dataset's binary and scenario question ids, which must not name a stored numeric or date question.
 * `position` gives a question's index in the dataset's questions for the paths.
 */
export function planContinuousImport(
  db: Db,
  data: ContinuousDataset | undefined,
  discreteIds: readonly string[],
  problems: ContinuousImportProblem[],
): ContinuousImportPlan {
  const plan: ContinuousImportPlan = { newQuestions: [], questionsUnchanged: 0, forecasts: data?.forecasts ?? [] };
  for (const chunk of chunks(discreteIds)) {
    const rows = db
      .select({ id: questions.id, type: questions.type })
      .from(questions)
      .where(and(inArray(questions.id, chunk), inArray(questions.type, ["numeric", "date"])))
      .all();
    for (const row of rows) problems.push({ path: "questions", rule: `question ${row.id} is stored as a ${row.type} question` });
  }
  if (!data) return plan;
  const ids = data.questions.map((q) => q.id);
  for (const chunk of chunks(ids)) {
    const rows = db
      .select({ id: questions.id, type: questions.type })
      .from(questions)
      .where(and(inArray(questions.id, chunk), inArray(questions.type, ["binary", "multiple_choice"])))
      .all();
    for (const row of rows) {
      problems.push({ path: "questions", rule: `question ${row.id} is stored as a ${row.type} question` });
    }
  }
  const stored = storedQuestions(db, ids);
  data.questions.forEach((q, i) => {
    const existing = stored.get(q.id);
    if (!existing) {
      plan.newQuestions.push(q);
      return;
    }
    problems.push(...conflicts(existing, q, `numeric and date questions[${i}]`));
    plan.questionsUnchanged++;
  });
  const known = new Set(ids);
  const missing = [...new Set(plan.forecasts.map((f) => f.question))].filter((id) => !known.has(id));
  const storedMissing = storedQuestions(db, missing);
  for (const id of missing) if (!storedMissing.has(id)) problems.push({ path: "forecasts", rule: `unknown question ${id}` });
  return plan;
}

/** Writes the new questions of a plan with their scales, tags and resolutions. */
export function writeContinuousQuestions(db: Db, plan: ContinuousImportPlan, now: number, tagId: (name: string) => number): void {
  for (const q of plan.newQuestions) {
    insertImportedQuestion(db, q, now);
    db.insert(questionScales)
      .values({
        questionId: q.id,
        unit: q.type === "numeric" ? (q.unit ?? "") : "",
        rangeMin: q.scale.rangeMin,
        rangeMax: q.scale.rangeMax,
        zeroPoint: q.scale.zeroPoint,
        openLowerBound: q.scale.openLowerBound,
        openUpperBound: q.scale.openUpperBound,
      })
      .run();
    for (const name of new Set(q.tags)) db.insert(questionTags).values({ questionId: q.id, tagId: tagId(name) }).run();
    if (q.outcome) {
      db.insert(resolutions)
        .values({
          questionId: q.id,
          outcome: null,
          value: q.outcome.kind === "value" ? q.outcome.value : null,
          annulled: q.outcome.kind === "annulled",
          resolveTime: storedResolveTime(q),
          evidence: q.evidence ?? "",
          resolvedBy: null,
          recordedAt: now,
        })
        .run();
    }
  }
}

function sameCdf(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Writes the plan's forecasts, skipping those already stored (same question, forecaster, time and the
 * very same CDF; a multiset match, so equal duplicates stay distinct). Returns [added, unchanged].
 */
export function writeContinuousForecasts(
  db: Db,
  plan: ContinuousImportPlan,
  userIds: ReadonlyMap<string, string>,
  /** Receives the id of every question a forecast was added to (their kept scores need a refresh). */
  touched?: Set<string>,
): [number, number] {
  const storedByKey = new Map<string, Array<{ cdf: Float64Array; used: boolean }>>();
  const key = (q: string, u: string, t: number) => `${q}\u0000${u}\u0000${t}`;
  for (const chunk of chunks([...new Set(plan.forecasts.map((f) => f.question))])) {
    const rows = db
      .select({ questionId: continuousForecasts.questionId, forecasterId: continuousForecasts.forecasterId, madeAt: continuousForecasts.madeAt, cdf: continuousForecasts.cdf })
      .from(continuousForecasts)
      .where(inArray(continuousForecasts.questionId, chunk))
      .orderBy(asc(continuousForecasts.id))
      .all();
    for (const r of rows) {
      const k = key(r.questionId, r.forecasterId, r.madeAt);
      const list = storedByKey.get(k) ?? [];
      list.push({ cdf: decodeCdf(r.cdf), used: false });
      storedByKey.set(k, list);
    }
  }
  let added = 0;
  let unchanged = 0;
  let pending: Array<typeof continuousForecasts.$inferInsert> = [];
  const flush = () => {
    if (pending.length > 0) db.insert(continuousForecasts).values(pending).run();
    pending = [];
  };
  for (const f of plan.forecasts) {
    const forecasterId = userIds.get(f.forecaster) as string;
    const match = storedByKey.get(key(f.question, forecasterId, f.time))?.find((s) => !s.used && sameCdf(s.cdf, f.cdf));
    if (match) {
      match.used = true;
      unchanged++;
      continue;
    }
    pending.push({ questionId: f.question, forecasterId, madeAt: f.time, cdf: Buffer.from(encodeCdf(f.cdf)), rationale: f.rationale });
    touched?.add(f.question);
    added++;
    if (pending.length >= 500) flush();
  }
  flush();
  return [added, unchanged];
}

/**
 * Every numeric and date question (sorted by id; drafts only when `includeDrafts`) and its forecasts in
 * insertion order, with each forecaster's handle; undefined when the desk has none.
 */
export function exportContinuous(db: Db, includeDrafts: boolean): ContinuousDataset | undefined {
  const ids = db
    .select({ id: questions.id, isDraft: questions.isDraft })
    .from(questions)
    .where(inArray(questions.type, ["numeric", "date"]))
    .all()
    .filter((q) => includeDrafts || !q.isDraft)
    .map((q) => q.id)
    .sort(compareCodePoints);
  if (ids.length === 0) return undefined;
  const stored = storedQuestions(db, ids);
  const included = new Set(ids);
  const forecasts = db
    .select({
      question: continuousForecasts.questionId,
      forecaster: users.handle,
      time: continuousForecasts.madeAt,
      cdf: continuousForecasts.cdf,
      rationale: continuousForecasts.rationale,
    })
    .from(continuousForecasts)
    .innerJoin(users, eq(users.id, continuousForecasts.forecasterId))
    .orderBy(asc(continuousForecasts.id))
    .all()
    .filter((r) => included.has(r.question))
    .map((r) => ({ question: r.question, forecaster: r.forecaster, time: r.time, cdf: decodeCdf(r.cdf), rationale: r.rationale }));
  return { questions: ids.map((id) => stored.get(id) as ContinuousDatasetQuestion), forecasts };
}
