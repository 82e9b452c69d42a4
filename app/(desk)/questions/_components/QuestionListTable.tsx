"use client";

import Link from "next/link";
import { QuestionDeadline } from "@/components/forecast/QuestionDeadline";
import { StatusBadge } from "@/components/ui/StatusBadge";
import type { QuestionStatus } from "@/lib/question-lifecycle";
import { ReaffirmButton } from "../[questionId]/_components/ReaffirmButton";

/** One question of the list, as the server worked it out for this viewer (every text already made). */
export interface QuestionListRow {
  id: string;
  title: string;
  tags: Array<{ name: string; href: string }>;
  typeLabel: string;
  /** The crowd's leading outcome ("62% yes"); "hidden" until the viewer forecasts; null: no crowd yet. */
  crowd: string | "hidden" | null;
  /** The viewer's standing forecast (null: none); only for a signed-in viewer's list. */
  mine: { text: string; age: string; needsUpdate: string[]; canReaffirm: boolean } | null;
  forecasters: number;
  deadline: { closeTime: number; resolveBy: number | null; forecastingOver: boolean };
  status: { status: QuestionStatus; due: boolean; detail: string | null };
}

const COLUMNS = ["Question", "Type", "Crowd forecast", "You", "Forecasters", "Deadline", "Status"] as const;

/**
 * The question list: a card on a wide screen, a card per question on a phone (each cell under its
 * column's label, data-label; the title heads the card). A client component: the server sends one
 * page's 50 rows as values, not as rendered cells with a link and a local time component in each.
 * `withYou`: the signed-in viewer's column.
 */
export function QuestionListTable({ rows, withYou }: { rows: QuestionListRow[]; withYou: boolean }) {
  const columns = COLUMNS.filter((c) => withYou || c !== "You");
  return (
    <div className="table-wrap card table-cards" style={{ padding: 0 }}>
      <table className="table" data-testid="question-list">
        <thead>
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col" className={label === "Forecasters" ? "num" : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-question-id={row.id}>
              <td data-card-title="">
                <Link href={`/questions/${encodeURIComponent(row.id)}`}>{row.title}</Link>
                {row.tags.length ? (
                  <div className="small muted">
                    {row.tags.map((t, i) => (
                      <span key={t.name}>
                        {i > 0 ? " · " : ""}
                        <Link href={t.href} className="muted">
                          {t.name}
                        </Link>
                      </span>
                    ))}
                  </div>
                ) : null}
              </td>
              <td data-label="Type">{row.typeLabel}</td>
              <td data-testid="crowd-cell" data-label="Crowd forecast">
                {row.crowd === "hidden" ? (
                  <span className="muted small">hidden until you forecast</span>
                ) : row.crowd !== null ? (
                  row.crowd
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {withYou ? (
                <td data-testid="you-cell" data-label="You">
                  {row.mine ? (
                    <>
                      {row.mine.text}
                      <div className="small muted">{row.mine.age}</div>
                      {row.mine.needsUpdate.length > 0 ? (
                        <div className="stack" style={{ gap: "0.25rem", marginTop: "0.25rem" }}>
                          <span className="badge badge-due" title={row.mine.needsUpdate.join("; ")}>
                            Needs update
                          </span>
                          <span className="small muted">{row.mine.needsUpdate.join("; ")}</span>
                        </div>
                      ) : null}
                      {row.mine.canReaffirm ? <ReaffirmButton questionId={row.id} /> : null}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              ) : null}
              <td className="num card-text" data-label="Forecasters">
                {row.forecasters}
              </td>
              <td className="small" data-label="Deadline">
                <QuestionDeadline question={row.deadline} forecastingOver={row.deadline.forecastingOver} />
              </td>
              <td data-label="Status">
                <StatusBadge status={row.status.status} due={row.status.due} detail={row.status.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
