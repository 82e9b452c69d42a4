import * as z from "zod";
import { cdfFromQuantiles, quantileProblems, type QuantileInput, type QuantileLevel } from "../continuous/quantile-cdf";
import type { ContinuousQuestionType, ContinuousScale } from "../continuous/types";
import { MAX_RATIONALE_LENGTH } from "./forecast";

// A forecast on a numeric or date question as an analyst enters it: the median and at least two of the
// 5, 25, 75 and 95 % quantiles, in the question's unit (a date for a date question), and a rationale
// (docs/continuous.md "From quantiles to a CDF"). One schema for the form's live checks and the server
// action's real one; it turns the quantiles into the 201-point CDF with cdfFromQuantiles, so every
// problem quantileProblems finds, and a set the step limits cannot meet, lands next to its field.

/** The form's fields, one per quantile level, in order. */
export const QUANTILE_FIELDS: ReadonlyArray<{ level: QuantileLevel; name: string; label: string }> = [
  { level: 0.05, name: "q5", label: "5% quantile" },
  { level: 0.25, name: "q25", label: "25% quantile" },
  { level: 0.5, name: "q50", label: "Median (50%)" },
  { level: 0.75, name: "q75", label: "75% quantile" },
  { level: 0.95, name: "q95", label: "95% quantile" },
];

/** The field of a quantile level. */
export function quantileFieldName(level: number): string {
  return QUANTILE_FIELDS.find((f) => f.level === level)?.name ?? "quantiles";
}

/** A number as typed: digits with an optional sign and fraction; spaces, commas and underscores between digits are grouping. */
const TYPED_NUMBER = /^-?\d{1,15}(?:\.\d{1,12})?$/;
/** A date as a date input sends it. */
const TYPED_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The value of a typed date (YYYY-MM-DD): midnight UTC at its start, epoch ms; NaN if no such day. */
export function typedDateValue(text: string): number {
  const m = TYPED_DATE.exec(text);
  if (!m) return Number.NaN;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : Number.NaN;
}

/** A value written back into the form: the date input's YYYY-MM-DD, or the number as typed. */
export function typedValueText(type: ContinuousQuestionType, value: number): string {
  return type === "date" ? new Date(value).toISOString().slice(0, 10) : String(value);
}

function quantileField(type: ContinuousQuestionType, label: string) {
  const absent = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  return z.preprocess(
    (v) => {
      if (absent(v)) return undefined;
      if (typeof v !== "string") return v;
      const text = v.trim();
      if (type === "date") return typedDateValue(text);
      const plain = text.replace(/(?<=\d)[\s,_](?=\d)/g, "");
      return TYPED_NUMBER.test(plain) ? Number(plain) : Number.NaN;
    },
    z
      .number({
        error: type === "date" ? `${label} must be a date (YYYY-MM-DD)` : `${label} must be a plain number such as 128.5`,
      })
      .optional(),
  );
}

/** The whole forecast, as the server records it. */
export interface ContinuousForecastSubmission {
  questionId: string;
  quantiles: QuantileInput[];
  /** The 201-point CDF, rounded to 10 decimals and valid on the question's scale. */
  cdf: Float64Array;
  rationale: string | null;
}

/** The schema for a question of this type and scale. */
export function continuousForecastInput(type: ContinuousQuestionType, scale: ContinuousScale) {
  const fields = Object.fromEntries(QUANTILE_FIELDS.map((f) => [f.name, quantileField(type, f.label)]));
  return z
    .object({
      questionId: z.string({ error: "Question is required" }).trim().min(1, { error: "Question is required" }),
      rationale: z.preprocess(
        (v) => (v === "" || v === null ? undefined : v),
        z.string({ error: "Rationale must be text" }).max(MAX_RATIONALE_LENGTH, { error: "Rationale must be at most 5,000 characters" }).optional(),
      ),
      ...fields,
    })
    .transform((v, ctx): ContinuousForecastSubmission => {
      const values = v as unknown as Record<string, number | undefined>;
      const quantiles: QuantileInput[] = [];
      for (const f of QUANTILE_FIELDS) {
        const value = values[f.name];
        if (value !== undefined) quantiles.push({ level: f.level, value });
      }
      const problems = quantileProblems(scale, quantiles);
      const result = problems.length === 0 ? cdfFromQuantiles(scale, quantiles) : { ok: false as const, problems };
      if (!result.ok) {
        for (const p of result.problems) {
          const field = QUANTILE_FIELDS.find((f) => f.level === p.level);
          ctx.addIssue({ code: "custom", path: [field ? field.name : "quantiles"], message: field ? `${field.label}: ${p.message}` : p.message });
        }
        return z.NEVER;
      }
      return { questionId: v.questionId, quantiles, cdf: result.cdf, rationale: v.rationale?.trim() ? v.rationale : null };
    });
}

