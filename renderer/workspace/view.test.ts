import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeView, encodeView, sortBy, withCreditNoteFilters, withPaymentFilters, type WorkspaceView } from './view.js';

const filtered: WorkspaceView = {
  tab: 'credit-notes',
  month: '2026-03',
  payments: { query: 'wanj', from: '2026-04-01', to: '2026-04-20', methods: ['cash', 'mpesa'], statuses: ['posted'], types: ['bill', 'service'], channels: ['walk_in'], sort: 'amount', direction: 'asc', page: 3 },
  creditNotes: {
    query: 'CN-00',
    status: 'active',
    created: 'custom',
    from: '2026-04-01',
    to: '2026-04-30',
    reasons: ['overpayment', 'billing_error'],
    consumer: { id: '019a0000-0000-7000-8000-000000000001', name: 'Grace Otieno & Sons' },
    remaining: 'partly_remaining',
    linkedReceipt: 'R-T01',
    amountMin: '10.00',
    amountMax: '1,500',
    sort: 'remaining',
    direction: 'asc',
    page: 2,
  },
  note: '019a0000-0000-7000-8000-0000000000cc',
};

describe('the workspace view in the address', () => {
  it('comes back exactly as it was left: tab, month, search, every filter, sort, page and the open credit note', () => {
    expect(decodeView(encodeView(filtered))).toEqual(filtered);
  });

  it('writes nothing for the defaults, so the plain workspace has a plain address', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('');
    expect(decodeView('')).toEqual(DEFAULT_VIEW);
  });

  it('ignores what it cannot read instead of breaking the screen', () => {
    const view = decodeView('tab=reports&month=2026-13&from=yesterday&status=posted,lost&type=bill,gift&reason=whim&sort=colour&page=-2&cstatus=gone&remaining=most');
    expect(view.tab).toBe('payments');
    expect(view.month).toBe('');
    expect(view.payments).toMatchObject({ from: '', statuses: ['posted'], types: ['bill'], sort: 'date', page: 1 });
    expect(view.creditNotes).toMatchObject({ reasons: [], status: 'all', remaining: '' });
  });
});

describe('changing the view', () => {
  it('goes back to the first page when a search or filter changes', () => {
    const view = { ...DEFAULT_VIEW, payments: { ...DEFAULT_VIEW.payments, page: 4 }, creditNotes: { ...DEFAULT_VIEW.creditNotes, page: 5 } };
    expect(withPaymentFilters(view, { methods: ['cash'] }).payments.page).toBe(1);
    expect(withCreditNoteFilters(view, { status: 'active' }).creditNotes.page).toBe(1);
  });

  it('keeps the filters when only the page changes', () => {
    const view = withPaymentFilters(DEFAULT_VIEW, { methods: ['cash'] });
    expect(withPaymentFilters(view, { page: 2 }).payments).toMatchObject({ methods: ['cash'], page: 2 });
  });

  it('flips the direction when the sorted column is clicked again, and starts another column largest first', () => {
    expect(sortBy({ sort: 'date', direction: 'desc' }, 'date')).toEqual({ sort: 'date', direction: 'asc' });
    expect(sortBy({ sort: 'date', direction: 'asc' }, 'amount')).toEqual({ sort: 'amount', direction: 'desc' });
  });
});
