import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { writeReportJson } from "@/lib/exchange/write-report";
import { scoreDataset } from "@/lib/report";
import { exchangeFixture, scoreOutputFixture } from "../../fixtures";

// The compatibility rule of docs/continuous.md: a document without a numeric or date question gets exactly
// the report it got before those types existed, byte for byte. tests/fixtures/score-output holds what
// `npm run --silent score` printed for each binary and scenario example before (main at bb64a54).
const examples = ["example", "tiny-example", "edge-cases"];

function printedReport(name: string): string {
  const read = readDatasetV1(JSON.parse(fs.readFileSync(exchangeFixture(`${name}.json`), "utf8")));
  if (!read.ok) throw new Error(`${name}.json is valid`);
  const pieces: string[] = [];
  writeReportJson(scoreDataset(read.dataset), (piece) => pieces.push(piece));
  return `${pieces.join("")}\n`;
}

describe("binary and scenario reports are unchanged", () => {
  it.each(examples)("%s prints what it printed before", (name) => {
    expect(printedReport(name)).toBe(fs.readFileSync(scoreOutputFixture(`${name}.stdout.json`), "utf8"));
  });
  it("the score command prints the edge cases' report byte for byte", () => {
    const root = path.resolve(__dirname, "../../..");
    const r = spawnSync("npm", ["run", "--silent", "score", "--", exchangeFixture("edge-cases.json")], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fs.readFileSync(scoreOutputFixture("edge-cases.stdout.json"), "utf8"));
  }, 60_000);
});
