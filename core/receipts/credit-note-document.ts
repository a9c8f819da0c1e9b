import dayjs from 'dayjs';
import type { CreditNoteDetails } from '../api/calls/credit-notes.js';
import { cents, formatMoneyAscii } from '../money.js';
import type { CounterSettings } from '../settings/settings.js';
import { documentHead, finishDocument, pair, rule, text, type Printing } from './document-parts.js';
import type { PrintDocument } from './print-document.js';

/** The credit note the consumer takes away: what is owed to them, why, until when, and what is left. */
export function buildCreditNoteDocument(note: CreditNoteDetails, settings: CounterSettings, printing: Printing): PrintDocument {
  const money = (amount: number) => formatMoneyAscii(cents(amount), settings.currency);
  const lines = [
    ...documentHead(settings, 'CREDIT NOTE', printing),
    pair('Credit note no.', note.number, true),
    pair('Status', note.statusLabel),
    pair('Created', dayjs(note.createdAt).format(`${settings.dateFormat} HH:mm`)),
    pair('Expires', dayjs(note.expiresOn).format(settings.dateFormat)),
    rule,
    text(note.consumer.name, { bold: true }),
    pair('Account no.', note.consumer.accountNumber),
    pair('Linked receipt', note.linkedPayment.receiptNumber),
    rule,
    pair('Credit amount', money(note.amount), true),
    pair('Applied', money(note.applied)),
    pair('Remaining', money(note.remaining), true),
    pair('Usage', `${note.usagePercentage}%`),
    rule,
    pair('Reason', note.reasonLabel),
    ...(note.remarks ? [text(`Remarks: ${note.remarks}`)] : []),
    pair('Created by', note.createdBy),
    ...(note.approvedBy ? [pair('Approved by', note.approvedBy)] : []),
    rule,
    text('This credit is applied to your next', { align: 'center' }),
    text('bills, services or installments.', { align: 'center' }),
  ];
  return finishDocument('Credit note', note.number, printing, lines);
}
