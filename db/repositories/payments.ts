import { and, eq, sql } from 'drizzle-orm';
import type { PaymentRecord, PaymentStatus } from '../../core/payments/payment-record.js';
import type { PaymentSummary, StoredPayment } from '../../core/payments/payment-views.js';
import type { StoredPaymentFacts } from '../../core/ports.js';
import { cents, type Cents } from '../../core/money.js';
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
  const insertPayment = preparedInsert(db, payments, ['source']);
  const insertAllocation = preparedInsert(db, paymentAllocations);
  const factsById = db.$client.prepare<[string], Omit<StoredPaymentFacts, 'source'> & { source: string }>(
    `select id, consumer_id as consumerId, amount, method, receipt_number as receiptNumber, status, verification, payment_date as paymentDate,
            applied_credit_note_id as appliedCreditNoteId, type, source, till_session_id as tillSessionId from payments where id = ?`,
  );
  const setStatus = db.$client.prepare<[string, string]>('update payments set status = ? where id = ?');
  const markVerified = db.$client.prepare<[string, string, string]>("update payments set verification = 'verified', verified_by = ?, verified_at = ? where id = ?");
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
      // The added fields first: V8 copies a record into a literal quickly, but adds fields after a spread slowly. Fields that are not columns are not written.
      insertPayment({ changeGiven: record.change, source: 'counter', ...record });
      for (const allocation of record.allocations) insertAllocation({ paymentId: record.id, ...allocation });
    },

    /** The payment as the details view and receipt read it. */
    get(id: string): StoredPayment | undefined {
      const row = paymentById.get({ id });
      if (!row) return undefined;
      const { changeGiven, source, gateway, webhookStatus, settlementStatus, initiatedAt, settledAt, verifiedBy: _by, verifiedAt: _at, ...rest } = row;
      return {
        ...(rest as Omit<PaymentRecord, 'allocations' | 'change'>),
        change: changeGiven as Cents | null,
        allocations: allocationsOf.all({ id }) as unknown as PaymentRecord['allocations'],
        source: source === 'online' ? 'online' : 'counter',
        online: source === 'online' ? { gateway: gateway ?? 'online', webhookStatus: webhookStatus ?? 'not_confirmed', settlementStatus, initiatedAt: initiatedAt ?? row.recordedAt, settledAt } : null,
      };
    },

    /** A payment made online, as the centre reports it with its gateway statuses. */
    insertOnline(record: PaymentRecord, online: NonNullable<StoredPayment['online']>): void {
      const { allocations, change, ...row } = record;
      insertPayment({ ...row, changeGiven: change, source: 'online', ...online });
      for (const allocation of allocations) insertAllocation({ ...allocation, paymentId: record.id });
    },

    facts(id: string): StoredPaymentFacts | undefined {
      const row = factsById.get(id);
      return row && { ...row, source: row.source === 'online' ? 'online' : 'counter' };
    },

    setStatus(id: string, status: PaymentStatus): void {
      setStatus.run(status, id);
    },

    markVerified(id: string, by: string, at: string): void {
      markVerified.run(by, at, id);
    },

    recent(limit: number, consumerId?: string): PaymentSummary[] {
      return db
        .select(summaryColumns)
        .from(payments)
        .innerJoin(consumers, eq(consumers.id, payments.consumerId))
        .where(consumerId ? eq(payments.consumerId, consumerId) : undefined)
        // Newest stored first: rowids follow the order payments were recorded in, without an index on the time.
        .orderBy(sql`${payments}.rowid desc`)
        .limit(limit)
        .all() as PaymentSummary[];
    },
  };
}
