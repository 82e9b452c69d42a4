import { outcomeValueProblem } from "@/lib/continuous/outcome-value";
import { scaleProblems } from "@/lib/continuous/scale-rules";
import type { ContinuousQuestionType } from "@/lib/continuous/types";
import { formatQuestionValue } from "@/lib/outcome-label";
import type { QuestionScale } from "@/lib/types";
import { startOfUtcDay } from "./wall-clock";

// The scale fields of the question form (numeric and date questions) and the value field of the
// resolution form, read from what a browser sends. The rules themselves are lib/continuous/scale-rules
// and lib/continuous/outcome-value, shared with the exchange import.

export const UNIT_MAX = 60;

/**
 * A decimal number as people type it: optional sign (a true minus too), digits with an optional
 * fraction and exponent; commas are accepted only as thousands separators ("1,234.5"). Null otherwise
 * (and for values that overflow to ±∞).
 */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\u2212/g, "-");
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/.test(t) && !/^[+-]?\.\d+([eE][+-]?\d+)?$/.test(t)) return null;
  const x = Number(t.replace(/,/g, ""));
  return Number.isFinite(x) ? x : null;
}

/** What the form sends for a scale (every field as text; checkboxes already booleans). */
export interface ScaleFields {
  unit: string;
  rangeMin: string;
  rangeMax: string;
  logScale: boolean;
  zeroPoint: string;
  openLowerBound: boolean;
  openUpperBound: boolean;
}

export type ScaleField = "unit" | "rangeMin" | "rangeMax" | "logScale" | "zeroPoint";

/**
 * Reads the scale of a numeric question (numbers) or a date question (dates YYYY-MM-DD, read as 00:00 UTC),
 * reporting each problem on its field; null when there is any.
 */
export function readScaleFields(
  type: ContinuousQuestionType,
  f: ScaleFields,
  issue: (field: ScaleField, message: string) => void,
): QuestionScale | null {
  let ok = true;
  const fail = (field: ScaleField, message: string) => {
    ok = false;
    issue(field, message);
  };
  const unit = type === "numeric" ? f.unit.trim().replace(/\s+/g, " ") : "";
  if (unit.length > UNIT_MAX) fail("unit", `Unit must be at most ${UNIT_MAX} characters`);
  const end = (field: "rangeMin" | "rangeMax", label: string): number | null => {
    const text = f[field].trim();
    if (!text) {
      fail(field, `${label} is required`);
      return null;
    }
    const x = readQuestionValue(type, text);
    if (x === null) fail(field, type === "numeric" ? `${label} must be a number` : `${label} must be a date (YYYY-MM-DD)`);
    return x;
  };
  const a = end("rangeMin", "Range minimum");
  const b = end("rangeMax", "Range maximum");
  let z: number | null = null;
  if (f.logScale) {
    if (type === "date") fail("logScale", "A date question has a linear scale: a log scale is for numeric questions");
    else if (!f.zeroPoint.trim()) fail("zeroPoint", "A log scale needs a zero point");
    else {
      z = parseDecimal(f.zeroPoint);
      if (z === null) fail("zeroPoint", "Zero point must be a number");
    }
  }
  if (a !== null && b !== null) {
    for (const problem of scaleProblems(type, a, b, z)) {
      switch (problem.code) {
        case "not_increasing":
          fail("rangeMax", "Range maximum must be greater than the range minimum");
          break;
        case "infinite_width":
          fail("rangeMax", "Range maximum is too far from the range minimum");
          break;
        case "date_has_zero_point":
          fail("logScale", "A date question has a linear scale: a log scale is for numeric questions");
          break;
        case "inside_range":
          fail("zeroPoint", `Zero point must lie outside the range: below ${formatQuestionValue(type, a, "")} or above ${formatQuestionValue(type, b, "")}`);
          break;
        case "ratio_one":
          fail("zeroPoint", "Zero point is too far from the range to give a log scale: move it closer, or use a linear scale");
          break;
      }
    }
  }
  if (!ok || a === null || b === null) return null;
  return { unit, rangeMin: a, rangeMax: b, zeroPoint: z, openLowerBound: f.openLowerBound, openUpperBound: f.openUpperBound };
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/**
 * A date question's value: a date YYYY-MM-DD (00:00 UTC), or an instant written in UTC
 * ("2026-03-01T12:00:00Z", as an imported question's range may be); null when neither.
 */
export function readDateValue(text: string): number | null {
  const t = text.trim();
  if (UTC_INSTANT.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== t.slice(0, 10) ? null : ms;
  }
  return startOfUtcDay(t);
}

/** How a form field writes a date question's value: the date when it is 00:00 UTC, else the UTC instant. */
export function dateValueText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** A numeric question's value (a number) or a date question's (readDateValue); null when not one. */
export function readQuestionValue(type: ContinuousQuestionType, text: string): number | null {
  return type === "numeric" ? parseDecimal(text) : readDateValue(text);
}

/**
 * Why `x` cannot resolve a question of this type and scale, in words naming the field and the bound
 * (lib/continuous/outcome-value); null when it can. Used by the resolve form and by recordResolution.
 */
export function outcomeValueRefusal(type: ContinuousQuestionType, scale: QuestionScale, x: number): string | null {
  if (!Number.isFinite(x)) return "Value must be a finite number";
  const shown = (v: number) => formatQuestionValue(type, v, scale.unit);
  const word = type === "date" ? "date" : "value";
  switch (outcomeValueProblem(scale, x)) {
    case "below_closed_bound":
      return `Value ${shown(x)} is below the range's ${type === "date" ? "earliest date" : "minimum"} ${shown(scale.rangeMin)}, and the lower bound is closed: the ${word} cannot lie below it`;
    case "above_closed_bound":
      return `Value ${shown(x)} is above the range's ${type === "date" ? "latest date" : "maximum"} ${shown(scale.rangeMax)}, and the upper bound is closed: the ${word} cannot lie above it`;
    case "beyond_zero_point":
      return `Value ${shown(x)} lies at or beyond the log scale's zero point ${shown(scale.zeroPoint!)}`;
    case null:
      return null;
  }
}
