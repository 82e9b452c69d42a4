import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exchangeTimeMs, readExchangeTime } from "@/lib/exchange/read-time";

// The character-level time reader must agree with the docs/exchange-format.md §1.2 pattern read through Date.UTC
// (the reference below), on valid and broken strings alike.
const TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
function reference(text: string): number {
  const m = TIME_PATTERN.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, fr, zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (month < 1 || month > 12) return NaN;
  const monthLength = month === 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > monthLength || hour > 23 || minute > 59 || second > 59) return NaN;
  let offset = 0;
  if (zone !== "Z") {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (oh > 23 || om > 59) return NaN;
    offset = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, fr === undefined ? 0 : Number(fr.padEnd(3, "0"))));
  date.setUTCFullYear(year);
  return date.getTime() - offset * 60_000;
}
const same = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || a === b;
const digits = (n: number) => fc.array(fc.constantFrom(..."0123456789"), { minLength: n, maxLength: n }).map((a) => a.join(""));
const twoDigits = fc.oneof(digits(2), fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0")));
const timeLike = fc
  .tuple(
    digits(4),
    twoDigits,
    twoDigits,
    twoDigits,
    twoDigits,
    twoDigits,
    fc.option(fc.string({ unit: fc.constantFrom(..."0123456789x"), maxLength: 4 })),
    fc.constantFrom("Z", "+", "-", "z", ""),
    twoDigits,
    twoDigits,
    fc.constantFrom(":", "", "x"),
  )
  .map(
    ([y, mo, d, h, mi, s, fraction, zone, oh, om, colon]) =>
      `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction === null ? "" : `.${fraction}`}${zone === "+" || zone === "-" ? `${zone}${oh}${colon}${om}` : zone}`,
  );

describe("exchangeTimeMs", () => {
  it("agrees with the pattern and Date.UTC on time-like strings", () => {
    fc.assert(fc.property(timeLike, (t) => same(exchangeTimeMs(t), reference(t))), { numRuns: 20_000 });
  });
  it("agrees on strings of time characters", () => {
    const text = fc.string({ unit: fc.constantFrom(..."0123456789-T:.Z+ "), maxLength: 30 });
    fc.assert(fc.property(text, (t) => same(exchangeTimeMs(t), reference(t))), { numRuns: 20_000 });
  });
  it("reads back every toISOString instant of years 0–9999", () => {
    const ms = fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 });
    fc.assert(fc.property(ms, (t) => exchangeTimeMs(new Date(t).toISOString()) === t), { numRuns: 20_000 });
  });
  it.each(["0000-01-01T00:00:00Z", "0000-02-29T00:00:00Z", "0099-12-31T23:59:59.999-23:59", "9999-12-31T23:59:59.999+23:59", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z"])(
    "%s",
    (t) => {
      expect(same(exchangeTimeMs(t), reference(t))).toBe(true);
      expect(readExchangeTime(t).ok).toBe(!Number.isNaN(reference(t)));
    },
  );
});
