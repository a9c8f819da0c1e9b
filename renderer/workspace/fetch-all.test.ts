import { describe, expect, it } from 'vitest';
import type { Result } from '../../core/api/errors.js';
import { fetchAll } from './fetch-all.js';

type Row = { id: string };
const rows = (from: number, count: number): Row[] => Array.from({ length: count }, (_, i) => ({ id: `r${from + i}` }));

describe('fetching every row for an export', () => {
  it('asks page after page of 500 and tells how far it has come', async () => {
    const asked: number[] = [];
    const progress: Array<[number, number | null]> = [];
    const result = await fetchAll<Row>(
      async (offset, limit) => {
        asked.push(offset);
        return { ok: true, value: { rows: rows(offset, Math.min(limit, 1200 - offset)), total: 1200 } };
      },
      { onProgress: (done, total) => progress.push([done, total]), cancelled: () => false },
    );
    expect(asked).toEqual([0, 500, 1000]);
    expect(progress).toEqual([[500, 1200], [1000, 1200], [1200, 1200]]);
    expect(result.status === 'done' && result.rows.length).toBe(1200);
  });

  it('counts the rows on their own while the search leaves the total uncounted, and stops when nothing follows', async () => {
    const asked: number[] = [];
    const progress: Array<[number, number | null]> = [];
    const result = await fetchAll<Row>(
      async (offset, limit) => {
        asked.push(offset);
        return { ok: true, value: { rows: rows(offset, limit), total: null, more: offset + limit < 1000 } };
      },
      { onProgress: (done, total) => progress.push([done, total]), cancelled: () => false },
    );
    expect(asked).toEqual([0, 500]);
    expect(progress).toEqual([[500, null], [1000, null]]);
    expect(result.status === 'done' && result.rows.length).toBe(1000);
  });

  it('stops at a short page when the total is uncounted', async () => {
    const asked: number[] = [];
    const result = await fetchAll<Row>(
      async (offset) => {
        asked.push(offset);
        return { ok: true, value: { rows: rows(offset, offset === 0 ? 500 : 20), total: null } };
      },
      { onProgress: () => {}, cancelled: () => false },
    );
    expect(asked).toEqual([0, 500]);
    expect(result.status === 'done' && result.rows.length).toBe(520);
  });

  it('keeps the total a first page counted when later pages leave it open', async () => {
    const progress: Array<[number, number | null]> = [];
    await fetchAll<Row>(async (offset, limit) => ({ ok: true, value: { rows: rows(offset, Math.min(limit, 1200 - offset)), total: offset === 0 ? 1200 : null, more: offset + limit < 1200 } }), {
      onProgress: (done, total) => progress.push([done, total]),
      cancelled: () => false,
    });
    expect(progress).toEqual([[500, 1200], [1000, 1200], [1200, 1200]]);
  });

  it('keeps a row once when a new payment pushed it onto the next page', async () => {
    const pages: Record<number, Row[]> = { 0: rows(0, 500), 500: [...rows(499, 1), ...rows(500, 100)] };
    const result = await fetchAll<Row>(async (offset) => ({ ok: true, value: { rows: pages[offset]!, total: 601 } }), { onProgress: () => {}, cancelled: () => false });
    expect(result.status === 'done' && result.rows.length).toBe(600);
  });

  it('stops when the manager cancels, and asks no further', async () => {
    let calls = 0;
    let cancel = false;
    const result = await fetchAll<Row>(
      async (offset) => {
        calls++;
        cancel = true;
        return { ok: true, value: { rows: rows(offset, 500), total: 5000 } };
      },
      { onProgress: () => {}, cancelled: () => cancel },
    );
    expect(result).toEqual({ status: 'cancelled' });
    expect(calls).toBe(1);
  });

  it('hands back the refusal of a page', async () => {
    const refused: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Only a branch manager may export' } };
    expect(await fetchAll<Row>(async () => refused, { onProgress: () => {}, cancelled: () => false })).toEqual({ status: 'failed', error: refused.error });
  });
});
