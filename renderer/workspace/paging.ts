/** Whole numbers with thousands separators, as the counter writes counts: 12,345. */
export const countText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * What the pager knows of the page on screen: its number (1-based), how many
 * rows it shows, and of the whole either the total or, while that is still
 * being counted (null), only whether rows follow this page.
 */
export interface PageShown {
  page: number;
  shown: number;
  total: number | null;
  more: boolean;
}

/** The total, or what the page itself tells of it: with no rows after it, the last page ends the count. */
const knownTotal = ({ page, shown, total, more }: PageShown, pageSize: number): number | null => total ?? (more ? null : (page - 1) * pageSize + shown);

/** The pages to offer: all of them once the total is known; until then those seen so far, and the next one if rows follow. */
export function pageCount(shown: PageShown, pageSize: number): number {
  const total = knownTotal(shown, pageSize);
  if (total === null) return shown.page + 1;
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Which rows a page shows out of how many match: "1–50 of 12,345", "1–50 of many" while counting; "No results" when none do. */
export function rangeText(shown: PageShown, pageSize: number): string {
  const total = knownTotal(shown, pageSize);
  if (total === 0) return 'No results';
  const first = (shown.page - 1) * pageSize + 1;
  if (total === null) return `${countText(first)}–${countText(first + shown.shown - 1)} of many`;
  return `${countText(Math.min(first, total))}–${countText(Math.min(shown.page * pageSize, total))} of ${countText(total)}`;
}

/** How far an export has come: "1,500 of 12,345 rows", or "1,500 rows…" while the total is not known. */
export const rowsDoneText = (done: number, total: number | null) => (total === null ? `${countText(done)} rows…` : `${countText(done)} of ${countText(total)} rows`);
