import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { recordForecast } from "@/db/queries/forecasts";
import {
  createQuestion,
  getQuestion,
  listDueQuestions,
  listQuestions,
  listTagsInUse,
  updateQuestion,
} from "@/db/queries/questions";
import { recordResolution } from "@/db/queries/resolutions";
import { createUser } from "@/db/queries/users";
import { questions } from "@/db/schema/questions";
import { questionFormInput, type QuestionDefinition } from "@/lib/validation/question";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);
let dir: string;
let db: Db;
let adminId: string;

const def = (over: Partial<QuestionDefinition> = {}): QuestionDefinition => ({
  title: "Single currency by 2030?",
  description: "",
  resolutionCriteria: "",
  tags: ["currency"],
  openTime: NOW - 30 * DAY,
  closeTime: NOW + 30 * DAY,
  resolveBy: null,
  type: "binary",
  scenarios: [],
  hideCrowdUntilForecast: true,
  isDraft: false,
  ...over,
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-questions-"));
  db = openDb(path.join(dir, "fd.db"));
  adminId = createUser(db, { email: "admin@x.org", name: "Admin", role: "admin" }).id;
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("createQuestion / updateQuestion", () => {
  it("creates a scenario set with its scenarios and tags and reads it back", () => {
    const id = createQuestion(
      db,
      def({ type: "multiple_choice", scenarios: ["Status quo", "Deeper integration", "Rupture"], tags: ["union", "Minsk"] }),
      { createdBy: adminId, now: NOW },
    );
    expect(id).toMatch(/^single-currency-by-2030-[0-9a-f]{6}$/);
    const q = getQuestion(db, id)!;
    expect(q.options).toEqual(["Status quo", "Deeper integration", "Rupture"]);
    expect(q.tags).toEqual(["Minsk", "union"]);
    expect(q.hideCrowdUntilForecast).toBe(true);
    expect(listTagsInUse(db, false)).toEqual(["Minsk", "union"]);
  });

  it("writes nothing when the form is invalid (the schema stops it before the db)", () => {
    const parsed = questionFormInput.safeParse({ title: "x".repeat(201), openTime: "", closeTime: "", type: "binary" });
    expect(parsed.success).toBe(false);
    expect(db.select().from(questions).all()).toHaveLength(0);
  });

  it("edits freely until forecasts exist, then locks type and scenarios", () => {
    const id = createQuestion(db, def({ type: "multiple_choice", scenarios: ["A", "B"] }), { createdBy: adminId, now: NOW });
    expect(updateQuestion(db, id, def({ type: "multiple_choice", scenarios: ["A", "B", "C"], title: "Renamed" }), NOW)).toEqual({ ok: true });
    expect(getQuestion(db, id)!.options).toEqual(["A", "B", "C"]);
    const ana = createUser(db, { email: "ana@x.org", name: "Ana" });
    expect(recordForecast(db, { questionId: id, forecasterId: ana.id, probabilities: [0.5, 0.3, 0.2], rationale: null, madeAt: NOW }).ok).toBe(true);

    const locked = updateQuestion(db, id, def({ type: "multiple_choice", scenarios: ["A", "B"] }), NOW + 1);
    expect(locked).toMatchObject({ ok: false, code: "locked", field: "scenarios" });
    expect(updateQuestion(db, id, def({ type: "binary" }), NOW + 1)).toMatchObject({ ok: false, field: "type" });
    const q = getQuestion(db, id)!;
    expect(q.title).toBe("Renamed");
    expect(q.options).toEqual(["A", "B", "C"]);
    expect(q.updatedAt).toBe(NOW);
    // Other fields stay editable.
    expect(updateQuestion(db, id, def({ type: "multiple_choice", scenarios: ["A", "B", "C"], title: "Again", tags: [] }), NOW + 2).ok).toBe(true);
    expect(getQuestion(db, id)!.tags).toEqual([]);
    expect(updateQuestion(db, "nope", def(), NOW).ok).toBe(false);
  });
});

describe("listing", () => {
  it("filters by tag and text and hides drafts from non-admins", () => {
    createQuestion(db, def({ title: "Gas market addenda signed", tags: ["gas"] }), { createdBy: adminId, now: NOW });
    createQuestion(db, def({ title: "Central banks agree", description: "monetary 100% principles", tags: ["Money"] }), { createdBy: adminId, now: NOW });
    createQuestion(db, def({ title: "Draft about gas", tags: ["gas"], isDraft: true }), { createdBy: adminId, now: NOW });
    expect(listQuestions(db, { includeDrafts: false, tag: "gas" }).map((q) => q.title)).toEqual(["Gas market addenda signed"]);
    expect(listQuestions(db, { includeDrafts: true, tag: "GAS" })).toHaveLength(2);
    expect(listQuestions(db, { includeDrafts: false, search: "MONETARY" }).map((q) => q.title)).toEqual(["Central banks agree"]);
    expect(listQuestions(db, { includeDrafts: false, search: "100%" })).toHaveLength(1);
    expect(listQuestions(db, { includeDrafts: false, search: "0_%" })).toHaveLength(0);
  });

  it("the due queue: past resolve-by (or close without one), unresolved, not draft, oldest first", () => {
    const mk = (title: string, over: Partial<QuestionDefinition>) =>
      createQuestion(db, def({ title, ...over }), { createdBy: adminId, now: NOW });
    mk("open", {});
    mk("closed, resolve-by ahead", { closeTime: NOW - 5 * DAY, resolveBy: NOW + 5 * DAY });
    mk("due by resolve-by", { openTime: NOW - 90 * DAY, closeTime: NOW - 20 * DAY, resolveBy: NOW - 10 * DAY });
    mk("due by close", { openTime: NOW - 90 * DAY, closeTime: NOW - 15 * DAY });
    mk("due exactly now", { openTime: NOW - 90 * DAY, closeTime: NOW - 1 * DAY, resolveBy: NOW });
    mk("draft past due", { closeTime: NOW - 15 * DAY, isDraft: true });
    const resolved = mk("resolved", { openTime: NOW - 90 * DAY, closeTime: NOW - 40 * DAY });
    recordResolution(db, { questionId: resolved, outcome: { kind: "option", option: 1 }, resolveTime: NOW - 40 * DAY, evidence: "", actorId: adminId, now: NOW });
    expect(listDueQuestions(db, NOW).map((q) => q.title)).toEqual(["due by close", "due by resolve-by", "due exactly now"]);
  });
});
