import * as z from "zod";
import { LEADERBOARD_RANKINGS } from "@/lib/track-records/leaderboard";
import { SCORE_TABLE_COLUMNS } from "@/lib/track-records/score-table";
import { POPULATIONS } from "@/lib/population";

// GET parameters of the track-record pages (leaderboard, forecaster profile, crowd). Each field is
// checked on its own: a bad value is reported by parameter name and rule, and only that filter is
// dropped (the page still renders with the others).

const DAY_MS = 86_400_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  // Invalid Date would throw in toISOString (a 500 for "?to=2024-13-45"): compare the time value instead.
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(s);
  }, "must be a real calendar date");

/** The calibration bin counts a track-record page offers. */
export const CALIBRATION_BIN_CHOICES = ["5", "10", "20"] as const;
const binCount = z.enum(CALIBRATION_BIN_CHOICES, "must be 5, 10 or 20").transform(Number);

export const periodFields = {
  from: isoDate,
  to: isoDate,
  tag: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  /** Whose forecasts: people, bots or both (default: the desk's crowd, lib/population defaultPopulation). */
  who: z.enum(POPULATIONS, "must be people, bots or both"),
};

/** A 1-based page of a paged table (a page past the last shows the last). */
function pageNumber() {
  return z
    .string()
    .regex(/^\d{1,6}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1"));
}

export const leaderboardFields = {
  ...periodFields,
  rank: z.enum(LEADERBOARD_RANKINGS, `must be one of ${LEADERBOARD_RANKINGS.join(", ")}`),
  min: z
    .string()
    .regex(/^\d{1,6}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(10_000, "must be at most 10000")),
  page: pageNumber(),
};

export const forecasterProfileFields = {
  ...periodFields,
  sample: z.enum(["final", "time_weighted"], "must be final or time_weighted"),
  bins: binCount,
  sort: z.enum(SCORE_TABLE_COLUMNS, "must be a column of the table"),
  dir: z.enum(["asc", "desc"], "must be asc or desc"),
  page: pageNumber(),
};

export const crowdFields = { ...periodFields, bins: binCount };

type Fields = Record<string, z.ZodType>;
export type ParsedParams<F extends Fields> = { [K in keyof F]?: z.output<F[K]> };

/**
 * Parses raw search params field by field with safeParse. Empty strings and absent fields are
 * "not set"; repeated fields use the first value; unknown fields are ignored. A `from` later than
 * `to` drops both with one error.
 */
export function parseTrackRecordParams<F extends Fields>(
  fields: F,
  raw: Record<string, string | string[] | undefined>,
): { values: ParsedParams<F>; errors: string[] } {
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const given = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (given === undefined || given === "") continue;
    const parsed = schema.safeParse(given);
    if (parsed.success) values[key] = parsed.data;
    else errors.push(`${key}: ${parsed.error.issues[0]?.message ?? "is invalid"}`);
  }
  if (typeof values.from === "string" && typeof values.to === "string" && values.from > values.to) {
    errors.push("from: must not be after to");
    delete values.from;
    delete values.to;
  }
  return { values: values as ParsedParams<F>, errors };
}

/** Resolve-time window [from, to) in UTC epoch ms: `from` from the start of its day, `to` through the end of its day. */
export function periodBounds(f: { from?: string; to?: string }): { from: number | null; to: number | null } {
  return {
    from: f.from ? Date.parse(`${f.from}T00:00:00Z`) : null,
    to: f.to ? Date.parse(`${f.to}T00:00:00Z`) + DAY_MS : null,
  };
}
