import type { ReversalRecord } from '../../core/ports.js';
import type { CounterDb } from '../connection.js';
import { preparedInsert } from '../prepared-insert.js';
import { paymentReversals } from '../schema.js';

export function reversalsRepository(db: CounterDb) {
  const insertReversal = preparedInsert(db, paymentReversals);
  const byPayment = db.$client.prepare<[string], ReversalRecord>(
    `select id, number, payment_id as paymentId, reason, reversed_by as reversedBy, approved_by as approvedBy, at, replacement_payment_id as replacementPaymentId
       from payment_reversals where payment_id = ?`,
  );
  return {
    insert(reversal: ReversalRecord): void {
      insertReversal(reversal);
    },
    ofPayment(paymentId: string): ReversalRecord | undefined {
      return byPayment.get(paymentId);
    },
  };
}
