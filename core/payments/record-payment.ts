import { conflict, notFound } from '../api/errors.js';
import type { Consumer, PayableItem } from '../accounts/account.js';
import type { SignedInUser } from '../auth/roles.js';
import { cents } from '../money.js';
import { formatNumber, sequenceScope, type NumberKind } from '../numbering/number-format.js';
import type { Ports } from '../ports.js';
import type { CounterSettings } from '../settings/settings.js';
import type { PaymentRecord } from './payment-record.js';
import { decidePayment, type PaymentRequest } from './payment-rules.js';

export interface RecordPaymentContext {
  user: SignedInUser;
  settings: CounterSettings;
  /** The terminal's local date (YYYY-MM-DD) and the instant, both from the caller's clock. */
  today: string;
  now: string;
}

/**
 * Takes a payment at the counter. Runs inside one transaction: the payment,
 * its numbers, its ledger lines, the audit entry and the outbox posting are
 * stored together or not at all. A repeat of the same payment id (a double
 * click, a retried call) returns the payment already stored and adds nothing.
 */
export type RecordPaymentOutcome =
  | { repeated: true; paymentId: string }
  /** What was written, so the receipt can be shown without reading it all back. */
  | { repeated: false; paymentId: string; record: PaymentRecord; consumer: Consumer; items: PayableItem[] };

export function recordPayment(ports: Ports, request: PaymentRequest, context: RecordPaymentContext): RecordPaymentOutcome {
  const existing = ports.payments.find(request.id);
  if (existing) {
    if (existing.consumerId !== request.consumerId || existing.amount !== request.amountPaid) {
      throw conflict('id', 'This payment id already belongs to a different payment');
    }
    return { repeated: true, paymentId: existing.id };
  }

  const consumer = ports.consumers.byId(request.consumerId);
  if (!consumer) throw notFound('consumerId', 'No consumer with this id');

  const found = new Map(ports.items.byIds(consumer.id, request.itemIds).map((item) => [item.id, item]));
  const items = request.itemIds.map((id) => {
    const item = found.get(id);
    if (!item) throw notFound('itemIds', `No such ${request.type === 'service' ? 'service charge' : request.type} on account ${consumer.accountNumber}`);
    return item;
  });

  const decision = decidePayment(request, items, context.settings, context.today);
  if (decision.reference) {
    const usedBy = ports.payments.receiptUsingReference(request.method, decision.reference);
    if (usedBy) throw conflict('reference', `${decision.reference} was already used for receipt ${usedBy}`);
  }

  const year = Number(context.today.slice(0, 4));
  const number = (kind: NumberKind) => {
    const format = context.settings.numberFormats[kind];
    const value = ports.sequences.next(sequenceScope(kind, format, year), format.start);
    return formatNumber(format, value, year, context.settings.terminalCode);
  };

  const record: PaymentRecord = {
    id: request.id,
    paymentNumber: number('payment'),
    transactionNumber: number('transaction'),
    receiptNumber: number('receipt'),
    consumerId: consumer.id,
    type: request.type,
    channel: request.channel,
    method: request.method,
    amount: request.amountPaid,
    amountReceived: decision.amountReceived,
    change: decision.change,
    reference: decision.reference,
    status: 'posted',
    verification: decision.verification,
    notes: decision.notes,
    paymentDate: request.paymentDate,
    recordedAt: context.now,
    recordedBy: context.user.id,
    terminalCode: context.settings.terminalCode,
    allocations: decision.allocations.map((a, position) => ({
      id: ports.newId(),
      position,
      itemKind: a.item.kind,
      itemId: a.item.id,
      amount: a.applied,
      openBefore: a.item.open,
    })),
  };

  ports.payments.insert(record);
  const methodLabel = context.settings.paymentMethods.find((m) => m.code === request.method)?.label ?? request.method;
  ports.ledger.append(
    decision.allocations.map((a) => ({
      id: ports.newId(),
      consumerId: consumer.id,
      entryKind: 'payment' as const,
      itemKind: a.item.kind,
      itemId: a.item.id,
      paymentId: record.id,
      amount: cents(-a.applied),
      description: `${methodLabel} payment, receipt ${record.receiptNumber}, for ${a.item.reference}`,
      createdAt: context.now,
      createdBy: context.user.id,
    })),
  );
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'payment.record', entity: 'payment', entityId: record.id, before: null, after: record });
  ports.outbox.add({ id: ports.newId(), kind: 'payment.recorded', aggregateId: record.id, payload: record, createdAt: context.now });
  return { repeated: false, paymentId: record.id, record, consumer, items };
}
