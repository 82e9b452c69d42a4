import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { addComment, deleteComment, editComment, listComments, listCommentThreads } from "@/db/queries/comments";
import { recordForecast } from "@/db/queries/forecasts";
import { COMMENT_EDIT_WINDOW_MS } from "@/lib/comments";
import { createUser } from "@/db/queries/users";
import { comments } from "@/db/schema/forecasts";
import { questions } from "@/db/schema/questions";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

let dir: string;
let db: Db;
let ana: string;
let ben: string;
let admin: string;

function Q(id: string, extra: Partial<typeof questions.$inferInsert> = {}) {
  db.insert(questions)
    .values({ id, title: `Question ${id}`, type: "binary", openTime: T0, closeTime: T0 + 30 * DAY, createdAt: T0, updatedAt: T0, hideCrowdUntilForecast: false, ...extra })
    .run();
}
const rowCount = () => db.select().from(comments).all().length;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-comments-"));
  db = openDb(path.join(dir, "test.db"));
  ana = createUser(db, { email: "ana@example.org", name: "Ana Lind", handle: "ana" }).id;
  ben = createUser(db, { email: "ben@example.org", name: "Ben Ortiz", handle: "ben" }).id;
  admin = createUser(db, { email: "ada@example.org", name: "Ada Admin", handle: "ada", role: "admin" }).id;
  Q("q1");
  Q("q2");
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("addComment and listComments", () => {
  it("lists a question's comments oldest first with author name and handle, ties by insertion order", () => {
    const first = addComment(db, { questionId: "q1", authorId: ana, body: "First thoughts", createdAt: T0 + DAY });
    const second = addComment(db, { questionId: "q1", authorId: ben, body: "  Disagree: base rate is low.  ", createdAt: T0 + 2 * DAY });
    const tie = addComment(db, { questionId: "q1", authorId: ana, body: "Same minute", createdAt: T0 + 2 * DAY });
    addComment(db, { questionId: "q2", authorId: ana, body: "Other question", createdAt: T0 + 3 * DAY });
    expect([first.ok, second.ok, tie.ok]).toEqual([true, true, true]);
    const listed = listComments(db, "q1");
    expect(listed.map((c) => [c.authorHandle, c.authorName, c.body, c.createdAt])).toEqual([
      ["ana", "Ana Lind", "First thoughts", T0 + DAY],
      ["ben", "Ben Ortiz", "Disagree: base rate is low.", T0 + 2 * DAY],
      ["ana", "Ana Lind", "Same minute", T0 + 2 * DAY],
    ]);
    expect(listed[0]).toMatchObject({
      id: first.ok ? first.id : -1,
      questionId: "q1",
      authorId: ana,
      parentId: null,
      editedAt: null,
      deletedAt: null,
    });
    expect(listComments(db, "q2")).toHaveLength(1);
    expect(listComments(db, "nope")).toEqual([]);
  });

  it("takes comments on closed and resolved questions too (discussion goes on)", () => {
    Q("closed", { openTime: T0 - 60 * DAY, closeTime: T0 - DAY });
    expect(addComment(db, { questionId: "closed", authorId: ben, body: "Post-mortem", createdAt: T0 }).ok).toBe(true);
  });

  it("refuses an unknown question and writes nothing", () => {
    expect(addComment(db, { questionId: "missing", authorId: ana, body: "Hello", createdAt: T0 })).toEqual({
      ok: false,
      code: "not_found",
      reason: "This question does not exist.",
    });
    expect(rowCount()).toBe(0);
  });

  it("refuses a draft for analysts (it is hidden from them) but takes an admin's note", () => {
    Q("draft", { isDraft: true });
    expect(addComment(db, { questionId: "draft", authorId: ana, body: "Peek", createdAt: T0 })).toMatchObject({ ok: false, code: "not_found" });
    expect(rowCount()).toBe(0);
    expect(addComment(db, { questionId: "draft", authorId: admin, body: "Check wording", createdAt: T0 }).ok).toBe(true);
    expect(rowCount()).toBe(1);
  });

  it("refuses an unknown author, an empty or over-long body and a broken time, writing nothing", () => {
    expect(addComment(db, { questionId: "q1", authorId: "ghost", body: "Boo", createdAt: T0 })).toMatchObject({ ok: false, code: "not_found" });
    expect(addComment(db, { questionId: "q1", authorId: ana, body: "  \n ", createdAt: T0 })).toMatchObject({ ok: false, code: "invalid" });
    expect(addComment(db, { questionId: "q1", authorId: ana, body: "x".repeat(5001), createdAt: T0 })).toMatchObject({
      ok: false,
      code: "invalid",
      reason: "A comment must be at most 5,000 characters.",
    });
    expect(addComment(db, { questionId: "q1", authorId: ana, body: "ok", createdAt: Number.NaN })).toMatchObject({ ok: false, code: "invalid" });
    expect(rowCount()).toBe(0);
    expect(addComment(db, { questionId: "q1", authorId: ana, body: ` ${"x".repeat(5000)} `, createdAt: T0 }).ok).toBe(true);
    expect(listComments(db, "q1")[0].body).toHaveLength(5000);
  });
});

const MIN = 60_000;
/** Posts and returns the new comment's id (fails the test if refused). */
function post(questionId: string, authorId: string, body: string, createdAt: number, parentId?: number): number {
  const r = addComment(db, { questionId, authorId, body, createdAt, parentId });
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.id;
}
const snapshot = () => JSON.stringify(db.select().from(comments).all());

describe("replies (one level)", () => {
  it("takes a reply to a comment and lists it with its parent", () => {
    const parent = post("q1", ana, "Base rate 20%", T0);
    const reply = post("q1", ben, "Why 20?", T0 + MIN, parent);
    expect(listComments(db, "q1").map((c) => [c.id, c.parentId])).toEqual([
      [parent, null],
      [reply, parent],
    ]);
  });

  it("refuses a reply to a reply, to a comment elsewhere, to an unknown or deleted comment, writing nothing", () => {
    const parent = post("q1", ana, "Base rate 20%", T0);
    const reply = post("q1", ben, "Why 20?", T0 + MIN, parent);
    const elsewhere = post("q2", ana, "Other question", T0);
    const gone = post("q1", ben, "Oops", T0);
    expect(deleteComment(db, { commentId: gone, actorId: ben, now: T0 + MIN }).ok).toBe(true);
    const before = snapshot();
    expect(addComment(db, { questionId: "q1", authorId: ana, body: "Because", createdAt: T0 + 2 * MIN, parentId: reply })).toEqual({
      ok: false,
      code: "forbidden",
      reason: "You can reply to a comment, not to a reply: reply to the comment it answers.",
    });
    expect(addComment(db, { questionId: "q1", authorId: ana, body: "x", createdAt: T0, parentId: elsewhere })).toMatchObject({
      ok: false,
      code: "not_found",
      reason: "The comment you are replying to does not exist.",
    });
    expect(addComment(db, { questionId: "q1", authorId: ana, body: "x", createdAt: T0, parentId: 9999 })).toMatchObject({ ok: false, code: "not_found" });
    expect(addComment(db, { questionId: "q1", authorId: ana, body: "x", createdAt: T0, parentId: gone })).toMatchObject({
      ok: false,
      reason: "That comment was deleted; it takes no new replies.",
    });
    expect(snapshot()).toBe(before);
  });

  it("refuses a reply to a comment the anchoring guard hides from the replier, until they forecast", () => {
    const now = Date.now();
    Q("guarded", { openTime: now - DAY, closeTime: now + 30 * DAY, hideCrowdUntilForecast: true });
    const parent = post("guarded", ana, "I say 70%", now - MIN);
    const before = snapshot();
    expect(addComment(db, { questionId: "guarded", authorId: ben, body: "Peek", createdAt: now, parentId: parent })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(snapshot()).toBe(before);
    expect(recordForecast(db, { questionId: "guarded", forecasterId: ben, probabilities: [0.6, 0.4], rationale: null, madeAt: now }).ok).toBe(true);
    expect(addComment(db, { questionId: "guarded", authorId: ben, body: "Seen it now", createdAt: now, parentId: parent }).ok).toBe(true);
  });
});

describe("editing within 15 minutes (the server's clock)", () => {
  it("lets the author edit up to 15 minutes after posting and marks it edited; refuses a minute later, writing nothing", () => {
    const id = post("q1", ana, "Frist", T0);
    expect(editComment(db, { commentId: id, actorId: ana, body: " First ", now: T0 + COMMENT_EDIT_WINDOW_MS })).toMatchObject({ ok: true, id });
    expect(listComments(db, "q1")[0]).toMatchObject({ body: "First", editedAt: T0 + COMMENT_EDIT_WINDOW_MS });
    expect(COMMENT_EDIT_WINDOW_MS).toBe(15 * MIN);
    const before = snapshot();
    expect(editComment(db, { commentId: id, actorId: ana, body: "Late", now: T0 + 15 * MIN + 1 })).toEqual({
      ok: false,
      code: "expired",
      reason: "A comment can be edited only in the first 15 minutes after posting.",
    });
    expect(snapshot()).toBe(before);
  });

  it("refuses anyone else (an admin too), an empty or over-long body, a deleted or unknown comment; nothing written", () => {
    const id = post("q1", ana, "Mine", T0);
    const reply = post("q1", ben, "Ben's reply", T0, id);
    const before = snapshot();
    expect(editComment(db, { commentId: id, actorId: ben, body: "Hijack", now: T0 })).toEqual({
      ok: false,
      code: "forbidden",
      reason: "You can only edit your own comments.",
    });
    expect(editComment(db, { commentId: reply, actorId: ana, body: "Hijack", now: T0 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(editComment(db, { commentId: id, actorId: admin, body: "Hijack", now: T0 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(editComment(db, { commentId: id, actorId: ana, body: "   ", now: T0 })).toMatchObject({ ok: false, code: "invalid" });
    expect(editComment(db, { commentId: id, actorId: ana, body: "x".repeat(5001), now: T0 })).toMatchObject({ ok: false, code: "invalid" });
    expect(editComment(db, { commentId: 9999, actorId: ana, body: "x", now: T0 })).toMatchObject({ ok: false, code: "not_found" });
    expect(editComment(db, { commentId: id, actorId: "ghost", body: "x", now: T0 })).toMatchObject({ ok: false, code: "not_found" });
    expect(snapshot()).toBe(before);
    expect(deleteComment(db, { commentId: id, actorId: ana, now: T0 }).ok).toBe(true);
    expect(editComment(db, { commentId: id, actorId: ana, body: "Back", now: T0 })).toMatchObject({ ok: false, code: "not_found" });
    expect(editComment(db, { commentId: reply, actorId: ben, body: "Edited reply", now: T0 + MIN }).ok).toBe(true);
  });
});

describe("deleting", () => {
  it("lets the author delete within 15 minutes, refuses others and later; an admin deletes any comment at any time", () => {
    const mine = post("q1", ana, "Mine", T0);
    const old = post("q1", ana, "Old", T0);
    const before = snapshot();
    expect(deleteComment(db, { commentId: mine, actorId: ben, now: T0 })).toEqual({
      ok: false,
      code: "forbidden",
      reason: "You can only delete your own comments.",
    });
    expect(deleteComment(db, { commentId: old, actorId: ana, now: T0 + 15 * MIN + 1 })).toMatchObject({ ok: false, code: "expired" });
    expect(deleteComment(db, { commentId: 9999, actorId: ana, now: T0 })).toMatchObject({ ok: false, code: "not_found" });
    expect(snapshot()).toBe(before);
    expect(deleteComment(db, { commentId: mine, actorId: ana, now: T0 + 15 * MIN })).toMatchObject({ ok: true });
    expect(deleteComment(db, { commentId: mine, actorId: ana, now: T0 + 15 * MIN })).toMatchObject({ ok: false, code: "not_found" });
    expect(deleteComment(db, { commentId: old, actorId: admin, now: T0 + 400 * DAY })).toMatchObject({ ok: true });
    // The rows stay (replies keep their place) but their words are never read out again.
    expect(listComments(db, "q1").map((c) => [c.body, c.deletedAt])).toEqual([
      ["", T0 + 15 * MIN],
      ["", T0 + 400 * DAY],
    ]);
  });

  it("keeps a deleted comment with replies as 'deleted' with its replies; one without replies disappears, as does a deleted reply", () => {
    const withReplies = post("q1", ana, "Head", T0);
    const r1 = post("q1", ben, "Reply one", T0 + 2 * MIN, withReplies);
    const r2 = post("q1", admin, "Reply two", T0 + MIN, withReplies);
    const alone = post("q1", ben, "Alone", T0 + 3 * MIN);
    const lastReplyOnly = post("q1", ana, "Will lose its reply", T0 + 4 * MIN);
    const lonelyReply = post("q1", ben, "Lonely", T0 + 5 * MIN, lastReplyOnly);
    for (const [commentId, actorId] of [
      [withReplies, ana],
      [alone, ben],
      [lonelyReply, ben],
    ] as const)
      expect(deleteComment(db, { commentId, actorId, now: T0 + 6 * MIN }).ok).toBe(true);
    const oldest = listCommentThreads(db, "q1", "oldest");
    expect(oldest.map((t) => [t.id, t.state, t.comment?.body ?? null, t.replies.map((r) => r.id)])).toEqual([
      [withReplies, "deleted", null, [r2, r1]],
      [lastReplyOnly, "shown", "Will lose its reply", []],
    ]);
    expect(listCommentThreads(db, "q1", "newest").map((t) => t.id)).toEqual([lastReplyOnly, withReplies]);
    // Deleting the last reply under a deleted comment makes the whole thread disappear.
    expect(deleteComment(db, { commentId: r1, actorId: ben, now: T0 + 7 * MIN }).ok).toBe(true);
    expect(deleteComment(db, { commentId: r2, actorId: admin, now: T0 + 7 * MIN }).ok).toBe(true);
    expect(listCommentThreads(db, "q1", "oldest").map((t) => t.id)).toEqual([lastReplyOnly]);
  });
});

describe("threads as a viewer reads them", () => {
  it("sorts threads oldest or newest first, replies always oldest first under their comment", () => {
    const a = post("q1", ana, "A", T0);
    const b = post("q1", ben, "B", T0 + 10 * MIN);
    const a2 = post("q1", ben, "A2", T0 + 20 * MIN, a);
    const a1 = post("q1", admin, "A1", T0 + 15 * MIN, a);
    const shape = (order: "oldest" | "newest") => listCommentThreads(db, "q1", order).map((t) => [t.id, t.replies.map((r) => r.id)]);
    expect(shape("oldest")).toEqual([
      [a, [a1, a2]],
      [b, []],
    ]);
    expect(shape("newest")).toEqual([
      [b, []],
      [a, [a1, a2]],
    ]);
  });

  it("under the anchoring guard shows only the viewer's own words; their reply to a hidden comment hangs under a bare placeholder", () => {
    const a = post("q1", ana, "Ana's view", T0);
    const mine = post("q1", ben, "Ben's own", T0 + MIN);
    const myReply = post("q1", ben, "Ben replies", T0 + 2 * MIN, a);
    post("q1", admin, "Admin replies", T0 + 3 * MIN, mine);
    const guarded = listCommentThreads(db, "q1", "oldest", ben);
    expect(guarded).toEqual([
      { id: a, state: "hidden", comment: null, replies: [expect.objectContaining({ id: myReply, body: "Ben replies" })] },
      { id: mine, state: "shown", comment: expect.objectContaining({ body: "Ben's own" }), replies: [] },
    ]);
    expect(JSON.stringify(guarded)).not.toMatch(/Ana|Admin/);
    expect(listCommentThreads(db, "q1", "oldest", null)).toEqual([]);
  });
});
