import { conflict, notFound } from '../api/errors.js';
import type { Consumer, PayableItem } from '../accounts/account.js';
import type { SignedInUser } from '../auth/roles.js';
import { creditNoteExpiry, type CreditNoteRecord } from '../credit-notes/credit-note.js';
import type { LedgerLineDraft } from '../ledger/ledger-line.js';
import { cents } from '../money.js';
import { formatNumber, sequenceScope, type NumberKind } from '../numbering/number-format.js';
import type { Ports } from '../ports.js';
import type { CounterSettings } from '../settings/settings.js';
import { settleWithConfirmation } from '../sync/apply-rules.js';
import type { PaymentRecord } from './payment-record.js';
import { decidePayment, type CreditOnHand, type PaymentRequest } from './payment-rules.js';
import { CREDIT_TENDER_LABEL } from './tenders.js';
import { tillForPayment } from '../tills/payment-till.js';
import type { TillSessionRecord } from '../tills/till-session.js';

export interface UseCaseContext {
  user: SignedInUser;
  settings: CounterSettings;
  /** The terminal's local date (YYYY-MM-DD) and the instant, both from the caller's clock. */
  today: string;
  now: string;
}

/** Takes the next number of a kind inside the caller's transaction: a rollback gives it back. */
export function takeNumber(ports: Ports, context: UseCaseContext, kind: NumberKind): string {
  const year = Number(context.today.slice(0, 4));
  const format = context.settings.numberFormats[kind];
  const value = ports.sequences.next(sequenceScope(kind, format, year), format.start);
  return formatNumber(format, value, year, context.settings.terminalCode);
}

export type RecordPaymentOutcome =
  | { repeated: true; paymentId: string }
  /** What was written, so the receipt can be shown without reading it all back. */
  | { repeated: false; paymentId: string; record: PaymentRecord; consumer: Consumer; items: PayableItem[]; creditNote: CreditNoteRecord | null; credit: CreditOnHand | undefined };

/**
 * Takes a payment at the counter. Runs inside one transaction: the payment,
 * its numbers, its ledger lines, a credit note for an overpayment, the audit
 * entry and the outbox posting are stored together or not at all. The money
 * goes into the cashier's own open till (or the till a correction names). A repeat of
 * the same payment id (a double click, a retried call) returns the payment
 * already stored and adds nothing.
 */
export function recordPayment(ports: Ports, request: PaymentRequest, context: UseCaseContext, till?: TillSessionRecord): RecordPaymentOutcome {
  const existing = ports.payments.find(request.id);
  if (existing) {
    if (existing.consumerId !== request.consumerId || existing.amount !== request.amountPaid) {
      throw conflict('id', 'This payment id already belongs to a different payment');
    }
    return { repeated: true, paymentId: existing.id };
  }

  const drawer = till ?? tillForPayment(ports, context, request.tillSessionId);
  const consumer = ports.consumers.byId(request.consumerId);
  if (!consumer) throw notFound('consumerId', 'No consumer with this id');

  const found = new Map(ports.items.byIds(consumer.id, request.itemIds).map((item) => [item.id, item]));
  const items = request.itemIds.map((id) => {
    const item = found.get(id);
    if (!item) throw notFound('itemIds', `No such ${request.type === 'service' ? 'service charge' : request.type} on account ${consumer.accountNumber}`);
    return item;
  });

  const credit = request.method === 'credit_note' && request.creditNoteId ? creditOnHand(ports, request.creditNoteId) : undefined;
  const decision = decidePayment(request, items, context.settings, context.today, credit);
  if (decision.reference) {
    const usedBy = ports.payments.receiptUsingReference(request.method, decision.reference);
    if (usedBy) throw conflict('reference', `${decision.reference} was already used for receipt ${usedBy}`);
  }

  const record: PaymentRecord = {
    id: request.id,
    paymentNumber: takeNumber(ports, context, 'payment'),
    transactionNumber: takeNumber(ports, context, 'transaction'),
    receiptNumber: takeNumber(ports, context, 'receipt'),
    consumerId: consumer.id,
    type: request.type,
    channel: request.channel,
    method: request.method,
    amount: request.amountPaid,
    amountReceived: decision.amountReceived,
    change: decision.change,
    reference: decision.reference,
    cardLast4: decision.cardLast4,
    bankName: decision.bankName,
    appliedCreditNoteId: credit?.id ?? null,
    status: 'posted',
    verification: decision.verification,
    notes: decision.notes,
    paymentDate: request.paymentDate,
    recordedAt: context.now,
    recordedBy: context.user.id,
    terminalCode: context.settings.terminalCode,
    tillSessionId: drawer.id,
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

  const creditNote: CreditNoteRecord | null =
    decision.overpayment > 0
      ? {
          id: ports.newId(),
          number: takeNumber(ports, context, 'creditNote'),
          consumerId: consumer.id,
          paymentId: record.id,
          amount: decision.overpayment,
          reason: 'overpayment',
          remarks: null,
          issuedOn: context.today,
          expiresOn: creditNoteExpiry(context.today, context.settings.creditNoteValidityMonths),
          createdAt: context.now,
          createdBy: context.user.id,
        }
      : null;
  if (creditNote) ports.creditNotes.insert(creditNote, null);

  const tender = request.method === 'credit_note' ? CREDIT_TENDER_LABEL : (context.settings.paymentMethods.find((m) => m.code === request.method)?.label ?? request.method);
  const line = (fields: Pick<LedgerLineDraft, 'entryKind' | 'itemKind' | 'itemId' | 'amount' | 'description'>): LedgerLineDraft => ({
    id: ports.newId(),
    consumerId: consumer.id,
    paymentId: record.id,
    createdAt: context.now,
    createdBy: context.user.id,
    ...fields,
  });
  const lines = decision.allocations.map((a) =>
    line({ entryKind: 'payment', itemKind: a.item.kind, itemId: a.item.id, amount: cents(-a.applied), description: `${tender} payment, receipt ${record.receiptNumber}, for ${a.item.reference}` }),
  );
  // Credit spent on the items comes back off the note, so the consumer's balance does not move twice.
  if (credit) lines.push(line({ entryKind: 'credit_applied', itemKind: 'credit_note', itemId: credit.id, amount: record.amount, description: `Credit ${credit.number} applied, receipt ${record.receiptNumber}` }));
  if (creditNote) lines.push(line({ entryKind: 'credit_issued', itemKind: 'credit_note', itemId: creditNote.id, amount: cents(-creditNote.amount), description: `Overpayment on receipt ${record.receiptNumber}, credit note ${creditNote.number}` }));
  ports.ledger.append(lines);

  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'payment.record', entity: 'payment', entityId: record.id, before: null, after: { creditNote, ...record } });
  // The overpayment's note has a history of its own from its first day (AC43), like a note made by hand.
  if (creditNote) ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'credit_note.create', entity: 'credit_note', entityId: creditNote.id, before: null, after: creditNote });
  ports.outbox.add({ id: ports.newId(), kind: 'payment.recorded', aggregateId: record.id, accountId: record.consumerId, amount: record.amount, tillSessionId: drawer.id, payload: { payment: record, creditNote }, createdAt: context.now });
  const verification = verifyByEarlierConfirmation(ports, record, consumer, context);
  return { repeated: false, paymentId: record.id, record: { ...record, verification }, consumer, items, creditNote, credit };
}

/**
 * The centre may bring an M-PESA confirmation down before the customer
 * reaches the counter: then the payment is settled against it as soon as it
 * is recorded, after its `payment.recorded` posting so the centre sees the
 * two in order.
 */
function verifyByEarlierConfirmation(ports: Ports, record: PaymentRecord, consumer: Consumer, context: UseCaseContext): PaymentRecord['verification'] {
  const confirmation = record.method === 'mpesa' && record.reference ? ports.mpesaConfirmations.byCode(record.reference) : undefined;
  if (!confirmation) return record.verification;
  return settleWithConfirmation(ports, { id: record.id, amount: record.amount, accountNumber: consumer.accountNumber }, confirmation, context) === 'verified' ? 'verified' : record.verification;
}

function creditOnHand(ports: Ports, creditNoteId: string): CreditOnHand | undefined {
  const note = ports.creditNotes.onHand(creditNoteId);
  return note && { id: note.record.id, number: note.record.number, consumerId: note.record.consumerId, expiresOn: note.record.expiresOn, usage: note.usage };
}
