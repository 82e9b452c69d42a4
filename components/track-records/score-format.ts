// How track-record numbers are written on the pages, tables and CSVs (one place, one precision).

/** A probability as a percentage with one decimal ("72.5%"); "—" for null. */
export function formatPercent(p: number | null): string {
  return p === null ? "—" : `${(p * 100).toFixed(1)}%`;
}

/** A forecast bin as its range of percentages ("10.0%–20.0%"). */
export function formatBinRange(bin: { lo: number; hi: number }): string {
  return `${formatPercent(bin.lo)}–${formatPercent(bin.hi)}`;
}

/** A Brier or log score (three decimals); "—" for null. */
export function formatScore(x: number | null, digits = 3): string {
  return x === null ? "—" : x.toFixed(digits);
}

/** A baseline or peer score in points (one decimal, sign shown); "—" for null. */
export function formatPoints(x: number | null): string {
  if (x === null) return "—";
  const s = x.toFixed(1);
  return x > 0 ? `+${s}` : s;
}

/** A UTC instant as its calendar date, e.g. "2022-12-31". */
export function formatDateUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Rounds for a CSV cell: enough digits to check against the engine, no float noise. */
export function csvNumber(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(12));
}
