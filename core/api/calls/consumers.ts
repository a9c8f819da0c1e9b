import { z } from 'zod';
import { EVERY_ROLE } from '../../auth/roles.js';
import { defineCall } from '../define.js';
import { CREDIT_NOTE_REASONS } from '../../credit-notes/credit-note.js';
import { PAYMENT_STATUSES } from '../../payments/payment-record.js';
import { consumerData } from '../../sync/protocol.js';
import { centsOut, id, text } from '../fields.js';

/** A consumer as the counter shows it: the same fields the centre sends down. */
export const consumerSchema = consumerData;

export const payableItemSchema = z.object({
  kind: z.enum(['bill', 'service', 'installment']),
  id: z.string(),
  reference: z.string(),
  detail: z.string(),
  amount: centsOut,
  open: centsOut,
  issuedOn: z.string(),
  dueOn: z.string(),
});

export const paymentSummarySchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  paymentDate: z.string(),
  recordedAt: z.string(),
  amount: centsOut,
  method: z.string(),
  methodLabel: z.string(),
  type: z.enum(['bill', 'service', 'installment']),
  status: z.enum(PAYMENT_STATUSES),
  consumerName: z.string(),
  accountNumber: z.string(),
});

export const creditNoteBrief = z.object({
  id: z.string(),
  number: z.string(),
  amount: centsOut,
  remaining: centsOut,
  reason: z.enum(CREDIT_NOTE_REASONS),
  status: z.enum(['active', 'applied', 'expired', 'cancelled']),
  expiresOn: z.string(),
});

export const consumerCalls = {
  'consumer-search': defineCall({
    input: z.object({ query: text('Search', { max: 60 }), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(consumerSchema.pick({ id: true, accountNumber: true, name: true, serviceAddress: true, status: true }).extend({ balance: centsOut })),
    access: EVERY_ROLE,
  }),
  'consumer-account': defineCall({
    input: z.object({ consumerId: id('Consumer') }),
    output: z.object({
      consumer: consumerSchema,
      balance: centsOut,
      bills: z.array(payableItemSchema),
      services: z.array(payableItemSchema),
      installments: z.array(payableItemSchema),
      recentPayments: z.array(paymentSummarySchema),
      /** Active credit notes: what the consumer can pay with as credit. */
      credit: z.array(creditNoteBrief),
    }),
    access: EVERY_ROLE,
  }),
};
