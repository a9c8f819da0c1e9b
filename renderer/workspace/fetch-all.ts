import type { ApiErrorData, Result } from '../../core/api/errors.js';

/** What an export asks for at a time: the most a search call answers. */
export const EXPORT_PAGE_SIZE = 500;

/** A page of a search: its total is null when the search left it uncounted, and `more` (where the call says it) whether rows follow. */
export type ExportPage<Row> = { rows: Row[]; total: number | null; more?: boolean };

export type FetchAllResult<Row> = { status: 'done'; rows: Row[] } | { status: 'cancelled' } | { status: 'failed'; error: ApiErrorData };

/**
 * Every row a search matches, a page of 500 at a time, telling after each
 * page how many rows it has and out of how many (null while no page has
 * counted them). It stops when asked to, when a page comes back short or
 * says nothing follows, or at the total. A payment recorded meanwhile moves
 * later rows one page down, so a row seen twice is kept once.
 */
export async function fetchAll<Row extends { id: string }>(
  fetchPage: (offset: number, limit: number) => Promise<Result<ExportPage<Row>>>,
  { onProgress, cancelled }: { onProgress(done: number, total: number | null): void; cancelled(): boolean },
): Promise<FetchAllResult<Row>> {
  const rows: Row[] = [];
  const seen = new Set<string>();
  let total: number | null = null;
  for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
    if (cancelled()) return { status: 'cancelled' };
    const page = await fetchPage(offset, EXPORT_PAGE_SIZE);
    if (cancelled()) return { status: 'cancelled' };
    if (!page.ok) return { status: 'failed', error: page.error };
    for (const row of page.value.rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
    // A later page of the same search may leave the total uncounted again; the last count still holds.
    total = page.value.total ?? total;
    onProgress(rows.length, total === null ? null : Math.max(total, rows.length));
    const last = page.value.rows.length < EXPORT_PAGE_SIZE || page.value.more === false || (total !== null && offset + EXPORT_PAGE_SIZE >= total);
    if (last) return { status: 'done', rows };
  }
}
