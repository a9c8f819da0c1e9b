import { describe, expect, it } from 'vitest';
import { FIRST_QUERY, filtered, pageOf, searchInput, shownRange, sortedBy } from './recovery.js';

describe('the recovery list', () => {
  it('shows the largest arrears first and filters nothing until told to', () => {
    expect(searchInput(FIRST_QUERY, pageOf(FIRST_QUERY))).toEqual({ plan: 'any', sort: 'arrears', direction: 'desc', limit: 50, offset: 0 });
  });

  it('sends the filters as typed, the days as a number', () => {
    const query = filtered(FIRST_QUERY, { arrearsAbove: ' 1000.00 ', overdueDaysAbove: '90', status: ['active', 'suspended'], plan: 'without' });
    expect(searchInput(query, pageOf(query))).toMatchObject({ arrearsAbove: '1000.00', overdueDaysAbove: 90, status: ['active', 'suspended'], plan: 'without' });
  });

  it('leaves days that are not a whole number for the backend to refuse', () => {
    expect(searchInput(filtered(FIRST_QUERY, { overdueDaysAbove: 'ninety' }), pageOf(FIRST_QUERY)).overdueDaysAbove).toBeNaN();
  });

  it('asks for the rows of the page shown', () => {
    expect(pageOf({ ...FIRST_QUERY, page: 3 })).toEqual({ limit: 50, offset: 100 });
  });

  it('goes back to the first page when a filter changes', () => {
    expect(filtered({ ...FIRST_QUERY, page: 4 }, { plan: 'with' }).page).toBe(1);
  });
});

describe('sorting by a column', () => {
  it('turns the order round on a second click of the same column', () => {
    const once = sortedBy({ ...FIRST_QUERY, page: 2 }, 'arrears');
    expect(once).toMatchObject({ sort: 'arrears', direction: 'asc', page: 1 });
    expect(sortedBy(once, 'arrears').direction).toBe('desc');
  });

  it('starts the longest overdue first, and names A to Z', () => {
    expect(sortedBy(FIRST_QUERY, 'daysOverdue')).toMatchObject({ sort: 'daysOverdue', direction: 'desc' });
    expect(sortedBy(FIRST_QUERY, 'name')).toMatchObject({ sort: 'name', direction: 'asc' });
  });
});

describe('the range shown', () => {
  it('says which rows of how many', () => {
    expect(shownRange({ ...FIRST_QUERY, page: 2 }, 50, 1312)).toBe('51–100 of 1,312');
    expect(shownRange(FIRST_QUERY, 0, 0)).toBe('No accounts match');
  });
});
