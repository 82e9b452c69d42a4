import { formatNumber } from "@/lib/format/number";

/** A probability in [0, 1] as a percent number with one decimal (chart and CSV cells, not text). */
export function percentValue(p: number): number {
  return Number((p * 100).toFixed(1));
}

/** Binary: "P(yes) 62.5%"; scenario set: "Merger 30.0% · Status quo 70.0%". */
export function forecastText(probabilities: readonly number[], options: readonly string[], binary: boolean): string {
  if (binary) return `P(yes) ${formatNumber(probabilities[1], "probability")}`;
  return options.map((label, i) => `${label} ${formatNumber(probabilities[i] ?? 0, "probability")}`).join(" · ");
}
