import { describe, expect, it } from "vitest";
import type { LifecycleFacts } from "@/lib/question-lifecycle";
import { isInQuestionTab } from "@/lib/question-tabs";
import { QUESTION_TABS } from "@/lib/validation/question";

const DAY = 86_400_000;
const NOW = 100 * DAY;
/** Q = lifecycle facts of a question open from day 10, closing on day 200, resolve-by day 210. */
const Q = (over: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  isDraft: false,
  openTime: 10 * DAY,
  closeTime: 200 * DAY,
  resolveBy: 210 * DAY,
  outcome: null,
  resolveTime: null,
  ...over,
});
const tabsOf = (q: LifecycleFacts) => QUESTION_TABS.filter((tab) => isInQuestionTab(q, tab, NOW));

describe("isInQuestionTab", () => {
  it.each([
    ["open, far from its close", Q(), ["open", "all"]],
    ["open, closing in 14 days", Q({ closeTime: NOW + 14 * DAY }), ["open", "closing-soon", "all"]],
    ["open, closing in 15 days", Q({ closeTime: NOW + 15 * DAY }), ["open", "all"]],
    ["not open yet", Q({ openTime: NOW + DAY }), ["open", "all"]],
    ["a draft", Q({ isDraft: true }), ["open", "all"]],
    ["closed, resolve-by ahead", Q({ closeTime: NOW - DAY, resolveBy: NOW + DAY }), ["closed", "all"]],
    ["closed, resolve-by passed", Q({ closeTime: NOW - 2 * DAY, resolveBy: NOW - DAY }), ["due", "all"]],
    ["closed, no resolve-by", Q({ closeTime: NOW - DAY, resolveBy: null }), ["due", "all"]],
    ["resolved", Q({ closeTime: NOW - DAY, outcome: { kind: "option", option: 1 }, resolveTime: NOW - DAY }), ["resolved", "all"]],
    ["annulled", Q({ outcome: { kind: "annulled" }, resolveTime: NOW - DAY }), ["resolved", "all"]],
  ] as const)("%s → %o", (_, q, tabs) => {
    expect(tabsOf(q)).toEqual(tabs);
  });
});
