import { percentDigits } from "@/lib/validation/forecast";

/** A probability in [0, 1] as percent text with one decimal at most: 0.625 → "62.5%". */
export function percentText(p: number): string {
  return `${percentDigits(p * 100)}%`;
}

/** A probability in [0, 1] as a percent number with one decimal (chart and CSV cells). */
export function percentValue(p: number): number {
  return Number((p * 100).toFixed(1));
}

/** The age of a forecast: "today", "1 day ago", "12 days ago" (whole days, rounded down). */
export function forecastAgeText(ageMs: number): string {
  const days = Math.floor(ageMs / 86_400_000);
  return days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
}

/** Binary: "62.5% yes"; scenario set: the leading scenario and its probability ("Merger 30%"). */
export function leadingText(q: { type: "binary" | "multiple_choice"; options: readonly string[] }, vector: readonly number[]): string {
  if (q.type === "binary") return `${percentText(vector[1])} yes`;
  let lead = 0;
  vector.forEach((p, i) => {
    if (p > vector[lead]) lead = i;
  });
  return `${q.options[lead]} ${percentText(vector[lead])}`;
}

/** Binary: "P(yes) 62.5%"; scenario set: "Merger 30% · Status quo 70%". */
export function forecastText(probabilities: readonly number[], options: readonly string[], binary: boolean): string {
  if (binary) return `P(yes) ${percentText(probabilities[1])}`;
  return options.map((label, i) => `${label} ${percentText(probabilities[i] ?? 0)}`).join(" · ");
}
