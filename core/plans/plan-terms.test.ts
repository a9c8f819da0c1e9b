import { describe, expect, it } from 'vitest';
import type { PayableItem } from '../accounts/account.js';
import { ApiError } from '../api/errors.js';
import { cents, formatMoneyAscii } from '../money.js';
import { DEFAULT_PLAN_RULES, type PlanRules } from './plan.js';
import { checkPlanTerms, type PlanTermsRequest } from './plan-terms.js';

const today = '2026-12-01';
const item = (kind: 'bill' | 'service', id: string, open: number): PayableItem => ({ kind, id, reference: id.toUpperCase(), detail: 'Sep 2026', amount: cents(open), open: cents(open), issuedOn: '2026-09-01', dueOn: '2026-09-30' });
/** 600.00 on a bill and 400.00 on a reconnection fee: 1,000.00 of arrears. */
const arrears = [item('bill', 'inv-1', 60_000), item('service', 'svc-1', 40_000)];
const request = (overrides: Partial<PlanTermsRequest> = {}): PlanTermsRequest => ({ installments: 3, frequency: 'monthly', firstDueOn: '2027-01-01', ...overrides });
const check = (overrides: Partial<PlanTermsRequest> = {}, covered = arrears, rules: PlanRules = DEFAULT_PLAN_RULES) => checkPlanTerms(request(overrides), covered, today, rules, 'KES');
/** The field and message a refusal names. */
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { code: (error as ApiError).code, field: (error as ApiError).field, message: (error as ApiError).message };
  }
  throw new Error('the terms were accepted');
};

describe('checking plan terms', () => {
  it('covers what the chosen bills and service charges still owe and works out the schedule', () => {
    const checked = check();
    expect(checked.total).toBe(100_000);
    expect(checked.downPayment).toBe(0);
    expect(checked.schedule.map((i) => [i.number, i.amount, i.dueOn])).toEqual([
      [1, 33_333, '2027-01-01'],
      [2, 33_333, '2027-02-01'],
      [3, 33_334, '2027-03-01'],
    ]);
    expect(checked.approvalReasons).toEqual([]);
  });

  it('takes a down payment typed as an amount, due today', () => {
    const checked = check({ downPayment: cents(25_000) });
    expect(checked.downPayment).toBe(25_000);
    expect(checked.schedule[0]).toEqual({ number: 0, amount: 25_000, dueOn: today });
    expect(checked.schedule.slice(1).map((i) => i.amount)).toEqual([25_000, 25_000, 25_000]);
  });

  it('takes a down payment typed as a percentage of the arrears', () => {
    expect(check({ downPaymentPercent: '12.5' }).downPayment).toBe(12_500);
  });

  it('numbers the down payment 1 when settings make it the first installment', () => {
    const checked = check({ downPayment: cents(10_000) }, arrears, { ...DEFAULT_PLAN_RULES, downPaymentAs: 'first_installment' });
    expect(checked.schedule.map((i) => i.number)).toEqual([1, 2, 3, 4]);
  });

  it('accepts a first due date of today, or exactly a year from today', () => {
    expect(check({ firstDueOn: today }).schedule[0]!.dueOn).toBe(today);
    expect(check({ firstDueOn: '2027-12-01' }).schedule[0]!.dueOn).toBe('2027-12-01');
  });

  it('takes a down payment of everything but a cent per installment', () => {
    expect(check({ downPayment: cents(99_997) }).schedule.map((i) => i.amount)).toEqual([99_997, 1, 1, 1]);
  });
});

describe('terms that cannot make a plan', () => {
  it.each<[string, () => unknown, string]>([
    ['a plan covering nothing', () => check({}, []), 'covers'],
    ['a plan covering only items that owe nothing', () => check({}, [item('bill', 'inv-0', 0)]), 'covers'],
    ['a down payment as both an amount and a percentage', () => check({ downPayment: cents(100), downPaymentPercent: '10' }), 'downPayment'],
    ['a down payment percentage above 100', () => check({ downPaymentPercent: '100.01' }), 'downPaymentPercent'],
    ['a down payment percentage that is not a number', () => check({ downPaymentPercent: 'ten' }), 'downPaymentPercent'],
    ['a down payment above the arrears', () => check({ downPayment: cents(100_001) }), 'downPayment'],
    ['a negative down payment', () => check({ downPayment: cents(-1) }), 'downPayment'],
    ['a down payment leaving less than a cent per installment', () => check({ downPayment: cents(99_998) }), 'downPayment'],
    ['a down payment of all the arrears', () => check({ downPayment: cents(100_000) }), 'downPayment'],
    ['a percentage of 100, which leaves nothing for the installments', () => check({ downPaymentPercent: '100' }), 'downPaymentPercent'],
    ['more installments than the arrears has cents', () => check({ installments: 3 }, [item('bill', 'inv-2', 2)]), 'installments'],
    ['more installments than the most allowed', () => check({ installments: DEFAULT_PLAN_RULES.maxInstallments + 1 }), 'installments'],
    ['no installments', () => check({ installments: 0 }), 'installments'],
    ['a first due date in the past', () => check({ firstDueOn: '2026-11-30' }), 'firstDueOn'],
    ['a first due date more than a year away', () => check({ firstDueOn: '2027-12-02' }), 'firstDueOn'],
  ])('refuses %s, naming the field', (_, run, field) => {
    expect(refusal(run)).toMatchObject({ code: 'VALIDATION', field });
  });

  it('says how much of the arrears there is when the down payment is more', () => {
    expect(refusal(() => check({ downPayment: cents(100_001) })).message).toContain(formatMoneyAscii(cents(100_000), 'KES'));
  });
});

describe('approval by a branch manager', () => {
  const rules: PlanRules = { ...DEFAULT_PLAN_RULES, approvalAboveAmount: 99_999, approvalAboveInstallments: 2 };

  it('is needed, with each reason in words, for a plan above the amount and of more installments than the limits', () => {
    expect(check({}, arrears, rules).approvalReasons).toEqual(['Covers KES 1,000.00, more than KES 999.99', '3 installments, more than 2']);
  });

  it('is not needed for a plan exactly at the limits', () => {
    expect(check({ installments: 2 }, arrears, { ...rules, approvalAboveAmount: 100_000 }).approvalReasons).toEqual([]);
  });
});
