import { cents } from '../../core/money.js';
import type { PaymentStatus } from '../../core/payments/payment-record.js';
import type { DaySplit } from '../../core/workspace/collections-chart.js';
import type { DayCollections, DayDues } from '../../core/workspace/kpis.js';
import type { CounterDb } from '../connection.js';

type Money<T> = Omit<T, 'amount'> & { amount: number };

/**
 * The workspace's figures, read from the daily summaries the triggers of
 * 0010_workspace_figures.sql keep: each query is a range of the primary key
 * (payment date first) over a few thousand rows at most, whatever years of
 * payments lie behind them.
 */
export function workspaceFiguresRepository(db: CounterDb) {
  const c = db.$client;
  const collectionsByDay = c.prepare<[string, string, string], Money<DayCollections>>(
    `select payment_date as day, status, sum(amount) as amount, sum(count) as count,
            sum(allocation_days) as allocationDays, sum(allocation_count) as allocationCount
       from daily_collections where payment_date between ? and ? and status = ? group by payment_date`,
  );
  const duesByDay = c.prepare<[string, string], Money<DayDues>>('select due_on as day, sum(amount) as amount from daily_dues where due_on between ? and ? group by due_on');
  const splitsByDay = c.prepare<[string, string, string], Money<DaySplit>>(
    `select payment_date as day, method, channel, status, sum(amount) as amount
       from daily_collections where payment_date between ? and ? and status = ? group by payment_date, method, channel`,
  );
  const withCents = <T extends { amount: number }>(row: T) => ({ ...row, amount: cents(row.amount) });

  return {
    /** Payments of one status per day, from `from` to `to` inclusive. */
    collectionsByDay(from: string, to: string, status: PaymentStatus): DayCollections[] {
      return collectionsByDay.all(from, to, status).map((row) => ({ ...withCents(row), status: row.status as PaymentStatus }));
    },
    /** What fell due per day (bills and service charges), from `from` to `to` inclusive. */
    duesByDay(from: string, to: string): DayDues[] {
      return duesByDay.all(from, to).map(withCents);
    },
    /** Payments of one status per day, method and channel, from `from` to `to` inclusive. */
    splitsByDay(from: string, to: string, status: PaymentStatus): DaySplit[] {
      return splitsByDay.all(from, to, status).map((row) => ({ ...withCents(row), status: row.status as PaymentStatus }));
    },
  };
}
