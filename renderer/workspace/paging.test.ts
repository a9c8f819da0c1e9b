import { describe, expect, it } from 'vitest';
import { pageCount, rangeText, rowsDoneText } from './paging.js';

const PAGE = 50;

describe('the paging line under a table', () => {
  describe('with the total known', () => {
    it('shows the rows of the page out of all matches, with thousands separators, and every page', () => {
      expect(rangeText({ page: 1, shown: 50, total: 12345, more: true }, PAGE)).toBe('1–50 of 12,345');
      expect(rangeText({ page: 3, shown: 50, total: 12345, more: true }, PAGE)).toBe('101–150 of 12,345');
      expect(pageCount({ page: 3, shown: 50, total: 12345, more: true }, PAGE)).toBe(247);
    });

    it('ends the last page at the last match', () => {
      expect(rangeText({ page: 247, shown: 45, total: 12345, more: false }, PAGE)).toBe('12,301–12,345 of 12,345');
      expect(rangeText({ page: 1, shown: 7, total: 7, more: false }, PAGE)).toBe('1–7 of 7');
      expect(pageCount({ page: 1, shown: 7, total: 7, more: false }, PAGE)).toBe(1);
    });
  });

  describe('while the total is being counted', () => {
    it('says "of many" and offers the pages seen so far and the next one', () => {
      expect(rangeText({ page: 1, shown: 50, total: null, more: true }, PAGE)).toBe('1–50 of many');
      expect(pageCount({ page: 1, shown: 50, total: null, more: true }, PAGE)).toBe(2);
      expect(rangeText({ page: 40, shown: 50, total: null, more: true }, PAGE)).toBe('1,951–2,000 of many');
      expect(pageCount({ page: 40, shown: 50, total: null, more: true }, PAGE)).toBe(41);
    });

    it('knows the total on the last page, as nothing follows it', () => {
      expect(rangeText({ page: 41, shown: 23, total: null, more: false }, PAGE)).toBe('2,001–2,023 of 2,023');
      expect(pageCount({ page: 41, shown: 23, total: null, more: false }, PAGE)).toBe(41);
    });
  });

  it('says so when nothing matches, and still has one page', () => {
    expect(rangeText({ page: 1, shown: 0, total: 0, more: false }, PAGE)).toBe('No results');
    expect(pageCount({ page: 1, shown: 0, total: 0, more: false }, PAGE)).toBe(1);
    expect(rangeText({ page: 1, shown: 0, total: null, more: false }, PAGE)).toBe('No results');
    expect(pageCount({ page: 1, shown: 0, total: null, more: false }, PAGE)).toBe(1);
  });
});

describe('the progress of an export', () => {
  it('counts the rows out of the total, or on their own while the total is unknown', () => {
    expect(rowsDoneText(1500, 12345)).toBe('1,500 of 12,345 rows');
    expect(rowsDoneText(1500, null)).toBe('1,500 rows…');
  });
});
