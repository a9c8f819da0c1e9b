import { z } from 'zod';
import { EVERY_ROLE, TAKES_PAYMENTS } from '../../auth/roles.js';
import { CREDIT_NOTE_REASONS, REMARKS_MAX_LENGTH } from '../../credit-notes/credit-note.js';
import { defineCall } from '../define.js';
import { amount, centsOut, id } from '../fields.js';
import { managerApproval } from './approval.js';

export const creditNoteDetailsSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(['active', 'applied', 'expired', 'cancelled']),
  statusLabel: z.string(),
  consumer: z.object({ id: z.string(), name: z.string(), accountNumber: z.string() }),
  createdAt: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  amount: centsOut,
  applied: centsOut,
  remaining: centsOut,
  /** Applied / amount × 100, one decimal: "33.3" (AC29). */
  usagePercentage: z.string(),
  reason: z.enum(CREDIT_NOTE_REASONS),
  reasonLabel: z.string(),
  remarks: z.string().nullable(),
  createdBy: z.string(),
  /** Who approved a note made by hand; null for an overpayment's. */
  approvedBy: z.string().nullable(),
  linkedPayment: z.object({ id: z.string(), receiptNumber: z.string() }),
  /** Where its credit went: each payment that applied it. */
  applications: z.array(z.object({ paymentId: z.string(), receiptNumber: z.string(), at: z.string(), amount: centsOut, reversed: z.boolean() })),
});
export type CreditNoteDetails = z.infer<typeof creditNoteDetailsSchema>;

/** What the "Create credit note" dialog opens with: the payment block, the next number and the limit. */
export const creditNoteDraftSchema = z.object({
  payment: z.object({
    id: z.string(),
    receiptNumber: z.string(),
    consumerName: z.string(),
    accountNumber: z.string(),
    amount: centsOut,
    paymentDate: z.string(),
    methodLabel: z.string(),
  }),
  nextNumber: z.string(),
  /** The payment amount less the credit already issued on it. */
  maximum: centsOut,
  alreadyCredited: centsOut,
  reasons: z.array(z.object({ code: z.enum(CREDIT_NOTE_REASONS), label: z.string() })),
  remarksMaxLength: z.number().int(),
  /** Whether the signed-in user approves it themselves or a branch manager's PIN is needed. */
  needsApproval: z.boolean(),
});

export const creditNoteCalls = {
  'credit-note-draft': defineCall({ input: z.object({ paymentId: id('Payment') }), output: creditNoteDraftSchema, access: TAKES_PAYMENTS }),
  'credit-note-create': defineCall({
    input: z.object({
      paymentId: id('Payment'),
      amount: amount('Credit amount'),
      reason: z.enum(CREDIT_NOTE_REASONS, { error: 'Choose a reason for the credit note' }),
      remarks: z.string({ error: 'Remarks must be text' }).trim().max(REMARKS_MAX_LENGTH, `Remarks must be at most ${REMARKS_MAX_LENGTH} characters`).optional(),
      /** Needed unless the signed-in user is a branch manager. */
      approval: managerApproval.optional(),
    }),
    output: creditNoteDetailsSchema,
    access: TAKES_PAYMENTS,
  }),
  'credit-note-get': defineCall({ input: z.object({ creditNoteId: id('Credit note') }), output: creditNoteDetailsSchema, access: EVERY_ROLE }),
};
