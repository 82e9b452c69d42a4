import { describe, expect, it } from "vitest";
import {
  acceptsForecasts,
  forecastingEndsAt,
  isClosingSoon,
  isCrowdHiddenFrom,
  isDueForResolution,
  questionStatus,
  resolutionDeadline,
  type LifecycleFacts,
} from "@/lib/question-lifecycle";

const DAY = 86_400_000;
// A question open on day 10, closing on day 40, judged on day 50.
const Q = (over: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  isDraft: false,
  openTime: 10 * DAY,
  closeTime: 40 * DAY,
  resolveBy: 50 * DAY,
  outcome: null,
  resolveTime: null,
  ...over,
});
const yes = { kind: "option", option: 1 } as const;

describe("questionStatus", () => {
  it.each([
    [Q(), 5 * DAY, "upcoming"],
    [Q(), 10 * DAY, "open"],
    [Q(), 40 * DAY - 1, "open"],
    [Q(), 40 * DAY, "closed"],
    [Q({ isDraft: true }), 20 * DAY, "draft"],
    [Q({ outcome: yes, resolveTime: 30 * DAY }), 20 * DAY, "resolved"],
    [Q({ outcome: { kind: "annulled" }, resolveTime: 30 * DAY }), 45 * DAY, "annulled"],
  ] as const)("%o at %d is %s", (q, now, status) => {
    expect(questionStatus(q, now)).toBe(status);
  });

  it("takes forecasts only while open", () => {
    expect(acceptsForecasts(Q(), 20 * DAY)).toBe(true);
    expect(acceptsForecasts(Q(), 41 * DAY)).toBe(false);
    expect(acceptsForecasts(Q({ outcome: yes, resolveTime: 15 * DAY }), 20 * DAY)).toBe(false);
  });

  it("ends forecasting at an early resolution", () => {
    expect(forecastingEndsAt(Q({ outcome: yes, resolveTime: 15 * DAY }))).toBe(15 * DAY);
    expect(forecastingEndsAt(Q({ outcome: yes, resolveTime: 45 * DAY }))).toBe(40 * DAY);
    expect(forecastingEndsAt(Q())).toBe(40 * DAY);
  });
});

describe("resolutionDeadline", () => {
  it("is the resolve-by date, or the close time without one", () => {
    expect(resolutionDeadline(Q())).toBe(50 * DAY);
    expect(resolutionDeadline(Q({ resolveBy: null }))).toBe(40 * DAY);
  });
});

describe("isDueForResolution", () => {
  it("is due from the resolve-by date, or the close without one, until resolved", () => {
    expect(isDueForResolution(Q(), 49 * DAY)).toBe(false);
    expect(isDueForResolution(Q(), 50 * DAY)).toBe(true);
    expect(isDueForResolution(Q({ resolveBy: null }), 40 * DAY)).toBe(true);
    expect(isDueForResolution(Q({ outcome: yes, resolveTime: 45 * DAY }), 60 * DAY)).toBe(false);
    expect(isDueForResolution(Q({ isDraft: true }), 60 * DAY)).toBe(false);
  });
});

describe("isClosingSoon", () => {
  it("means open and closing within 14 days", () => {
    expect(isClosingSoon(Q(), 26 * DAY)).toBe(true);
    expect(isClosingSoon(Q(), 25 * DAY)).toBe(false);
    expect(isClosingSoon(Q(), 40 * DAY)).toBe(false);
  });
});

describe("isCrowdHiddenFrom (anchoring guard)", () => {
  const guarded = { ...Q(), hideCrowdUntilForecast: true };
  const analyst = { role: "analyst" } as const;
  it("hides the crowd from visitors and analysts who have not forecast on an open question", () => {
    expect(isCrowdHiddenFrom(guarded, null, false, 20 * DAY)).toBe(true);
    expect(isCrowdHiddenFrom(guarded, analyst, false, 20 * DAY)).toBe(true);
  });
  it("shows it to those who have forecast, to admins, and on unguarded questions", () => {
    expect(isCrowdHiddenFrom(guarded, analyst, true, 20 * DAY)).toBe(false);
    expect(isCrowdHiddenFrom(guarded, { role: "admin" }, false, 20 * DAY)).toBe(false);
    expect(isCrowdHiddenFrom({ ...guarded, hideCrowdUntilForecast: false }, null, false, 20 * DAY)).toBe(false);
  });
  it("shows it to everyone once forecasting has ended", () => {
    expect(isCrowdHiddenFrom(guarded, null, false, 40 * DAY)).toBe(false);
    expect(isCrowdHiddenFrom({ ...guarded, outcome: yes, resolveTime: 30 * DAY }, analyst, false, 35 * DAY)).toBe(false);
  });
});
