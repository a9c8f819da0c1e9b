import { notFound } from '../../core/api/errors.js';
import type { CreditNoteDetails } from '../../core/api/calls/credit-notes.js';
import type { PaymentDetails } from '../../core/api/calls/payments.js';
import { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_STATUS_LABELS, creditNoteStatus, remainingCredit, usagePercentage } from '../../core/credit-notes/credit-note.js';
import { paymentDetails } from '../../core/payments/payment-views.js';
import type { Store } from '../../db/store.js';

/** Reads a stored payment back as the receipt and details view show it. */
export function loadPaymentDetails(store: Store, paymentId: string, now: Date = new Date()): PaymentDetails {
  const payment = store.payments.get(paymentId);
  if (!payment) throw notFound('paymentId', 'No payment with this id');
  const consumer = store.consumers.byId(payment.consumerId)!;
  const items = new Map(store.items.byIds(payment.consumerId, payment.allocations.map((a) => a.itemId)).map((item) => [item.id, item]));
  const applied = payment.appliedCreditNoteId ? store.creditNotes.onHand(payment.appliedCreditNoteId) : undefined;
  const reversal = store.reversals.ofPayment(payment.id);
  return paymentDetails(
    payment,
    {
      consumer,
      recordedByName: store.users.displayName(payment.recordedBy),
      items,
      balanceAfter: store.ledger.balanceAfterPayment(payment.consumerId, payment.id),
      printCount: store.printJobs.printedCount('receipt', payment.id),
      creditNotes: store.creditNotes.onPayment(payment.id),
      appliedCreditNote: applied ? { id: applied.record.id, number: applied.record.number } : null,
      reversal: reversal
        ? { number: reversal.number, reason: reversal.reason, reversedBy: store.users.displayName(reversal.reversedBy), approvedBy: store.users.displayName(reversal.approvedBy), at: reversal.at }
        : null,
      now: now.toISOString(),
    },
    store.settings.get(),
  );
}

/** A credit note as its details view and printout show it (spec "Credit Note Details View"). */
export function loadCreditNoteDetails(store: Store, creditNoteId: string): CreditNoteDetails {
  const note = store.creditNotes.onHand(creditNoteId);
  if (!note) throw notFound('creditNoteId', 'No credit note with this id');
  const { record, usage } = note;
  const consumer = store.consumers.byId(record.consumerId)!;
  const payment = store.payments.facts(record.paymentId)!;
  const approvedBy = store.creditNotes.approvedBy(record.id);
  const status = creditNoteStatus(usage);
  return {
    id: record.id,
    number: record.number,
    status,
    statusLabel: CREDIT_NOTE_STATUS_LABELS[status],
    consumer: { id: consumer.id, name: consumer.name, accountNumber: consumer.accountNumber },
    createdAt: record.createdAt,
    issuedOn: record.issuedOn,
    expiresOn: record.expiresOn,
    amount: record.amount,
    applied: usage.applied,
    remaining: remainingCredit(usage),
    usagePercentage: usagePercentage(usage.applied, record.amount),
    reason: record.reason,
    reasonLabel: CREDIT_NOTE_REASON_LABELS[record.reason],
    remarks: record.remarks,
    createdBy: store.users.displayName(record.createdBy),
    approvedBy: approvedBy ? store.users.displayName(approvedBy) : null,
    linkedPayment: { id: payment.id, receiptNumber: payment.receiptNumber },
    applications: store.creditNotes.applications(record.id).map((a) => ({ paymentId: a.paymentId, receiptNumber: a.receiptNumber, at: a.at, amount: a.amount, reversed: a.status === 'reversed' })),
  };
}
