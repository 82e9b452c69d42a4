import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/slug";

describe("slugify", () => {
  it.each([
    ["Will the EU lift sanctions?", 48, "will-the-eu-lift-sanctions"],
    ["Ana Pérez", 40, "ana-perez"],
    ["  --Union State: 2025--  ", 40, "union-state-2025"],
    ["abc def ghi", 8, "abc-def"], // cut at 8 ("abc-def-") and no trailing '-'
    ["Д. Иванов", 40, ""],
  ])("%s (max %i) → %s", (text, max, slug) => {
    expect(slugify(text, max)).toBe(slug);
  });
});
