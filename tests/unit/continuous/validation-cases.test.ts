import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { continuousFixture } from "../../fixtures";

// tests/fixtures/continuous/continuous-validation-cases.json: documents that must be rejected with the JSON
// path of their first error, and documents that must be accepted (docs/continuous.md "Validation").
interface ValidationCase {
  name: string;
  expect: string | null;
  document: unknown;
}
const { cases } = JSON.parse(fs.readFileSync(continuousFixture("continuous-validation-cases.json"), "utf8")) as { cases: ValidationCase[] };
const rejected = cases.filter((c) => c.expect !== null);
const accepted = cases.filter((c) => c.expect === null);

describe("continuous validation cases, through the reader", () => {
  it("has both kinds", () => {
    expect(rejected.length).toBeGreaterThanOrEqual(20);
    expect(accepted.length).toBeGreaterThanOrEqual(5);
  });
  it.each(rejected.map((c) => [c.name, c] as const))("rejects: %s", (_name, c) => {
    const read = readDatasetV1(structuredClone(c.document));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0].path).toBe(c.expect);
  });
  it.each(accepted.map((c) => [c.name, c] as const))("accepts: %s", (_name, c) => {
    const read = readDatasetV1(structuredClone(c.document));
    expect(read.ok ? [] : read.errors).toEqual([]);
  });
});

// The real command (docs/report-format.md §1): exit 2, nothing on stdout, the first line names the path.
const root = path.resolve(__dirname, "../../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "continuous-validation-"));
const score = (c: ValidationCase) => {
  const file = path.join(tmp, `${c.name.replace(/[^a-z0-9]+/gi, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(c.document));
  return spawnSync("npm", ["run", "--silent", "score", "--", file], { cwd: root, encoding: "utf8", timeout: 60_000 });
};
const pick = (name: string): ValidationCase => {
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no case "${name}"`);
  return found;
};

describe("continuous validation cases, through the score command", () => {
  it.each([
    "zero_point inside the range",
    "date resolution after a closed upper bound",
    "cdf on a binary forecast",
    "a step below 0.00005",
  ])("rejects %s with exit 2 and the path", (name) => {
    const c = pick(name);
    const r = score(c);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0].startsWith(`${c.expect}: `)).toBe(true);
  }, 60_000);
  it("accepts steps of exactly 0.00005 written as decimals and prints a report", () => {
    const r = score(pick("ACCEPTED: steps of exactly 0.00005 written as decimals"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe("forecast-desk-report/v1");
  }, 60_000);
});
