import { describe, expect, it } from 'vitest';
import { pageCount, rangeText } from './paging.js';

describe('the paging line under a table', () => {
  it('shows the rows of the page out of all matches, with thousands separators', () => {
    expect(rangeText(1, 50, 12345)).toBe('1–50 of 12,345');
    expect(rangeText(3, 50, 12345)).toBe('101–150 of 12,345');
  });

  it('ends the last page at the last match', () => {
    expect(rangeText(247, 50, 12345)).toBe('12,301–12,345 of 12,345');
    expect(rangeText(1, 50, 7)).toBe('1–7 of 7');
  });

  it('says so when nothing matches, and still has one page', () => {
    expect(rangeText(1, 50, 0)).toBe('No results');
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
  });
});
