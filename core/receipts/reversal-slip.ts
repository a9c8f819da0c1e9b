import dayjs from 'dayjs';
import type { PaymentDetails } from '../api/calls/payments.js';
import { cents, formatMoneyAscii } from '../money.js';
import type { CounterSettings } from '../settings/settings.js';
import { documentHead, finishDocument, pair, rule, text, type Printing } from './document-parts.js';
import type { PrintDocument } from './print-document.js';

/**
 * The slip that goes in the drawer with the money handed back: which receipt
 * it cancels, why, and who approved it. A reversed payment's receipt stays
 * valid as a record; this slip is what makes it void.
 */
export function buildReversalSlip(payment: PaymentDetails, settings: CounterSettings, printing: Printing): PrintDocument {
  const reversal = payment.reversal;
  if (!reversal) throw new Error(`Receipt ${payment.receiptNumber} has not been reversed`);
  const money = (amount: number) => formatMoneyAscii(cents(amount), settings.currency);
  const lines = [
    ...documentHead(settings, 'PAYMENT REVERSAL', printing),
    pair('Reversal no.', reversal.number, true),
    pair('Date', dayjs(reversal.at).format(`${settings.dateFormat} HH:mm`)),
    rule,
    pair('Receipt reversed', payment.receiptNumber, true),
    pair('Paid on', dayjs(payment.recordedAt).format(`${settings.dateFormat} HH:mm`)),
    pair('Method', payment.methodLabel),
    pair('Amount reversed', money(payment.amount), true),
    ...payment.creditNotes.map((note) => pair('Credit note cancelled', note.number)),
    rule,
    text(payment.consumer.name, { bold: true }),
    pair('Account no.', payment.consumer.accountNumber),
    rule,
    text(`Reason: ${reversal.reason}`),
    pair('Reversed by', reversal.reversedBy),
    pair('Approved by', reversal.approvedBy),
  ];
  return finishDocument('Reversal', reversal.number, printing, lines);
}
