import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarTicks, formatMoment, formatRelative } from "@/lib/format/date";

const DAY = 86_400_000;

describe("formatMoment", () => {
  it("writes a moment with its time zone", () => {
    const t = Date.UTC(2026, 11, 4, 14, 30);
    expect(formatMoment(t, "datetime", "UTC")).toBe("4 Dec 2026, 14:30 UTC");
    expect(formatMoment(t, "datetime", "Europe/Berlin")).toBe("4 Dec 2026, 15:30 CET");
    expect(formatMoment(t, "datetime", "America/New_York")).toBe("4 Dec 2026, 09:30 GMT\u22125");
    expect(formatMoment(t, "date", "UTC")).toBe("4 Dec 2026");
    expect(formatMoment(t, "month", "UTC")).toBe("Dec 2026");
    expect(formatMoment(t, "day", "UTC")).toBe("4 Dec");
    expect(formatMoment(t, "year", "UTC")).toBe("2026");
  });

  it("writes every month in three letters (en-GB's 'Sept' too)", () => {
    const months = Array.from({ length: 12 }, (_, m) => formatMoment(Date.UTC(2026, m, 15), "month", "UTC"));
    expect(months).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((m) => `${m} 2026`));
  });

  it("reads a deadline at midnight as the end of the previous day, in the zone where it is midnight", () => {
    const deadline = Date.UTC(2026, 11, 5); // "before 4 December" ends at 5 Dec 00:00Z
    expect(formatMoment(deadline, "deadline", "UTC")).toBe("end of 4 Dec 2026 UTC");
    expect(formatMoment(deadline, "datetime", "UTC")).toBe("5 Dec 2026, 00:00 UTC");
    expect(formatMoment(deadline, "deadline", "Europe/Berlin")).toBe("5 Dec 2026, 01:00 CET");
    expect(formatMoment(Date.UTC(2026, 11, 4, 23), "deadline", "Europe/Berlin")).toBe("end of 4 Dec 2026 CET");
    expect(formatMoment(deadline + 60_000, "deadline", "UTC")).toBe("5 Dec 2026, 00:01 UTC");
  });

  it("writes UTC from the Date's fields exactly as Intl writes it (Etc/UTC goes through Intl)", () => {
    const styles = ["datetime", "date", "deadline", "day", "month", "year"] as const;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...styles), fc.boolean(), (ms, style, midnight) => {
        const t = midnight ? Math.floor(ms / DAY) * DAY : ms;
        expect(formatMoment(t, style, "UTC")).toBe(formatMoment(t, style, "Etc/UTC"));
      }),
      { numRuns: 100 },
    );
  });
});

describe("formatRelative", () => {
  const now = Date.UTC(2026, 10, 29, 12);
  it("counts whole units down, future and past", () => {
    expect(formatRelative(Date.UTC(2026, 11, 5), now)).toBe("in 5 days");
    expect(formatRelative(now + DAY + 1000, now)).toBe("tomorrow");
    expect(formatRelative(now - 3 * 3_600_000 - 5, now)).toBe("3 hours ago");
    expect(formatRelative(now + 90 * 60_000, now)).toBe("in 1 hour");
    expect(formatRelative(now + 30 * 60_000, now)).toBe("in 30 minutes");
    expect(formatRelative(now + 20_000, now)).toBe("now");
    expect(formatRelative(now + 100 * DAY, now)).toBe("in 3 months");
    expect(formatRelative(now - 800 * DAY, now)).toBe("2 years ago");
  });
});

describe("calendarTicks", () => {
  it("puts ticks on month starts for a half-year span, every second month for a longer one", () => {
    const start = Date.UTC(2026, 0, 17, 5);
    const end = Date.UTC(2026, 6, 3);
    const { ticks, unit } = calendarTicks(start, end, "UTC", 6);
    expect(unit).toBe("month");
    expect(ticks.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01"]);
    const longer = calendarTicks(start, Date.UTC(2026, 9, 3), "UTC", 6);
    expect(longer.ticks.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(["2026-03-01", "2026-05-01", "2026-07-01", "2026-09-01"]);
  });

  it("puts weekly ticks on Mondays at local midnight", () => {
    const start = Date.UTC(2026, 10, 1);
    const end = Date.UTC(2026, 10, 30);
    const { ticks, unit } = calendarTicks(start, end, "Europe/Berlin", 6);
    expect(unit).toBe("day");
    expect(ticks).toHaveLength(5); // 2, 9, 16, 23 and 30 Nov
    for (const t of ticks) {
      expect(formatMoment(t, "datetime", "Europe/Berlin")).toMatch(/, 00:00 CET$/);
      expect(new Date(t + 3_600_000).getUTCDay()).toBe(1);
    }
  });

  it("uses years for long spans and never more ticks than asked", () => {
    const { ticks, unit } = calendarTicks(Date.UTC(2015, 5, 1), Date.UTC(2026, 5, 1), "UTC", 6);
    expect(unit).toBe("year");
    expect(ticks.map((t) => new Date(t).getUTCFullYear())).toEqual([2016, 2018, 2020, 2022, 2024, 2026]);
    for (const span of [DAY / 2, 3 * DAY, 40 * DAY, 400 * DAY, 4000 * DAY]) {
      expect(calendarTicks(0, span, "UTC", 6).ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
