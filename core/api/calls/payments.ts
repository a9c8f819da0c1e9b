import { z } from 'zod';
import { TAKES_PAYMENTS, EVERY_ROLE } from '../../auth/roles.js';
import { PAYMENT_TYPES } from '../../accounts/account.js';
import { PAYMENT_METHOD_CODES, paymentMethodCode } from '../../settings/settings.js';
import { defineCall } from '../define.js';
import { amount, centsOut, id, isoDate, oneOf, text } from '../fields.js';
import { consumerSchema, paymentSummarySchema } from './consumers.js';

export const paymentStatus = z.enum(['posted', 'pending', 'failed', 'cancelled']);

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
  method: paymentMethodCode,
  methodLabel: z.string(),
  amount: centsOut,
  amountReceived: centsOut.nullable(),
  change: centsOut.nullable(),
  reference: z.string().nullable(),
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
      applied: centsOut,
      openAfter: centsOut,
    }),
  ),
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
  method: oneOf('Method', PAYMENT_METHOD_CODES),
  channel: text('Channel', { max: 40 }),
  amountPaid: amount('Amount paid'),
  amountReceived: amount('Amount received').optional(),
  reference: z.string().max(40, 'Reference must be at most 40 characters').optional(),
  /** The hard limit is the setting; this only keeps absurd input out of the validator. */
  notes: z.string({ error: 'Notes must be text' }).max(2000, 'Notes must be at most 2000 characters').optional(),
  paymentDate: isoDate('Payment date'),
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
};
