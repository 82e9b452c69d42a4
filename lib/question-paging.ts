/** Rows per page of the question list. */
export const QUESTIONS_PER_PAGE = 50;

export interface QuestionPage<T> {
  /** The rows of this page, in list order. */
  items: T[];
  /** 1-based; the requested page clamped to 1..pageCount. */
  page: number;
  /** At least 1, so an empty list is "page 1 of 1". */
  pageCount: number;
  /** Rows over all pages. */
  total: number;
}

/**
 * Which page `requested` (1-based) of `total` rows, `perPage` to a page, shows, and from which row. A page
 * past the last shows the last one and anything below 1 or not a whole number shows the first (the list
 * URL is typed by hand and bookmarked).
 */
export function pageWindow(total: number, requested: number, perPage: number = QUESTIONS_PER_PAGE): Omit<QuestionPage<never>, "items"> & { offset: number } {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pageCount) : 1;
  return { page, pageCount, total, offset: (page - 1) * perPage };
}

/** Page `requested` (1-based) of `rows`, `perPage` to a page (pageWindow). */
export function questionPage<T>(rows: readonly T[], requested: number, perPage: number = QUESTIONS_PER_PAGE): QuestionPage<T> {
  const { page, pageCount, total, offset } = pageWindow(rows.length, requested, perPage);
  return { items: rows.slice(offset, offset + perPage), page, pageCount, total };
}
