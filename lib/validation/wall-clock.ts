// Form inputs carry wall-clock times ("2025-03-01T14:30" from <input type="datetime-local">) plus the
// viewer's IANA time zone (sent by the form). These turn them into UTC epoch ms (docs/contributing.md rule 11).

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `zone` is an IANA time zone this runtime knows ("UTC", "Europe/Minsk", …). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC at instant `t`, in ms (local = UTC + offset). */
function zoneOffsetAt(t: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(t / 1000) * 1000;
}

/**
 * "YYYY-MM-DDTHH:mm[:ss]" read as wall-clock time in `zone` → epoch ms; null when malformed or not a
 * real calendar time. In a DST gap the earlier offset is used.
 */
export function wallClockToEpochMs(local: string, zone: string): number | null {
  const m = LOCAL_DATE_TIME.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const first = guess - zoneOffsetAt(guess, zone);
  const second = guess - zoneOffsetAt(first, zone);
  return second;
}

/** "YYYY-MM-DD" → 00:00:00Z of that day (a date question's range or outcome); null when not a real date. */
export function startOfUtcDay(date: string): number | null {
  const m = DATE_ONLY.exec(date.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = Date.UTC(y, mo - 1, d);
  const check = new Date(start);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return start;
}

/** The date input value ("YYYY-MM-DD", UTC) of an instant: the inverse of startOfUtcDay on day boundaries. */
export function utcDateValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A date-only deadline "YYYY-MM-DD" means the end of that day: 00:00:00Z of the next day (docs/formulas.md §1.3). */
export function endOfUtcDay(date: string): number | null {
  const start = startOfUtcDay(date);
  return start === null ? null : start + DAY_MS;
}

/** The date input value for a stored resolve-by (the inverse of endOfUtcDay when it is a day boundary). */
export function resolveByDateValue(resolveBy: number): string {
  return utcDateValue(resolveBy - DAY_MS);
}
