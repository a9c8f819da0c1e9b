import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.js';
import { cents } from '../money.js';
import { creditNoteExpiry, creditNoteStatus, creditUsageOf, decideManualCreditNote, hasExpired, remainingCredit, usagePercentage } from './credit-note.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('accepted');
};

describe('a credit note', () => {
  it('AC28: expires one year after the day it is issued, or after the configured months, on the last day of a short month', () => {
    expect(creditNoteExpiry('2025-04-20', 12)).toBe('2026-04-20');
    expect(creditNoteExpiry('2025-04-20', 6)).toBe('2025-10-20');
    expect(creditNoteExpiry('2024-02-29', 12)).toBe('2025-02-28');
    expect(creditNoteExpiry('2025-01-31', 1)).toBe('2025-02-28');
    expect(hasExpired('2026-04-20', '2026-04-20')).toBe(false);
    expect(hasExpired('2026-04-20', '2026-04-21')).toBe(true);
  });

  it('AC29: usage is applied over original to one decimal, rounded half up', () => {
    expect(usagePercentage(cents(150), cents(450))).toBe('33.3');
    expect(usagePercentage(cents(300), cents(450))).toBe('66.7');
    expect(usagePercentage(cents(450), cents(450))).toBe('100.0');
    expect(usagePercentage(cents(0), cents(450))).toBe('0.0');
    expect(usagePercentage(cents(1), cents(2000))).toBe('0.1');
  });

  it('AC29, AC42: reads its lines as issued, applied and withdrawn; Active while credit remains, Applied at zero', () => {
    const issued = { entryKind: 'credit_issued', amount: -450 };
    const partly = creditUsageOf([issued, { entryKind: 'credit_applied', amount: 150 }]);
    expect(partly).toEqual({ amount: 450, applied: 150, withdrawn: 0, ended: null });
    expect(remainingCredit(partly)).toBe(300);
    expect(creditNoteStatus(partly)).toBe('active');
    const used = creditUsageOf([issued, { entryKind: 'credit_applied', amount: 450 }]);
    expect(creditNoteStatus(used)).toBe('applied');
    const givenBack = creditUsageOf([issued, { entryKind: 'credit_applied', amount: 450 }, { entryKind: 'reversal', amount: -450 }]);
    expect(creditNoteStatus(givenBack)).toBe('active');
    expect(remainingCredit(givenBack)).toBe(450);
  });

  it('is Expired once its rest is forfeited and Cancelled when its payment is reversed', () => {
    const expired = creditUsageOf([{ entryKind: 'credit_issued', amount: -450 }, { entryKind: 'credit_applied', amount: 50 }, { entryKind: 'credit_expired', amount: 400 }]);
    expect(creditNoteStatus(expired)).toBe('expired');
    expect(remainingCredit(expired)).toBe(0);
    const cancelled = creditUsageOf([{ entryKind: 'credit_issued', amount: -450 }, { entryKind: 'reversal', amount: 450 }]);
    expect(creditNoteStatus(cancelled)).toBe('cancelled');
  });
});

describe('creating a credit note by hand', () => {
  const request = { amount: cents(14550), reason: 'duplicate_payment', remarks: 'Paid twice at two counters' };

  it('AC27: the remaining payment value is the payment less the credit already issued and this note', () => {
    expect(decideManualCreditNote(request, cents(14550), cents(0), 'KES')).toMatchObject({ maximum: 14550, remainingPaymentValue: 0, reason: 'duplicate_payment' });
    expect(decideManualCreditNote({ ...request, amount: cents(10000) }, cents(15000), cents(450), 'KES')).toMatchObject({ maximum: 14550, remainingPaymentValue: 4550 });
  });

  it('AC25, AC41: refuses zero and more than the maximum, naming the amount', () => {
    expect(refusal(() => decideManualCreditNote({ ...request, amount: cents(0) }, cents(14550), cents(0), 'KES'))).toMatchObject({ field: 'amount' });
    const above = refusal(() => decideManualCreditNote({ ...request, amount: cents(14551) }, cents(14550), cents(0), 'KES'));
    expect(above).toMatchObject({ code: 'VALIDATION', field: 'amount' });
    expect(above.message).toContain('KES 145.50');
  });

  it('AC26: needs a reason from the list; remarks are limited to 500 characters', () => {
    expect(refusal(() => decideManualCreditNote({ ...request, reason: undefined }, cents(14550), cents(0), 'KES'))).toMatchObject({ field: 'reason' });
    expect(refusal(() => decideManualCreditNote({ ...request, reason: 'because' }, cents(14550), cents(0), 'KES'))).toMatchObject({ field: 'reason' });
    expect(refusal(() => decideManualCreditNote({ ...request, remarks: 'x'.repeat(501) }, cents(14550), cents(0), 'KES'))).toMatchObject({ field: 'remarks' });
    expect(decideManualCreditNote({ ...request, remarks: '  ' }, cents(14550), cents(0), 'KES').remarks).toBeNull();
  });
});
