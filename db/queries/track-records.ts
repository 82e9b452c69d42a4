import { and, asc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listForecastsByHandle } from "@/db/queries/forecasts";
import { getQuestions } from "@/db/queries/questions";
import { questions, questionTags, tags } from "@/db/schema/questions";
import { resolutions } from "@/db/schema/resolutions";
import { users } from "@/db/schema/users";
import type { ForecasterName, ResolvedQuestionInput } from "@/lib/track-records/resolved-question";
import type { ForecastRecord } from "@/lib/types";
import { compareCodePoints } from "@/lib/code-point-order";
import { botIdentities } from "@/db/queries/bots";
import { inPopulation, type Population } from "@/lib/population";

export interface ResolvedQuestionFilter {
  /** Resolve time ≥ from (UTC epoch ms); null: no lower bound. */
  from?: number | null;
  /** Resolve time < to; null: no upper bound. */
  to?: number | null;
  /** Only questions carrying this tag. */
  tag?: string | null;
  /** Whose forecasts count: people, bots or both (default both: every forecast). */
  population?: Population;
}

export interface TrackRecordInputs {
  /** Resolved (not annulled) questions, soonest resolution first, ties by id. */
  questions: ResolvedQuestionInput[];
  /** Everyone with a forecast on those questions, by handle. */
  forecasters: ForecasterName[];
}

/**
 * The resolved (not annulled: annulled questions get no scores) questions whose resolve time lies in
 * [from, to) and that carry `tag`, each with every forecast on it in (made_at, id) order, forecasters
 * named by handle: the inputs of the track-record math (lib/track-records/team-record).
 */
export function loadResolvedQuestions(db: Db, filter: ResolvedQuestionFilter = {}): TrackRecordInputs {
  const conds: SQL[] = [eq(resolutions.annulled, false)];
  if (filter.from != null) conds.push(gte(resolutions.resolveTime, filter.from));
  if (filter.to != null) conds.push(lt(resolutions.resolveTime, filter.to));
  if (filter.tag)
    conds.push(
      inArray(
        questions.id,
        db
          .select({ id: questionTags.questionId })
          .from(questionTags)
          .innerJoin(tags, eq(tags.id, questionTags.tagId))
          .where(eq(tags.name, filter.tag)),
      ),
    );
  const ids = db
    .select({ id: questions.id })
    .from(questions)
    .innerJoin(resolutions, eq(resolutions.questionId, questions.id))
    .where(and(...conds))
    .orderBy(asc(resolutions.resolveTime), asc(questions.id))
    .all()
    .map((r) => r.id);
  const byQuestion = new Map<string, ForecastRecord[]>(ids.map((id) => [id, []]));
  const names = new Map<string, string>();
  const population = filter.population ?? "both";
  const bots = population === "both" ? null : botIdentities(db).handles;
  for (const f of listForecastsByHandle(db, ids)) {
    if (bots && !inPopulation(bots.has(f.forecaster), population)) continue;
    byQuestion.get(f.question)!.push({ forecaster: f.forecaster, time: f.time, probabilities: f.probabilities });
    names.set(f.forecaster, f.name);
  }
  // Insertion order in, (made_at, id) order out: a stable sort by time.
  for (const list of byQuestion.values()) list.sort((a, b) => a.time - b.time);
  const loaded = getQuestions(db, ids).map(
    (q): ResolvedQuestionInput => ({ question: q, forecasts: byQuestion.get(q.id)! }),
  );
  const forecasters = [...names].map(([handle, name]) => ({ handle, name }));
  forecasters.sort((a, b) => compareCodePoints(a.handle, b.handle));
  return { questions: loaded, forecasters };
}

/** Tag names that label at least one resolved question, alphabetical (the tag filter's choices). */
export function listResolvedQuestionTags(db: Db): string[] {
  return db
    .selectDistinct({ name: tags.name })
    .from(tags)
    .innerJoin(questionTags, eq(questionTags.tagId, tags.id))
    .innerJoin(resolutions, eq(resolutions.questionId, questionTags.questionId))
    .where(eq(resolutions.annulled, false))
    .orderBy(asc(tags.name))
    .all()
    .map((r) => r.name);
}

/** The name behind a handle (profile header), or null for an unknown handle. */
export function findForecasterName(db: Db, handle: string): ForecasterName | null {
  const row = db.select({ handle: users.handle, name: users.name }).from(users).where(eq(users.handle, handle)).get();
  return row ?? null;
}
