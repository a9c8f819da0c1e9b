import { z } from 'zod';
import { CLOSES_DAYS, EVERY_ROLE, TAKES_PAYMENTS } from '../../auth/roles.js';
import { TILL_STATUSES } from '../../tills/till-session.js';
import { TENDER_CODES } from '../../payments/tenders.js';
import { defineCall } from '../define.js';
import { amount, amountOrZero, centsOut, id, isoDate, oneOf, text } from '../fields.js';
import { managerApproval } from './approval.js';

/** How many of each note and coin, keyed by face value in cents; core checks each count and names the one at fault. */
const denominationCounts = z.record(z.string().regex(/^\d+$/, 'Denomination must be a value in cents'), z.number({ error: 'Each count must be a whole number' }));

const COUNTED_METHODS = ['cash', 'card', 'mpesa'] as const;

export const tillSessionSchema = z.object({
  id: z.string(),
  number: z.string(),
  terminalCode: z.string(),
  cashier: z.object({ id: z.string(), name: z.string() }),
  businessDate: z.string(),
  status: z.enum(TILL_STATUSES),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  openingFloat: centsOut,
});
export type TillSessionView = z.infer<typeof tillSessionSchema>;

const methodVarianceSchema = z.object({ method: z.enum(COUNTED_METHODS), expected: centsOut, counted: centsOut, variance: centsOut });

/**
 * A till's figures: the X report while it is open, the Z report once closed,
 * and what the close screen shows after the count. `blind` says the expected
 * amounts are withheld from this reader until the drawer has been counted.
 */
export const tillReportSchema = z.object({
  session: tillSessionSchema,
  blind: z.boolean(),
  /** Amounts that would give the count away are null while blind; the float and the movements the cashier made are not. */
  cash: z.object({
    openingFloat: centsOut,
    received: centsOut.nullable(),
    changeGiven: centsOut.nullable(),
    cashIn: centsOut,
    cashOut: centsOut,
    refunds: centsOut.nullable(),
    expected: centsOut.nullable(),
  }),
  /** Per tender: payments taken and reversed in this session, with their money (null while blind for a counted method). */
  methods: z.array(
    z.object({
      method: z.enum(TENDER_CODES),
      label: z.string(),
      payments: z.number().int(),
      taken: centsOut.nullable(),
      reversals: z.number().int(),
      reversed: centsOut.nullable(),
      net: centsOut.nullable(),
    }),
  ),
  movements: z.array(
    z.object({ id: z.string(), at: z.string(), direction: z.enum(['in', 'out']), amount: centsOut, reason: z.string(), by: z.string(), approvedBy: z.string().nullable() }),
  ),
  receipts: z.object({ count: z.number().int(), first: z.string().nullable(), last: z.string().nullable() }),
  reversals: z.array(z.object({ number: z.string(), receiptNumber: z.string(), methodLabel: z.string(), amount: centsOut.nullable(), at: z.string() })),
  creditNotes: z.array(z.object({ number: z.string(), receiptNumber: z.string(), amount: centsOut, reason: z.string() })),
  openingCounts: z.record(z.string(), z.number().int()).nullable(),
  /** Every count submitted, the first and each recount, oldest first: a recount never replaces the one before. */
  counts: z.array(
    z.object({ at: z.string(), by: z.string(), recount: z.boolean(), denominations: z.record(z.string(), z.number().int()), cash: centsOut, card: centsOut, mpesa: centsOut }),
  ),
  /** Expected, counted and variance per method, from the latest count; empty before a count. */
  variances: z.array(methodVarianceSchema),
  /** Methods whose variance is beyond the tolerance: a branch manager must approve the close. */
  beyondTolerance: z.array(z.enum(COUNTED_METHODS)),
  approval: z.object({ by: z.string(), reason: z.string(), at: z.string() }).nullable(),
  closedBy: z.string().nullable(),
});
export type TillReport = z.infer<typeof tillReportSchema>;

/** The till rules a screen needs: the drawer's notes and coins, whether the count is blind, the limits. */
export const tillRulesSchema = z.object({
  denominations: z.array(z.object({ value: centsOut, kind: z.enum(['note', 'coin']) })),
  blindCount: z.boolean(),
  varianceTolerance: centsOut,
  cashMovementApprovalAbove: centsOut,
});

export const businessDaySchema = z.object({
  businessDate: z.string(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  tills: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      terminalCode: z.string(),
      cashierName: z.string(),
      status: z.enum(TILL_STATUSES),
      /** This terminal's own sessions, or the branch's as the centre brought them down. */
      source: z.enum(['this_terminal', 'branch']),
      openedAt: z.string(),
      closedAt: z.string().nullable(),
      taken: centsOut,
      cashExpected: centsOut.nullable(),
      cashCounted: centsOut.nullable(),
      variance: centsOut.nullable(),
      approvedBy: z.string().nullable(),
    }),
  ),
  totals: z.object({ taken: centsOut, variance: centsOut }),
});
export type BusinessDayView = z.infer<typeof businessDaySchema>;

const tillRef = { tillSessionId: id('Till session') };

export const tillCalls = {
  /** The signed-in user's own till on this terminal, open or awaiting approval; null when they have none. */
  'till-current': defineCall({ input: z.object({}), output: z.object({ till: tillSessionSchema.nullable(), rules: tillRulesSchema }), access: EVERY_ROLE }),
  /** Opens with a float counted by denomination or entered as a total; the id makes a double click open one till. */
  'till-open': defineCall({
    input: z.object({ id: id('Till session'), openingFloat: amountOrZero('Opening float').optional(), counts: denominationCounts.optional() }),
    output: tillSessionSchema,
    access: TAKES_PAYMENTS,
  }),
  /** Float top-up, petty cash, a safe drop; above the configured amount a branch manager approves. */
  'till-cash-move': defineCall({
    input: z.object({
      id: id('Cash movement'),
      ...tillRef,
      direction: oneOf('Direction', ['in', 'out']),
      amount: amount('Amount'),
      reason: text('Reason', { max: 200 }),
      approval: managerApproval.optional(),
    }),
    output: tillReportSchema,
    access: TAKES_PAYMENTS,
  }),
  /** The X report while open (changes nothing), the Z report once closed. */
  'till-report': defineCall({ input: z.object(tillRef), output: tillReportSchema, access: EVERY_ROLE }),
  /** The blind count; a second call before approval is a recount, kept beside the first. */
  'till-count': defineCall({
    input: z.object({ ...tillRef, counts: denominationCounts, cardTotal: amountOrZero('Card settlement total'), mpesaTotal: amountOrZero('M-PESA statement total') }),
    output: tillReportSchema,
    access: TAKES_PAYMENTS,
  }),
  'till-approve-close': defineCall({
    input: z.object({ ...tillRef, reason: text('Reason', { max: 500 }), approval: managerApproval }),
    output: tillReportSchema,
    access: TAKES_PAYMENTS,
  }),
  /** The branch manager's end-of-day view: every till of the business day, here and across the branch. */
  'day-view': defineCall({ input: z.object({ businessDate: isoDate('Business day').optional() }), output: businessDaySchema, access: CLOSES_DAYS }),
  'day-close': defineCall({ input: z.object({ businessDate: isoDate('Business day') }), output: businessDaySchema, access: CLOSES_DAYS }),
};
