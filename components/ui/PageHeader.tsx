import type { ReactNode } from "react";

/** A page's title row: the h1, an optional one-line summary under it, and actions on the right. */
export function PageHeader({ title, lede, actions }: { title: ReactNode; lede?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {lede ? (
          <p className="muted" style={{ margin: 0 }}>
            {lede}
          </p>
        ) : null}
      </div>
      {actions}
    </header>
  );
}
