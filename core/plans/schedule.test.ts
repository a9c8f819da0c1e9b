import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween } from '../dates/calendar.js';
import { cents } from '../money.js';
import { PLAN_FREQUENCIES } from './plan.js';
import { downPaymentOf, dueDates, planSchedule, type ScheduleTerms } from './schedule.js';

const terms = (overrides: Partial<ScheduleTerms> = {}): ScheduleTerms => ({
  total: cents(100_000),
  downPayment: cents(0),
  installments: 3,
  frequency: 'monthly',
  firstDueOn: '2027-01-15',
  madeOn: '2026-12-20',
  downPaymentAs: 'installment_zero',
  ...overrides,
});
const rows = (t: ScheduleTerms) => planSchedule(t).map((i) => [i.number, i.amount, i.dueOn]);

describe('a plan schedule', () => {
  it('splits 1,000.00 over three installments as 333.33, 333.33 and 333.34', () => {
    expect(rows(terms())).toEqual([
      [1, 33_333, '2027-01-15'],
      [2, 33_333, '2027-02-15'],
      [3, 33_334, '2027-03-15'],
    ]);
  });

  it('puts a 20% down payment first as installment 0, due the day the plan is made, and splits the rest', () => {
    const down = downPaymentOf(cents(100_000), '20');
    expect(down).toBe(20_000);
    expect(rows(terms({ downPayment: down }))).toEqual([
      [0, 20_000, '2026-12-20'],
      [1, 26_666, '2027-01-15'],
      [2, 26_666, '2027-02-15'],
      [3, 26_668, '2027-03-15'],
    ]);
  });

  it('numbers the down payment 1 and the rest from 2 when settings make it the first installment', () => {
    expect(rows(terms({ downPayment: cents(20_000), downPaymentAs: 'first_installment' })).map(([number]) => number)).toEqual([1, 2, 3, 4]);
  });

  it('starts at 1 with no down payment, whichever way down payments are numbered', () => {
    expect(rows(terms({ downPaymentAs: 'first_installment' })).map(([number]) => number)).toEqual([1, 2, 3]);
  });

  it('a plan of one installment carries the whole of what is left', () => {
    expect(rows(terms({ installments: 1, downPayment: cents(1) }))).toEqual([
      [0, 1, '2026-12-20'],
      [1, 99_999, '2027-01-15'],
    ]);
  });
});

describe('due dates', () => {
  it('weekly dates are seven days apart, across the turn of the year', () => {
    expect(dueDates('2026-12-28', 3, 'weekly')).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
  });

  it('fortnightly dates are fourteen days apart', () => {
    expect(dueDates('2026-12-21', 3, 'fortnightly')).toEqual(['2026-12-21', '2027-01-04', '2027-01-18']);
  });

  it('monthly from 31 January falls on the last day of shorter months and back on the 31st after them', () => {
    expect(dueDates('2027-01-31', 4, 'monthly')).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('monthly in a leap year falls on 29 February', () => {
    expect(dueDates('2028-01-31', 3, 'monthly')).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
    expect(dueDates('2027-11-30', 4, 'monthly')).toEqual(['2027-11-30', '2027-12-30', '2028-01-30', '2028-02-29']);
  });

  it('weekly dates step over 29 February in a leap year', () => {
    expect(dueDates('2028-02-22', 2, 'weekly')).toEqual(['2028-02-22', '2028-02-29']);
  });
});

describe('a down payment given as a percentage', () => {
  it.each([
    [100_000, '20', 20_000],
    [12_345, '12.5', 1_543],
    [10, '25', 3],
    [1, '50', 1],
    [1, '49.99', 0],
    [99_999, '100', 99_999],
    [99_999, '0', 0],
  ])('%i cents at %s%% is %i cents, half a cent rounded up', (total, percent, expected) => {
    expect(downPaymentOf(cents(total), percent)).toBe(expected);
  });
});

const isCalendarDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
const lastDayOfMonth = (date: string) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
const anyDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const anyTerms = fc
  .record({
    installments: fc.integer({ min: 1, max: 120 }),
    restOver: fc.integer({ min: 0, max: 2 ** 40 }),
    downPayment: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 ** 40 })),
    frequency: fc.constantFrom(...PLAN_FREQUENCIES),
    firstDueOn: anyDate,
    downPaymentAs: fc.constantFrom('installment_zero' as const, 'first_installment' as const),
  })
  .map(({ installments, restOver, downPayment, ...rest }): ScheduleTerms => ({
    ...rest,
    installments,
    // What is left after the down payment is at least a cent per installment.
    total: cents(downPayment + installments + restOver),
    downPayment: cents(downPayment),
    madeOn: rest.firstDueOn,
  }));

describe('any schedule', () => {
  it('adds up to the total exactly, with every installment after the down payment above zero', () => {
    fc.assert(
      fc.property(anyTerms, (t) => {
        const schedule = planSchedule(t);
        expect(schedule.reduce((sum, i) => sum + i.amount, 0)).toBe(t.total);
        expect(schedule).toHaveLength(t.installments + (t.downPayment > 0 ? 1 : 0));
        const parts = schedule.slice(t.downPayment > 0 ? 1 : 0);
        expect(parts.every((i) => Number.isSafeInteger(i.amount) && i.amount > 0)).toBe(true);
        // Equal parts, the remainder cents all on the last.
        expect(parts.slice(0, -1).every((i) => i.amount === parts[0]!.amount)).toBe(true);
        expect(parts.at(-1)!.amount - parts[0]!.amount).toBeLessThan(t.installments);
        expect(parts.at(-1)!.amount).toBeGreaterThanOrEqual(parts[0]!.amount);
      }),
    );
  });

  it('numbers installments one after another', () => {
    fc.assert(
      fc.property(anyTerms, (t) => {
        const numbers = planSchedule(t).map((i) => i.number);
        const first = t.downPaymentAs === 'first_installment' || t.downPayment === 0 ? 1 : 0;
        expect(numbers).toEqual(numbers.map((_, index) => first + index));
      }),
    );
  });

  it('has due dates strictly increasing, each a real calendar day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 120 }), fc.constantFrom(...PLAN_FREQUENCIES), (first, count, frequency) => {
        const dates = dueDates(first, count, frequency);
        expect(dates).toHaveLength(count);
        expect(dates[0]).toBe(first);
        expect(dates.every(isCalendarDay)).toBe(true);
        expect(dates.slice(1).every((date, i) => date > dates[i]!)).toBe(true);
      }),
    );
  });

  it('weekly and fortnightly dates are exactly 7 and 14 days apart', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 2, max: 120 }), fc.constantFrom('weekly' as const, 'fortnightly' as const), (first, count, frequency) => {
        const dates = dueDates(first, count, frequency);
        expect(dates.slice(1).every((date, i) => daysBetween(dates[i]!, date) === (frequency === 'weekly' ? 7 : 14))).toBe(true);
      }),
    );
  });

  it("monthly dates fall one month apart on the first due date's day, or the month's last day when it is shorter", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 120 }), (first, count) => {
        const day = Number(first.slice(8));
        const dates = dueDates(first, count, 'monthly');
        dates.forEach((date, i) => {
          expect(monthIndex(date)).toBe(monthIndex(first) + i);
          expect(Number(date.slice(8))).toBe(Math.min(day, lastDayOfMonth(date)));
        });
      }),
    );
  });
});
