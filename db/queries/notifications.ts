import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce, sqliteOf } from "@/db/queries/connection";
import { listOwnForecastsOn } from "@/db/queries/forecasts";
import { keptPopulationFor, keptPosition } from "@/db/queries/kept-scores";
import { crowdIncludesBots } from "@/db/queries/bots";
import { getQuestions, listDueQuestions, listOpenQuestions } from "@/db/queries/questions";
import { getSettingsOfUsers } from "@/db/queries/user-settings";
import { comments, forecasts } from "@/db/schema/forecasts";
import {
  jobCursors,
  notifications,
  userSettings,
  type NotificationKind,
  type NotificationPayload,
} from "@/db/schema/notifications";
import { keptLatestForecasts } from "@/db/schema/latest-forecasts";
import { questions } from "@/db/schema/questions";
import { resolutionAudit } from "@/db/schema/resolutions";
import { accounts, users } from "@/db/schema/users";
import { ageInDays } from "@/lib/my-forecasts";
import { outcomeLabel } from "@/lib/outcome-label";
import { defaultPopulation } from "@/lib/population";
import { readForecasts } from "@/lib/probability";
import { isCrowdHiddenFrom, resolutionDeadline } from "@/lib/question-lifecycle";
import { scoreQuestion } from "@/lib/scoring/question-scores";
import { isContinuousQuestion, isDiscreteQuestion, type Outcome, type Question } from "@/lib/types";
import type { ContinuousOutcome } from "@/lib/continuous/types";
import { scoreContinuousQuestion } from "@/lib/continuous/question-scores";
import { cdfForecastersByQuestion, listCdfForecasts } from "@/db/queries/continuous-questions";

// The inbox (one row per user and event) and the scans of the job loop that fill it. Every event has
// a key; the unique (user, event key) index turns a second delivery of the same event into a no-op, so
// two job loops (two server processes, or a restart mid-tick) never notify twice.

const DAY_MS = 86_400_000;
/** On the first scan of a desk, events older than this are history, not news. */
export const FIRST_SCAN_LOOKBACK_MS = 7 * DAY_MS;
/** Only notifications this recent go out by e-mail (switching e-mail back on does not mail old news). */
export const EMAIL_MAX_AGE_MS = 7 * DAY_MS;
/** A digest goes out at most once per this period. */
export const DIGEST_PERIOD_MS = DAY_MS;

export interface InboxNotification {
  id: number;
  kind: NotificationKind;
  questionId: string;
  questionTitle: string;
  payload: NotificationPayload;
  createdAt: number;
  readAt: number | null;
}

const inboxColumns = {
  id: notifications.id,
  kind: notifications.kind,
  questionId: notifications.questionId,
  questionTitle: questions.title,
  payload: notifications.payload,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

/** A user's notifications, newest first (at most `limit`). */
export function listNotifications(db: Db, userId: string, limit = 200): InboxNotification[] {
  return db
    .select(inboxColumns)
    .from(notifications)
    .innerJoin(questions, eq(questions.id, notifications.questionId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
}

/** The header's count. */
export function countUnread(db: Db, userId: string): number {
  // every signed-in page shows it in the header
  return preparedOnce(db, prepareUnreadCount).get({ userId })!.n;
}

function prepareUnreadCount(db: Db) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare();
}

/** Marks the user's own notifications read: the listed ids, or all of them. Returns how many changed. */
export function markNotificationsRead(db: Db, userId: string, which: readonly number[] | "all", now: number): number {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const where = which === "all" ? mine : and(mine, inArray(notifications.id, [...which]));
  return db.update(notifications).set({ readAt: now }).where(where).run().changes;
}

// ---- Producing notifications (the job loop, jobs/notification-loop.ts) ----

interface NewNotification {
  userId: string;
  kind: NotificationKind;
  questionId: string;
  eventKey: string;
  payload: NotificationPayload;
}

function insertNotifications(db: Db, rows: readonly NewNotification[], now: number): number {
  let created = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200).map((r) => ({ ...r, createdAt: now }));
    if (chunk.length) created += db.insert(notifications).values(chunk).onConflictDoNothing().run().changes;
  }
  return created;
}

function readCursor(db: Db, name: string): number | null {
  return db.select({ value: jobCursors.value }).from(jobCursors).where(eq(jobCursors.name, name)).get()?.value ?? null;
}

function writeCursor(db: Db, name: string, value: number): void {
  // Never moves back: a slower second loop that read an older cursor cannot rewind the first.
  db.insert(jobCursors)
    .values({ name, value })
    .onConflictDoUpdate({ target: jobCursors.name, set: { value: sql`max(${jobCursors.value}, excluded.value)` } })
    .run();
}

/** Users who can sign in (imported forecasters have no account and are never notified). */
function signInUserIds(db: Db, userIds: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = db
      .selectDistinct({ id: accounts.userId })
      .from(accounts)
      .where(inArray(accounts.userId, userIds.slice(i, i + 500)))
      .all();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Every forecast on the given questions keyed by forecaster id, per question in insertion order. */
function forecastsByQuestion(db: Db, questionIds: readonly string[]) {
  const out = new Map<string, Array<{ id: number; forecaster: string; time: number; probabilities: number[] }>>(
    questionIds.map((id) => [id, []]),
  );
  for (let i = 0; i < questionIds.length; i += 500) {
    const rows = db
      .select({ id: forecasts.id, question: forecasts.questionId, forecaster: forecasts.forecasterId, time: forecasts.madeAt, probabilities: forecasts.probabilities })
      .from(forecasts)
      .where(inArray(forecasts.questionId, questionIds.slice(i, i + 500)))
      .orderBy(asc(forecasts.id))
      .all();
    for (const r of rows) out.get(r.question)!.push(r);
  }
  return out;
}

const AUDIT_KIND = { resolve: "resolved", correct: "corrected", annul: "annulled" } as const;

/** Resolved, corrected or annulled since the last scan: every forecaster on the question, with their scores. */
function collectResolutionEvents(db: Db, now: number): NewNotification[] {
  const cursor = readCursor(db, "resolution_audit");
  const rows = db
    .select()
    .from(resolutionAudit)
    .where(
      cursor === null
        ? sql`${resolutionAudit.at} >= ${now - FIRST_SCAN_LOOKBACK_MS}`
        : gt(resolutionAudit.id, cursor),
    )
    .orderBy(asc(resolutionAudit.id))
    .all();
  const last = db.select({ id: sql<number | null>`max(${resolutionAudit.id})` }).from(resolutionAudit).get()?.id ?? 0;
  const relevant = rows.filter((r) => r.action !== "undo");
  const questionIds = [...new Set(relevant.map((r) => r.questionId))];
  const byId = new Map(getQuestions(db, questionIds).map((q) => [q.id, q]));
  const forecastsOf = forecastsByQuestion(db, questionIds);
  const cdfForecastsOf = new Map(
    [...byId.values()].filter(isContinuousQuestion).map((q) => [q.id, listCdfForecasts(db, q.id).map((f) => ({ forecaster: f.forecasterId, time: f.madeAt, cdf: f.cdf }))]),
  );
  const everyForecaster = [...forecastsOf.values(), ...cdfForecastsOf.values()].flat().map((f) => f.forecaster);
  const reachable = signInUserIds(db, [...new Set(everyForecaster)]);
  const out: NewNotification[] = [];
  for (const row of relevant) {
    const q = byId.get(row.questionId);
    const after = row.after as { outcome: number | null; value?: number | null; annulled: boolean; resolveTime: number } | null;
    if (!q || !after) continue;
    const kind = AUDIT_KIND[row.action as keyof typeof AUDIT_KIND];
    let outcome: Outcome | ContinuousOutcome;
    let forecasters: Set<string>;
    let scoresOf: (forecaster: string) => NotificationPayload["scores"];
    if (isContinuousQuestion(q)) {
      // Numeric and date questions: scored by lib/continuous (log, baseline and peer as Metaculus, and CRPS).
      outcome = after.annulled || after.value == null ? { kind: "annulled" } : { kind: "value", value: after.value };
      const list = cdfForecastsOf.get(q.id)!;
      forecasters = new Set(list.map((f) => f.forecaster));
      const scores = outcome.kind === "value" ? scoreContinuousQuestion({ ...q, outcome, resolveTime: after.resolveTime }, list).scores : null;
      const rowOf = new Map(scores?.rows.map((r) => [r.forecaster, r]));
      scoresOf = (forecaster) => {
        const r = rowOf.get(forecaster);
        return r ? { finalBrier: null, finalLogScore: r.finalLogScore, baseline: r.baseline, peer: r.peer, crps: r.crps } : null;
      };
    } else {
      outcome = after.annulled ? { kind: "annulled" } : { kind: "option", option: after.outcome! };
      // Stored as given; the engine reads them clipped into [0.001, 0.999] (lib/probability).
      const list = readForecasts(q.type, forecastsOf.get(q.id)!);
      forecasters = new Set(list.map((f) => f.forecaster));
      // Scored as the audit row left the question (a later correction brings its own notification).
      const scores = outcome.kind === "option" ? scoreQuestion({ ...q, outcome, resolveTime: after.resolveTime }, list) : null;
      const rowOf = new Map(scores?.rows.map((r) => [r.forecaster, r]));
      scoresOf = (forecaster) => {
        const r = rowOf.get(forecaster);
        return r ? { finalBrier: r.finalBrier, finalLogScore: r.finalLogScore, baseline: r.baseline, peer: r.peer } : null;
      };
    }
    for (const forecaster of forecasters) {
      if (!reachable.has(forecaster)) continue;
      out.push({
        userId: forecaster,
        kind,
        questionId: q.id,
        eventKey: `resolution:${row.id}`,
        payload: { outcome: outcomeLabel(q, outcome), ...(kind === "annulled" ? {} : { scores: scoresOf(forecaster) }) },
      });
    }
  }
  writeCursor(db, "resolution_audit", last);
  return out;
}

const EXCERPT_LENGTH = 140;

/**
 * New comments and replies since the last scan: everyone else who forecast on the question; and for a
 * reply, the author of the comment it answers ("replied to your comment"), forecaster or not, as long
 * as the anchoring guard lets them read it (lib/question-lifecycle). Deleted comments are no news.
 */
function collectCommentEvents(db: Db, now: number): NewNotification[] {
  const cursor = readCursor(db, "comments");
  const rows = db
    .select({
      id: comments.id,
      questionId: comments.questionId,
      authorId: comments.authorId,
      parentId: comments.parentId,
      body: comments.body,
      author: users.name,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(questions, eq(questions.id, comments.questionId))
    .where(
      and(
        eq(questions.isDraft, false),
        isNull(comments.deletedAt),
        cursor === null ? sql`${comments.createdAt} >= ${now - FIRST_SCAN_LOOKBACK_MS}` : gt(comments.id, cursor),
      ),
    )
    .orderBy(asc(comments.id))
    .all();
  const last = db.select({ id: sql<number | null>`max(${comments.id})` }).from(comments).get()?.id ?? 0;
  const questionIds = [...new Set(rows.map((r) => r.questionId))];
  const forecasters = new Map<string, Set<string>>(questionIds.map((id) => [id, new Set()]));
  // Who forecast each question: one kept row per question and forecaster (not every forecast on it).
  for (let i = 0; i < questionIds.length; i += 500) {
    const pairs = db
      .select({ questionId: keptLatestForecasts.questionId, forecasterId: keptLatestForecasts.forecasterId })
      .from(keptLatestForecasts)
      .where(inArray(keptLatestForecasts.questionId, questionIds.slice(i, i + 500)))
      .all();
    for (const p of pairs) forecasters.get(p.questionId)!.add(p.forecasterId);
  }
  // Numeric and date questions: their forecasters are in continuous_forecasts.
  for (const [questionId, ids] of cdfForecastersByQuestion(db, questionIds)) for (const id of ids) forecasters.get(questionId)!.add(id);
  // The standing authors of the comments replied to, and whether each may read the reply.
  const parentIds = [...new Set(rows.flatMap((r) => (r.parentId === null ? [] : [r.parentId])))];
  const parentAuthor = new Map<number, { authorId: string; role: "analyst" | "admin" }>();
  for (let i = 0; i < parentIds.length; i += 500) {
    const parents = db
      .select({ id: comments.id, authorId: comments.authorId, role: users.role })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(and(inArray(comments.id, parentIds.slice(i, i + 500)), isNull(comments.deletedAt)))
      .all();
    for (const p of parents) parentAuthor.set(p.id, p);
  }
  const questionOf = new Map(getQuestions(db, parentIds.length > 0 ? questionIds : []).map((q) => [q.id, q]));
  const reachable = signInUserIds(db, [
    ...new Set([...[...forecasters.values()].flatMap((s) => [...s]), ...[...parentAuthor.values()].map((p) => p.authorId)]),
  ]);
  const out: NewNotification[] = [];
  for (const c of rows) {
    const excerpt = c.body.length > EXCERPT_LENGTH ? `${c.body.slice(0, EXCERPT_LENGTH - 1)}…` : c.body;
    const eventKey = `comment:${c.id}`;
    const parent = c.parentId === null ? undefined : parentAuthor.get(c.parentId);
    const questionForecasters = forecasters.get(c.questionId)!;
    let repliedTo: string | null = null;
    if (parent && parent.authorId !== c.authorId && reachable.has(parent.authorId)) {
      const hasForecast = questionForecasters.has(parent.authorId);
      if (!isCrowdHiddenFrom(questionOf.get(c.questionId)!, parent, hasForecast, now)) {
        repliedTo = parent.authorId;
        out.push({ userId: repliedTo, kind: "comment", questionId: c.questionId, eventKey, payload: { author: c.author, excerpt, replyToYou: true } });
      }
    }
    for (const userId of questionForecasters) {
      if (userId === c.authorId || userId === repliedTo || !reachable.has(userId)) continue;
      out.push({ userId, kind: "comment", questionId: c.questionId, eventKey, payload: { author: c.author, excerpt } });
    }
  }
  writeCursor(db, "comments", last);
  return out;
}

/**
 * Who can sign in among the forecasters of each question, in the order of their first forecast on it:
 * their forecasts are read through the (forecaster, question) index, not every forecast on a busy
 * question (an imported desk's forecasters have no account).
 */
function prepareAccountForecasters(db: Db) {
  return sqliteOf(db)
    .prepare(
      `select f.question_id, f.forecaster_id, min(f.id) as first from forecasts f
       where f.question_id in (select value from json_each(?)) and f.forecaster_id in (select user_id from account)
       group by f.question_id, f.forecaster_id order by f.question_id, first`,
    )
    .raw();
}

/**
 * Open questions whose standing forecasts need an update (lib/my-forecasts): one notification per
 * standing forecast. Each position is what the question list shows (keptPosition, against the kept
 * crowd history of the population the desk's crowd shows), which equals myPosition over every forecast.
 */
function collectNeedsUpdateEvents(db: Db, now: number): NewNotification[] {
  // Binary and scenario questions (their forecasts are in `forecasts`).
  const open = listOpenQuestions(db, now).filter(isDiscreteQuestion);
  const forecastersOf = new Map<string, string[]>();
  const questionsOf = new Map<string, string[]>();
  for (let i = 0; i < open.length; i += 500) {
    const rows = preparedOnce(db, prepareAccountForecasters).all(JSON.stringify(open.slice(i, i + 500).map((q) => q.id))) as Array<[string, string, number]>;
    for (const [questionId, userId] of rows) {
      if (!forecastersOf.has(questionId)) forecastersOf.set(questionId, []);
      if (!questionsOf.has(userId)) questionsOf.set(userId, []);
      forecastersOf.get(questionId)!.push(userId);
      questionsOf.get(userId)!.push(questionId);
    }
  }
  const settings = getSettingsOfUsers(db, [...questionsOf.keys()]);
  const mineOf = new Map([...questionsOf].map(([userId, ids]) => [userId, listOwnForecastsOn(db, userId, ids)]));
  // "Crowd moved" measures the crowd people see on the question page: people only, unless the desk counts bots in.
  const population = keptPopulationFor(db, defaultPopulation(crowdIncludesBots(db)))!;
  const out: NewNotification[] = [];
  for (const q of open) {
    for (const userId of forecastersOf.get(q.id) ?? []) {
      const position = keptPosition(db, q, mineOf.get(userId)!.get(q.id)!, now, settings.get(userId)!.staleAfterDays, population);
      if (!position || position.needsUpdate.length === 0) continue;
      out.push({
        userId,
        kind: "needs_update",
        questionId: q.id,
        eventKey: `needs_update:${position.standing.id}`,
        payload: { reasons: position.needsUpdate, ageDays: ageInDays(position.ageMs) },
      });
    }
  }
  return out;
}

/** Admins: each question that became due for resolution (again, after an undo with a new deadline). */
function collectDueEvents(db: Db, now: number): NewNotification[] {
  const admins = db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, "admin"))
    .all()
    .map((r) => r.id);
  if (admins.length === 0) return [];
  const out: NewNotification[] = [];
  for (const q of listDueQuestions(db, now) as Question[]) {
    // Only questions that fell due within the look-back: a desk's old backlog is not news.
    if (resolutionDeadline(q) < now - FIRST_SCAN_LOOKBACK_MS) continue;
    for (const userId of admins)
      out.push({ userId, kind: "due", questionId: q.id, eventKey: `due:${q.id}:${resolutionDeadline(q)}`, payload: {} });
  }
  return out;
}

/**
 * One scan of the desk at `now`: resolutions, comments, stale forecasts, due questions. Idempotent
 * (event keys are unique per user); returns how many notifications it created.
 */
export function collectNotifications(db: Db, now: number): number {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const rows = [
      ...collectResolutionEvents(t, now),
      ...collectCommentEvents(t, now),
      ...collectNeedsUpdateEvents(t, now),
      ...collectDueEvents(t, now),
    ];
    return insertNotifications(t, rows, now);
  });
}

// ---- E-mail: claiming what to send (the claim is the write, so two loops never send one twice) ----

export interface MailRecipient {
  userId: string;
  name: string;
  email: string;
}

export interface MailBatch {
  recipient: MailRecipient;
  /** "digest": the day's notifications in one mail; "immediate": one notification per mail. */
  mode: "digest" | "immediate";
  notifications: InboxNotification[];
}

/**
 * Claims the notifications due to go out by e-mail at `now`: for users on "each notification", every
 * unsent one; for users on the daily digest (the default), every unsent one once a day. Claimed rows get
 * emailed_at = now in the same transaction, so a second loop finds nothing to send. When sending
 * fails, releaseMailBatch puts them back.
 */
export function claimMailBatches(db: Db, now: number): MailBatch[] {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const pending = t
      .select({ ...inboxColumns, userId: notifications.userId })
      .from(notifications)
      .innerJoin(questions, eq(questions.id, notifications.questionId))
      .where(and(isNull(notifications.emailedAt), gt(notifications.createdAt, now - EMAIL_MAX_AGE_MS)))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .all();
    if (pending.length === 0) return [];
    const userIds = [...new Set(pending.map((p) => p.userId))];
    const settings = getSettingsOfUsers(t, userIds);
    const people = new Map(
      t.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u]),
    );
    const batches: MailBatch[] = [];
    for (const userId of userIds) {
      const s = settings.get(userId)!;
      const person = people.get(userId);
      if (!person || s.emailMode === "off") continue;
      if (s.emailMode === "digest" && s.lastDigestAt !== null && now - s.lastDigestAt < DIGEST_PERIOD_MS) continue;
      const mine: InboxNotification[] = pending
        .filter((p) => p.userId === userId)
        .map((p) => ({ id: p.id, kind: p.kind, questionId: p.questionId, questionTitle: p.questionTitle, payload: p.payload, createdAt: p.createdAt, readAt: p.readAt }));
      const claimed = t
        .update(notifications)
        .set({ emailedAt: now })
        .where(and(inArray(notifications.id, mine.map((n) => n.id)), isNull(notifications.emailedAt)))
        .run().changes;
      if (claimed !== mine.length) continue; // another loop got there first (cannot happen inside one transaction; kept as a guard)
      const recipient = { userId, name: person.name, email: person.email };
      if (s.emailMode === "digest") {
        t.insert(userSettings)
          .values({ userId, lastDigestAt: now })
          .onConflictDoUpdate({ target: userSettings.userId, set: { lastDigestAt: now } })
          .run();
        batches.push({ recipient, mode: "digest", notifications: mine });
      } else {
        for (const n of mine) batches.push({ recipient, mode: "immediate", notifications: [n] });
      }
    }
    return batches;
  });
}

/** Sending failed: the batch's notifications go back to unsent (and a digest's day is not used up). */
export function releaseMailBatch(db: Db, batch: MailBatch): void {
  db.transaction((tx) => {
    tx.update(notifications)
      .set({ emailedAt: null })
      .where(inArray(notifications.id, batch.notifications.map((n) => n.id)))
      .run();
    if (batch.mode === "digest")
      tx.update(userSettings).set({ lastDigestAt: null }).where(eq(userSettings.userId, batch.recipient.userId)).run();
  });
}

/** Who a notification or setting belongs to, for the unsubscribe page. */
export function findUserName(db: Db, userId: string): string | null {
  return db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
}
