import { ApiError, conflict, notFound } from '../api/errors.js';
import { APPROVES, type SignedInUser } from '../auth/roles.js';
import { remainingCredit } from '../credit-notes/credit-note.js';
import type { LedgerLineDraft } from '../ledger/ledger-line.js';
import { cents } from '../money.js';
import type { Ports, ReversalRecord } from '../ports.js';
import { takeNumber, type UseCaseContext } from './record-payment.js';
import { tillForReversal } from '../tills/payment-till.js';
import type { TillSessionRecord } from '../tills/till-session.js';

export interface ReversePaymentRequest {
  id: string;
  paymentId: string;
  reason: string;
  replacementPaymentId?: string;
}

/**
 * Undoes a posted payment with new ledger lines, never an edit: every line
 * the payment wrote against an item or a credit note is answered by its
 * opposite (the bills it paid are owed again, credit it spent comes back), and
 * what is left of any credit note issued on it is cancelled. Refused when that
 * credit has already been spent: the later payment must be reversed first.
 */
export function reversePayment(ports: Ports, request: ReversePaymentRequest, approver: SignedInUser, context: UseCaseContext, till?: TillSessionRecord): ReversalRecord {
  const payment = ports.payments.facts(request.paymentId);
  if (!payment) throw notFound('paymentId', 'No payment with this id');
  if (payment.source !== 'counter') throw conflict('paymentId', `Receipt ${payment.receiptNumber} came from an online gateway; it is reversed at the centre`);
  if (payment.status !== 'posted') throw conflict('paymentId', `Receipt ${payment.receiptNumber} is ${payment.status} and cannot be reversed`);
  if (!APPROVES.includes(approver.role)) throw new ApiError('FORBIDDEN', `${approver.displayName} is not a branch manager and cannot approve a reversal`, 'approval.username');

  const notes = ports.creditNotes.onPayment(payment.id);
  const spent = notes.find((note) => note.usage.applied > 0);
  if (spent) throw conflict('paymentId', `Credit note ${spent.record.number} from this payment has been used; reverse the payment that used it first`);

  const drawer = till ?? tillForReversal(ports, context, payment.tillSessionId);
  const number = takeNumber(ports, context, 'reversal');
  const line = (fields: Pick<LedgerLineDraft, 'itemKind' | 'itemId' | 'amount' | 'description'>): LedgerLineDraft => ({
    id: ports.newId(),
    consumerId: payment.consumerId,
    entryKind: 'reversal',
    paymentId: payment.id,
    createdAt: context.now,
    createdBy: context.user.id,
    ...fields,
  });
  const lines = ports.ledger
    .linesOfPayment(payment.id)
    .filter((l) => l.entryKind === 'payment' || l.entryKind === 'credit_applied')
    .map((l) => line({ itemKind: l.itemKind, itemId: l.itemId, amount: cents(-l.amount), description: `Reversal ${number} of receipt ${payment.receiptNumber}: ${l.description}` }));
  for (const { record, usage } of notes) {
    const remaining = remainingCredit(usage);
    if (remaining > 0) lines.push(line({ itemKind: 'credit_note', itemId: record.id, amount: remaining, description: `Credit note ${record.number} cancelled by reversal ${number}` }));
  }
  ports.ledger.append(lines);

  const reversal: ReversalRecord = {
    id: request.id,
    number,
    paymentId: payment.id,
    reason: request.reason,
    reversedBy: context.user.id,
    approvedBy: approver.id,
    at: context.now,
    replacementPaymentId: request.replacementPaymentId ?? null,
    tillSessionId: drawer.id,
  };
  ports.reversals.insert(reversal);
  ports.payments.setStatus(payment.id, 'reversed');
  for (const { record, usage } of notes) {
    if (usage.ended) continue;
    ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'credit_note.cancel', entity: 'credit_note', entityId: record.id, before: { status: 'active', remaining: remainingCredit(usage) }, after: { status: 'cancelled', reversal: number } });
  }
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: 'payment.reverse', entity: 'payment', entityId: payment.id, before: { status: payment.status }, after: { status: 'reversed', reversal } });
  ports.outbox.add({ id: ports.newId(), kind: 'payment.reversed', aggregateId: payment.id, accountId: payment.consumerId, amount: -payment.amount, tillSessionId: drawer.id, payload: { reversal, lines }, createdAt: context.now });
  return reversal;
}
