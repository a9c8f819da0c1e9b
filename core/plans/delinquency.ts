import type { ItemKind } from '../accounts/account.js';
import { addDays, daysBetween } from '../dates/calendar.js';
import { add, ZERO, type Cents } from '../money.js';

/**
 * Arrears are what the consumer still owes on bills and service charges whose
 * due date has gone by. Installments are not arrears: they are the plan's
 * schedule, watched by compliance, and counting them would show a consumer
 * who keeps to a plan as delinquent.
 */
export const ARREARS_KINDS = ['bill', 'service'] as const satisfies readonly ItemKind[];

export interface OwedItem {
  kind: ItemKind;
  /** What is still open on it: the sum of its ledger lines. */
  open: Cents;
  dueOn: string;
}

/** Something open on a bill or service charge that fell due before today; on its due date it is due, not yet late. */
export function inArrears(item: OwedItem, today: string): boolean {
  return (ARREARS_KINDS as readonly string[]).includes(item.kind) && item.open > 0 && item.dueOn < today;
}

export interface Arrears {
  arrears: Cents;
  /** The earliest due date among the items in arrears; null when there are none. */
  oldestDueOn: string | null;
}

/** An account's arrears from its items, as the delinquent search sums them in SQL. */
export function arrearsOf(items: readonly OwedItem[], today: string): Arrears {
  const late = items.filter((item) => inArrears(item, today));
  return {
    arrears: add(ZERO, ...late.map((item) => item.open)),
    oldestDueOn: late.reduce<string | null>((oldest, item) => (oldest === null || item.dueOn < oldest ? item.dueOn : oldest), null),
  };
}

/** Whole days from the oldest unpaid due date to today; 0 with nothing in arrears. */
export function daysOverdue(oldestDueOn: string | null, today: string): number {
  return oldestDueOn === null ? 0 : daysBetween(oldestDueOn, today);
}

export interface DelinquencyFilter {
  arrearsAbove?: Cents | undefined;
  overdueDaysAbove?: number | undefined;
}

/**
 * The filters as the query applies them, so the rule stays here: items count
 * when due before `dueBefore`; an account matches when its arrears are above
 * `arrearsAbove` (an account with none is never delinquent) and, when asked,
 * its oldest unpaid due date is before `oldestDueBefore` (more than N days
 * overdue is the same as due before today minus N days).
 */
export function delinquencyBounds(filter: DelinquencyFilter, today: string): { dueBefore: string; arrearsAbove: Cents; oldestDueBefore: string | null } {
  return {
    dueBefore: today,
    arrearsAbove: filter.arrearsAbove ?? ZERO,
    oldestDueBefore: filter.overdueDaysAbove === undefined ? null : addDays(today, -filter.overdueDaysAbove),
  };
}
