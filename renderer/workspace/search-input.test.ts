import { describe, expect, it } from 'vitest';
import { creditNotesSearch, paymentsCount, paymentsSearch } from './search-input.js';
import { DEFAULT_CREDIT_NOTE_FILTERS, DEFAULT_PAYMENT_FILTERS } from './view.js';

const TODAY = '2026-04-16'; // a Thursday

describe('the All Payments search', () => {
  it('sends only the filters that are set, for the page shown', () => {
    const checked = paymentsSearch({ ...DEFAULT_PAYMENT_FILTERS, query: '  wanj ', methods: ['cash'], statuses: ['posted', 'pending'], page: 3 });
    expect(checked).toEqual({
      ok: true,
      input: { query: 'wanj', from: undefined, to: undefined, methods: ['cash'], statuses: ['posted', 'pending'], types: undefined, channels: undefined, sort: 'date', direction: 'desc', limit: 50, offset: 100 },
    });
  });

  it('refuses a range whose To is before its From, on the To field', () => {
    expect(paymentsSearch({ ...DEFAULT_PAYMENT_FILTERS, from: '2026-04-10', to: '2026-04-09' })).toEqual({ ok: false, errors: { to: 'To must be on or after From' } });
    expect(paymentsSearch({ ...DEFAULT_PAYMENT_FILTERS, from: '2026-04-10', to: '2026-04-10' }).ok).toBe(true);
  });
});

describe('the count of All Payments', () => {
  const search = (change: Partial<typeof DEFAULT_PAYMENT_FILTERS>) => {
    const checked = paymentsSearch({ ...DEFAULT_PAYMENT_FILTERS, query: 'wanj', channels: ['counter'], ...change });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.input;
  };

  it('counts the search and filters, and is the same count for every page and order', () => {
    expect(paymentsCount(search({}))).toEqual({ query: 'wanj', from: undefined, to: undefined, methods: undefined, statuses: undefined, types: undefined, channels: ['counter'] });
    expect(paymentsCount(search({ page: 7, sort: 'amount', direction: 'asc' }))).toEqual(paymentsCount(search({})));
  });
});

describe('the Credit Notes search', () => {
  const input = (change: Partial<typeof DEFAULT_CREDIT_NOTE_FILTERS>) => {
    const checked = creditNotesSearch({ ...DEFAULT_CREDIT_NOTE_FILTERS, ...change }, TODAY);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.input;
  };

  it('turns Today, This week and This month into dates ending today', () => {
    expect(input({ created: 'today' })).toMatchObject({ from: TODAY, to: TODAY });
    expect(input({ created: 'this_week' })).toMatchObject({ from: '2026-04-13', to: TODAY });
    expect(input({ created: 'this_month' })).toMatchObject({ from: '2026-04-01', to: TODAY });
    expect(input({ created: 'any', from: '2026-01-01' })).not.toHaveProperty('from');
  });

  it('sends the custom range, the consumer picked and the amounts as typed', () => {
    expect(input({ created: 'custom', from: '2026-03-01', to: '2026-03-31', consumer: { id: 'c-1', name: 'Grace' }, amountMin: '10', amountMax: '1,000.50', remaining: 'fully_used', status: 'active' })).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      consumerId: 'c-1',
      amountMin: '10',
      amountMax: '1,000.50',
      remaining: 'fully_used',
      status: 'active',
    });
  });

  it('shows a custom range running backwards on To, and nothing is sent', () => {
    expect(creditNotesSearch({ ...DEFAULT_CREDIT_NOTE_FILTERS, created: 'custom', from: '2026-04-10', to: '2026-04-01' }, TODAY)).toEqual({ ok: false, errors: { to: 'To must be on or after From' } });
  });

  it('takes numbers only for the amount range, and a maximum below the minimum is refused on the maximum', () => {
    expect(creditNotesSearch({ ...DEFAULT_CREDIT_NOTE_FILTERS, amountMin: 'ten' }, TODAY)).toEqual({ ok: false, errors: { amountMin: 'Minimum amount must be a number, like 150.00' } });
    expect(creditNotesSearch({ ...DEFAULT_CREDIT_NOTE_FILTERS, amountMin: '500', amountMax: '100' }, TODAY)).toEqual({ ok: false, errors: { amountMax: 'Maximum amount must be at least the minimum' } });
    expect(creditNotesSearch({ ...DEFAULT_CREDIT_NOTE_FILTERS, amountMax: '-5' }, TODAY)).toEqual({ ok: false, errors: { amountMax: 'Maximum amount cannot be negative' } });
  });
});
