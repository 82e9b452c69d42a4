import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson } from "@/lib/exchange/write-report";
import { scoreDataset } from "@/lib/report";
import { reportDifferences } from "./report-comparison";
import { continuousFixture, exchangeFixture } from "../../fixtures";

// Every <name>.report.json of tests/fixtures/exchange and tests/fixtures/continuous must come out of
// <name>.json within docs/report-format.md §7.
const reportNames = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".report.json")).map((f) => path.join(dir, f.replace(/\.report\.json$/, ""))) : [];
const names = reportNames(exchangeFixture());
const continuousNames = reportNames(continuousFixture());
const loadFile = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));
const load = (file: string): unknown => loadFile(path.join(exchangeFixture(), file));

describe("golden reports", () => {
  it("finds the examples", () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(continuousNames.map((n) => path.basename(n)).sort()).toEqual(["continuous-edge-cases", "continuous-example"]);
  });
  it.each([...names, ...continuousNames].map((n) => [path.basename(n), n]))("%s reproduces its report", (_name, base) => {
    const read = readDatasetV1(loadFile(`${base}.json`));
    if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
    const actual = JSON.parse(JSON.stringify(reportToJson(scoreDataset(read.dataset))));
    expect(reportDifferences(actual, loadFile(`${base}.report.json`))).toEqual([]);
  });
  it("score rows come in (question, forecaster) order", () => {
    const read = readDatasetV1(load("example.json"));
    if (!read.ok) throw new Error("example.json is valid");
    const rows = scoreDataset(read.dataset).scores.map((r) => `${r.question}\u0000${r.forecaster}`);
    expect(rows).toEqual([...rows].sort());
  });
});

describe("reportDifferences follows docs/report-format.md §7", () => {
  it("accepts 1e-9 noise, instants in other forms, and rejects extra keys and wrong nulls", () => {
    expect(reportDifferences({ a: 0.1 + 1e-10, t: "2024-01-01T03:00:00+03:00" }, { a: 0.1, t: "2024-01-01T00:00:00.000Z" })).toEqual([]);
    expect(reportDifferences({ a: 1, b: 2 }, { a: 1 })).toHaveLength(1);
    expect(reportDifferences({ a: 0 }, { a: null })).toHaveLength(1);
    expect(reportDifferences({ jeffreys_lo: 0.5 + 5e-8 }, { jeffreys_lo: 0.5 })).toEqual([]);
    expect(reportDifferences([1, 2], [2, 1])).toHaveLength(2);
  });
});
