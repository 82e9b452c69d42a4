import type { ReactNode } from "react";

export interface TableColumn {
  label: ReactNode;
  /** Right-aligned figures (the .num class). */
  numeric?: boolean;
}

/**
 * A table with a header row of column labels (scope="col") and the caller's rows as the body; in a
 * padding-free card by default (page-level lists), or only scrollable when `inCard` is false.
 */
export function Table({
  columns,
  testId,
  inCard = true,
  children,
}: {
  columns: ReadonlyArray<TableColumn | null>;
  testId: string;
  inCard?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={inCard ? "table-wrap card" : "table-wrap"} style={inCard ? { padding: 0 } : undefined}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) =>
              c ? (
                <th key={i} scope="col" className={c.numeric ? "num" : undefined}>
                  {c.label}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** What a list shows when it has nothing to list. */
export function EmptyCard({ children }: { children: ReactNode }) {
  return (
    <div className="card">
      <p className="muted" style={{ margin: 0 }}>
        {children}
      </p>
    </div>
  );
}
