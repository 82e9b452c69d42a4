// The one way the desk writes a number for people to read (pages, charts, tooltips, messages).
// CSV cells and exchange files keep machine-readable numbers (components/charts/chart-csv.ts).
//
// Rules, everywhere: a probability is a percentage with one decimal ("12.0%", "63.9%"); a Brier or
// log score, and a difference of scores, has four decimals ("0.1835": differences between
// forecasters or pooling methods are often in the third); baseline and peer scores are
// points with one decimal and always a sign ("+12.3", "−4.0"); counts are grouped ("1,234"). A
// negative number carries a true minus sign (U+2212), and a value that rounds to zero is written
// without a sign ("0.0000", never "-0.0000"). A missing value is an em dash.

/** U+2212 MINUS SIGN: what typography uses for negative numbers (a hyphen is a different glyph). */
export const MINUS = "\u2212";
export const MISSING = "\u2014";

export type NumberStyle =
  /** a probability in [0, 1] shown as a percentage: 0.639 → "63.9%" */
  | "probability"
  /** a Brier or log score, or a difference of two: 0.183449 → "0.1834" */
  | "score"
  /** baseline/peer score points, signed: 12.34 → "+12.3" */
  | "points"
  /** a plain decimal (fitted parameters, bin centres): 1.234 → "1.23" */
  | "decimal"
  /** a whole count, grouped: 1234 → "1,234" */
  | "count"
  /** a measured value (a numeric question's range or outcome), grouped, at most `digits` decimals and no
   * trailing zeros: 450 → "450", 1234.5 → "1,234.5", 0.125 → "0.125" */
  | "quantity";

const DEFAULT_DIGITS: Record<NumberStyle, number> = { probability: 1, score: 4, points: 1, decimal: 2, count: 0, quantity: 4 };

export interface NumberFormatOptions {
  /** decimals after the point (defaults per style above) */
  digits?: number;
  /** show "+" on positive values (always on for "points") */
  signed?: boolean;
}

/** Fixed decimals with grouping of the integer part, no sign (abs value), e.g. 12345.678 → "12,345.68". */
function unsignedDigits(abs: number, digits: number): string {
  const [whole, fraction] = abs.toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * Writes `x` for a reader in the given style; null, undefined and NaN are "—". Rounding is to the
 * style's digits (half away from zero, as toFixed does on the binary value); a value that rounds to
 * zero has no sign.
 */
export function formatNumber(x: number | null | undefined, style: NumberStyle, options: NumberFormatOptions = {}): string {
  if (x === null || x === undefined || Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? "∞" : `${MINUS}∞`;
  const digits = options.digits ?? DEFAULT_DIGITS[style];
  const value = style === "probability" ? x * 100 : x;
  let body = unsignedDigits(Math.abs(value), digits);
  if (style === "quantity" && body.includes(".")) body = body.replace(/\.?0+$/, "");
  const isZero = /^[0,.]*$/.test(body);
  const sign = isZero ? "" : value < 0 ? MINUS : options.signed || style === "points" ? "+" : "";
  return `${sign}${body}${style === "probability" ? "%" : ""}`;
}

/** "1 question", "3 questions": a count with its noun, grouped. */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n, "count")} ${n === 1 ? singular : plural}`;
}

/** A measured value with its unit: "1,234.5 USD per 1,000 m³" ("" unit: the number alone). */
export function formatQuantity(x: number | null | undefined, unit: string): string {
  const number = formatNumber(x, "quantity");
  return unit && number !== MISSING ? `${number} ${unit}` : number;
}
