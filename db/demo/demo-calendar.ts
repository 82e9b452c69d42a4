// Dates for the demo questions. A date-only deadline means the end of that day, i.e.
// 00:00:00Z of the next day (docs/formulas.md §1.3). All values are UTC epoch milliseconds.

export const DAY_MS = 86_400_000;

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** The end of a calendar day given as year, month (1–12), day: 00:00Z of the next day. */
export function endOfDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day + 1);
}

/** A fixed instant (month 1–12), for historical events. */
export function utc(year: number, month: number, day: number, hour = 12, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** Midnight UTC starting the day `now` falls in. */
export function startOfDayOf(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
}

/** The end of the day `days` days after the day of `now` (negative: before). */
export function endOfDayFrom(now: number, days: number): number {
  return startOfDayOf(now) + (days + 1) * DAY_MS;
}

/** The end of the last day of the month `months` after now's month. */
export function endOfMonthFrom(now: number, months: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 1);
}

/** The end of 31 December of the first year-end at least `minMonths` months after now. */
export function endOfYearFrom(now: number, minMonths: number): number {
  const d = new Date(now);
  const earliest = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + minMonths, 1);
  const year = new Date(earliest).getUTCFullYear();
  return Date.UTC(year + 1, 0, 1);
}

/** "31 December 2026" for a deadline given as an end of day. */
export function deadlineLabel(deadline: number): string {
  const d = new Date(deadline - 1);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
