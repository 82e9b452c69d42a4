"use client";

import Link from "next/link";
import { Table } from "@/components/ui/Table";

/** One forecaster of a leaderboard page, as the server worked it out (every figure already formatted). */
export interface LeaderboardRow {
  handle: string;
  name: string;
  /** Their profile, with the page's population. */
  href: string;
  /** null: unranked (fewer questions than the minimum never reach the page; ties share a rank). */
  rank: number | null;
  questions: number;
  /** Mean peer, mean baseline, mean relative Brier, mean final Brier, sum of peer, mean coverage, mean CRPS. */
  figures: [string, string, string, string, string, string, string];
}

/**
 * A leaderboard page's table (components/ui/Table: a card per forecaster on a phone). A client
 * component: the server sends the page's 50 rows as values, not as 500 rendered cells; on the 1M desk
 * that element tree was two thirds of the page's bytes.
 */
export function LeaderboardTable({ rows, total, caption }: { rows: LeaderboardRow[]; total: number; caption: string }) {
  return (
    <Table
      testId="leaderboard-table"
      rowCount={rows.length}
      totalCount={total}
      inCard={false}
      cardTitle={1}
      caption={caption}
      columns={[
        { label: "Rank", numeric: true },
        { label: "Forecaster" },
        { label: "Questions", numeric: true },
        { label: <span title="Points, higher is better">Mean peer</span>, cardLabel: "Mean peer", numeric: true },
        { label: <span title="Points, higher is better">Mean baseline</span>, cardLabel: "Mean baseline", numeric: true },
        { label: <span title="Negative beats the crowd">Mean relative Brier</span>, cardLabel: "Mean relative Brier", numeric: true },
        { label: <span title="0–1, lower is better">Mean final Brier</span>, cardLabel: "Mean final Brier", numeric: true },
        { label: "Sum of peer", numeric: true },
        { label: "Mean coverage", numeric: true },
        { label: <span title="Numeric and date questions, 0–1 internal scale, lower is better">Mean CRPS</span>, cardLabel: "Mean CRPS", numeric: true },
      ]}
    >
      {rows.map((r) => {
        const [meanPeer, meanBaseline, meanRelativeBrier, meanFinalBrier, sumPeer, meanCoverage, meanCrps] = r.figures;
        return (
          <tr key={r.handle} data-handle={r.handle}>
            <td className="num">{r.rank ?? "—"}</td>
            <td>
              <Link href={r.href}>{r.name}</Link>
            </td>
            <td className="num">{r.questions}</td>
            <td className="num">{meanPeer}</td>
            <td className="num">{meanBaseline}</td>
            <td className="num">{meanRelativeBrier}</td>
            <td className="num">{meanFinalBrier}</td>
            <td className="num">{sumPeer}</td>
            <td className="num">{meanCoverage}</td>
            <td className="num" data-field="mean-crps">
              {meanCrps}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
