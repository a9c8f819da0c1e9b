/** Whole numbers with thousands separators, as the counter writes counts: 12,345. */
export const countText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** Which rows a page shows out of how many match: "1–50 of 12,345"; "No results" when none do. */
export function rangeText(page: number, pageSize: number, total: number): string {
  if (total === 0) return 'No results';
  const first = Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  return `${countText(first)}–${countText(last)} of ${countText(total)}`;
}
