// Strict reading of exchange-format times (docs/exchange-format.md §1.2): YYYY-MM-DDTHH:MM:SS, optional 1–3 fractional
// digits, then Z or ±HH:MM. No Date.parse leniency: every field is range-checked.

const TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The value of the decimal digit at `i`, or NaN when there is none. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

function twoDigitsAt(text: string, i: number): number {
  return digitAt(text, i) * 10 + digitAt(text, i + 1);
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, the calendar Date.UTC uses, for any year ≥ 0.
 * Source: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * Epoch ms of a docs/exchange-format.md §1.2 time string, or NaN when it breaks any rule (readExchangeTime names
 * which). Reads the characters directly: no match array or substrings per forecast.
 */
export function exchangeTimeMs(text: string): number {
  const length = text.length;
  if (length < 20 || length > 29) return NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return NaN; // - - T
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN; // : :
  const year = twoDigitsAt(text, 0) * 100 + twoDigitsAt(text, 2);
  const month = twoDigitsAt(text, 5);
  const dayOfMonth = twoDigitsAt(text, 8);
  const hour = twoDigitsAt(text, 11);
  const minute = twoDigitsAt(text, 14);
  const second = twoDigitsAt(text, 17);
  // NaN fails every comparison below, so a missing digit is caught by the range checks.
  if (!(month >= 1 && month <= 12)) return NaN;
  const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (!(dayOfMonth >= 1 && dayOfMonth <= monthLength && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  let i = 19;
  let millisecond = 0;
  if (text.charCodeAt(i) === 46) {
    // . then 1–3 digits, as tenths, hundredths and thousandths
    i++;
    let scale = 100;
    while (i < length && scale >= 1) {
      const d = digitAt(text, i);
      if (Number.isNaN(d)) break;
      millisecond += d * scale;
      scale /= 10;
      i++;
    }
    if (scale === 100) return NaN;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90) {
    if (i + 1 !== length) return NaN; // Z ends the string
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== length || text.charCodeAt(i + 3) !== 58) return NaN; // ±HH:MM ends it
    const offsetHours = twoDigitsAt(text, i + 1);
    const offsetMins = twoDigitsAt(text, i + 4);
    if (!(offsetHours <= 23 && offsetMins <= 59)) return NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else return NaN;
  const days = daysFromCivil(year, month, dayOfMonth);
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond - offsetMinutes * 60_000;
}

/** Epoch ms of a docs/exchange-format.md §1.2 time string, or the rule it breaks. */
export function readExchangeTime(text: string): { ok: true; time: number } | { ok: false; rule: string } {
  const read = exchangeTimeMs(text);
  if (!Number.isNaN(read)) return { ok: true, time: read };
  // Broken: the pattern and the checks below name the rule.
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
