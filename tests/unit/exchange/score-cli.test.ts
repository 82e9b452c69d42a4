import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportDifferences } from "./report-comparison";
import { exchangeFixture } from "../../fixtures";

// Spawns the real command: `npm run --silent score -- <file>` (docs/report-format.md §1).
const root = path.resolve(__dirname, "../../..");
const run = (...args: string[]) =>
  spawnSync("npm", ["run", "--silent", "score", "--", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "score-cli-"));
const write = (name: string, content: string): string => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};

describe("score CLI", () => {
  it("prints the tiny example's report and exits 0", () => {
    const r = run(exchangeFixture("tiny-example.json"));
    expect(r.status).toBe(0);
    const expected = JSON.parse(fs.readFileSync(exchangeFixture("tiny-example.report.json"), "utf8"));
    expect(reportDifferences(JSON.parse(r.stdout), expected)).toEqual([]);
  }, 60_000);
  it("rejects a malformed document: one line per problem on stderr, nothing on stdout, exit 2", () => {
    const file = write(
      "bad.json",
      JSON.stringify({
        format: "forecast-desk/v1",
        questions: [{ id: "q", title: "t", type: "binary", open_time: "2024-01-01T00:00:00Z", close_time: "2023-12-01T00:00:00Z" }],
        forecasts: [{ question: "q", forecaster: "a", time: "2024-01-02T00:00:00Z", probability: 2 }],
      }),
    );
    const r = run(file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      "questions[0].close_time: must be later than open_time",
      "forecasts[0].probability: must be a number in [0, 1]",
    ]);
  }, 60_000);
  it("answers a file that is not JSON with path $", () => {
    const r = run(write("not.json", "{oops"));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^\$: must be valid JSON/);
  }, 60_000);
  it("--bins and --extremize override params", () => {
    const r = run(exchangeFixture("tiny-example.json"), "--bins", "4", "--extremize", "1");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.calibration.final.all.bins).toHaveLength(4);
    expect(report.questions["tiny-1"].aggregates.extremized).toBeCloseTo(report.questions["tiny-1"].aggregates.geometric_odds, 15);
    expect(run(exchangeFixture("tiny-example.json"), "--bins", "0").status).toBe(2);
  }, 60_000);
});
