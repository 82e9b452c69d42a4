import fs from "node:fs";
import path from "node:path";

/** The repository's migrations folder. */
export const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/**
 * A copy (under `dir`) of db/migrations holding only the migrations before the one whose tag ends with
 * `tag`: a desk migrated with it is the desk as it was before that migration.
 */
export function migrationsBefore(dir: string, tag: string): string {
  const folder = path.join(dir, "migrations-before");
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ tag: string }>;
  };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  if (cut <= 0) throw new Error(`no migration before one tagged …${tag}`);
  const entries = journal.entries.slice(0, cut);
  fs.mkdirSync(path.join(folder, "meta"), { recursive: true });
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  return folder;
}
