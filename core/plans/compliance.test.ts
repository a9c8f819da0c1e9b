import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../dates/calendar.js';
import { cents } from '../money.js';
import { planCompliance, standingOf, type Compliance } from './compliance.js';
import type { InstallmentStanding } from './plan.js';

const today = '2027-03-15';
const rules = { graceDays: 7, missedAllowed: 1 };
/** An installment of 500.00 due `daysAgo` days before today (negative: still to come), with `open` still owed. */
const due = (number: number, daysAgo: number, open = 50_000): InstallmentStanding => ({ number, amount: cents(50_000), dueOn: addDays(today, -daysAgo), open: cents(open) });
const statusOf = (installments: InstallmentStanding[], wasBroken = false) => planCompliance(installments, today, rules, wasBroken).status;

describe('where an installment stands', () => {
  it('is paid when nothing is open on it, even long past its due date', () => {
    expect(standingOf(due(1, 90, 0), today, 7)).toBe('paid');
  });

  it('is due on its due date and before', () => {
    expect(standingOf(due(1, 0), today, 7)).toBe('due');
    expect(standingOf(due(1, -10), today, 7)).toBe('due');
  });

  it('is overdue from the day after its due date to the last day of grace', () => {
    expect(standingOf(due(1, 1), today, 7)).toBe('overdue');
    expect(standingOf(due(1, 7), today, 7)).toBe('overdue');
  });

  it('is missed the day after grace runs out, and at once when there is no grace', () => {
    expect(standingOf(due(1, 8), today, 7)).toBe('missed');
    expect(standingOf(due(1, 1), today, 0)).toBe('missed');
  });

  it('counts a partly paid installment as still open', () => {
    expect(standingOf(due(1, 3, 1), today, 7)).toBe('overdue');
  });
});

describe('plan compliance', () => {
  it('is on track when an installment is due today and not yet paid', () => {
    expect(statusOf([due(1, 30, 0), due(2, 0), due(3, -30)])).toBe('on_track');
  });

  it('is at risk one day after a due date passes unpaid', () => {
    const compliance = planCompliance([due(1, 1), due(2, -29)], today, rules, false);
    expect(compliance.status).toBe('at_risk');
    expect(compliance.overdue.map((i) => i.number)).toEqual([1]);
    expect(compliance.missed).toEqual([]);
  });

  it('stays at risk through the last day of grace and is broken the day after', () => {
    expect(statusOf([due(1, 7), due(2, -23)])).toBe('at_risk');
    const compliance = planCompliance([due(1, 8), due(2, -22)], today, rules, false);
    expect(compliance.status).toBe('broken');
    expect(compliance.missed.map((i) => i.number)).toEqual([1]);
  });

  it('is broken with two installments overdue within grace when only one may be', () => {
    expect(statusOf([due(1, 5), due(2, 2), due(3, -5)])).toBe('broken');
    expect(planCompliance([due(1, 5), due(2, 2)], today, { graceDays: 7, missedAllowed: 2 }, false).status).toBe('at_risk');
  });

  it('is completed when every installment is paid, however late', () => {
    expect(statusOf([due(0, 60, 0), due(1, 30, 0), due(2, 20, 0)])).toBe('completed');
  });

  it('stays broken after the late installments are paid, until everything is paid', () => {
    expect(statusOf([due(1, 30, 0), due(2, -1)], true)).toBe('broken');
    expect(statusOf([due(1, 30, 0), due(2, -1, 0)], true)).toBe('completed');
  });
});

const RANK: Record<Compliance['status'], number> = { completed: 0, on_track: 1, at_risk: 2, broken: 3 };
const anyInstallment = fc
  .record({ daysAgo: fc.integer({ min: -60, max: 60 }), amount: fc.integer({ min: 1, max: 100_000 }), paidShare: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ daysAgo, amount, paidShare }) => ({ ...due(0, daysAgo), amount: cents(amount), open: cents(Math.round(amount * (1 - paidShare))) }));

describe('any plan', () => {
  it('is never worse after a payment, and once broken stays broken until paid off', () => {
    fc.assert(
      fc.property(
        fc.array(anyInstallment, { minLength: 1, maxLength: 8 }),
        fc.record({ graceDays: fc.integer({ min: 0, max: 14 }), missedAllowed: fc.integer({ min: 0, max: 3 }) }),
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 1, max: 100_000 }),
        (installments, rules, wasBroken, pick, payment) => {
          const before = planCompliance(installments, today, rules, wasBroken);
          const index = pick % installments.length;
          const paid = installments.map((i, n) => (n === index ? { ...i, open: cents(Math.max(0, i.open - payment)) } : i));
          const after = planCompliance(paid, today, rules, wasBroken || before.status === 'broken');
          expect(RANK[after.status]).toBeLessThanOrEqual(RANK[before.status]);
          if (before.status === 'broken') expect(['broken', 'completed']).toContain(after.status);
        },
      ),
    );
  });
});
