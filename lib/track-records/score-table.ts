// The sortable table of a forecaster's scored questions: which columns sort, in which direction.

export const SCORE_TABLE_COLUMNS = [
  "question",
  "resolved",
  "final_forecast",
  "outcome",
  "final_brier",
  "brier_time_avg",
  "relative_brier",
  "baseline",
  "peer",
  "coverage",
] as const;
export type ScoreTableColumn = (typeof SCORE_TABLE_COLUMNS)[number];
export type SortDirection = "asc" | "desc";

/** One row as the table shows it: sortable values, numbers or strings, nulls allowed. */
export type ScoreTableRow = Record<ScoreTableColumn, number | string | null>;

/**
 * Sorts a copy of the rows by one column. Nulls go last in either direction; ties keep the
 * input order (Array.prototype.sort is stable). Strings compare by code point.
 */
export function sortScoreTable<R extends ScoreTableRow>(rows: readonly R[], column: ScoreTableColumn, direction: SortDirection): R[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === "number" && typeof y === "number") return sign * (x - y);
    const xs = String(x);
    const ys = String(y);
    return sign * (xs < ys ? -1 : xs > ys ? 1 : 0);
  });
}

/** The direction a click on a column's header sorts by: the active column ascending flips to descending; any other column starts ascending. */
export function nextSortDirection(column: ScoreTableColumn, sort: ScoreTableColumn, dir: SortDirection): SortDirection {
  return column === sort && dir === "asc" ? "desc" : "asc";
}
