import { and, desc, eq, sql } from 'drizzle-orm';
import type { PaymentRecord } from '../../core/payments/payment-record.js';
import type { PaymentSummary } from '../../core/payments/payment-views.js';
import { cents } from '../../core/money.js';
import type { CounterDb } from '../connection.js';
import { preparedInsert } from '../prepared-insert.js';
import { consumers, paymentAllocations, payments } from '../schema.js';

export function paymentsRepository(db: CounterDb) {
  const findById = db.select({ id: payments.id, consumerId: payments.consumerId, amount: payments.amount }).from(payments).where(eq(payments.id, sql.placeholder('id'))).prepare();
  const byReference = db
    .select({ receiptNumber: payments.receiptNumber })
    .from(payments)
    .where(and(eq(payments.method, sql.placeholder('method')), eq(payments.reference, sql.placeholder('reference'))))
    .prepare();
  // Prepared once: building drizzle's SQL on every call cost more than the query.
  const paymentById = db.select().from(payments).where(eq(payments.id, sql.placeholder('id'))).prepare();
  const insertPayment = preparedInsert(db, payments);
  const insertAllocation = preparedInsert(db, paymentAllocations);
  const allocationsOf = db.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, sql.placeholder('id'))).orderBy(paymentAllocations.position).prepare();

  const summaryColumns = {
    id: payments.id,
    receiptNumber: payments.receiptNumber,
    paymentDate: payments.paymentDate,
    recordedAt: payments.recordedAt,
    amount: payments.amount,
    method: payments.method,
    type: payments.type,
    status: payments.status,
    consumerName: consumers.name,
    accountNumber: consumers.accountNumber,
  };

  return {
    find(id: string) {
      const row = findById.get({ id });
      return row ? { ...row, amount: cents(row.amount) } : undefined;
    },

    receiptUsingReference(method: string, reference: string): string | undefined {
      return byReference.get({ method, reference })?.receiptNumber;
    },

    insert(record: PaymentRecord): void {
      const { allocations, change, ...row } = record;
      insertPayment({ ...row, changeGiven: change });
      for (const allocation of allocations) insertAllocation({ ...allocation, paymentId: record.id });
    },

    get(id: string) {
      const row = paymentById.get({ id });
      if (!row) return undefined;
      const allocations = allocationsOf.all({ id });
      return { row, allocations };
    },

    recent(limit: number, consumerId?: string): PaymentSummary[] {
      return db
        .select(summaryColumns)
        .from(payments)
        .innerJoin(consumers, eq(consumers.id, payments.consumerId))
        .where(consumerId ? eq(payments.consumerId, consumerId) : undefined)
        .orderBy(desc(payments.recordedAt))
        .limit(limit)
        .all() as PaymentSummary[];
    },
  };
}
