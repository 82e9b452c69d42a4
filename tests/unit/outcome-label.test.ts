import { describe, expect, it } from "vitest";
import { outcomeLabel } from "@/lib/outcome-label";

const binary = { type: "binary", options: ["no", "yes"] } as const;
const scenarios = { type: "multiple_choice", options: ["Merger", "Status quo", "Split"] } as const;

describe("outcomeLabel", () => {
  it.each([
    [binary, { kind: "option", option: 1 }, "Yes"],
    [binary, { kind: "option", option: 0 }, "No"],
    [binary, { kind: "annulled" }, "Annulled"],
    [scenarios, { kind: "option", option: 0 }, "Merger"],
    [scenarios, { kind: "option", option: 2 }, "Split"],
    [scenarios, { kind: "annulled" }, "Annulled"],
    [scenarios, { kind: "option", option: 7 }, "option 7"], // not one of the options: says so, does not throw
  ] as const)("%o, %o → %s", (question, outcome, label) => {
    expect(outcomeLabel(question, outcome)).toBe(label);
  });
});
