import { percentDigits } from "@/lib/validation/forecast";

/** A probability in [0, 1] as percent text with one decimal at most: 0.625 → "62.5%". */
export function percentText(p: number): string {
  return `${percentDigits(p * 100)}%`;
}

/** A probability in [0, 1] as a percent number with one decimal (chart and CSV cells). */
export function percentValue(p: number): number {
  return Number((p * 100).toFixed(1));
}

/** Binary: "P(yes) 62.5%"; scenario set: "Merger 30% · Status quo 70%". */
export function forecastText(probabilities: readonly number[], options: readonly string[], binary: boolean): string {
  if (binary) return `P(yes) ${percentText(probabilities[1])}`;
  return options.map((label, i) => `${label} ${percentText(probabilities[i] ?? 0)}`).join(" · ");
}
