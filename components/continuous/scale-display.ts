// How a numeric or date question's values read on the page, in charts, tables and CSV: through the one
// number formatter (lib/format/number) and the one date formatter (lib/format/date). Charts draw on the
// question's internal scale (docs/continuous.md "The internal scale": linear, or logarithmic with a zero
// point), so a log-scaled range reads evenly, and label their ticks with values.
import { quantileLocation } from "@/lib/continuous/cdf";
import { FAN_LEVELS } from "@/lib/continuous/crowd-history";
import { CDF_POINTS, INNER_BUCKETS, valueAtLocation } from "@/lib/continuous/scale";
import type { ContinuousQuestionType, ContinuousScale } from "@/lib/continuous/types";
import { calendarTicks, formatMoment } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { internalLocation } from "@/lib/continuous/scale";

/** What the page needs to know of a numeric or date question to show its values. */
export interface ContinuousQuestionView {
  type: ContinuousQuestionType;
  /** What a number counts or measures ("USD per 1,000 m³"); empty for dates. */
  unit: string;
  scale: ContinuousScale;
}

/**
 * Decimals for a number near `x` on this scale: a linear range shows about a 200th of its width (0–28 → one
 * decimal, 100–200 → one, 1,000–100,000 → none); a log scale at least three significant digits of x.
 */
function decimalsFor(view: ContinuousQuestionView, x: number): number {
  const { rangeMin, rangeMax, zeroPoint } = view.scale;
  const digits =
    zeroPoint !== null
      ? x === zeroPoint
        ? 0
        : 2 - Math.floor(Math.log10(Math.abs(x - zeroPoint)))
      : Math.ceil(-Math.log10((rangeMax - rangeMin) / 200));
  return Math.min(6, Math.max(0, digits));
}

/** An estimate of the question's value for people: "128.5 USD per 1,000 m³", "6 Dec 2023" (trailing zeros dropped). */
export function formatScaleValue(view: ContinuousQuestionView, x: number, withUnit = true): string {
  if (view.type === "date") return formatMoment(x, "date");
  const number = formatNumber(x, "quantity", { digits: decimalsFor(view, x) });
  return withUnit && view.unit ? `${number} ${view.unit}` : number;
}

/** A value as a CSV cell: an ISO date, or the number as it is. */
export function csvScaleValue(view: ContinuousQuestionView, x: number): string | number {
  return view.type === "date" ? new Date(x).toISOString() : x;
}

/** Ticks of a value axis on the internal scale (0…1): calendar ticks for dates, else the range in quarters. */
export function scaleTicks(view: ContinuousQuestionView): Array<{ location: number; label: string }> {
  const { rangeMin, rangeMax } = view.scale;
  if (view.type === "date") {
    const { ticks, unit } = calendarTicks(rangeMin, rangeMax, "UTC", 5);
    return ticks.map((t) => ({ location: internalLocation(view.scale, t), label: formatMoment(t, unit === "day" ? "day" : unit) }));
  }
  return [0, 0.25, 0.5, 0.75, 1].map((u) => ({ location: u, label: formatScaleValue(view, valueAtLocation(view.scale, u), false) }));
}

/** The value at a quantile location, in words: beyond an open bound it is "below 100" / "above 200". */
export function quantileText(view: ContinuousQuestionView, cdf: ArrayLike<number>, level: number): string {
  const { scale } = view;
  if (level < cdf[0]) return `below ${formatScaleValue(view, scale.rangeMin)}`;
  if (level >= cdf[INNER_BUCKETS] && scale.openUpperBound) return `above ${formatScaleValue(view, scale.rangeMax)}`;
  return formatScaleValue(view, valueAtLocation(scale, quantileLocation(cdf, level)));
}

/** The median and the 50 % and 90 % central intervals of a distribution, in words and units. */
export function distributionSummary(view: ContinuousQuestionView, cdf: ArrayLike<number>) {
  const [q05, q25, q50, q75, q95] = FAN_LEVELS.map((level) => quantileText(view, cdf, level));
  return {
    median: q50,
    interval50: `${q25} to ${q75}`,
    interval90: `${q05} to ${q95}`,
    below: view.scale.openLowerBound ? cdf[0] : null,
    above: view.scale.openUpperBound ? 1 - cdf[INNER_BUCKETS] : null,
  };
}

/** One named distribution drawn on a chart. */
export interface NamedCdf {
  key: string;
  name: string;
  colour: string;
  cdf: ArrayLike<number>;
}

/**
 * Rows of the density chart (one per 1/200 of the range, at its middle: the probability in it, in
 * percent) and of the CDF chart (one per grid point: the probability below it, in percent).
 */
export function distributionRows(cdfs: readonly NamedCdf[]) {
  const density: Array<Record<string, number>> = [];
  const cumulative: Array<Record<string, number>> = [];
  for (let i = 0; i < CDF_POINTS; i++) {
    const c: Record<string, number> = { location: i / INNER_BUCKETS };
    for (const d of cdfs) c[d.key] = d.cdf[i] * 100;
    cumulative.push(c);
    if (i === 0) continue;
    const row: Record<string, number> = { location: (i - 0.5) / INNER_BUCKETS };
    for (const d of cdfs) row[d.key] = (d.cdf[i] - d.cdf[i - 1]) * 100;
    density.push(row);
  }
  return { density, cumulative };
}
