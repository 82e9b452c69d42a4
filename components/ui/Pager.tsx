import Link from "next/link";

/** Previous/next links around "Page N of M · …" for a list shown a page at a time. */
export function Pager({
  label,
  page,
  pageCount,
  summary,
  href,
  previousText = "Previous",
  nextText = "Next",
}: {
  /** The nav's accessible name, e.g. "Leaderboard pages". */
  label: string;
  page: number;
  pageCount: number;
  /** What the pages hold, after "Page N of M · ", e.g. "120 forecasters". */
  summary: string;
  href: (page: number) => string;
  previousText?: string;
  nextText?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="row small" style={{ marginTop: "1rem" }}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {previousText}
        </Link>
      ) : null}
      <span className="muted">
        Page {page} of {pageCount} · {summary}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {nextText}
        </Link>
      ) : null}
    </nav>
  );
}
