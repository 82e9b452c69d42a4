import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetV1 } from "@/lib/exchange/read-v1";
import { reportToJson, writeReportJson } from "@/lib/exchange/write-report";
import { scoreDataset } from "@/lib/report";
import { exchangeFixture } from "../../fixtures";

// writeReportJson streams the report the score CLI prints; it must be JSON.stringify(reportToJson(·)) to the byte.
const streamed = (doc: unknown): { text: string; pieces: number } => {
  const read = readDatasetV1(doc);
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.rule}`).join("\n"));
  const pieces: string[] = [];
  writeReportJson(scoreDataset(read.dataset), (piece) => pieces.push(piece));
  return { text: pieces.join(""), pieces: pieces.length };
};
const onePiece = (doc: unknown): string => {
  const read = readDatasetV1(doc);
  if (!read.ok) throw new Error("valid");
  return JSON.stringify(reportToJson(scoreDataset(read.dataset)));
};

const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString();

describe("writeReportJson", () => {
  const examples = exchangeFixture();
  const names = fs.existsSync(examples) ? fs.readdirSync(examples).filter((f) => f.endsWith(".json") && !f.endsWith(".report.json")) : [];
  it.each(names)("writes %s exactly as JSON.stringify(reportToJson)", (name) => {
    const doc = JSON.parse(fs.readFileSync(path.join(examples, name), "utf8"));
    expect(streamed(doc).text).toBe(onePiece(doc));
  });

  it("keeps JSON.stringify's key order for integer-like, __proto__ and non-ASCII ids and labels", () => {
    const ids = ["b", "10", "2", "__proto__", "é", "😀", "0"];
    const names = ["z", "3", "__proto__", "10", "2", "ü", "a\"quote"];
    const questions = ids.map((id, i) => ({
      id,
      title: `Q ${i}`,
      type: i % 2 === 0 ? "binary" : "multiple_choice",
      ...(i % 2 === 0 ? {} : { options: ["2", "x", "1"] }),
      open_time: day(0),
      close_time: day(30),
      resolve_time: i === 6 ? null : day(31),
      resolution: i === 6 ? null : i % 2 === 0 ? (i % 4 === 0 ? "yes" : "no") : "1",
    }));
    const forecasts = questions.flatMap((q, i) =>
      names.map((forecaster, j) => ({
        question: q.id,
        forecaster,
        time: day(1 + ((i + j) % 20)),
        ...(q.type === "binary" ? { probability: ((i + 2 * j) % 10) / 10 } : { probabilities: { "2": 0.2, x: 0.3, "1": 0.5 } }),
      })),
    );
    const doc = { format: "forecast-desk/v1", questions, forecasts };
    expect(streamed(doc).text).toBe(onePiece(doc));
  });

  it("splits a large report into pieces that join to the same text", () => {
    const questions = Array.from({ length: 40 }, (_, i) => ({
      id: `q${i}`,
      title: "t",
      type: "binary",
      open_time: day(0),
      close_time: day(50),
      resolve_time: day(51),
      resolution: i % 3 === 0 ? "no" : "yes",
    }));
    const forecasts = questions.flatMap((q, i) =>
      Array.from({ length: 150 }, (_, j) => ({ question: q.id, forecaster: `f${j}`, time: day((i * j) % 49), probability: ((i * 7 + j * 13) % 1000) / 1000 })),
    );
    const doc = { format: "forecast-desk/v1", questions, forecasts };
    const { text, pieces } = streamed(doc);
    expect(pieces).toBeGreaterThan(1);
    expect(text).toBe(onePiece(doc));
  });
});
