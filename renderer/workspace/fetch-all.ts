import type { ApiErrorData, Result } from '../../core/api/errors.js';

/** What an export asks for at a time: the most a search call answers. */
export const EXPORT_PAGE_SIZE = 500;

export type FetchAllResult<Row> = { status: 'done'; rows: Row[] } | { status: 'cancelled' } | { status: 'failed'; error: ApiErrorData };

/**
 * Every row a search matches, a page of 500 at a time, telling after each
 * page how far it has come. It stops when asked to, when a page comes back
 * short, or at the total. A payment recorded meanwhile moves later rows one
 * page down, so a row seen twice is kept once.
 */
export async function fetchAll<Row extends { id: string }>(
  fetchPage: (offset: number, limit: number) => Promise<Result<{ rows: Row[]; total: number }>>,
  { onProgress, cancelled }: { onProgress(done: number, total: number): void; cancelled(): boolean },
): Promise<FetchAllResult<Row>> {
  const rows: Row[] = [];
  const seen = new Set<string>();
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
    const total = Math.max(page.value.total, rows.length);
    onProgress(rows.length, total);
    if (page.value.rows.length < EXPORT_PAGE_SIZE || offset + EXPORT_PAGE_SIZE >= page.value.total) return { status: 'done', rows };
  }
}
