import { z } from 'zod';
import { VIEWS_WORKSPACE } from '../../auth/roles.js';
import { PAYMENT_TYPES } from '../../accounts/account.js';
import { CREDIT_NOTE_REASONS } from '../../credit-notes/credit-note.js';
import { PAYMENT_STATUSES } from '../../payments/payment-record.js';
import { defineCall } from '../define.js';
import { amountOrZero, centsOut, id, isoDate, oneOf, text } from '../fields.js';

const month = z
  .string({ error: 'Month must be a month like 2026-04' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Month must be a month like 2026-04');

/**
 * One KPI of the header: its value for the chosen period, the same figure for
 * the period before, and the change as a percentage of the previous value
 * (one decimal; null when there is nothing to compare with).
 */
const kpiFigure = z.object({ value: z.number().nullable(), previous: z.number().nullable(), changePercent: z.number().nullable() });

export const workspaceKpisSchema = z.object({
  month: z.string(),
  /** Posted payments whose payment date falls in the month, in cents; previous = the month before. */
  totalCollected: kpiFigure,
  /** Posted payments of today (cents) and their count; previous = yesterday. */
  receivedToday: kpiFigure.extend({ count: z.number().int(), previousCount: z.number().int() }),
  /** Collected / due in the month × 100, one decimal; value null when nothing fell due. */
  collectionRate: kpiFigure,
  /** Mean days from a bill's or service charge's issue to its payment, posted payments of the month, one decimal. */
  averageCollectionDays: kpiFigure,
});
export type WorkspaceKpis = z.infer<typeof workspaceKpisSchema>;

export const collectionsChartSchema = z.object({
  days: z.array(z.object({ date: z.string(), total: centsOut, byMethod: z.record(z.string(), centsOut), byChannel: z.record(z.string(), centsOut) })),
  methods: z.array(z.object({ code: z.string(), label: z.string() })),
  channels: z.array(z.object({ code: z.string(), label: z.string() })),
});

const direction = oneOf('Direction', ['asc', 'desc']).default('desc');
const limit = z.number().int().min(1, 'Page size must be at least 1').max(500, 'Page size must be at most 500').default(50);
const offset = z.number().int().min(0, 'Offset cannot be negative').default(0);
const dateRange = { from: isoDate('From').optional(), to: isoDate('To').optional() };
const fromBeforeTo = (r: { from?: string; to?: string }) => !r.from || !r.to || r.from <= r.to;

export const paymentRowSchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  consumerId: z.string(),
  consumerName: z.string(),
  accountNumber: z.string(),
  amount: centsOut,
  method: z.string(),
  methodLabel: z.string(),
  channel: z.string(),
  paymentDate: z.string(),
  recordedAt: z.string(),
  type: z.enum(PAYMENT_TYPES),
  status: z.enum(PAYMENT_STATUSES),
});

export const creditNoteRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  consumerId: z.string(),
  consumerName: z.string(),
  accountNumber: z.string(),
  amount: centsOut,
  remaining: centsOut,
  reason: z.enum(CREDIT_NOTE_REASONS),
  reasonLabel: z.string(),
  status: z.enum(['active', 'applied', 'expired', 'cancelled']),
  createdAt: z.string(),
  linkedPayment: z.object({ id: z.string(), receiptNumber: z.string() }),
});

/** A page of a tab; `total` counts every match of the search and filters, for paging and the export's progress. */
const page = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int() });

/**
 * A page of All Payments. `total` is null when counting every match would
 * hold the page up (a name fragment that thousands of consumers share):
 * payments-count answers it next. `more` says whether rows follow this page.
 */
const paymentsPage = z.object({ rows: z.array(paymentRowSchema), total: z.number().int().nullable(), more: z.boolean() });

/** What All Payments searches for: the search text and the filters, without the order and the page. */
const paymentsCriteria = z.object({
  query: text('Search', { min: 0, max: 60 }).optional(),
  ...dateRange,
  methods: z.array(text('Method', { max: 30 })).optional(),
  statuses: z.array(oneOf('Status', PAYMENT_STATUSES)).optional(),
  types: z.array(oneOf('Type', PAYMENT_TYPES)).optional(),
  channels: z.array(text('Channel', { max: 30 })).optional(),
});

export const workspaceCalls = {
  'workspace-kpis': defineCall({ input: z.object({ month: month.optional() }), output: workspaceKpisSchema, access: VIEWS_WORKSPACE }),
  /** Collections per day of the month, split by method and by channel, for the charts. */
  'workspace-chart': defineCall({ input: z.object({ month: month.optional() }), output: collectionsChartSchema, access: VIEWS_WORKSPACE }),
  /** All Payments: search (consumer name, receipt number, consumer id or account number; case-insensitive, partial) and filters. */
  'payments-search': defineCall({
    input: paymentsCriteria
      .extend({ sort: oneOf('Sort', ['date', 'amount', 'receipt', 'consumer']).default('date'), direction, limit, offset })
      .refine(fromBeforeTo, { message: 'To must be on or after From', path: ['to'] }),
    output: paymentsPage,
    access: VIEWS_WORKSPACE,
  }),
  /** How many payments a search and its filters match: the total a page of payments-search left open. */
  'payments-count': defineCall({
    input: paymentsCriteria.refine(fromBeforeTo, { message: 'To must be on or after From', path: ['to'] }),
    output: z.object({ total: z.number().int() }),
    access: VIEWS_WORKSPACE,
  }),
  /** Credit Notes: search (number, consumer name, account number, linked receipt) and the spec's filters. */
  'credit-notes-search': defineCall({
    input: z
      .object({
        query: text('Search', { min: 0, max: 60 }).optional(),
        status: oneOf('Status', ['all', 'active', 'applied', 'expired']).default('all'),
        ...dateRange,
        reasons: z.array(oneOf('Reason', CREDIT_NOTE_REASONS)).optional(),
        consumerId: id('Consumer').optional(),
        remaining: oneOf('Remaining amount', ['fully_used', 'partly_remaining', 'fully_remaining']).optional(),
        linkedReceipt: text('Linked payment', { max: 40 }).optional(),
        amountMin: amountOrZero('Minimum amount').optional(),
        amountMax: amountOrZero('Maximum amount').optional(),
        sort: oneOf('Sort', ['created', 'amount', 'remaining', 'number']).default('created'),
        direction,
        limit,
        offset,
      })
      .refine(fromBeforeTo, { message: 'To must be on or after From', path: ['to'] })
      .refine((r) => r.amountMin === undefined || r.amountMax === undefined || r.amountMin <= r.amountMax, { message: 'Maximum amount must be at least the minimum', path: ['amountMax'] }),
    output: page(creditNoteRowSchema),
    access: VIEWS_WORKSPACE,
  }),
  /** The credit note's audit trail, oldest first: created, each application and its reversal, expiry, each print. */
  'credit-note-audit': defineCall({
    input: z.object({ creditNoteId: id('Credit note') }),
    output: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), text: z.string() })),
    access: VIEWS_WORKSPACE,
  }),
};
