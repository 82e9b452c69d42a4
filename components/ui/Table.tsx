import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

export interface TableColumn {
  label: ReactNode;
  /** Right-aligned figures (the .num class). */
  numeric?: boolean;
  /** What the cell is called on a phone's card when the label is not plain text. */
  cardLabel?: string;
}

type CellProps = { "data-label"?: string; "data-card-title"?: string; children?: ReactNode };
type RowProps = { children?: ReactNode };

/**
 * Gives every cell of every row the label of its column (data-label), which the phone layout shows
 * in front of the value when the table becomes a list of cards; the title column's cell is marked
 * data-card-title instead and heads the card. Rows are <tr> elements whose
 * children are the cells in column order (null cells and columns are skipped).
 */
function labelCells(rows: ReactNode, columns: ReadonlyArray<TableColumn | null>, titleColumn: number): ReactNode {
  const labels = columns.filter((c): c is TableColumn => c !== null).map((c) => c.cardLabel ?? (typeof c.label === "string" ? c.label : ""));
  return Children.map(rows, (row) => {
    if (!isValidElement<RowProps>(row)) return row;
    let i = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement<CellProps>(cell)) return cell;
      const index = i++;
      if (index === titleColumn) return cloneElement(cell as ReactElement<CellProps>, { "data-card-title": "" });
      const label = labels[index];
      return label && cell.props["data-label"] === undefined ? cloneElement(cell as ReactElement<CellProps>, { "data-label": label }) : cell;
    });
    return cloneElement(row, {}, cells);
  });
}

/**
 * A table with a header row of column labels (scope="col") and the caller's rows as the body; in a
 * padding-free card by default (page-level lists), or only scrollable when `inCard` is false. On a
 * phone (below 40rem) a `cards` table shows each row as a card, each cell under its column's label
 * (app/globals.css .table-cards); the `cardTitle` column (default the first) heads each card.
 */
export function Table({
  columns,
  testId,
  inCard = true,
  cards = true,
  cardTitle = 0,
  caption,
  scrollRegionLabel,
  rowCount,
  totalCount,
  children,
}: {
  columns: ReadonlyArray<TableColumn | null>;
  testId: string;
  inCard?: boolean;
  cards?: boolean;
  /** Index (among the non-null columns) of the column that heads each card on a phone. */
  cardTitle?: number;
  /** A caption for screen readers (visually hidden). */
  caption?: ReactNode;
  /** For a table that may scroll sideways in a narrow column: the wrapper becomes a labelled, focusable region, so the keyboard can scroll it. */
  scrollRegionLabel?: string;
  /** Goes on the table as data-rows (browser tests). */
  rowCount?: number;
  /** Goes on the table as data-total: the rows of every page when this is one page of them. */
  totalCount?: number;
  children: ReactNode;
}) {
  const className = ["table-wrap", inCard ? "card" : null, cards ? "table-cards" : null].filter(Boolean).join(" ");
  return (
    <div
      className={className}
      style={inCard ? { padding: 0 } : undefined}
      {...(scrollRegionLabel ? { tabIndex: 0, role: "region", "aria-label": scrollRegionLabel } : {})}
    >
      <table className="table" data-testid={testId} data-rows={rowCount} data-total={totalCount}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
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
        <tbody>{cards ? labelCells(children, columns, cardTitle) : children}</tbody>
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
