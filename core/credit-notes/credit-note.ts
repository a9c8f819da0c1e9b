import { invalid } from '../api/errors.js';
import { addMonths } from '../dates/calendar.js';
import { formatMoneyAscii, subtract, type Cents } from '../money.js';

/**
 * A credit note: money the utility owes the consumer, to be applied to later
 * bills, services or installments. Its remaining balance is not stored: it is
 * what its ledger lines say (issued minus applied), so it can never drift.
 */
export const CREDIT_NOTE_REASONS = ['overpayment', 'duplicate_payment', 'billing_error', 'billing_adjustment', 'refund_request', 'customer_request', 'other'] as const;
export type CreditNoteReason = (typeof CREDIT_NOTE_REASONS)[number];

export const CREDIT_NOTE_REASON_LABELS: Record<CreditNoteReason, string> = {
  overpayment: 'Overpayment',
  duplicate_payment: 'Duplicate Payment',
  billing_error: 'Billing Error',
  billing_adjustment: 'Billing Adjustment',
  refund_request: 'Refund Request',
  customer_request: 'Customer Request',
  other: 'Other',
};

export const REMARKS_MAX_LENGTH = 500;

/** A credit note as stored; what is left of it comes from the ledger. */
export interface CreditNoteRecord {
  id: string;
  number: string;
  consumerId: string;
  /** The payment it was issued on: the linked receipt. */
  paymentId: string;
  amount: Cents;
  reason: CreditNoteReason;
  remarks: string | null;
  issuedOn: string;
  expiresOn: string;
  createdAt: string;
  createdBy: string;
}

/**
 * How a note's ledger lines add up: issued (negative, credit for the
 * consumer), applied to items (positive), forfeited at expiry (positive), and
 * reversals, which cancel an issue (positive) or give back an application
 * (negative). Remaining is always minus the sum of the lines.
 */
export function creditUsageOf(lines: ReadonlyArray<{ entryKind: string; amount: number }>): CreditNoteUsage {
  let amount = 0;
  let applied = 0;
  let withdrawn = 0;
  let ended: CreditNoteUsage['ended'] = null;
  for (const line of lines) {
    if (line.entryKind === 'credit_issued') amount -= line.amount;
    else if (line.entryKind === 'credit_applied') applied += line.amount;
    else if (line.entryKind === 'credit_expired') {
      withdrawn += line.amount;
      ended = 'expired';
    } else if (line.entryKind === 'reversal' && line.amount < 0) applied += line.amount;
    else if (line.entryKind === 'reversal') {
      withdrawn += line.amount;
      ended = 'cancelled';
    }
  }
  return { amount: amount as Cents, applied: applied as Cents, withdrawn: withdrawn as Cents, ended };
}

/**
 * Active while credit remains; Applied once all of it is used; Expired when
 * its time ran out with credit left (the rest is forfeited by a ledger line);
 * Cancelled when the payment it came from was reversed.
 */
export type CreditNoteStatus = 'active' | 'applied' | 'expired' | 'cancelled';

export const CREDIT_NOTE_STATUS_LABELS: Record<CreditNoteStatus, string> = { active: 'Active', applied: 'Applied', expired: 'Expired', cancelled: 'Cancelled' };

export interface CreditNoteUsage {
  amount: Cents;
  /** Credit used on bills, services and installments. */
  applied: Cents;
  /** Credit taken back: forfeited at expiry or cancelled with its payment. */
  withdrawn: Cents;
  ended: 'expired' | 'cancelled' | null;
}

export function remainingCredit(usage: CreditNoteUsage): Cents {
  return subtract(subtract(usage.amount, usage.applied), usage.withdrawn);
}

export function creditNoteStatus(usage: CreditNoteUsage): CreditNoteStatus {
  if (usage.ended) return usage.ended;
  return remainingCredit(usage) > 0 ? 'active' : 'applied';
}

/** Applied / original × 100, to one decimal, rounded half up in integer arithmetic: "33.3". */
export function usagePercentage(applied: Cents, amount: Cents): string {
  if (amount <= 0) return '0.0';
  // BigInt: applied × 2000 can pass 2^53 for large notes.
  const tenths = (BigInt(applied) * 2000n + BigInt(amount)) / (BigInt(amount) * 2n);
  return `${tenths / 10n}.${tenths % 10n}`;
}

export function creditNoteExpiry(issuedOn: string, validityMonths: number): string {
  return addMonths(issuedOn, validityMonths);
}

/** A note can be applied until the end of its expiry day. */
export function hasExpired(expiresOn: string, today: string): boolean {
  return today > expiresOn;
}

/**
 * The most a new credit note on a payment may be: the payment amount less
 * the credit already issued on it (an overpayment's note included), so the
 * remaining payment value never goes below zero.
 */
export function creditNoteMaximum(paymentAmount: Cents, alreadyCredited: Cents): Cents {
  const maximum = subtract(paymentAmount, alreadyCredited);
  return maximum > 0 ? maximum : (0 as Cents);
}

export interface ManualCreditNoteRequest {
  amount: Cents;
  reason: string | undefined;
  remarks: string | undefined;
}

/** AC25, AC26, AC27, AC41: the rules of "Create credit note", in the order the dialog shows the fields. */
export function decideManualCreditNote(request: ManualCreditNoteRequest, paymentAmount: Cents, alreadyCredited: Cents, currency: string) {
  const maximum = creditNoteMaximum(paymentAmount, alreadyCredited);
  if (request.amount <= 0) throw invalid('amount', 'Credit amount must be more than zero');
  if (request.amount > maximum) {
    throw invalid('amount', `Credit amount cannot be more than ${formatMoneyAscii(maximum, currency)}${alreadyCredited > 0 ? ' (credit already issued on this payment is taken off)' : ', the payment amount'}`);
  }
  if (!request.reason || !(CREDIT_NOTE_REASONS as readonly string[]).includes(request.reason)) throw invalid('reason', 'Choose a reason for the credit note');
  const remarks = request.remarks?.trim() ? request.remarks.trim() : null;
  if (remarks && remarks.length > REMARKS_MAX_LENGTH) throw invalid('remarks', `Remarks must be at most ${REMARKS_MAX_LENGTH} characters`);
  return {
    reason: request.reason as CreditNoteReason,
    remarks,
    maximum,
    /** AC27: what is left of the payment once this note is issued. */
    remainingPaymentValue: subtract(subtract(paymentAmount, alreadyCredited), request.amount),
  };
}

/** The short form a list, an account or a receipt shows. */
export function creditNoteBrief(record: CreditNoteRecord, usage: CreditNoteUsage) {
  return { id: record.id, number: record.number, amount: record.amount, remaining: remainingCredit(usage), reason: record.reason, status: creditNoteStatus(usage), expiresOn: record.expiresOn };
}
