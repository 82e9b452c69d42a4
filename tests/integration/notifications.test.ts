// The inbox and the e-mail it feeds, on a real SQLite file and a real SMTP server on loopback: which
// events reach whom (with independently computed scores), that scanning or mailing twice (or in two
// loops at once) notifies and mails once, the daily digest, "each notification", "off", a failed
// send retried, and the unsubscribe link.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { markBot, setCrowdIncludesBots } from "@/db/queries/bots";
import { addComment, deleteComment } from "@/db/queries/comments";
import { notificationSentence } from "@/components/notifications/notification-text";
import {
  collectNotifications,
  countUnread,
  listNotifications,
  markNotificationsRead,
} from "@/db/queries/notifications";
import { refreshKeptScores } from "@/db/queries/kept-scores";
import { createQuestion } from "@/db/queries/questions";
import { recordResolution } from "@/db/queries/resolutions";
import { getUserSettings, saveUserSettings } from "@/db/queries/user-settings";
import { createUser } from "@/db/queries/users";
import { forecasts } from "@/db/schema/forecasts";
import { isUnsubscribeToken } from "@/jobs/mail";
import { runNotificationJobs } from "@/jobs/notification-loop";
import type { MailSettings } from "@/jobs/mail";
import { recipientOf, startMailCatcher, type MailCatcher } from "../mail-catcher";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 30, 12);
const SECRET = "s".repeat(40);

let dir: string;
let db: Db;
let admin: string;
let alice: string;
let bob: string;
let carl: string; // imported forecaster: no account, never notified

function question(title: string, openTime: number, closeTime: number, scenarios: string[] = [], hideCrowdUntilForecast = false) {
  return createQuestion(
    db,
    {
      title,
      description: "",
      resolutionCriteria: "",
      tags: [],
      openTime,
      closeTime,
      resolveBy: null,
      type: scenarios.length ? "multiple_choice" : "binary",
      scenarios,
      hideCrowdUntilForecast,
      isDraft: false,
    },
    { createdBy: admin, now: openTime },
  );
}

/**
 * Writes a forecast at any time (the app's recordForecast only takes "now" on an open question) and
 * the kept rows it changes (the crowd history the positions are read against), as an import does.
 */
function forecastAt(questionId: string, forecasterId: string, madeAt: number, probabilities: number[]) {
  db.insert(forecasts).values({ questionId, forecasterId, madeAt, probabilities, rationale: null }).run();
  refreshKeptScores(db, [questionId]);
}

const kindsOf = (userId: string) =>
  listNotifications(db, userId)
    .map((n) => `${n.kind}:${n.questionTitle}`)
    .sort();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-notifications-"));
  db = openDb(path.join(dir, "fd.db"));
  admin = createUser(db, { email: "admin@x.org", name: "Ada Admin", password: "correct horse battery", role: "admin" }).id;
  alice = createUser(db, { email: "alice@x.org", name: "Alice Analyst", password: "correct horse battery" }).id;
  bob = createUser(db, { email: "bob@x.org", name: "Bob Analyst", password: "correct horse battery" }).id;
  carl = createUser(db, { email: "carl@imported.invalid", name: "Carl Imported" }).id;
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("what reaches whom", () => {
  it("a stale forecast, a crowd that moved, a due question, a resolution with my scores, a comment, an annulment", () => {
    // Open binary question: Alice forecast 20 days ago (stale at the default 14 days); Bob yesterday.
    const open = question("Open binary", NOW - 30 * DAY, NOW + 30 * DAY);
    forecastAt(open, alice, NOW - 20 * DAY, [0.7, 0.3]);
    forecastAt(open, bob, NOW - 1 * DAY, [0.65, 0.35]);
    // Closed 2 days ago, unresolved: due for the admin.
    const due = question("Closed and due", NOW - 60 * DAY, NOW - 2 * DAY);
    // Closed question that gets resolved: Alice 0.8 and Carl 0.6 on Yes, both before the open time so
    // each stands over the whole window [T0, Tc].
    const resolved = question("Resolved binary", NOW - 40 * DAY, NOW - 3 * DAY);
    forecastAt(resolved, alice, NOW - 41 * DAY, [0.2, 0.8]);
    forecastAt(resolved, carl, NOW - 41 * DAY, [0.4, 0.6]);

    expect(collectNotifications(db, NOW)).toBe(3); // Alice needs update; the admin's due (×2 questions)
    expect(kindsOf(alice)).toEqual(["needs_update:Open binary"]);
    expect(listNotifications(db, alice)[0].payload).toEqual({ reasons: ["stale"], ageDays: 20 });
    expect(kindsOf(bob)).toEqual([]);
    expect(kindsOf(admin)).toEqual(["due:Closed and due", "due:Resolved binary"]);
    // Scanning again finds the same events: nothing new.
    expect(collectNotifications(db, NOW + HOUR)).toBe(0);

    expect(recordResolution(db, { questionId: resolved, outcome: { kind: "option", option: 1 }, resolveTime: NOW - 3 * DAY, evidence: "", actorId: admin, now: NOW + HOUR }).ok).toBe(true);
    expect(addComment(db, { questionId: resolved, authorId: carl, body: "Called it.", createdAt: NOW + HOUR }).ok).toBe(true);
    expect(collectNotifications(db, NOW + 2 * HOUR)).toBe(2); // Alice: resolved + comment; Carl: nothing
    const [comment, res] = listNotifications(db, alice).filter((n) => n.questionTitle === "Resolved binary");
    expect(comment.kind).toBe("comment");
    expect(comment.payload).toEqual({ author: "Carl Imported", excerpt: "Called it." });
    expect(res.kind).toBe("resolved");
    expect(res.payload.outcome).toBe("Yes");
    // Independently: Brier (0.8 − 1)² = 0.04; log ln 0.8; baseline 100·(ln 0.8 − ln ½)/ln 2;
    // peer with two forecasters 100·(ln 0.8 − ln 0.6), each standing the whole window.
    const s = res.payload.scores!;
    expect(s.finalBrier).toBeCloseTo(0.04, 12);
    expect(s.finalLogScore).toBeCloseTo(Math.log(0.8), 12);
    expect(s.baseline).toBeCloseTo((100 * (Math.log(0.8) - Math.log(0.5))) / Math.log(2), 9);
    expect(s.peer).toBeCloseTo(100 * (Math.log(0.8) - Math.log(0.6)), 9);
    expect(kindsOf(carl)).toEqual([]);

    expect(recordResolution(db, { questionId: resolved, outcome: { kind: "annulled" }, resolveTime: NOW - 3 * DAY, evidence: "void", actorId: admin, now: NOW + 3 * HOUR }).ok).toBe(true);
    expect(collectNotifications(db, NOW + 4 * HOUR)).toBe(1);
    expect(listNotifications(db, alice)[0]).toMatchObject({ kind: "annulled", payload: { outcome: "Annulled" } });
    void due;
  });

  it("a reply reaches the author of the comment it answers (once, even as a forecaster), unless the guard hides it from them; deleted comments are no news", () => {
    const q = question("Talked about", NOW - DAY, NOW + 30 * DAY);
    forecastAt(q, bob, NOW - DAY, [0.6, 0.4]);
    const said = (body: string, authorId: string, createdAt: number, parentId?: number) => {
      const r = addComment(db, { questionId: q, authorId, body, createdAt, parentId });
      if (!r.ok) throw new Error(r.reason);
      return r.id;
    };
    const comment = said("Alice thinks 30%", alice, NOW);
    expect(collectNotifications(db, NOW + HOUR)).toBe(1); // Bob forecast here; Alice did not
    said("Bob replies", bob, NOW + HOUR, comment);
    const gone = said("Bob, deleted at once", bob, NOW + HOUR);
    expect(deleteComment(db, { commentId: gone, actorId: bob, now: NOW + HOUR }).ok).toBe(true);
    expect(collectNotifications(db, NOW + 2 * HOUR)).toBe(1);
    const [reply] = listNotifications(db, alice);
    expect(reply).toMatchObject({ kind: "comment", payload: { author: "Bob Analyst", excerpt: "Bob replies", replyToYou: true } });
    expect(notificationSentence(reply)).toBe("Bob Analyst replied to your comment: “Bob replies”");
    // Now Alice forecasts too: the admin's reply reaches her once, as a reply; Bob as a comment.
    forecastAt(q, alice, NOW + 2 * HOUR, [0.7, 0.3]);
    said("Admin replies", admin, NOW + 3 * HOUR, comment);
    expect(collectNotifications(db, NOW + 4 * HOUR)).toBe(2);
    expect(listNotifications(db, alice).filter((n) => n.payload.excerpt === "Admin replies").map((n) => n.payload.replyToYou)).toEqual([true]);
    expect(listNotifications(db, bob).find((n) => n.payload.excerpt === "Admin replies")?.payload.replyToYou).toBeUndefined();

    // Crowd hidden until you forecast: Alice has not forecast there, so Bob's reply is hidden from her.
    const guarded = question("Guarded", NOW - DAY, NOW + 30 * DAY, [], true);
    const hers = addComment(db, { questionId: guarded, authorId: alice, body: "Mine", createdAt: NOW + 4 * HOUR });
    forecastAt(guarded, bob, NOW + 4 * HOUR, [0.5, 0.5]);
    expect(hers.ok && addComment(db, { questionId: guarded, authorId: bob, body: "Hidden reply", createdAt: NOW + 5 * HOUR, parentId: hers.id }).ok).toBe(true);
    expect(collectNotifications(db, NOW + 6 * HOUR)).toBe(1); // Bob, a forecaster there, hears of Alice's comment
    expect(listNotifications(db, bob)[0].payload.excerpt).toBe("Mine");
    expect(listNotifications(db, alice).some((n) => n.questionTitle === "Guarded")).toBe(false);
  });

  it("the crowd moving more than 10 points makes a forecast need an update, at the user's own age threshold", () => {
    const q = question("Scenario set", NOW - 30 * DAY, NOW + 30 * DAY, ["A", "B", "C"]);
    forecastAt(q, alice, NOW - 5 * DAY, [0.6, 0.3, 0.1]);
    // Two later forecasters pull scenario A from 60% to a median far below.
    forecastAt(q, bob, NOW - 2 * DAY, [0.2, 0.4, 0.4]);
    forecastAt(q, carl, NOW - 2 * DAY, [0.2, 0.4, 0.4]);
    saveUserSettings(db, alice, { staleAfterDays: 30, emailMode: "digest" });
    collectNotifications(db, NOW);
    expect(listNotifications(db, alice).map((n) => n.payload.reasons)).toEqual([["crowd_moved"]]);
    // Bob's own forecast: the crowd has not moved since (Carl's came at the same time), 2 days < 14.
    expect(kindsOf(bob)).toEqual([]);
    // With a 1-day threshold Bob's 2-day-old forecast is stale.
    saveUserSettings(db, bob, { staleAfterDays: 1, emailMode: "digest" });
    collectNotifications(db, NOW + 1);
    expect(listNotifications(db, bob).map((n) => n.payload.reasons)).toEqual([["stale"]]);

    // A bot's forecast alone does not move the crowd people see (people only by default)…
    const bot = createUser(db, { email: "bot@x.org", name: "Model Bot" }).id;
    expect(markBot(db, { userId: bot, model: "test-model", ownerId: alice, actorId: admin, now: NOW })).toEqual({ ok: true });
    const pulled = question("Bot pulls", NOW - 30 * DAY, NOW + 30 * DAY);
    forecastAt(pulled, alice, NOW - 5 * DAY, [0.4, 0.6]);
    forecastAt(pulled, bot, NOW - 2 * DAY, [0.95, 0.05]);
    const onPulled = () => listNotifications(db, alice).filter((n) => n.questionTitle === "Bot pulls").map((n) => n.payload.reasons);
    collectNotifications(db, NOW + 2);
    expect(onPulled()).toEqual([]);
    // …until the desk counts bots in its crowd: then the same forecast moves it from 60 % far below.
    setCrowdIncludesBots(db, true, NOW);
    collectNotifications(db, NOW + 3);
    expect(onPulled()).toEqual([["crowd_moved"]]);
  });

  it("mark as read: one, or all; never someone else's", () => {
    const q = question("Open binary", NOW - 30 * DAY, NOW + 30 * DAY);
    forecastAt(q, alice, NOW - 20 * DAY, [0.7, 0.3]);
    forecastAt(q, bob, NOW - 20 * DAY, [0.7, 0.3]);
    question("Due one", NOW - 30 * DAY, NOW - DAY);
    collectNotifications(db, NOW);
    expect(countUnread(db, alice)).toBe(1);
    const [bobs] = listNotifications(db, bob);
    expect(markNotificationsRead(db, alice, [bobs.id], NOW)).toBe(0);
    expect(countUnread(db, bob)).toBe(1);
    expect(markNotificationsRead(db, bob, [bobs.id], NOW)).toBe(1);
    expect(countUnread(db, bob)).toBe(0);
    expect(markNotificationsRead(db, admin, "all", NOW)).toBe(1);
    expect(countUnread(db, admin)).toBe(0);
  });
});

describe("e-mail through a real SMTP server on loopback", () => {
  let catcher: MailCatcher;
  let mail: MailSettings;
  let received: ParsedMail[];

  beforeAll(async () => {
    catcher = await startMailCatcher();
    received = catcher.received;
    mail = { smtpUrl: catcher.url, from: "Forecast Desk <desk@test.invalid>", baseURL: "http://desk.test", secret: SECRET };
  });
  afterAll(async () => {
    await catcher.close();
  });
  beforeEach(() => {
    received.length = 0;
    catcher.refuse = false;
  });

  const to = (m: ParsedMail) => recipientOf(m);

  it("one daily digest per user (at most one a day), one mail per notification for 'each', none for 'off'", async () => {
    const a = question("Alpha", NOW - 30 * DAY, NOW + 30 * DAY);
    const b = question("Beta", NOW - 30 * DAY, NOW + 30 * DAY);
    for (const q of [a, b]) for (const u of [alice, bob, admin]) forecastAt(q, u, NOW - 20 * DAY, [0.5, 0.5]);
    saveUserSettings(db, bob, { staleAfterDays: 14, emailMode: "immediate" });
    saveUserSettings(db, admin, { staleAfterDays: 14, emailMode: "off" });

    // Two loops at once (two server processes): each notification mailed once.
    const [first, second] = await Promise.all([runNotificationJobs(db, NOW, mail), runNotificationJobs(db, NOW, mail)]);
    expect(first.created + second.created).toBe(6);
    expect(first.mailed + second.mailed).toBe(3); // Alice's digest + Bob's two
    expect(received.map(to).sort()).toEqual(["alice@x.org", "bob@x.org", "bob@x.org"]);

    const digest = received.find((m) => to(m) === "alice@x.org")!;
    expect(digest.subject).toBe("Forecast Desk: 2 notifications today");
    expect(digest.text).toContain("Needs update: Alpha");
    expect(digest.text).toContain("Needs update: Beta");
    expect(digest.text).toContain("  Your forecast is 20 days old.");
    expect(digest.text).toContain(`http://desk.test/questions/${a}`);
    const link = new URL(/Unsubscribe from all e-mail \(no sign-in needed\): (\S+)/.exec(digest.text!)![1]);
    expect(link.origin + link.pathname).toBe("http://desk.test/unsubscribe");
    expect(link.searchParams.get("user")).toBe(alice);
    expect(isUnsubscribeToken(SECRET, alice, link.searchParams.get("token")!)).toBe(true);
    expect(isUnsubscribeToken(SECRET, bob, link.searchParams.get("token")!)).toBe(false);
    const listUnsubscribe = digest.headerLines.find((h) => h.key === "list-unsubscribe")!.line;
    expect(listUnsubscribe).toContain(link.searchParams.get("token")!);
    expect(received.filter((m) => to(m) === "bob@x.org").map((m) => m.subject).sort()).toEqual([
      "Forecast Desk: Needs update: Alpha",
      "Forecast Desk: Needs update: Beta",
    ]);

    // A new event an hour later: Bob (each) gets it now; Alice's digest waits for its day.
    const c = question("Gamma", NOW - 30 * DAY, NOW + 30 * DAY);
    for (const u of [alice, bob]) forecastAt(c, u, NOW - 20 * DAY, [0.5, 0.5]);
    received.length = 0;
    const later = await runNotificationJobs(db, NOW + HOUR, mail);
    expect(later).toEqual({ created: 2, mailed: 1, failed: 0 });
    expect(received.map((m) => `${to(m)} ${m.subject}`)).toEqual(["bob@x.org Forecast Desk: Needs update: Gamma"]);
    received.length = 0;
    const nextDay = await runNotificationJobs(db, NOW + 24 * HOUR, mail);
    expect(nextDay.mailed).toBe(1);
    expect(received.map((m) => `${to(m)} ${m.subject}`)).toEqual(["alice@x.org Forecast Desk: 1 notification today"]);
    expect(getUserSettings(db, alice).lastDigestAt).toBe(NOW + 24 * HOUR);
  });

  it("a send the server refuses is tried again on the next tick", async () => {
    const q = question("Alpha", NOW - 30 * DAY, NOW + 30 * DAY);
    forecastAt(q, alice, NOW - 20 * DAY, [0.5, 0.5]);
    catcher.refuse = true;
    const failed = await runNotificationJobs(db, NOW, mail);
    expect(failed).toMatchObject({ created: 1, mailed: 0, failed: 1 });
    catcher.refuse = false;
    const retried = await runNotificationJobs(db, NOW + 60_000, mail);
    expect(retried).toMatchObject({ created: 0, mailed: 1, failed: 0 });
    expect(received.map(to)).toEqual(["alice@x.org"]);
  });

  it("without SMTP settings nothing is mailed and the inbox still fills", async () => {
    const q = question("Alpha", NOW - 30 * DAY, NOW + 30 * DAY);
    forecastAt(q, alice, NOW - 20 * DAY, [0.5, 0.5]);
    expect(await runNotificationJobs(db, NOW, null)).toEqual({ created: 1, mailed: 0, failed: 0 });
    expect(received).toEqual([]);
    expect(countUnread(db, alice)).toBe(1);
  });
});
