import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.js';
import { cents } from '../money.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import type { PayableItem } from '../accounts/account.js';
import { decidePayment, type PaymentRequest } from './payment-rules.js';

const bill: PayableItem = { kind: 'bill', id: 'b1', reference: 'INV-2025-001234', detail: 'Mar 2025', amount: cents(14550), open: cents(14550), issuedOn: '2025-03-01', dueOn: '2025-03-31' };
const today = '2026-11-23';
const cash = (extra: Partial<PaymentRequest> = {}): PaymentRequest => ({
  id: 'p1', consumerId: 'c1', type: 'bill', itemIds: ['b1'], method: 'cash', channel: 'walk_in',
  amountPaid: cents(14550), amountReceived: cents(15000), paymentDate: today, ...extra,
});

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('the payment was accepted');
}

describe('the payment rule', () => {
  it('a cash payment of 145.50 from 150.00 gives 4.50 change and is verified at once', () => {
    const decision = decidePayment(cash(), [bill], DEFAULT_SETTINGS, today);
    expect(decision).toMatchObject({ change: 450, amountReceived: 15000, verification: 'verified' });
    expect(decision.allocations.map((a) => [a.item.id, a.applied, a.openAfter])).toEqual([['b1', 14550, 0]]);
  });

  it('refuses cash received short of the amount paid, naming Amount received', () => {
    expect(refusal(() => decidePayment(cash({ amountReceived: cents(10000) }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ code: 'VALIDATION', field: 'amountReceived' });
  });

  it('refuses a bill that is already paid as a conflict', () => {
    expect(refusal(() => decidePayment(cash(), [{ ...bill, open: cents(0) }], DEFAULT_SETTINGS, today))).toMatchObject({ code: 'CONFLICT', field: 'itemIds' });
  });

  it('refuses notes over the limit of the settings', () => {
    const notes = 'x'.repeat(DEFAULT_SETTINGS.notesMaxLength + 1);
    expect(refusal(() => decidePayment(cash({ notes }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'notes' });
  });

  it('refuses a payment dated tomorrow, a disabled method and an unknown channel', () => {
    expect(refusal(() => decidePayment(cash({ paymentDate: '2026-11-24' }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'paymentDate' });
    const noCash = { ...DEFAULT_SETTINGS, paymentMethods: DEFAULT_SETTINGS.paymentMethods.map((m) => ({ ...m, enabled: m.code !== 'cash' })) };
    expect(refusal(() => decidePayment(cash(), [bill], noCash, today))).toMatchObject({ field: 'method' });
    expect(refusal(() => decidePayment(cash({ channel: 'drone' }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'channel' });
  });

  it('refuses paying nothing, and paying more than is open until credit notes exist', () => {
    expect(refusal(() => decidePayment(cash({ itemIds: [] }), [], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'itemIds' });
    expect(refusal(() => decidePayment(cash({ amountPaid: cents(20000), amountReceived: cents(20000) }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'amountPaid' });
  });
});
