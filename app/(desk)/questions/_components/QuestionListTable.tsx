"use client";

import Link from "next/link";
import { QuestionDeadline } from "@/components/forecast/QuestionDeadline";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { Table } from "@/components/ui/Table";
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

/**
 * The question list (components/ui/Table: a card on a wide screen, a card per question on a phone). A
 * client component: the server sends one page's 50 rows as values, not as rendered cells with a link
 * and a local time component in each. `withYou`: the signed-in viewer's column.
 */
export function QuestionListTable({ rows, withYou }: { rows: QuestionListRow[]; withYou: boolean }) {
  return (
    <Table
      testId="question-list"
      columns={[
        { label: "Question" },
        { label: "Type" },
        { label: "Crowd forecast" },
        ...(withYou ? [{ label: "You" }] : []),
        { label: "Forecasters", numeric: true },
        { label: "Deadline" },
        { label: "Status" },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} data-question-id={row.id}>
          <td>
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
          <td>{row.typeLabel}</td>
          <td data-testid="crowd-cell">
            {row.crowd === "hidden" ? (
              <span className="muted small">hidden until you forecast</span>
            ) : row.crowd !== null ? (
              row.crowd
            ) : (
              <span className="muted">—</span>
            )}
          </td>
          {withYou ? (
            <td data-testid="you-cell">
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
          <td className="num card-text">{row.forecasters}</td>
          <td className="small">
            <QuestionDeadline question={row.deadline} forecastingOver={row.deadline.forecastingOver} />
          </td>
          <td>
            <StatusBadge status={row.status.status} due={row.status.due} detail={row.status.detail} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
