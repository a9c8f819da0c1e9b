import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates/calendar.js';
import { cents } from '../money.js';
import { arrearsOf, daysOverdue, delinquencyBounds, inArrears, type OwedItem } from './delinquency.js';

const TODAY = '2026-11-23';
const item = (kind: OwedItem['kind'], open: number, dueOn: string): OwedItem => ({ kind, open: cents(open), dueOn });

/** John Doe's account as the spec has it, with the plan installment PP-2025-0034 #1 still open. */
const johnDoe = [
  item('bill', 14_550, '2025-04-15'),
  item('bill', 15_225, '2025-05-15'),
  item('service', 7_500, '2025-04-18'),
  item('service', 2_500, '2025-04-10'),
  item('installment', 6_750, '2025-04-15'),
];

describe('what counts as arrears', () => {
  it('sums what is open on bills and service charges past their due date, not the plan installments', () => {
    expect(arrearsOf(johnDoe, TODAY)).toEqual({ arrears: 39_775, oldestDueOn: '2025-04-10' });
  });

  it('does not count a bill on its due date, only from the day after', () => {
    expect(inArrears(item('bill', 2_000, TODAY), TODAY)).toBe(false);
    expect(inArrears(item('bill', 2_000, addDays(TODAY, -1)), TODAY)).toBe(true);
  });

  it('does not count a paid bill, and its due date is not the oldest unpaid one', () => {
    const paid = [item('bill', 0, '2026-01-15'), item('bill', 3_000, '2026-09-15'), item('service', -500, '2026-02-10')];
    expect(arrearsOf(paid, TODAY)).toEqual({ arrears: 3_000, oldestDueOn: '2026-09-15' });
  });

  it('is nothing, with no oldest due date and no days overdue, for an account paid up', () => {
    const none = arrearsOf([item('bill', 0, '2026-01-15'), item('bill', 5_000, '2026-12-15')], TODAY);
    expect(none).toEqual({ arrears: 0, oldestDueOn: null });
    expect(daysOverdue(none.oldestDueOn, TODAY)).toBe(0);
  });
});

describe('days overdue', () => {
  it('counts whole calendar days from the oldest unpaid due date, across a month end', () => {
    expect(daysOverdue('2026-10-15', TODAY)).toBe(39);
    expect(daysOverdue('2025-04-10', TODAY)).toBe(592);
    expect(daysOverdue(addDays(TODAY, -1), TODAY)).toBe(1);
  });
});

describe('the search filters', () => {
  it('more than 30 days overdue means the oldest unpaid due date is before 24 Oct 2026', () => {
    expect(delinquencyBounds({ overdueDaysAbove: 30 }, TODAY)).toEqual({ dueBefore: TODAY, arrearsAbove: 0, oldestDueBefore: '2026-10-24' });
    expect(delinquencyBounds({}, TODAY)).toEqual({ dueBefore: TODAY, arrearsAbove: 0, oldestDueBefore: null });
  });

  it('the bounds the query uses pick exactly the accounts whose arrears and days overdue are above the filter', () => {
    const owed = fc.record({
      kind: fc.constantFrom('bill' as const, 'service' as const, 'installment' as const),
      open: fc.integer({ min: -10_000, max: 1_000_000 }).map(cents),
      dueOn: fc.integer({ min: -800, max: 60 }).map((days) => addDays(TODAY, days)),
    });
    const filter = fc.record({ arrearsAbove: fc.option(fc.integer({ min: 1, max: 2_000_000 }).map(cents), { nil: undefined }), overdueDaysAbove: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(owed, { maxLength: 8 }), filter, (items, wanted) => {
        const { arrears, oldestDueOn } = arrearsOf(items, TODAY);
        const byRule = arrears > (wanted.arrearsAbove ?? 0) && (wanted.overdueDaysAbove === undefined || daysOverdue(oldestDueOn, TODAY) > wanted.overdueDaysAbove);

        const bounds = delinquencyBounds(wanted, TODAY);
        const late = items.filter((i) => i.kind !== 'installment' && i.open > 0 && i.dueOn < bounds.dueBefore);
        const sum = late.reduce((total, i) => total + i.open, 0);
        const oldest = late.map((i) => i.dueOn).sort()[0];
        const byQuery = sum > bounds.arrearsAbove && (bounds.oldestDueBefore === null || (oldest !== undefined && oldest < bounds.oldestDueBefore));
        expect(byQuery).toBe(byRule);
      }),
    );
  });
});
