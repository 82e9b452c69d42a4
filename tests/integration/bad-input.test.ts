// Bad input is a 4xx or the action's own error answer, never an exception (a 500), and nothing is
// written: server actions called with payloads of the wrong type or size, a forecast of the wrong
// kind for its question, malformed percent-escapes and oversized action posts (proxy.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForecast } from "@/app/(desk)/questions/[questionId]/actions";
import { postComment, removeComment, saveCommentEdit } from "@/app/(desk)/questions/[questionId]/comment-actions";
import { updateQuestionAction } from "@/app/(desk)/questions/[questionId]/edit/actions";
import { resolveQuestionAction, undoResolutionAction } from "@/app/(desk)/questions/[questionId]/resolve-actions";
import { createQuestionAction } from "@/app/(desk)/questions/new/actions";
import { signIn, signUp } from "@/app/(auth)/actions";
import { setRoleAction } from "@/app/(admin)/users/actions";
import { createInvitationAction, revokeInvitationAction } from "@/app/(admin)/users/invitation-actions";
import { BAD_FORM } from "@/app/_forms/action-input";
import { openDb, type Db } from "@/db/client";
import { recordForecast } from "@/db/queries/forecasts";
import { createUser } from "@/db/queries/users";
import { forecasts } from "@/db/schema/forecasts";
import { questionOptions, questions } from "@/db/schema/questions";
import { forecastInput } from "@/lib/validation/forecast";
import { proxy } from "@/proxy";

const NOT_A_FORM = [{ questionId: { $gt: "" } }, "questionId=q1", 42, null, [1, 2]];
type AnyAction = (...args: never[]) => Promise<unknown>;
const call = (action: AnyAction, ...args: unknown[]) => (action as unknown as (...a: unknown[]) => Promise<unknown>)(...args);

describe("server actions called with the wrong types", () => {
  it.each(NOT_A_FORM.map((v) => [JSON.stringify(v), v]))("answer %s with their error message, not an exception", async (_label, payload) => {
    for (const action of [submitForecast, postComment, saveCommentEdit, removeComment, createQuestionAction, signIn, signUp, setRoleAction, createInvitationAction, revokeInvitationAction])
      expect(JSON.stringify(await call(action, null, payload))).toContain(BAD_FORM);
    expect(JSON.stringify(await call(resolveQuestionAction, { id: "q1" }, null, new FormData()))).toContain(BAD_FORM);
    expect(JSON.stringify(await call(resolveQuestionAction, "q1", null, payload))).toContain(BAD_FORM);
    expect(JSON.stringify(await call(updateQuestionAction, ["q1"], null, new FormData()))).toContain(BAD_FORM);
    expect(JSON.stringify(await call(undoResolutionAction, { toString: "q1" }, null))).toContain(BAD_FORM);
    expect(JSON.stringify(await call(undoResolutionAction, "x".repeat(201), null))).toContain(BAD_FORM);
  });
});

describe("a forecast of the wrong kind for its question", () => {
  let dir: string;
  let db: Db;
  let ana: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-bad-input-"));
    db = openDb(path.join(dir, "fd.db"));
    ana = createUser(db, { email: "ana@example.org", name: "Ana", handle: "ana" }).id;
    const t = Date.now();
    for (const [id, type] of [["yes-no", "binary"], ["three", "multiple_choice"]] as const)
      db.insert(questions).values({ id, title: id, type, openTime: t - 1e6, closeTime: t + 1e9, createdAt: t - 2e6, updatedAt: t - 2e6 }).run();
    ["A", "B", "C"].forEach((label, position) => db.insert(questionOptions).values({ questionId: "three", position, label }).run());
  });
  afterAll(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a scenario vector on a yes/no question and one probability on a scenario set; nothing is written", () => {
    const vector = forecastInput.parse({ kind: "scenarios", questionId: "yes-no", percents: ["30", "70"] });
    expect(recordForecast(db, { ...vector, forecasterId: ana, madeAt: Date.now() })).toMatchObject({
      ok: false,
      reason: "This is a yes/no question: give one probability, not a scenario set.",
    });
    const single = forecastInput.parse({ kind: "binary", questionId: "three", percent: "40" });
    expect(recordForecast(db, { ...single, forecasterId: ana, madeAt: Date.now() })).toMatchObject({ ok: false, code: "invalid" });
    expect(db.select().from(forecasts).all()).toEqual([]);
    const right = forecastInput.parse({ kind: "binary", questionId: "yes-no", percent: "40" });
    expect(recordForecast(db, { ...right, forecasterId: ana, madeAt: Date.now() }).ok).toBe(true);
  });
});

describe("proxy.ts refuses malformed requests before any page", () => {
  it("answers a malformed percent-escape with 400 and a page that says so", async () => {
    for (const url of ["http://localhost:3994/questions/%ZZ", "http://localhost:3994/forecasters/%E0%A4%A", "http://localhost:3994/%"]) {
      const res = await proxy(new NextRequest(url));
      expect(res.status, url).toBe(400);
      expect(await res.text()).toContain("malformed percent-escape");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
    expect((await proxy(new NextRequest("http://localhost:3994/questions/q%201"))).status).toBe(200);
  });

  it("answers a server-action post over 1 MB with 413", async () => {
    const big = await proxy(
      new NextRequest("http://localhost:3994/questions/q1", {
        method: "POST",
        headers: { "next-action": "abc123", "content-length": String(1024 * 1024 + 1) },
      }),
    );
    expect(big.status).toBe(413);
    const small = await proxy(
      new NextRequest("http://localhost:3994/questions/q1", { method: "POST", headers: { "next-action": "abc123", "content-length": "2000" } }),
    );
    expect(small.status).toBe(200);
  });
});
