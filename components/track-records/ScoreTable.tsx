"use client";

import Link from "next/link";
import type { ScoreTableColumn, ScoreTableRow, SortDirection } from "@/lib/track-records/score-table";
import { formatMoment } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";

export interface ScoreTableEntry extends ScoreTableRow {
  questionId: string;
  type: "binary" | "multiple_choice";
}

const HEADERS: Array<{ key: ScoreTableColumn; label: string; title?: string }> = [
  { key: "question", label: "Question" },
  { key: "resolved", label: "Resolved (UTC)" },
  { key: "final_forecast", label: "Final forecast", title: "Binary: P(yes) at close. Multiple choice: the probability given to what happened." },
  { key: "outcome", label: "Outcome" },
  { key: "final_brier", label: "Final Brier", title: "0–1, lower is better" },
  { key: "brier_time_avg", label: "Time-avg. Brier", title: "0–1, lower is better; — when the forecast covered no time" },
  { key: "relative_brier", label: "Relative Brier", title: "Negative is better than the crowd median" },
  { key: "baseline", label: "Baseline", title: "Points, higher is better" },
  { key: "peer", label: "Peer", title: "Points, higher is better" },
  { key: "coverage", label: "Coverage", title: "Share of the question's window covered" },
];

function cell(key: ScoreTableColumn, row: ScoreTableEntry) {
  const v = row[key];
  switch (key) {
    case "question":
      return <Link href={`/questions/${encodeURIComponent(row.questionId)}`}>{String(v)}</Link>;
    case "resolved":
      return formatMoment(Number(v), "date", "UTC");
    case "final_forecast":
      return `${formatNumber(v as number, "probability")}${row.type === "binary" ? " yes" : " on outcome"}`;
    case "outcome":
      return String(v);
    case "baseline":
    case "peer":
      return formatNumber(v as number | null, "points");
    case "coverage":
      return formatNumber(v as number | null, "probability");
    default:
      return formatNumber(v as number | null, "score", { signed: key === "relative_brier" });
  }
}

/**
 * A forecaster's scored questions, one page of them in the order chosen; column headers are links
 * that re-sort the table by that column (GET parameters sort and dir), so it works without JavaScript.
 * A client component: the server sends the rows as data (50 × 10 values), not as 600 rendered
 * elements — the table was most of a profile's page data and of its server render time.
 */
export function ScoreTable({
  rows,
  total,
  sort,
  dir,
  sortHrefs,
}: {
  /** The page's rows, sorted. */
  rows: ScoreTableEntry[];
  /** Scored questions on every page (data-rows). */
  total: number;
  sort: ScoreTableColumn;
  dir: SortDirection;
  /** Each column header's link: the page sorted by that column (nextSortDirection), the other filters kept. */
  sortHrefs: Record<ScoreTableColumn, string>;
}) {
  if (rows.length === 0) return <p className="muted">No scored questions in this selection.</p>;
  return (
    <div className="table-wrap table-cards">
      <table className="table" data-testid="score-table" data-rows={total}>
        <caption className="sr-only">Scored questions, sorted by {HEADERS.find((h) => h.key === sort)?.label} ({dir === "asc" ? "ascending" : "descending"})</caption>
        <thead>
          <tr>
            {HEADERS.map((h) => {
              const active = h.key === sort;
              return (
                <th key={h.key} scope="col" title={h.title} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
                  <Link href={sortHrefs[h.key]}>
                    {h.label}
                    {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.questionId}>
              {HEADERS.map((h) => (
                // Only the attributes a cell has: each one set to undefined still travels in the page's data, 50 rows of 10 cells.
                <td
                  key={h.key}
                  {...(h.key === "question" ? { "data-card-title": "" } : { className: h.key === "outcome" ? "card-num" : "num", "data-label": h.label })}
                >
                  {cell(h.key, r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
