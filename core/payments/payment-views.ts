import type { z } from 'zod';
import type { paymentSummarySchema } from '../api/calls/consumers.js';
import type { PaymentDetails } from '../api/calls/payments.js';
import type { Consumer, ItemKind, PayableItem } from '../accounts/account.js';
import { creditNoteBrief, type CreditNoteRecord } from '../credit-notes/credit-note.js';
import { add, cents, subtract } from '../money.js';
import type { CreditNoteOnHand } from '../ports.js';
import type { CounterSettings } from '../settings/settings.js';
import { onlineStatusLabels, processingTime } from './gateway-status.js';
import type { PaymentRecord } from './payment-record.js';
import { classifyPayment } from './payment-rules.js';
import { CREDIT_TENDER_LABEL } from './tenders.js';

export type PaymentSummary = Omit<z.infer<typeof paymentSummarySchema>, 'methodLabel'>;

export const methodLabel = (settings: CounterSettings, code: string) =>
  code === 'credit_note' ? CREDIT_TENDER_LABEL : (settings.paymentMethods.find((m) => m.code === code)?.label ?? code);
/** Channels that are not the counter's to configure: payments brought down from the centre. */
const CENTRAL_CHANNELS: Record<string, string> = { online: 'Online' };

export const channelLabel = (settings: CounterSettings, code: string) => settings.channels.find((c) => c.code === code)?.label ?? CENTRAL_CHANNELS[code] ?? code;

export function withMethodLabel(summary: PaymentSummary, settings: CounterSettings) {
  return { ...summary, methodLabel: methodLabel(settings, summary.method) };
}

/** A payment as stored, with where it came from: the counter, or an online gateway through the centre. */
export type StoredPayment = PaymentRecord & {
  source: 'counter' | 'online';
  online: { gateway: string; webhookStatus: string; settlementStatus: string | null; initiatedAt: string; settledAt: string | null } | null;
};

export interface PaymentDetailsExtra {
  consumer: Consumer;
  recordedByName: string;
  items: ReadonlyMap<string, Pick<PayableItem, 'reference' | 'detail' | 'amount'>>;
  balanceAfter: number;
  printCount: number;
  creditNotes: readonly CreditNoteOnHand[];
  appliedCreditNote: { id: string; number: string } | null;
  reversal: PaymentDetails['reversal'];
  /** For an online payment still settling, processing time runs to now. */
  now: string;
}

/**
 * Assembles what the receipt and the payment details view show. Every field
 * is named rather than spread from the record: V8 builds a spread of this
 * many fields plus a few more through a slow path (about 6 µs each), and this
 * runs after every payment. A record without `source` was made at the counter.
 */
export function paymentDetails(payment: PaymentRecord & Partial<Pick<StoredPayment, 'source' | 'online'>>, extra: PaymentDetailsExtra, settings: CounterSettings): PaymentDetails {
  const online = payment.online ?? null;
  const lines = payment.allocations.map((a) => {
    const item = extra.items.get(a.itemId);
    return {
      kind: a.itemKind as ItemKind,
      itemId: a.itemId,
      reference: item?.reference ?? a.itemId,
      detail: item?.detail ?? '',
      billed: item?.amount ?? a.openBefore,
      openBefore: a.openBefore,
      applied: a.amount,
      openAfter: a.openBefore - a.amount,
    };
  });
  const due = add(...lines.map((l) => cents(l.openBefore)));
  const counter = (payment.source ?? 'counter') === 'counter';
  // An online attempt still pending, or failed, moved no money: there is nothing to weigh it against yet.
  const applied = lines.length > 0 || counter;
  return {
    id: payment.id,
    paymentNumber: payment.paymentNumber,
    transactionNumber: payment.transactionNumber,
    receiptNumber: payment.receiptNumber,
    status: payment.status,
    verification: payment.verification,
    type: payment.type,
    channel: payment.channel,
    channelLabel: channelLabel(settings, payment.channel),
    method: payment.method,
    methodLabel: methodLabel(settings, payment.method),
    amount: payment.amount,
    amountReceived: payment.amountReceived,
    change: payment.change,
    reference: payment.reference,
    cardLast4: payment.cardLast4,
    bankName: payment.bankName,
    notes: payment.notes,
    paymentDate: payment.paymentDate,
    recordedAt: payment.recordedAt,
    recordedBy: { id: payment.recordedBy, name: extra.recordedByName },
    terminalCode: payment.terminalCode,
    consumer: extra.consumer,
    allocations: lines,
    analysis: applied
      ? { billed: add(...lines.map((l) => cents(l.billed))), due, paid: payment.amount, difference: subtract(payment.amount, due), outcome: classifyPayment(payment.amount, due) }
      : { billed: 0, due: 0, paid: 0, difference: 0, outcome: 'not_applied' },
    appliedCreditNote: extra.appliedCreditNote,
    creditNotes: extra.creditNotes.map(({ record, usage }) => creditNoteBrief(record, usage)),
    processing: {
      receivedBy: counter ? extra.recordedByName : 'System',
      time: processingTime(counter, online?.initiatedAt ?? payment.recordedAt, online?.settledAt ?? null, extra.now, payment.status === 'failed'),
      verification: payment.verification,
    },
    online: online && { ...online, ...onlineStatusLabels(online.webhookStatus, online.settlementStatus) },
    reversal: extra.reversal,
    balanceAfter: extra.balanceAfter,
    printCount: extra.printCount,
  };
}

/** The details of a payment just written, from what was written rather than a read back. */
export function recordedPaymentDetails(
  written: { record: PaymentRecord; consumer: Consumer; items: readonly PayableItem[]; creditNote: CreditNoteRecord | null; appliedCreditNote: { id: string; number: string } | null },
  extra: { recordedByName: string; balanceAfter: number; now: string },
  settings: CounterSettings,
): PaymentDetails {
  const fresh = (record: CreditNoteRecord): CreditNoteOnHand => ({ record, usage: { amount: record.amount, applied: cents(0), withdrawn: cents(0), ended: null } });
  return paymentDetails(
    written.record,
    {
      recordedByName: extra.recordedByName,
      balanceAfter: extra.balanceAfter,
      now: extra.now,
      consumer: written.consumer,
      items: new Map(written.items.map((item) => [item.id, item])),
      printCount: 0,
      creditNotes: written.creditNote ? [fresh(written.creditNote)] : [],
      appliedCreditNote: written.appliedCreditNote,
      reversal: null,
    },
    settings,
  );
}
