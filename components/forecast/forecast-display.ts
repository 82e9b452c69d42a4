import { formatNumber } from "@/lib/format/number";

/** A probability in [0, 1] as a percent number with one decimal (chart and CSV cells, not text). */
export function percentValue(p: number): number {
  // Number((p * 100).toFixed(1)) without the string (a busy question page makes thousands): away from a
  // tie, rounding x·10 gives toFixed's tenths, and tenths / 10 is the double nearest them, as parsing is.
  const x = p * 100;
  if (x === 0) return 0; // (-0 too, as toFixed reads it)
  const tenths = x * 10;
  const rounded = Math.round(tenths);
  if (Math.abs(x) < 1e15 && Math.abs(Math.abs(tenths - rounded) - 0.5) > 1e-6) return rounded / 10;
  return Number(x.toFixed(1));
}

/** The age of a forecast: "today", "1 day ago", "12 days ago" (whole days, rounded down). */
export function forecastAgeText(ageMs: number): string {
  const days = Math.floor(ageMs / 86_400_000);
  return days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
}

/** Binary: "62.5% yes"; scenario set: the leading scenario and its probability ("Merger 30%"). */
export function leadingText(q: { type: "binary" | "multiple_choice"; options: readonly string[] }, vector: readonly number[]): string {
  if (q.type === "binary") return `${formatNumber(vector[1], "probability")} yes`;
  let lead = 0;
  vector.forEach((p, i) => {
    if (p > vector[lead]) lead = i;
  });
  return `${q.options[lead]} ${formatNumber(vector[lead], "probability")}`;
}

/** Binary: "P(yes) 62.5%"; scenario set: "Merger 30.0% · Status quo 70.0%". */
export function forecastText(probabilities: readonly number[], options: readonly string[], binary: boolean): string {
  if (binary) return `P(yes) ${formatNumber(probabilities[1], "probability")}`;
  return options.map((label, i) => `${label} ${formatNumber(probabilities[i] ?? 0, "probability")}`).join(" · ");
}
