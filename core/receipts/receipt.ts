import dayjs from 'dayjs';
import { PAYMENT_TYPE_LABELS } from '../accounts/account.js';
import type { PaymentDetails } from '../api/calls/payments.js';
import { cents, formatMoneyAscii } from '../money.js';
import type { CounterSettings } from '../settings/settings.js';
import type { DocumentLine, PrintDocument } from './print-document.js';

type TextStyle = Pick<Extract<DocumentLine, { kind: 'text' }>, 'align' | 'bold' | 'size'>;

const STATUS_LABELS: Record<PaymentDetails['status'], string> = {
  posted: 'Posted',
  pending: 'Pending',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const VERIFICATION_LABELS: Record<PaymentDetails['verification'], string> = {
  verified: 'Verified',
  pending: 'Pending verification',
};

/**
 * Thermal printers print only what their code page holds, so receipt text is
 * plain printable ASCII: accents are dropped ("Zoë" → "Zoe"), typographic
 * quotes and dashes become their ASCII kin, and every control character
 * becomes a space or goes, so no name or note can smuggle a printer command
 * (ESC, GS) into the bytes.
 */
export function plainAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s/g, ' ')
    .replace(/[\x00-\x1f\x7f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** The receipt a cashier hands over; every reprint after the first says COPY. */
export function buildReceipt(payment: PaymentDetails, settings: CounterSettings, options: { copy: boolean }): PrintDocument {
  const money = (amount: number) => formatMoneyAscii(cents(amount), settings.currency);
  const text = (value: string, style: TextStyle = {}): DocumentLine => ({ kind: 'text', text: plainAscii(value), ...style });
  const pair = (left: string, right: string, bold = false): DocumentLine => ({
    kind: 'pair',
    left: plainAscii(left),
    right: plainAscii(right),
    ...(bold ? { bold } : {}),
  });
  const rule: DocumentLine = { kind: 'rule' };
  const { consumer } = payment;

  const lines: DocumentLine[] = [
    text(settings.utilityName, { align: 'center', bold: true, size: 'large' }),
    text(settings.branchName, { align: 'center' }),
    ...(options.copy ? [text('*** COPY ***', { align: 'center', bold: true })] : []),
    text('OFFICIAL RECEIPT', { align: 'center', bold: true }),
    { kind: 'blank' },
    pair('Receipt no.', payment.receiptNumber, true),
    pair('Payment no.', payment.paymentNumber),
    pair('Transaction', payment.transactionNumber),
    pair('Date', dayjs(payment.recordedAt).format(`${settings.dateFormat} HH:mm`)),
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
    ...(payment.reference ? [pair('Reference', payment.reference)] : []),
    pair('Amount paid', money(payment.amount), true),
    ...(payment.amountReceived !== null
      ? [pair('Amount received', money(payment.amountReceived)), pair('Change', money(payment.change ?? 0), true)]
      : []),
    pair('Status', STATUS_LABELS[payment.status]),
    pair('Verification', VERIFICATION_LABELS[payment.verification]),
    ...(payment.notes ? [text(`Notes: ${payment.notes}`)] : []),
    pair('Balance after', money(payment.balanceAfter)),
    rule,
    { kind: 'qr', data: plainAscii(`COUNTER|${payment.receiptNumber}|${payment.id}|${payment.amount}`) },
    text('Thank you for your payment.', { align: 'center' }),
    text('Keep this receipt as proof of payment.', { align: 'center' }),
  ];

  const safeNumber = payment.receiptNumber.replace(/[^A-Za-z0-9-]+/g, '-');
  return {
    title: plainAscii(`Receipt ${payment.receiptNumber}${options.copy ? ' (COPY)' : ''}`),
    fileName: `receipt-${safeNumber}${options.copy ? '-copy' : ''}`,
    copy: options.copy,
    lines,
  };
}
