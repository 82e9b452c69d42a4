// Cells of the track-record tables and CSVs that are not plain numbers for reading (those go through
// lib/format/number formatNumber, the desk's one number formatter).
import { formatNumber } from "@/lib/format/number";

/** A forecast bin as its range of percentages ("10.0%–20.0%"). */
export function formatBinRange(bin: { lo: number; hi: number }): string {
  return `${formatNumber(bin.lo, "probability")}–${formatNumber(bin.hi, "probability")}`;
}

/** Rounds for a CSV cell: enough digits to check against the engine, no float noise. */
export function csvNumber(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(12));
}
