import { describe, expect, it } from 'vitest';
import { cents } from '../money.js';
import { createdRange, readSearch, remainingClass } from './search-terms.js';

describe('how a search text is read', () => {
  it('is trimmed, its spaces made one and its case folded; nothing to search is no search', () => {
    expect(readSearch('  John   KAMAU ')?.text).toBe('john kamau');
    expect(readSearch('   ')).toBeNull();
    expect(readSearch('')).toBeNull();
    expect(readSearch(undefined)).toBeNull();
  });

  it('reads a receipt or credit note number fragment by its longest run of digits, which is what tells receipts apart', () => {
    expect(readSearch('R-T01-5001')).toMatchObject({ text: 'r-t01-5001', number: true, numberKey: '5001' });
    expect(readSearch('cn-t01-00042')).toMatchObject({ number: true, numberKey: '00042' });
    expect(readSearch('5001')).toMatchObject({ number: true, numberKey: '5001' });
  });

  it('looks inside numbers only for three characters or more with a digit and nothing but letters, digits, dots, slashes and dashes', () => {
    expect(readSearch('50')?.number).toBe(false);
    expect(readSearch('t01')).toMatchObject({ number: true, numberKey: 't01' });
    expect(readSearch('john 5001')?.number).toBe(false);
    expect(readSearch('50%1')?.number).toBe(false);
    expect(readSearch('kamau')?.number).toBe(false);
  });

  it('takes hex digits and dashes, eight or more with a digit, as the start of a consumer id', () => {
    expect(readSearch('01962F4E-8A00')?.consumerId).toBe(true);
    expect(readSearch('01962f4e')?.consumerId).toBe(true);
    expect(readSearch('0196')?.consumerId).toBe(false);
    expect(readSearch('deadbeef')?.consumerId).toBe(false);
    expect(readSearch('wu-10001')?.consumerId).toBe(false);
  });
});

describe('created-date presets', () => {
  // Thursday 16 April 2026.
  const today = '2026-04-16';

  it('Today is today only', () => {
    expect(createdRange('today', today)).toEqual({ from: '2026-04-16', to: '2026-04-16' });
  });

  it('This week runs from its Monday to today', () => {
    expect(createdRange('this_week', today)).toEqual({ from: '2026-04-13', to: '2026-04-16' });
    expect(createdRange('this_week', '2026-04-13')).toEqual({ from: '2026-04-13', to: '2026-04-13' });
    // A Sunday belongs to the week that began six days before, across a month end.
    expect(createdRange('this_week', '2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });

  it('This month runs from its first day to today', () => {
    expect(createdRange('this_month', today)).toEqual({ from: '2026-04-01', to: '2026-04-16' });
    expect(createdRange('this_month', '2026-05-01')).toEqual({ from: '2026-05-01', to: '2026-05-01' });
  });
});

describe('remaining amount classes', () => {
  it('fully used when nothing is left, fully remaining when none went, partly remaining in between', () => {
    expect(remainingClass(cents(0), cents(450))).toBe('fully_used');
    expect(remainingClass(cents(1), cents(450))).toBe('partly_remaining');
    expect(remainingClass(cents(449), cents(450))).toBe('partly_remaining');
    expect(remainingClass(cents(450), cents(450))).toBe('fully_remaining');
  });
});
