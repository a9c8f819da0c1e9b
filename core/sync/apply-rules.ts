import type { z } from 'zod';
import { SYSTEM_USER_ID, type SignedInUser } from '../auth/roles.js';
import type { LedgerItemKind, LedgerLineDraft } from '../ledger/ledger-line.js';
import { cents, formatMoneyAscii, type Cents } from '../money.js';
import { onlineStatusAfterSettlement, onlineStatusOfPayment, paymentStatusOfOnline, type OnlineStatus } from '../payments/gateway-status.js';
import type { PaymentRecord } from '../payments/payment-record.js';
import { verifyPayment } from '../payments/verify-payment.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import type { MpesaConfirmation, Ports } from '../ports.js';
import type { CounterSettings } from '../settings/settings.js';
import type { centralSettingsData, onlinePaymentData } from './protocol.js';

/**
 * What the counter makes of the centre's changes (core/sync/CONTRACT.md,
 * "Pull"): the charge line of an item issued centrally, the statuses and
 * money of an online payment, and how an M-PESA confirmation meets the
 * counter's own payment with that code.
 */

/** The system as the one who verifies a payment its confirmation proved; it cannot log in. */
export const SYSTEM_USER: SignedInUser = { id: SYSTEM_USER_ID, username: 'system', displayName: 'System', role: 'administrator' };

// ---- items ---------------------------------------------------------------

/** The line that raises the balance by an item the centre issued, dated its issue day. */
export function chargeLine(id: string, item: { consumerId: string; kind: Exclude<LedgerItemKind, 'credit_note'>; itemId: string; amount: number; description: string; issuedOn: string }): LedgerLineDraft {
  return {
    id,
    consumerId: item.consumerId,
    entryKind: 'charge',
    itemKind: item.kind,
    itemId: item.itemId,
    paymentId: null,
    amount: cents(item.amount),
    description: item.description,
    createdAt: `${item.issuedOn}T00:00:00.000Z`,
    createdBy: SYSTEM_USER_ID,
  };
}

export const billDescription = (bill: { invoiceNumber: string; period: string }) => `Bill ${bill.invoiceNumber} (${bill.period})`;
export const installmentDescription = (number: number, planNumber: string) => `Installment ${number} of ${planNumber}`;

/** The UTC day of an instant ("2026-03-20T22:30:00-03:00" is 2026-03-21). */
export const utcDay = (instant: string) => new Date(instant).toISOString().slice(0, 10);

// ---- online payments -------------------------------------------------------

type OnlinePaymentData = z.infer<typeof onlinePaymentData>;

export interface OnlinePaymentState extends OnlineStatus {
  status: 'posted' | 'pending' | 'failed';
  /** The money reached the gateway and this is the first the counter hears of it: allocations and ledger lines now. */
  moneyMovesNow: boolean;
}

/**
 * The gateway's words mapped to the counter's (core/payments/gateway-status.ts).
 * Money moves once: when the gateway says succeeded and the centre has
 * allocated it, and not before in this counter's books.
 */
export function onlinePaymentState(data: Pick<OnlinePaymentData, 'gatewayStatus' | 'settlementStatus' | 'allocations'>, movedBefore: boolean): OnlinePaymentState {
  const first = onlineStatusOfPayment(data.gatewayStatus);
  const status = data.settlementStatus ? onlineStatusAfterSettlement(data.settlementStatus, first) : first;
  return { ...status, status: paymentStatusOfOnline(status), moneyMovesNow: !movedBefore && data.gatewayStatus === 'succeeded' && data.allocations.length > 0 };
}

/** Terminal code of every payment made online. */
export const ONLINE_TERMINAL = 'ONL';

/**
 * The numbers of an online payment, from the receipt number the centre gave
 * it, so every counter derives the same ones: R-ONL-000900 → PAY-ONL-000900.
 */
export function onlinePaymentNumbers(receiptNumber: string): Pick<PaymentRecord, 'paymentNumber' | 'transactionNumber' | 'receiptNumber'> {
  const stem = receiptNumber.replace(/^R-/, '');
  return { paymentNumber: `PAY-${stem}`, transactionNumber: `TXN-${stem}`, receiptNumber };
}

/** An online payment as the counter stores it; allocations only once its money has moved. */
/**
 * An online payment as the counter stores it. `proofAlsoOn` is the receipt of
 * a payment that already used its proof (the M-PESA code, card approval or
 * bank reference): a proof pays once, so the reference moves into the notes,
 * the money the centre says moved is still recorded, and a manager is asked
 * to look (see proofUsedTwiceDetail).
 */
export function onlinePaymentRecord(data: OnlinePaymentData, state: OnlinePaymentState, allocations: PaymentRecord['allocations'], proofAlsoOn: string | null = null): PaymentRecord {
  return {
    id: data.id,
    ...onlinePaymentNumbers(data.receiptNumber),
    consumerId: data.consumerId,
    type: 'bill',
    channel: 'online',
    method: data.method,
    amount: cents(data.amount),
    amountReceived: null,
    change: null,
    reference: proofAlsoOn ? null : data.reference,
    cardLast4: null,
    bankName: null,
    appliedCreditNoteId: null,
    status: state.status,
    verification: 'pending',
    notes: proofAlsoOn ? `Reference ${data.reference}, also on receipt ${proofAlsoOn}` : null,
    paymentDate: utcDay(data.initiatedAt),
    recordedAt: data.initiatedAt,
    recordedBy: SYSTEM_USER_ID,
    terminalCode: ONLINE_TERMINAL,
    tillSessionId: null,
    allocations,
  };
}

export function proofUsedTwiceDetail(data: OnlinePaymentData, proofAlsoOn: string, currency: string): string {
  return `Online ${ONLINE_METHOD_WORDS[data.method]} payment ${data.receiptNumber} of ${formatMoneyAscii(cents(data.amount), currency)} used reference ${data.reference}, which receipt ${proofAlsoOn} already used: one of them may pay twice.`;
}

const ONLINE_METHOD_WORDS: Record<OnlinePaymentData['method'], string> = { card: 'card', mpesa: 'M-PESA', bank_transfer: 'bank transfer' };

/** The line that lowers the balance by what an online payment paid on a bill, dated when the customer paid. */
export function onlinePaymentLine(id: string, data: OnlinePaymentData, allocation: { billId: string; amount: number; invoiceNumber: string }): LedgerLineDraft {
  return {
    id,
    consumerId: data.consumerId,
    entryKind: 'payment',
    itemKind: 'bill',
    itemId: allocation.billId,
    paymentId: data.id,
    amount: cents(-allocation.amount),
    description: `Online ${ONLINE_METHOD_WORDS[data.method]} payment ${data.receiptNumber} for bill ${allocation.invoiceNumber}`,
    createdAt: data.initiatedAt,
    createdBy: SYSTEM_USER_ID,
  };
}

// ---- M-PESA confirmations --------------------------------------------------

export type ConfirmationCheck = { agrees: true } | { agrees: false; differs: Array<'amount' | 'account'>; detail: string };

/** Customers type the account number into M-PESA themselves: case and spaces are not a difference. */
const sameAccount = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/** Whether Safaricom's confirmation says what the counter recorded: the same amount to the same account. */
export function checkMpesaConfirmation(
  confirmation: Pick<MpesaConfirmation, 'amount' | 'accountNumber'>,
  payment: { amount: Cents; accountNumber: string },
  currency: string,
): ConfirmationCheck {
  const differs: Array<'amount' | 'account'> = [];
  if (confirmation.amount !== payment.amount) differs.push('amount');
  if (!sameAccount(confirmation.accountNumber, payment.accountNumber)) differs.push('account');
  if (differs.length === 0) return { agrees: true };
  const said = (amount: Cents, account: string) => `${formatMoneyAscii(amount, currency)} to ${account}`;
  return { agrees: false, differs, detail: `M-PESA says ${said(confirmation.amount, confirmation.accountNumber)}; the counter recorded ${said(payment.amount, payment.accountNumber)}` };
}

/**
 * A counter M-PESA payment meets its confirmation: verified by the system
 * (with the audit entry and the `payment.verified` posting a manager's
 * verification writes) when they agree, else left pending and flagged for a
 * branch manager with what differs. Runs in the caller's transaction.
 */
export function settleWithConfirmation(
  ports: Ports,
  payment: { id: string; amount: Cents; accountNumber: string },
  confirmation: Pick<MpesaConfirmation, 'code' | 'amount' | 'accountNumber'>,
  context: UseCaseContext,
): 'verified' | 'flagged' {
  const check = checkMpesaConfirmation(confirmation, payment, context.settings.currency);
  if (!check.agrees) {
    ports.syncReviews.open({ id: ports.newId(), kind: 'mpesa_mismatch', refId: payment.id, detail: check.detail, createdAt: context.now });
    return 'flagged';
  }
  verifyPayment(ports, payment.id, { ...context, user: SYSTEM_USER });
  ports.mpesaConfirmations.linkPayment(confirmation.code, payment.id);
  return 'verified';
}

// ---- settings ------------------------------------------------------------

/** The centre owns payment modes and limits; everything else stays the counter's. */
export function withCentralSettings(counter: CounterSettings, central: z.infer<typeof centralSettingsData>): CounterSettings {
  return { ...counter, paymentMethods: central.paymentMethods, channels: central.channels, overpaymentLimit: central.overpaymentLimit, creditNoteValidityMonths: central.creditNoteValidityMonths };
}
