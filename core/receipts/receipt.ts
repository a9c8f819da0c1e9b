import dayjs from 'dayjs';
import { PAYMENT_TYPE_LABELS } from '../accounts/account.js';
import type { PaymentDetails } from '../api/calls/payments.js';
import { cents, formatMoneyAscii } from '../money.js';
import type { CounterSettings } from '../settings/settings.js';
import { documentHead, finishDocument, pair, plainAscii, rule, text, type Printing } from './document-parts.js';
import type { DocumentLine, PrintDocument } from './print-document.js';

const STATUS_LABELS: Record<PaymentDetails['status'], string> = {
  posted: 'Posted',
  pending: 'Pending',
  failed: 'Failed',
  cancelled: 'Cancelled',
  reversed: 'Reversed',
};

const VERIFICATION_LABELS: Record<PaymentDetails['verification'], string> = {
  verified: 'Verified',
  pending: 'Pending verification',
};

/** What the tender itself says: cash received and change, the card's last digits, the bank, the credit note drawn on. */
function tenderLines(payment: PaymentDetails, money: (amount: number) => string): DocumentLine[] {
  const lines: DocumentLine[] = [];
  if (payment.cardLast4) lines.push(pair('Card', `**** ${payment.cardLast4}`));
  if (payment.bankName) lines.push(pair('Bank', payment.bankName));
  if (payment.appliedCreditNote) lines.push(pair('Credit note used', payment.appliedCreditNote.number));
  if (payment.reference) lines.push(pair(payment.method === 'card' ? 'Approval code' : 'Reference', payment.reference));
  lines.push(pair('Amount paid', money(payment.amount), true));
  if (payment.amountReceived !== null) lines.push(pair('Amount received', money(payment.amountReceived)), pair('Change', money(payment.change ?? 0), true));
  return lines;
}

/** The receipt a cashier hands over; every reprint after the first says COPY. */
export function buildReceipt(payment: PaymentDetails, settings: CounterSettings, printing: Printing): PrintDocument {
  const money = (amount: number) => formatMoneyAscii(cents(amount), settings.currency);
  const { consumer } = payment;

  const lines: DocumentLine[] = [
    ...documentHead(settings, 'OFFICIAL RECEIPT', printing),
    ...(payment.reversal ? [text(`*** REVERSED ${payment.reversal.number} ***`, { align: 'center', bold: true })] : []),
    pair('Receipt no.', payment.receiptNumber, true),
    pair('Payment no.', payment.paymentNumber),
    pair('Transaction', payment.transactionNumber),
    pair('Date', dayjs(payment.recordedAt).format(`${settings.dateFormat} HH:mm`)),
    pair('Payment date', dayjs(payment.paymentDate).format(settings.dateFormat)),
    pair('Terminal', payment.terminalCode),
    pair('Cashier', payment.recordedBy.name),
    rule,
    text(consumer.name, { bold: true }),
    pair('Account no.', consumer.accountNumber),
    text(consumer.serviceAddress),
    rule,
    ...payment.allocations.flatMap((allocation) => [
      text(`${allocation.reference}  ${allocation.detail}`),
      pair('  Billed', money(allocation.billed)),
      pair('  Applied', money(allocation.applied)),
      pair('  Open after', money(allocation.openAfter)),
    ]),
    rule,
    pair('Payment type', PAYMENT_TYPE_LABELS[payment.type]),
    pair('Channel', payment.channelLabel),
    pair('Method', payment.methodLabel),
    ...tenderLines(payment, money),
    ...payment.creditNotes.flatMap((note) => [pair('Credit note', note.number, true), pair('  Credit', money(note.amount)), pair('  Valid until', dayjs(note.expiresOn).format(settings.dateFormat))]),
    pair('Status', STATUS_LABELS[payment.status]),
    pair('Verification', VERIFICATION_LABELS[payment.verification]),
    pair('Received by', payment.processing.receivedBy),
    pair('Processing', payment.processing.time),
    ...(payment.notes ? [text(`Notes: ${payment.notes}`)] : []),
    pair('Balance after', money(payment.balanceAfter)),
    rule,
    { kind: 'qr', data: plainAscii(`COUNTER|${payment.receiptNumber}|${payment.id}|${payment.amount}`) },
    text('Thank you for your payment.', { align: 'center' }),
    text('Keep this receipt as proof of payment.', { align: 'center' }),
  ];
  return finishDocument('Receipt', payment.receiptNumber, printing, lines);
}
