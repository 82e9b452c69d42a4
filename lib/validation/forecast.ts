import * as z from "zod";
import { SCENARIOS_MAX } from "./question";

// The forecast a signed-in analyst submits on a question page (docs/formulas.md §2.1).
// Shared by the form (live checks) and the submitForecast server action (the real check).
// Percentages are entered, probabilities come out: a binary forecast becomes [P(no), P(yes)].

/** The app accepts 0.1 %–99.9 % per probability (docs/formulas.md §2.1). */
export const MIN_PERCENT = 0.1;
export const MAX_PERCENT = 99.9;
/** A scenario set must total 100 % within ±0.05 percentage points (= ±0.0005), then it is renormalised. */
export const SCENARIO_TOTAL_TOLERANCE = 0.05;
export const MAX_RATIONALE_LENGTH = 5000;

/** Form fields: "" or null (FormData.get of a missing field) count as absent. */
const absentAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A number as typed into a form: plain decimal digits with an optional fraction and sign ("62", "62.5", "-5"). */
export const PLAIN_DECIMAL = /^-?\d{1,6}(?:\.\d{1,12})?$/;

const hasOneDecimalAtMost = (x: number) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;

/** One percentage field, named `field` in every message. The binary box and slider step by 0.1,
 *  so binary percentages take one decimal; scenario percentages may be finer (their total is what counts). */
function percentField(field: string, oneDecimal: boolean) {
  return z.preprocess(
    (v) => {
      const given = absentAsUndefined(typeof v === "string" ? v.trim() : v);
      // Only plain decimals: "0x32", "0b110010", "5e1", ".5" and "Infinity" are not numbers a person types.
      if (typeof given === "string") return PLAIN_DECIMAL.test(given) ? Number(given) : NaN;
      return given;
    },
    z
      .number({ error: (iss) => (iss.input === undefined ? `${field} is required` : `${field} must be a plain decimal number such as 62.5`) })
      .min(MIN_PERCENT, { error: `${field} must be between ${MIN_PERCENT}% and ${MAX_PERCENT}%` })
      .max(MAX_PERCENT, { error: `${field} must be between ${MIN_PERCENT}% and ${MAX_PERCENT}%` })
      .refine((x) => !oneDecimal || hasOneDecimalAtMost(x), { error: `${field} must have at most one decimal place` }),
  );
}

const questionIdField = z.string({ error: "Question is required" }).trim().min(1, { error: "Question is required" });

/** Optional; blank becomes null. */
const rationaleField = z.preprocess(
  absentAsUndefined,
  z
    .string({ error: "Rationale must be text" })
    .max(MAX_RATIONALE_LENGTH, { error: `Rationale must be at most 5,000 characters` })
    .optional(),
);

export const binaryForecastFields = z.object({
  kind: z.literal("binary"),
  questionId: questionIdField,
  percent: percentField("Probability (%)", true),
  rationale: rationaleField,
});

export const scenarioForecastFields = z
  .object({
    kind: z.literal("scenarios"),
    questionId: questionIdField,
    // The count is checked before any entry, so a 50,000-entry vector costs one error, not 50,000.
    percents: z
      .array(z.unknown(), { error: "Scenario probabilities are required" })
      .min(2, { error: "A scenario set needs a probability for each of at least 2 scenarios" })
      .max(SCENARIOS_MAX, { error: `A scenario set has at most ${SCENARIOS_MAX} scenarios` })
      .pipe(z.array(percentField("Each scenario's probability", false))),
    rationale: rationaleField,
  })
  .superRefine((v, ctx) => {
    const total = scenarioTotal(v.percents);
    if (Math.abs(total - 100) > SCENARIO_TOTAL_TOLERANCE + 1e-9) {
      ctx.addIssue({
        code: "custom",
        path: ["total"],
        message: `Scenario probabilities must total 100% (within ±${SCENARIO_TOTAL_TOLERANCE} points); they total ${percentDigits(total, 2)}%`,
      });
    }
  });

/** What the server records: probabilities in option order (binary: [P(no), P(yes)]), rationale or null. */
export interface ForecastSubmission {
  kind: "binary" | "scenarios";
  questionId: string;
  probabilities: number[];
  rationale: string | null;
}

/**
 * Either kind of forecast, as parsed from the form. `kind` is "binary" (with `percent`) or
 * "scenarios" (with `percents`, in scenario order). Scenario percentages are renormalised to sum to 1.
 */
export const forecastInput = z.discriminatedUnion("kind", [binaryForecastFields, scenarioForecastFields], {
  error: "Forecast kind must be binary or scenarios",
}).transform((v): ForecastSubmission => {
  const rationale = v.rationale?.trim() ? v.rationale : null;
  if (v.kind === "binary") {
    // P(no) from the percentage directly, so 70 % gives exactly [0.3, 0.7].
    return { kind: "binary", questionId: v.questionId, probabilities: [(100 - v.percent) / 100, v.percent / 100], rationale };
  }
  const total = scenarioTotal(v.percents);
  return { kind: "scenarios", questionId: v.questionId, probabilities: v.percents.map((p) => p / total), rationale };
});

export type ForecastFormValues = z.input<typeof forecastInput>;

/** Sum of scenario percentages (for the live total and the 100 % rule). */
export function scenarioTotal(percents: readonly number[]): number {
  return percents.reduce((s, p) => s + (Number.isFinite(p) ? p : 0), 0);
}

/** The digits of a percentage (a number in 0–100, not a probability): at most `digits` decimals, no trailing zeros ("62.5", "100"). */
export function percentDigits(percent: number, digits = 1): string {
  return String(Number(percent.toFixed(digits)));
}

/**
 * Scales scenario percentages to total exactly 100.0 with one decimal each, keeping every entry
 * in [0.1, 99.9]; the rounding remainder goes to the largest entries. Null when nothing positive is entered.
 */
export function normaliseScenarioPercents(percents: readonly number[]): number[] | null {
  const k = percents.length;
  const clean = percents.map((p) => (Number.isFinite(p) && p > 0 ? p : 0));
  const total = clean.reduce((s, p) => s + p, 0);
  if (k < 2 || total <= 0) return null;
  // Work in tenths of a percent: integers, so the total is exact.
  const tenths = clean.map((p) => Math.min(999, Math.max(1, Math.round((p / total) * 1000))));
  let diff = 1000 - tenths.reduce((s, t) => s + t, 0);
  const order = tenths.map((_, i) => i).sort((a, b) => tenths[b] - tenths[a] || a - b);
  for (let pass = 0; diff !== 0 && pass < 1000 * k; pass++) {
    const i = order[pass % k];
    const step = diff > 0 ? 1 : -1;
    const next = tenths[i] + step;
    if (next >= 1 && next <= 999) {
      tenths[i] = next;
      diff -= step;
    }
  }
  return tenths.map((t) => t / 10);
}

/**
 * Field errors keyed for the form: "percent", "percents.<i>", "total", "rationale", "questionId",
 * plus "form" for anything else. First message per field.
 */
export function forecastFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
