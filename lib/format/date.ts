// The one way the desk writes a moment for people to read, and the calendar ticks of its time axes.
// Every moment is shown in a named time zone (the viewer's on the page, UTC on hover and before the
// page hydrates) in one fixed style: "4 Dec 2026, 14:30 UTC". A deadline that falls exactly on
// midnight means the end of the previous day ("before 4 December" is stored as 5 Dec 00:00), so it
// reads "end of 4 Dec 2026 UTC". Relative times read "in 5 days", "3 hours ago".
import { wallClockToEpochMs } from "@/lib/validation/wall-clock";

const LOCALE = "en-GB";
const MINUS = "\u2212";
const DAY_MS = 86_400_000;

export type MomentStyle =
  /** "4 Dec 2026, 14:30 UTC" */
  | "datetime"
  /** "4 Dec 2026" */
  | "date"
  /** like datetime, but midnight reads "end of 3 Dec 2026 UTC" */
  | "deadline"
  /** axis tick of a day: "4 Dec" */
  | "day"
  /** axis tick of a month: "Dec 2026" */
  | "month"
  /** axis tick of a year: "2026" */
  | "year";

interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  monthName: string;
  zoneName: string;
}

// Building an Intl.DateTimeFormat costs far more than using one (a list page writes hundreds of
// moments): one of each kind per time zone, built on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();
const monthNumberFormatters = new Map<string, Intl.DateTimeFormat>();

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** UTC (how the server writes every moment) from the Date's own fields: what Intl gives, without its cost. */
function utcParts(ms: number): ZonedParts {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    monthName: MONTH_NAMES[d.getUTCMonth()],
    zoneName: "UTC",
  };
}

function partsIn(ms: number, timeZone: string): ZonedParts {
  if (timeZone === "UTC") return utcParts(ms);
  return zonedParts(ms, timeZone);
}

/** The parts of instant `ms` in `timeZone` by Intl. */
function zonedParts(ms: number, timeZone: string): ZonedParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  // a month number from the same instant (the short name is for display)
  let months = monthNumberFormatters.get(timeZone);
  if (!months) {
    months = new Intl.DateTimeFormat("en-US", { timeZone, month: "numeric" });
    monthNumberFormatters.set(timeZone, months);
  }
  const monthNumber = Number(months.format(new Date(ms)));
  return {
    year: Number(get("year")),
    month: monthNumber,
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    second: Number(get("second")),
    // en-GB writes September "Sept"; the desk keeps every month to three letters
    monthName: get("month").replace(/\.$/, "").slice(0, 3),
    zoneName: get("timeZoneName").replace("-", MINUS),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The viewer's IANA time zone where a runtime knows it, else UTC. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Writes the instant `ms` (UTC epoch ms) in `timeZone` in one of the desk's styles. */
export function formatMoment(ms: number, style: MomentStyle = "datetime", timeZone = "UTC"): string {
  const p = partsIn(ms, timeZone);
  const date = `${p.day} ${p.monthName} ${p.year}`;
  switch (style) {
    case "date":
      return date;
    case "day":
      return `${p.day} ${p.monthName}`;
    case "month":
      return `${p.monthName} ${p.year}`;
    case "year":
      return String(p.year);
    case "deadline":
      if (p.hour === 0 && p.minute === 0 && p.second === 0 && ms % 1000 === 0) {
        const before = partsIn(ms - 1, timeZone);
        return `end of ${before.day} ${before.monthName} ${before.year} ${p.zoneName}`;
      }
      return `${date}, ${pad(p.hour)}:${pad(p.minute)} ${p.zoneName}`;
    case "datetime":
      return `${date}, ${pad(p.hour)}:${pad(p.minute)} ${p.zoneName}`;
  }
}

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });

/**
 * How far `ms` is from `now`, in the largest whole unit that fits, counted down (5 days 20 hours
 * ahead is "in 5 days": the reader still has at least that long): "in 5 days", "3 hours ago",
 * "tomorrow", "now". Months are 30.44 days, used from 45 days; years from 365 days.
 */
export function formatRelative(ms: number, now: number): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  const days = abs / DAY_MS;
  const whole = (x: number) => sign * Math.floor(x);
  if (days >= 365) return relative.format(whole(days / 365.25), "year");
  if (days >= 45) return relative.format(whole(days / 30.44), "month");
  if (days >= 1) return relative.format(whole(days), "day");
  if (abs >= 3_600_000) return relative.format(whole(abs / 3_600_000), "hour");
  if (abs >= 60_000) return relative.format(whole(abs / 60_000), "minute");
  return relative.format(0, "second");
}

export type TickUnit = "day" | "month" | "year";

const STEPS: { unit: TickUnit; n: number; approxMs: number }[] = [
  { unit: "day", n: 1, approxMs: DAY_MS },
  { unit: "day", n: 2, approxMs: 2 * DAY_MS },
  { unit: "day", n: 7, approxMs: 7 * DAY_MS },
  { unit: "day", n: 14, approxMs: 14 * DAY_MS },
  { unit: "month", n: 1, approxMs: 30.44 * DAY_MS },
  { unit: "month", n: 2, approxMs: 60.88 * DAY_MS },
  { unit: "month", n: 3, approxMs: 91.3 * DAY_MS },
  { unit: "month", n: 6, approxMs: 182.6 * DAY_MS },
  { unit: "year", n: 1, approxMs: 365.25 * DAY_MS },
  { unit: "year", n: 2, approxMs: 730.5 * DAY_MS },
  { unit: "year", n: 5, approxMs: 1826 * DAY_MS },
  { unit: "year", n: 10, approxMs: 3652 * DAY_MS },
  { unit: "year", n: 25, approxMs: 9131 * DAY_MS },
  { unit: "year", n: 100, approxMs: 36525 * DAY_MS },
];

/** Midnight at the start of calendar day y-m-d (m may overflow, Date.UTC-style) in `timeZone`. */
function midnightIn(y: number, m: number, d: number, timeZone: string): number {
  const c = new Date(Date.UTC(y, m - 1, d));
  const wall = `${String(c.getUTCFullYear()).padStart(4, "0")}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}T00:00`;
  return wallClockToEpochMs(wall, timeZone) ?? c.getTime();
}

/**
 * Ticks for a time axis from `start` to `end` on calendar boundaries in `timeZone`: the finest of
 * days, 2 days, weeks (Mondays), fortnights, months, 2/3/6 months (starting January), years, 2/5/10…
 * years that gives at most `maxTicks` ticks; with the unit the labels should use (formatMoment).
 */
export function calendarTicks(start: number, end: number, timeZone = "UTC", maxTicks = 6): { ticks: number[]; unit: TickUnit } {
  if (!(end > start)) return { ticks: [start], unit: "day" };
  const span = end - start;
  const step = STEPS.find((s) => Math.floor(span / s.approxMs) + 1 <= maxTicks) ?? STEPS[STEPS.length - 1];
  const first = partsIn(start, timeZone);
  const ticks: number[] = [];
  const push = (t: number) => {
    if (t >= start && t <= end && t !== ticks[ticks.length - 1]) ticks.push(t);
  };
  if (step.unit === "day") {
    // align on a day count since 1970-01-05 (a Monday), so weeks start on Mondays and 2-day steps are stable
    const dayIndex = Math.floor(Date.UTC(first.year, first.month - 1, first.day) / DAY_MS) - 4;
    const offset = ((-dayIndex % step.n) + step.n) % step.n;
    for (let k = offset; ; k += step.n) {
      const t = midnightIn(first.year, first.month, first.day + k, timeZone);
      if (t > end) break;
      push(t);
    }
  } else if (step.unit === "month") {
    const m0 = first.month - 1 + ((step.n - ((first.month - 1) % step.n)) % step.n);
    for (let m = m0; ; m += step.n) {
      const t = midnightIn(first.year, m + 1, 1, timeZone);
      if (t > end) break;
      push(t);
    }
  } else {
    const y0 = Math.ceil(first.year / step.n) * step.n;
    for (let y = y0; ; y += step.n) {
      const t = midnightIn(y, 1, 1, timeZone);
      if (t > end) break;
      push(t);
    }
  }
  return { ticks, unit: step.unit };
}
