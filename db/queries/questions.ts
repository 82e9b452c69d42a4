import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { questionOptions, questions, questionTags, tags } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import type { Outcome, Question, ResolutionRecord } from "@/lib/types";

const BINARY_OPTIONS = ["no", "yes"] as const;

type QuestionRow = typeof questions.$inferSelect;
type ResolutionRow = typeof resolutions.$inferSelect;

function toResolution(row: ResolutionRow | undefined): ResolutionRecord | null {
  if (!row) return null;
  const outcome: Outcome = row.annulled ? { kind: "annulled" } : { kind: "option", option: row.outcome! };
  return {
    outcome,
    resolveTime: row.resolveTime,
    evidence: row.evidence,
    resolvedBy: row.resolvedBy,
    recordedAt: row.recordedAt,
  };
}

function toQuestion(row: QuestionRow, options: string[], tagNames: string[], res: ResolutionRow | undefined): Question {
  const resolution = toResolution(res);
  return {
    id: row.id,
    type: row.type,
    options: row.type === "binary" ? [...BINARY_OPTIONS] : options,
    openTime: row.openTime,
    closeTime: row.closeTime,
    resolveTime: resolution?.resolveTime ?? null,
    outcome: resolution?.outcome ?? null,
    title: row.title,
    description: row.description,
    resolutionCriteria: row.resolutionCriteria,
    tags: tagNames,
    resolveBy: row.resolveBy,
    isDraft: row.isDraft,
    hideCrowdUntilForecast: row.hideCrowdUntilForecast,
    isIllustrative: row.isIllustrative,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolution,
  };
}

/** Loads questions by id with their options, tags and resolution, in the order of `ids`. */
export function getQuestions(db: Db, ids: readonly string[]): Question[] {
  if (ids.length === 0) return [];
  const out: Question[] = [];
  // SQLite caps bound parameters; load in chunks.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.select().from(questions).where(inArray(questions.id, chunk)).all();
    const opts = db
      .select()
      .from(questionOptions)
      .where(inArray(questionOptions.questionId, chunk))
      .orderBy(asc(questionOptions.questionId), asc(questionOptions.position))
      .all();
    const tagRows = db
      .select({ questionId: questionTags.questionId, name: tags.name })
      .from(questionTags)
      .innerJoin(tags, eq(tags.id, questionTags.tagId))
      .where(inArray(questionTags.questionId, chunk))
      .orderBy(asc(tags.name))
      .all();
    const res = db.select().from(resolutions).where(inArray(resolutions.questionId, chunk)).all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of chunk) {
      const row = byId.get(id);
      if (!row) continue;
      out.push(
        toQuestion(
          row,
          opts.filter((o) => o.questionId === id).map((o) => o.label),
          tagRows.filter((t) => t.questionId === id).map((t) => t.name),
          res.find((r) => r.questionId === id),
        ),
      );
    }
  }
  return out;
}

/** One question with its options, tags and resolution, or null for an unknown id. */
export function getQuestion(db: Db, id: string): Question | null {
  return getQuestions(db, [id])[0] ?? null;
}

/** Every question id, soonest close first (callers filter with lib/question-lifecycle). */
export function listQuestionIds(db: Db): string[] {
  return db
    .select({ id: questions.id })
    .from(questions)
    .orderBy(asc(questions.closeTime))
    .all()
    .map((r) => r.id);
}
