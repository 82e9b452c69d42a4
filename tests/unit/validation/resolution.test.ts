import * as z from "zod";
import { describe, expect, it } from "vitest";
import { resolutionFormInput } from "@/lib/validation/resolution";

const OPEN = Date.UTC(2023, 0, 1);
const NOW = Date.UTC(2024, 0, 1);
const binary = resolutionFormInput({ options: ["no", "yes"], openTime: OPEN }, NOW);
const errorsOf = (input: unknown) => {
  const r = binary.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe("resolutionFormInput", () => {
  it("reads Yes with a backdated resolve time", () => {
    expect(binary.parse({ intent: "resolve", outcome: "1", evidence: " signed ", resolveTime: "2023-06-01T10:00" })).toEqual({
      outcome: { kind: "option", option: 1 },
      resolveTime: Date.UTC(2023, 5, 1, 10),
      evidence: "signed",
    });
  });
  it("annuls without an outcome, with the reason as evidence", () => {
    expect(binary.parse({ intent: "annul", evidence: " question was ambiguous ", resolveTime: "2023-06-01T10:00" })).toMatchObject({
      outcome: { kind: "annulled" },
      evidence: "question was ambiguous",
    });
  });
  it("refuses to annul without a reason", () => {
    expect(errorsOf({ intent: "annul", resolveTime: "2023-06-01T10:00" }).evidence).toEqual(["Give the reason for annulling in Evidence"]);
    expect(errorsOf({ intent: "annul", evidence: "   ", resolveTime: "2023-06-01T10:00" }).evidence).toEqual([
      "Give the reason for annulling in Evidence",
    ]);
  });
  it("requires an outcome in range to resolve", () => {
    expect(errorsOf({ intent: "resolve", resolveTime: "2023-06-01T10:00" }).outcome?.[0]).toMatch(/Choose the outcome/);
    expect(errorsOf({ intent: "resolve", outcome: "2", resolveTime: "2023-06-01T10:00" }).outcome).toBeDefined();
  });
  it.each([["1e0"], [" 1 "], ["0x1"], ["1.0"], ["+1"], [""]])("reads the outcome as an option index only: %j is refused", (outcome) => {
    expect(errorsOf({ intent: "resolve", outcome, resolveTime: "2023-06-01T10:00" }).outcome?.[0]).toBe("Choose the outcome");
  });
  it("keeps the resolve time after the open time and not in the future", () => {
    expect(errorsOf({ intent: "annul", evidence: "why", resolveTime: "2023-01-01T00:00" }).resolveTime?.[0]).toMatch(/after the question's open time/);
    expect(errorsOf({ intent: "annul", evidence: "why", resolveTime: "2024-01-02T00:00" }).resolveTime?.[0]).toMatch(/future/);
  });
  it("reports every problem at once", () => {
    expect(Object.keys(errorsOf({ intent: "resolve", evidence: "e".repeat(5_001) })).sort()).toEqual(["evidence", "outcome", "resolveTime"]);
    expect(Object.keys(errorsOf({ intent: "delete", resolveTime: "2023-06-01T10:00" }))).toEqual(["intent"]);
  });
  it("caps evidence at 5,000 characters", () => {
    const base = { intent: "annul", resolveTime: "2023-06-01T10:00" };
    expect(errorsOf({ ...base, evidence: "e".repeat(5_001) }).evidence?.[0]).toMatch(/5,000/);
    expect(errorsOf({ ...base, evidence: "e".repeat(5_000) })).toEqual({});
  });
});
