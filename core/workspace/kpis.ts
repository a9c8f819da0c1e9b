import type { WorkspaceKpis } from '../api/calls/workspace.js';
import { addDays } from '../dates/calendar.js';
import { add, ZERO, type Cents } from '../money.js';
import type { PaymentStatus } from '../payments/payment-record.js';
import { firstDayOf, lastDayOf, previousMonth, type Month } from './period.js';

/** One day's payments under one status, as the daily summary keeps them. */
export interface DayCollections {
  day: string;
  status: PaymentStatus;
  amount: Cents;
  count: number;
  /** Days from each paid item's issue to the payment date, summed over the payments' allocations. */
  allocationDays: number;
  allocationCount: number;
}

/** What fell due on one day: bills and service charges. */
export interface DayDues {
  day: string;
  amount: Cents;
}

/** Only a posted payment is money collected: pending, failed, cancelled and reversed ones leave every figure. */
export const COLLECTED: PaymentStatus = 'posted';
export const isCollected = (status: PaymentStatus) => status === COLLECTED;

/** a / b to one decimal, halves away from zero, from whole numbers so 12.35 does not become 12.3. */
function tenths(numerator: number, denominator: number): number {
  const scaled = (numerator * 10) / denominator;
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 10;
}

/** (value − previous) / previous × 100, one decimal; null when there is nothing to compare with. */
export function changePercent(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  // Figures come as cents or with one decimal: compared in tenths, both are whole.
  const [now, before] = [Math.round(value * 10), Math.round(previous * 10)];
  return tenths((now - before) * 100, before);
}

/** Collection rate: collected / due × 100, one decimal; null when nothing fell due. */
export function collectionRate(collected: Cents, due: Cents): number | null {
  return due === 0 ? null : tenths(collected * 100, due);
}

/** Mean days from issue to payment over the allocations, one decimal; null when nothing was paid. */
export function averageCollectionDays(allocationDays: number, allocationCount: number): number | null {
  return allocationCount === 0 ? null : tenths(allocationDays, allocationCount);
}

interface PeriodFigures {
  collected: Cents;
  count: number;
  due: Cents;
  allocationDays: number;
  allocationCount: number;
}

const within = (from: string, to: string) => (row: { day: string }) => row.day >= from && row.day <= to;

/** The posted payments of the days from `from` to `to` (both included), and what fell due on them. */
export function periodFigures(collections: readonly DayCollections[], dues: readonly DayDues[], from: string, to: string): PeriodFigures {
  const posted = collections.filter((row) => isCollected(row.status) && within(from, to)(row));
  const sum = (pick: (row: DayCollections) => number) => posted.reduce((total, row) => total + pick(row), 0);
  return {
    collected: add(ZERO, ...posted.map((row) => row.amount)),
    count: sum((row) => row.count),
    due: add(ZERO, ...dues.filter(within(from, to)).map((row) => row.amount)),
    allocationDays: sum((row) => row.allocationDays),
    allocationCount: sum((row) => row.allocationCount),
  };
}

const figure = (value: number | null, previous: number | null) => ({ value, previous, changePercent: changePercent(value, previous) });

export interface KpiFacts {
  month: Month;
  /** The terminal's local date. */
  today: string;
  /** Collections by day from the first day of the month before `month` to the last day of `month`; only posted ones count. */
  months: readonly DayCollections[];
  /** Collections by day of yesterday and today. */
  days: readonly DayCollections[];
  /** What fell due over the same two months. */
  dues: readonly DayDues[];
}

/**
 * The KPI header: each figure for the month (today for Received Today) and
 * for the period before, by payment date, so a backdated payment counts in
 * the month it was paid, not the one it was recorded in.
 */
export function workspaceKpis(facts: KpiFacts): WorkspaceKpis {
  const ofMonth = (month: Month) => periodFigures(facts.months, facts.dues, firstDayOf(month), lastDayOf(month));
  const current = ofMonth(facts.month);
  const before = ofMonth(previousMonth(facts.month));
  const yesterday = addDays(facts.today, -1);
  const today = periodFigures(facts.days, [], facts.today, facts.today);
  const lastDay = periodFigures(facts.days, [], yesterday, yesterday);
  return {
    month: facts.month,
    totalCollected: figure(current.collected, before.collected),
    receivedToday: { ...figure(today.collected, lastDay.collected), count: today.count, previousCount: lastDay.count },
    collectionRate: figure(collectionRate(current.collected, current.due), collectionRate(before.collected, before.due)),
    averageCollectionDays: figure(averageCollectionDays(current.allocationDays, current.allocationCount), averageCollectionDays(before.allocationDays, before.allocationCount)),
  };
}
