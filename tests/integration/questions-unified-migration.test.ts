import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { exportDataset } from "@/db/queries/exchange";
import { listQuestions } from "@/db/queries/questions";
import { createUser } from "@/db/queries/users";
import { encodeCdf } from "@/lib/continuous/cdf-blob";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { isContinuousQuestion, type Dataset } from "@/lib/types";
import { continuousFixture } from "../fixtures";
import { migrationsBefore } from "./support/migrations-before";

// The migration that moves numeric and date questions into the common tables (db/migrations
// *_cont13a_questions_unified.sql) copies every row of the old tables before dropping them: a database
// filled at the previous migration, the way the old import wrote it, exports the same document after.

const UNIFIED = "cont13a_questions_unified";
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fd-unified-migration-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function readFixture(name: string): Dataset {
  const read = readDatasetV1(JSON.parse(fs.readFileSync(continuousFixture(name), "utf8")));
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  return read.dataset;
}

/** Writes a dataset's numeric and date part into the OLD tables, as the old import did. */
function fillOldTables(file: string, dataset: Dataset): void {
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: migrationsBefore(dir, UNIFIED) });
  const userIds = new Map<string, string>();
  const continuous = dataset.continuous!;
  for (const handle of new Set(continuous.forecasts.map((f) => f.forecaster))) {
    const user = createUser(db as never, { name: handle, email: `${handle}@old.example`, handle });
    userIds.set(handle, user.id);
  }
  const tagId = (name: string): number => {
    sqlite.prepare("insert or ignore into tags (name) values (?)").run(name);
    return (sqlite.prepare("select id from tags where name = ?").get(name) as { id: number }).id;
  };
  const now = 1_700_000_000_000;
  for (const q of continuous.questions) {
    sqlite
      .prepare(
        `insert into continuous_questions (id, title, description, resolution_criteria, type, unit, range_min, range_max, zero_point,
           open_lower_bound, open_upper_bound, open_time, close_time, resolve_by, is_draft, hide_crowd_until_forecast, is_illustrative,
           created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)`,
      )
      .run(
        q.id,
        q.title,
        q.description ?? "",
        q.resolutionCriteria ?? "",
        q.type,
        q.type === "numeric" ? "units" : "",
        q.scale.rangeMin,
        q.scale.rangeMax,
        q.scale.zeroPoint,
        q.scale.openLowerBound ? 1 : 0,
        q.scale.openUpperBound ? 1 : 0,
        q.openTime,
        q.closeTime,
        q.resolveBy,
        q.isDraft ? 1 : 0,
        q.hideCrowdUntilForecast ? 1 : 0,
        q.isIllustrative ? 1 : 0,
        now,
        now,
      );
    for (const name of new Set(q.tags)) sqlite.prepare("insert into continuous_question_tags (question_id, tag_id) values (?, ?)").run(q.id, tagId(name));
    if (q.outcome)
      sqlite
        .prepare(
          "insert into continuous_resolutions (question_id, value, annulled, resolve_time, evidence, resolved_by, recorded_at) values (?, ?, ?, ?, ?, null, ?)",
        )
        .run(q.id, q.outcome.kind === "value" ? q.outcome.value : null, q.outcome.kind === "annulled" ? 1 : 0, q.resolveTime ?? q.closeTime, q.evidence ?? "", now);
  }
  const insertForecast = sqlite.prepare(
    "insert into continuous_forecasts (question_id, forecaster_id, made_at, cdf, rationale) values (?, ?, ?, ?, ?)",
  );
  for (const f of continuous.forecasts) insertForecast.run(f.question, userIds.get(f.forecaster), f.time, Buffer.from(encodeCdf(f.cdf)), f.rationale);
  sqlite.close();
}

describe.each(["continuous-example.json", "continuous-edge-cases.json"])("the unified-questions migration on %s", (name) => {
  it("copies every question, scale, tag, resolution and CDF forecast before dropping the old tables", () => {
    const original = readFixture(name);
    const file = path.join(dir, `${name}.db`);
    fillOldTables(file, original);
    const db = openDb(file); // applies the unified migration (and any later one)
    const tables = (db.$client.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).not.toContain("continuous_questions");
    expect(tables).not.toContain("continuous_question_tags");
    expect(tables).not.toContain("continuous_resolutions");
    expect(db.$client.prepare("select count(*) as n from continuous_forecasts").get()).toEqual({ n: original.continuous!.forecasts.length });
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);

    const exported = exportDataset(db).continuous!;
    const expected = original.continuous!;
    expect(exported.questions.map((q) => q.id)).toEqual(expected.questions.map((q) => q.id).sort());
    for (const q of exported.questions) {
      const given = expected.questions.find((e) => e.id === q.id)!;
      expect(q.type).toBe(given.type);
      expect(q.scale).toEqual(given.scale);
      expect([q.openTime, q.closeTime, q.resolveBy]).toEqual([given.openTime, given.closeTime, given.resolveBy]);
      expect(q.outcome).toEqual(given.outcome);
      if (given.outcome) expect(q.resolveTime).toBe(given.resolveTime ?? given.closeTime);
      expect(q.tags).toEqual([...new Set(given.tags)].sort());
      expect(q.title).toBe(given.title);
    }
    // Forecasts keep their order, forecaster and every CDF value to the last bit.
    expect(exported.forecasts.length).toBe(expected.forecasts.length);
    const rows = (list: typeof expected.forecasts) => list.map((f) => [f.question, f.forecaster, f.time, Array.from(f.cdf), f.rationale]);
    expect(rows(exported.forecasts)).toEqual(rows(expected.forecasts));

    // They are desk questions now: listed, searchable (FTS rows written by the insert trigger), with the unit kept.
    const listed = listQuestions(db, { includeDrafts: true });
    expect(listed.filter(isContinuousQuestion).map((q) => q.id).sort()).toEqual(expected.questions.map((q) => q.id).sort());
    const numeric = listed.find((q) => q.type === "numeric");
    if (numeric && isContinuousQuestion(numeric)) expect(numeric.scale.unit).toBe("units");
    const firstWord = expected.questions[0].title.match(/[\p{L}\p{N}]{4,}/u)![0];
    expect(listQuestions(db, { includeDrafts: true, search: firstWord }).map((q) => q.id)).toContain(expected.questions[0].id);
    db.$client.close();
  });
});
