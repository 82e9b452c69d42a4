// CSV for the "Download data (CSV)" link of every chart (RFC 4180 quoting).

export type ChartCell = string | number | null;
export interface ChartColumn {
  key: string;
  label: string;
}

function csvField(value: ChartCell | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row of the column labels, then one line per row, CRLF-separated. */
export function chartRowsToCsv(columns: readonly ChartColumn[], rows: ReadonlyArray<Record<string, ChartCell>>): string {
  const lines = [columns.map((c) => csvField(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A data: URL so the download works without JavaScript and from server components. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
