import * as z from "zod";
import { AGGREGATION_METHODS } from "@/lib/types";
import { LEADERBOARD_RANKINGS } from "@/lib/track-records/leaderboard";
import { SCORE_TABLE_COLUMNS } from "@/lib/track-records/score-table";

// GET parameters of the track-record pages (leaderboard, forecaster profile, crowd). A bad value
// is reported by field and rule and the page falls back to no filter for that field.

const DAY_MS = 86_400_000;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "must be a real calendar date");

/** Empty form fields arrive as "": treat them as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined || (Array.isArray(v) && v.length === 0) ? undefined : Array.isArray(v) ? v[0] : v), schema.optional());

export const periodFilterInput = z
  .object({
    from: optional(isoDate),
    to: optional(isoDate),
    tag: optional(z.string().trim().min(1).max(100)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "must not be after the 'to' date", path: ["from"] });

export const leaderboardInput = periodFilterInput.and(
  z.object({
    rank: optional(z.enum(LEADERBOARD_RANKINGS)),
    min: optional(z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(10_000)),
  }),
);

export const forecasterProfileInput = periodFilterInput.and(
  z.object({
    sample: optional(z.enum(["final", "time_weighted"])),
    bins: optional(z.enum(["5", "10", "20"])),
    sort: optional(z.enum(SCORE_TABLE_COLUMNS)),
    dir: optional(z.enum(["asc", "desc"])),
  }),
);

export const crowdInput = periodFilterInput.and(
  z.object({
    bins: optional(z.enum(["5", "10", "20"])),
    method: optional(z.enum(AGGREGATION_METHODS)),
  }),
);

/** Resolve-time window [from, to) in UTC epoch ms: `from` is the start of its day, `to` the end of its day. */
export function periodBounds(f: { from?: string; to?: string }): { from: number | null; to: number | null } {
  return {
    from: f.from ? Date.parse(`${f.from}T00:00:00Z`) : null,
    to: f.to ? Date.parse(`${f.to}T00:00:00Z`) + DAY_MS : null,
  };
}
