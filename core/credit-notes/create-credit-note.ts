import { ApiError, conflict, notFound } from '../api/errors.js';
import { APPROVES, type SignedInUser } from '../auth/roles.js';
import { add, cents, type Cents } from '../money.js';
import type { Ports } from '../ports.js';
import { takeNumber, type UseCaseContext } from '../payments/record-payment.js';
import { creditNoteExpiry, decideManualCreditNote, type CreditNoteRecord } from './credit-note.js';

export interface CreateCreditNoteRequest {
  id: string;
  paymentId: string;
  amount: Cents;
  reason: string | undefined;
  remarks: string | undefined;
}

/** Who stands behind a note made by hand: the signed-in user if they may approve, else the manager whose PIN was given. */
export function creditNoteApprover(user: SignedInUser, approver: SignedInUser | null): SignedInUser {
  if (APPROVES.includes(user.role)) return user;
  if (!approver) throw new ApiError('FORBIDDEN', "A branch manager's approval is required for a credit note", 'approval');
  if (!APPROVES.includes(approver.role)) throw new ApiError('FORBIDDEN', `${approver.displayName} is not a branch manager and cannot approve`, 'approval.username');
  return approver;
}

/** The credit already issued on a payment: the remaining payment value is the payment less this. */
export function creditedOnPayment(ports: Ports, paymentId: string): Cents {
  return add(...ports.creditNotes.onPayment(paymentId).map((note) => note.record.amount));
}

/**
 * "Create credit note" from a payment (AC24-27, AC41, AC43): a new note with
 * the next CN number, a ledger line giving the consumer the credit, an audit
 * entry with the reason, and an outbox posting, in one transaction.
 */
/** The payment a note by hand is made on, refused if no credit note can be made on it: the draft asks the same. */
export function creditablePayment(ports: Ports, paymentId: string) {
  const payment = ports.payments.facts(paymentId);
  if (!payment) throw notFound('paymentId', 'No payment with this id');
  if (payment.status === 'reversed') throw conflict('paymentId', `Receipt ${payment.receiptNumber} was reversed; no credit note can be made on it`);
  if (payment.method === 'credit_note') throw conflict('paymentId', `Receipt ${payment.receiptNumber} was paid with credit; credit cannot be credited again`);
  return payment;
}

export function createCreditNote(ports: Ports, request: CreateCreditNoteRequest, approver: SignedInUser | null, context: UseCaseContext): CreditNoteRecord {
  const payment = creditablePayment(ports, request.paymentId);
  const approvedBy = creditNoteApprover(context.user, approver);

  const rules = decideManualCreditNote(request, payment.amount, creditedOnPayment(ports, payment.id), context.settings.currency);
  const note: CreditNoteRecord = {
    id: request.id,
    number: takeNumber(ports, context, 'creditNote'),
    consumerId: payment.consumerId,
    paymentId: payment.id,
    amount: request.amount,
    reason: rules.reason,
    remarks: rules.remarks,
    issuedOn: context.today,
    expiresOn: creditNoteExpiry(context.today, context.settings.creditNoteValidityMonths),
    createdAt: context.now,
    createdBy: context.user.id,
  };
  ports.creditNotes.insert(note, approvedBy.id);
  ports.ledger.append([
    {
      id: ports.newId(),
      consumerId: note.consumerId,
      entryKind: 'credit_issued',
      itemKind: 'credit_note',
      itemId: note.id,
      paymentId: null,
      amount: cents(-note.amount),
      description: `Credit note ${note.number} on receipt ${payment.receiptNumber}`,
      createdAt: context.now,
      createdBy: context.user.id,
    },
  ]);
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'credit_note.create', entity: 'credit_note', entityId: note.id, before: null, after: { ...note, approvedBy: approvedBy.id } });
  ports.outbox.add({ id: ports.newId(), kind: 'credit_note.created', aggregateId: note.id, accountId: note.consumerId, amount: 0, tillSessionId: null, payload: { creditNote: note, approvedBy: approvedBy.id }, createdAt: context.now });
  return note;
}
