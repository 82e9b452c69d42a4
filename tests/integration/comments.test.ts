import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { addComment, listComments } from "@/db/queries/comments";
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
    .values({ id, title: `Question ${id}`, type: "binary", openTime: T0, closeTime: T0 + 30 * DAY, createdAt: T0, updatedAt: T0, ...extra })
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
  it("lists a question's comments newest first with author name and handle, ties by later insert", () => {
    const first = addComment(db, { questionId: "q1", authorId: ana, body: "First thoughts", createdAt: T0 + DAY });
    const second = addComment(db, { questionId: "q1", authorId: ben, body: "  Disagree: base rate is low.  ", createdAt: T0 + 2 * DAY });
    const tie = addComment(db, { questionId: "q1", authorId: ana, body: "Same minute", createdAt: T0 + 2 * DAY });
    addComment(db, { questionId: "q2", authorId: ana, body: "Other question", createdAt: T0 + 3 * DAY });
    expect([first.ok, second.ok, tie.ok]).toEqual([true, true, true]);
    const listed = listComments(db, "q1");
    expect(listed.map((c) => [c.authorHandle, c.authorName, c.body, c.createdAt])).toEqual([
      ["ana", "Ana Lind", "Same minute", T0 + 2 * DAY],
      ["ben", "Ben Ortiz", "Disagree: base rate is low.", T0 + 2 * DAY],
      ["ana", "Ana Lind", "First thoughts", T0 + DAY],
    ]);
    expect(listed[2]).toMatchObject({ id: first.ok ? first.id : -1, questionId: "q1", authorId: ana });
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
