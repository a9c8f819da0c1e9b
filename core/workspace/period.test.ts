import { describe, expect, it } from 'vitest';
import { daysOf, firstDayOf, lastDayOf, monthOf, previousMonth } from './period.js';

describe('months of the KPI header', () => {
  it('names the month a date falls in', () => {
    expect(monthOf('2025-04-30')).toBe('2025-04');
  });

  it('goes back across a new year', () => {
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(previousMonth('2025-04')).toBe('2025-03');
  });

  it('ends February on the 29th in a leap year and the 28th otherwise', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2025-02')).toBe('2025-02-28');
    expect(lastDayOf('2025-12')).toBe('2025-12-31');
  });

  it('lists every day of the month for the chart', () => {
    const april = daysOf('2025-04');
    expect(april).toHaveLength(30);
    expect(april[0]).toBe(firstDayOf('2025-04'));
    expect(april.at(-1)).toBe('2025-04-30');
    expect(daysOf('2024-02')).toHaveLength(29);
  });
});
