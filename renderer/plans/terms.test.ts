import { describe, expect, it } from 'vitest';
import { newTermsDraft, termsField, termsInput } from './terms.js';

const TODAY = '2026-11-23';
const items = [
  { kind: 'service' as const, id: 'late-fee', dueOn: '2025-04-10' },
  { kind: 'bill' as const, id: 'march', dueOn: '2025-04-15' },
  { kind: 'bill' as const, id: 'november', dueOn: '2026-12-15' },
  { kind: 'installment' as const, id: 'old-plan-1', dueOn: '2025-04-15' },
];

describe('a new plan', () => {
  it('covers every bill and service charge already past due, and no installment of another plan', () => {
    expect(newTermsDraft(items, TODAY).coverIds).toEqual(['late-fee', 'march']);
  });

  it('offers three monthly installments, the first a month from today, with no down payment', () => {
    expect(newTermsDraft(items, TODAY)).toMatchObject({ installments: '3', frequency: 'monthly', firstDueOn: '2026-12-23', downPayment: '' });
  });

  it('falls due on the last day of a shorter month when made on the 31st', () => {
    expect(newTermsDraft([], '2027-01-31').firstDueOn).toBe('2027-02-28');
  });
});

describe('the terms sent to the backend', () => {
  const draft = { ...newTermsDraft(items, TODAY), coverIds: ['march', 'late-fee', 'old-plan-1'] };

  it('names the chosen bills and charges in the account order, never an installment', () => {
    expect(termsInput('c1', items, draft).covers).toEqual([
      { kind: 'service', id: 'late-fee' },
      { kind: 'bill', id: 'march' },
    ]);
  });

  it('sends a down payment as an amount or as a percentage, as typed, and none when the box is empty', () => {
    expect(termsInput('c1', items, { ...draft, downPayment: '50.00' })).toMatchObject({ downPayment: '50.00' });
    expect(termsInput('c1', items, { ...draft, downPaymentMode: 'percent', downPayment: ' 20 ' })).toMatchObject({ downPaymentPercent: '20' });
    const none = termsInput('c1', items, draft);
    expect('downPayment' in none || 'downPaymentPercent' in none).toBe(false);
  });

  it('sends a typed count as a number, and anything that is not a whole number for the backend to refuse', () => {
    expect(termsInput('c1', items, { ...draft, installments: '0' }).installments).toBe(0);
    expect(termsInput('c1', items, { ...draft, installments: '12' }).installments).toBe(12);
    for (const typed of ['', '2.5', 'three']) expect(termsInput('c1', items, { ...draft, installments: typed }).installments).toBeNaN();
  });
});

describe('an error the backend names', () => {
  it('lands on the box it concerns', () => {
    expect(termsField('downPaymentPercent')).toBe('downPayment');
    expect(termsField('covers.id')).toBe('coverIds');
    expect(termsField('firstDueOn')).toBe('firstDueOn');
    expect(termsField('approval.pin')).toBe('other');
    expect(termsField(undefined)).toBe('other');
  });
});
