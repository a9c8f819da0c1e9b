import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.js';
import { cents } from '../money.js';
import { DEFAULT_SETTINGS } from '../settings/settings.js';
import type { PayableItem } from '../accounts/account.js';
import { decidePayment, type CreditOnHand, type PaymentRequest } from './payment-rules.js';

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

  it('refuses the same bill chosen twice instead of paying it twice', () => {
    const twice = cash({ itemIds: ['b1', 'b1'], amountPaid: cents(29100), amountReceived: cents(29100) });
    expect(refusal(() => decidePayment(twice, [bill, bill], DEFAULT_SETTINGS, today))).toEqual({ code: 'VALIDATION', field: 'itemIds', message: 'The same item is chosen twice' });
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

  it('refuses paying nothing', () => {
    expect(refusal(() => decidePayment(cash({ itemIds: [] }), [], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'itemIds' });
  });

  it('classifies an underpayment, an exact payment and an overpayment, and turns the excess into credit', () => {
    expect(decidePayment(cash({ amountPaid: cents(10000) }), [bill], DEFAULT_SETTINGS, today)).toMatchObject({ outcome: 'under', overpayment: 0, due: 14550 });
    expect(decidePayment(cash(), [bill], DEFAULT_SETTINGS, today)).toMatchObject({ outcome: 'exact', overpayment: 0 });
    const over = decidePayment(cash({ amountPaid: cents(15000), amountReceived: cents(15000) }), [bill], DEFAULT_SETTINGS, today);
    expect(over).toMatchObject({ outcome: 'over', overpayment: 450, change: 0 });
    expect(over.allocations.map((a) => a.applied)).toEqual([14550]);
  });

  it('refuses an overpayment above the limit of the settings, naming Amount paid', () => {
    const limited = { ...DEFAULT_SETTINGS, overpaymentLimit: 1000 };
    expect(decidePayment(cash({ amountPaid: cents(15550), amountReceived: cents(15550) }), [bill], limited, today).overpayment).toBe(1000);
    const refused = refusal(() => decidePayment(cash({ amountPaid: cents(15551), amountReceived: cents(15551) }), [bill], limited, today));
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'amountPaid' });
    expect(refused.message).toContain('overpayment limit is KES 10.00');
  });

  it('a card payment needs the approval code and the last four digits', () => {
    const card = (extra: Partial<PaymentRequest>) => cash({ method: 'card', amountReceived: undefined, reference: 'A1B2C3', cardLast4: '4242', ...extra });
    expect(decidePayment(card({}), [bill], DEFAULT_SETTINGS, today)).toMatchObject({ reference: 'A1B2C3', cardLast4: '4242', verification: 'verified' });
    expect(refusal(() => decidePayment(card({ cardLast4: '42' }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'cardLast4' });
    expect(refusal(() => decidePayment(card({ reference: '' }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'reference' });
  });

  it('M-PESA needs a 10-character receipt code and waits for verification; a bank transfer needs the bank', () => {
    const mpesa = decidePayment(cash({ method: 'mpesa', amountReceived: undefined, reference: 'lhg31aa5tx' }), [bill], DEFAULT_SETTINGS, today);
    expect(mpesa).toMatchObject({ reference: 'LHG31AA5TX', verification: 'pending' });
    expect(refusal(() => decidePayment(cash({ method: 'mpesa', amountReceived: undefined, reference: 'LHG31' }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'reference' });
    expect(refusal(() => decidePayment(cash({ method: 'bank_transfer', amountReceived: undefined, reference: 'FT123456' }), [bill], DEFAULT_SETTINGS, today))).toMatchObject({ field: 'bankName' });
  });

  it('credit can pay only what the items owe, only from an active note of the same consumer, only up to what is left', () => {
    const credit: CreditOnHand = { id: 'cn1', number: 'CN-T01-00001', consumerId: 'c1', expiresOn: '2027-11-23', usage: { amount: cents(5000), applied: cents(1000), withdrawn: cents(0), ended: null } };
    const withCredit = (extra: Partial<PaymentRequest>) => cash({ method: 'credit_note', amountReceived: undefined, creditNoteId: 'cn1', amountPaid: cents(4000), ...extra });
    expect(decidePayment(withCredit({}), [bill], DEFAULT_SETTINGS, today, credit)).toMatchObject({ verification: 'verified', overpayment: 0 });
    expect(refusal(() => decidePayment(withCredit({ amountPaid: cents(4001) }), [bill], DEFAULT_SETTINGS, today, credit))).toMatchObject({ field: 'amountPaid' });
    expect(refusal(() => decidePayment(withCredit({}), [bill], DEFAULT_SETTINGS, today, { ...credit, consumerId: 'c2' }))).toMatchObject({ field: 'creditNoteId' });
    expect(refusal(() => decidePayment(withCredit({}), [bill], DEFAULT_SETTINGS, today, { ...credit, expiresOn: '2026-11-22' }))).toMatchObject({ code: 'CONFLICT', field: 'creditNoteId' });
    const small = { ...bill, open: cents(3000) };
    expect(refusal(() => decidePayment(withCredit({}), [small], DEFAULT_SETTINGS, today, credit))).toMatchObject({ field: 'amountPaid' });
  });
});
