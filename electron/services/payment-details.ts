import { notFound } from '../../core/api/errors.js';
import type { PaymentDetails } from '../../core/api/calls/payments.js';
import { paymentDetails, type StoredPayment } from '../../core/payments/payment-views.js';
import type { Store } from '../../db/store.js';

/** Reads a stored payment back as the receipt and details view show it. */
export function loadPaymentDetails(store: Store, paymentId: string): PaymentDetails {
  const stored = store.payments.get(paymentId);
  if (!stored) throw notFound('paymentId', 'No payment with this id');
  const { row, allocations } = stored;
  const consumer = store.consumers.byId(row.consumerId)!;
  const items = new Map(store.items.byIds(row.consumerId, allocations.map((a) => a.itemId)).map((item) => [item.id, item]));
  return paymentDetails(
    { row: row as StoredPayment['row'], allocations },
    {
      consumer,
      recordedByName: store.users.displayName(row.recordedBy),
      items,
      balanceAfter: store.ledger.balanceAfterPayment(row.consumerId, row.id),
      printCount: store.printJobs.printedCount('receipt', row.id),
    },
    store.settings.get(),
  );
}
