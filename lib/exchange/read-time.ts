// Strict reading of exchange-format times (formats.md §1): YYYY-MM-DDTHH:MM:SS, optional 1–3 fractional
// digits, then Z or ±HH:MM. No Date.parse leniency: every field is range-checked.

const TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Epoch ms of a formats.md §1 time string, or the rule it breaks. */
export function readExchangeTime(text: string): { ok: true; time: number } | { ok: false; rule: string } {
  const match = TIME_PATTERN.exec(text);
  if (!match) {
    return { ok: false, rule: "must be a time YYYY-MM-DDTHH:MM:SS[.sss] with a zone Z or ±HH:MM" };
  }
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const dayOfMonth = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) return { ok: false, rule: "must have a month 01–12" };
  const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (dayOfMonth < 1 || dayOfMonth > monthLength) return { ok: false, rule: "must be a date that exists" };
  if (hour > 23) return { ok: false, rule: "must have an hour 00–23" };
  if (minute > 59) return { ok: false, rule: "must have a minute 00–59" };
  if (second > 59) return { ok: false, rule: "must have a second 00–59" };
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMins = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) return { ok: false, rule: "must have a zone offset up to ±23:59" };
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millisecond = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  let time = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second, millisecond);
  if (year < 100) {
    const date = new Date(time);
    date.setUTCFullYear(year); // Date.UTC reads years 0–99 as 1900–1999
    time = date.getTime();
  }
  return { ok: true, time: time - offsetMinutes * 60_000 };
}
