import { describe, expect, it } from "vitest";
import { notificationSentence } from "@/components/notifications/notification-text";

const q = { questionTitle: "Will it rain?" };

describe("notificationSentence", () => {
  it("says the outcome and my four scores in the pages' number format", () => {
    const scores = { finalBrier: 0.04, finalLogScore: Math.log(0.8), baseline: 67.807, peer: 28.768 };
    expect(notificationSentence({ ...q, kind: "resolved", payload: { outcome: "Yes", scores } })).toBe(
      "Resolved Yes. Your scores: Brier 0.0400 · log −0.2231 · baseline +67.8 · peer +28.8.",
    );
    expect(notificationSentence({ ...q, kind: "corrected", payload: { outcome: "No", scores: null } })).toBe(
      "The resolution was corrected to No. None of your forecasts counted (all came after the close).",
    );
  });
  it("says why a forecast needs an update, and who commented", () => {
    expect(notificationSentence({ ...q, kind: "needs_update", payload: { reasons: ["stale", "crowd_moved"], ageDays: 1 } })).toBe(
      "Your forecast is 1 day old and the crowd has moved more than 10 points since you forecast.",
    );
    expect(notificationSentence({ ...q, kind: "needs_update", payload: { reasons: ["crowd_moved"], ageDays: 3 } })).toBe(
      "The crowd has moved more than 10 points since you forecast.",
    );
    expect(notificationSentence({ ...q, kind: "comment", payload: { author: "Ana", excerpt: "Look at the radar." } })).toBe(
      "Ana commented: “Look at the radar.”",
    );
  });
});
