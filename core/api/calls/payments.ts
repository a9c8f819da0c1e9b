import { z } from 'zod';
import { EDITS_POSTED_PAYMENTS, EVERY_ROLE, TAKES_PAYMENTS, VERIFIES_PAYMENTS } from '../../auth/roles.js';
import { PAYMENT_TYPES } from '../../accounts/account.js';
import { PAYMENT_STATUSES } from '../../payments/payment-record.js';
import { TENDER_CODES } from '../../payments/tenders.js';
import { defineCall } from '../define.js';
import { amount, centsOut, id, isoDate, oneOf, text } from '../fields.js';
import { managerApproval } from './approval.js';
import { consumerSchema, creditNoteBrief, paymentSummarySchema } from './consumers.js';

export const paymentStatus = z.enum(PAYMENT_STATUSES);

/** Everything the receipt and the payment details view show. */
export const paymentDetailsSchema = z.object({
  id: z.string(),
  paymentNumber: z.string(),
  transactionNumber: z.string(),
  receiptNumber: z.string(),
  status: paymentStatus,
  verification: z.enum(['verified', 'pending']),
  type: z.enum(PAYMENT_TYPES),
  channel: z.string(),
  channelLabel: z.string(),
  method: z.enum(TENDER_CODES),
  methodLabel: z.string(),
  amount: centsOut,
  amountReceived: centsOut.nullable(),
  change: centsOut.nullable(),
  reference: z.string().nullable(),
  cardLast4: z.string().nullable(),
  bankName: z.string().nullable(),
  notes: z.string().nullable(),
  paymentDate: z.string(),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  terminalCode: z.string(),
  consumer: consumerSchema,
  allocations: z.array(
    z.object({
      kind: z.enum(['bill', 'service', 'installment']),
      itemId: z.string(),
      reference: z.string(),
      detail: z.string(),
      billed: centsOut,
      openBefore: centsOut,
      applied: centsOut,
      openAfter: centsOut,
    }),
  ),
  /** AC19: billed, due before the payment, paid, and the difference as exact, over or under; not applied for an online attempt that moved no money. */
  analysis: z.object({ billed: centsOut, due: centsOut, paid: centsOut, difference: centsOut, outcome: z.enum(['exact', 'over', 'under', 'not_applied']) }),
  /** The credit note a credit tender drew on. */
  appliedCreditNote: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** Credit notes issued on this payment: the overpayment's, and any made by hand later. */
  creditNotes: z.array(creditNoteBrief),
  /** AC22, AC23: who received it, how long it took, whether it is verified. */
  processing: z.object({ receivedBy: z.string(), time: z.string(), verification: z.enum(['verified', 'pending']) }),
  /** For payments made online and brought down from the centre. */
  online: z
    .object({
      gateway: z.string(),
      webhookStatus: z.string(),
      settlementStatus: z.string().nullable(),
      webhookLabel: z.string(),
      settlementLabel: z.string(),
      initiatedAt: z.string(),
      settledAt: z.string().nullable(),
    })
    .nullable(),
  reversal: z.object({ number: z.string(), reason: z.string(), reversedBy: z.string(), approvedBy: z.string(), at: z.string() }).nullable(),
  /** The consumer's balance right after this payment. */
  balanceAfter: centsOut,
  printCount: z.number().int(),
});
export type PaymentDetails = z.infer<typeof paymentDetailsSchema>;

export const recordPaymentInput = z.object({
  /** Made by the client when the review opens: a second Confirm with the same id posts nothing new. */
  id: id('Payment id'),
  consumerId: id('Consumer'),
  type: oneOf('Payment type', PAYMENT_TYPES),
  itemIds: z.array(id('Item'), { error: 'Choose what is being paid' }).max(50, 'At most 50 items can be paid at once'),
  method: oneOf('Method', TENDER_CODES),
  channel: text('Channel', { max: 40 }),
  amountPaid: amount('Amount paid'),
  amountReceived: amount('Amount received').optional(),
  reference: z.string().max(40, 'Reference must be at most 40 characters').optional(),
  cardLast4: z.string().max(4, 'Last four digits of the card must be 4 digits').optional(),
  bankName: z.string().max(60, 'Bank must be at most 60 characters').optional(),
  creditNoteId: id('Credit note').optional(),
  /** The hard limit is the setting; this only keeps absurd input out of the validator. */
  notes: z.string({ error: 'Notes must be text' }).max(2000, 'Notes must be at most 2000 characters').optional(),
  paymentDate: isoDate('Payment date'),
  /** The till the screen shows open; the payment is refused if it is closed or not the cashier's own. */
  tillSessionId: id('Till session').optional(),
});

export const paymentCalls = {
  'payment-record': defineCall({ input: recordPaymentInput, output: paymentDetailsSchema, access: TAKES_PAYMENTS }),
  'payment-get': defineCall({ input: z.object({ paymentId: id('Payment') }), output: paymentDetailsSchema, access: EVERY_ROLE }),
  /** The counter's latest payments, newest first, for the dashboard. */
  'payment-list-recent': defineCall({
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(paymentSummarySchema),
    access: EVERY_ROLE,
  }),
  /** Marks a pending payment (M-PESA, bank transfer, online) verified once the money is seen (AC23). */
  'payment-verify': defineCall({ input: z.object({ paymentId: id('Payment') }), output: paymentDetailsSchema, access: VERIFIES_PAYMENTS }),
  /** Reverses a posted payment with new ledger lines; needs a branch manager's PIN and a reason. */
  'payment-reverse': defineCall({
    input: z.object({ paymentId: id('Payment'), reason: text('Reason', { max: 500 }), approval: managerApproval }),
    output: paymentDetailsSchema,
    access: TAKES_PAYMENTS,
  }),
  /** An administrator's edit of a posted payment: a reversal and the corrected payment, together. */
  'payment-correct': defineCall({
    input: z.object({ paymentId: id('Payment'), reason: text('Reason', { max: 500 }), replacement: recordPaymentInput }),
    output: paymentDetailsSchema,
    access: EDITS_POSTED_PAYMENTS,
  }),
};
