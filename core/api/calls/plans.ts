import { z } from 'zod';
import { ADMINISTERS, EVERY_ROLE, MANAGES_PLANS } from '../../auth/roles.js';
import { PLAN_FREQUENCIES, PLAN_STATUSES } from '../../plans/plan.js';
import { defineCall } from '../define.js';
import { amount, centsOut, id, isoDate, oneOf, text } from '../fields.js';
import { managerApproval } from './approval.js';

const CONSUMER_STATUSES = ['active', 'suspended', 'disconnected'] as const;
const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);

/** What a plan is made over: the arrears chosen from the account's open bills and service charges. */
const coveredItem = z.object({ kind: oneOf('Covered item', ['bill', 'service']), id: id('Covered item') });

/** The terms typed with the customer in front of them; core checks them against the arrears and the rules. */
export const planTermsInput = z.object({
  consumerId: id('Consumer'),
  covers: z.array(coveredItem, { error: 'Choose the arrears the plan covers' }),
  /** A down payment as an amount ("1500.00") or a percentage of the arrears ("20"); neither means none. */
  downPayment: amount('Down payment').optional(),
  downPaymentPercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Down payment percentage must be a number like 20 or 12.5')
    .optional(),
  installments: wholeNumber('Number of installments', 1, 1000),
  frequency: oneOf('Frequency', PLAN_FREQUENCIES),
  firstDueOn: isoDate('First due date'),
});

const installmentView = z.object({
  id: z.string(),
  /** 0 is the down payment when settings number it so. */
  number: z.number().int(),
  amount: centsOut,
  dueOn: z.string(),
  paid: centsOut,
  open: centsOut,
  /** paid; due (today or later, nothing late); overdue (past due, within grace); missed (past grace). */
  standing: z.enum(['paid', 'due', 'overdue', 'missed']),
  isDownPayment: z.boolean(),
});

const planVersionView = z.object({
  version: z.number().int(),
  action: z.enum(['created', 'rescheduled', 'cancelled']),
  at: z.string(),
  by: z.string(),
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** The schedule this version set, as it was then. */
  installments: z.array(z.object({ number: z.number().int(), amount: centsOut, dueOn: z.string() })),
});

const planEventView = z.object({
  at: z.string(),
  kind: z.enum(['created', 'rescheduled', 'cancelled', 'status_changed', 'hold_placed', 'hold_released']),
  text: z.string(),
});

export const planSchema = z.object({
  id: z.string(),
  number: z.string(),
  consumer: z.object({ id: z.string(), name: z.string(), accountNumber: z.string() }),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  frequency: z.enum(PLAN_FREQUENCIES),
  /** What the plan covers in all: the arrears moved onto it. */
  total: centsOut,
  downPayment: centsOut,
  paid: centsOut,
  open: centsOut,
  covers: z.array(z.object({ kind: z.enum(['bill', 'service']), id: z.string(), reference: z.string(), amount: centsOut })),
  installments: z.array(installmentView),
  nextDue: z.object({ number: z.number().int(), dueOn: z.string(), open: centsOut }).nullable(),
  /** Whether the account is held from disconnection by this plan, and since when. */
  hold: z.object({ active: z.boolean(), since: z.string().nullable() }),
  createdAt: z.string(),
  createdBy: z.string(),
  approvedBy: z.string().nullable(),
  history: z.array(planVersionView),
  events: z.array(planEventView),
});
export type PlanView = z.infer<typeof planSchema>;

/** A proposed schedule, before anything is stored, and whether a branch manager must approve it. */
export const planPreviewSchema = z.object({
  total: centsOut,
  downPayment: centsOut,
  installments: z.array(z.object({ number: z.number().int(), amount: centsOut, dueOn: z.string(), isDownPayment: z.boolean() })),
  needsApproval: z.boolean(),
  /** Why approval is needed, in words: "covers more than 50,000.00". */
  approvalReasons: z.array(z.string()),
});

export const planAlertSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planNumber: z.string(),
  consumerId: z.string(),
  consumerName: z.string(),
  accountNumber: z.string(),
  kind: z.enum(['missed_installment', 'broken']),
  /** "Installment 2 of PP-2026-0001 (1,500.00) was due 2026-12-07"; a break says the disconnection hold is released. */
  message: z.string(),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
});

export const delinquentSchema = z.object({
  consumerId: z.string(),
  accountNumber: z.string(),
  name: z.string(),
  status: z.enum(CONSUMER_STATUSES),
  /** Open bills and service charges past their due date (installments are the plan's, not arrears). */
  arrears: centsOut,
  oldestDueOn: z.string().nullable(),
  daysOverdue: z.number().int(),
  plan: z.object({ id: z.string(), number: z.string(), status: z.enum(PLAN_STATUSES) }).nullable(),
});

const DELINQUENT_SORTS = ['arrears', 'daysOverdue', 'name', 'accountNumber'] as const;

export const collectionReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  created: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  broken: z.number().int(),
  cancelled: z.number().int(),
  /** Installment amounts of the plans' current schedules due within the period. */
  scheduled: centsOut,
  /** Payments made within the period into plan installments, net of reversals. */
  collected: centsOut,
  /** Of the installments due in the period whose grace is over, the share paid in full by their due date plus grace, as a percentage with one decimal; null when none is. */
  complianceRate: z.number().nullable(),
  plans: z.array(
    z.object({ id: z.string(), number: z.string(), consumerName: z.string(), accountNumber: z.string(), status: z.enum(PLAN_STATUSES), createdAt: z.string(), scheduled: centsOut, collected: centsOut }),
  ),
});

const planRef = { planId: id('Plan') };

export const planCalls = {
  /** Accounts in arrears for the recovery desk, filtered and sorted; `total` counts all matches for paging and export. */
  'delinquent-search': defineCall({
    input: z.object({
      arrearsAbove: amount('Arrears above').optional(),
      overdueDaysAbove: wholeNumber('Days overdue', 0, 100_000).optional(),
      status: z.array(oneOf('Account status', CONSUMER_STATUSES)).optional(),
      plan: oneOf('Plan', ['any', 'with', 'without']).default('any'),
      sort: oneOf('Sort', DELINQUENT_SORTS).default('arrears'),
      direction: oneOf('Direction', ['asc', 'desc']).default('desc'),
      limit: wholeNumber('Limit', 1, 10_000).default(50),
      offset: wholeNumber('Offset', 0, 10_000_000).default(0),
    }),
    output: z.object({ rows: z.array(delinquentSchema), total: z.number().int() }),
    access: MANAGES_PLANS,
  }),
  /** The exact schedule the terms would make; stores nothing. */
  'plan-preview': defineCall({ input: planTermsInput, output: planPreviewSchema, access: MANAGES_PLANS }),
  /** Makes the plan: the covered arrears move onto its installments; the id makes a double click make one plan. */
  'plan-create': defineCall({ input: planTermsInput.extend({ id: id('Plan'), approval: managerApproval.optional() }), output: planSchema, access: MANAGES_PLANS }),
  'plan-view': defineCall({ input: z.object(planRef), output: planSchema, access: EVERY_ROLE }),
  /** The consumer's plans, newest first, cancelled and completed included. */
  'plans-of-consumer': defineCall({ input: z.object({ consumerId: id('Consumer') }), output: z.array(planSchema), access: EVERY_ROLE }),
  /** A new schedule for what is still open on the plan; kept as a new version beside the old. */
  'plan-reschedule': defineCall({
    input: z.object({
      ...planRef,
      installments: wholeNumber('Number of installments', 1, 1000),
      frequency: oneOf('Frequency', PLAN_FREQUENCIES),
      firstDueOn: isoDate('First due date'),
      reason: text('Reason', { max: 500 }),
      approval: managerApproval.optional(),
    }),
    output: planSchema,
    access: MANAGES_PLANS,
  }),
  /** Ends the plan: what is still open goes back onto the arrears it came from. */
  'plan-cancel': defineCall({ input: z.object({ ...planRef, reason: text('Reason', { max: 500 }), approval: managerApproval.optional() }), output: planSchema, access: MANAGES_PLANS }),
  /** Missed installments and broken plans, newest first; `open` counts those not yet acknowledged (the badge). */
  'plan-alerts': defineCall({
    input: z.object({ includeAcknowledged: z.boolean().default(false) }),
    output: z.object({ alerts: z.array(planAlertSchema), open: z.number().int() }),
    access: MANAGES_PLANS,
  }),
  'plan-alert-acknowledge': defineCall({ input: z.object({ alertId: id('Alert'), note: text('Note', { min: 0, max: 500 }).optional() }), output: planAlertSchema, access: MANAGES_PLANS }),
  'plan-collection-report': defineCall({
    input: z.object({ from: isoDate('From'), to: isoDate('To') }).refine((r) => r.from <= r.to, { message: 'From must be on or before To', path: ['to'] }),
    output: collectionReportSchema,
    access: MANAGES_PLANS,
  }),
  'settings-plans-set': defineCall({
    input: z.object({
      graceDays: wholeNumber('Grace days', 0, 90),
      missedAllowed: wholeNumber('Missed installments allowed', 0, 12),
      approvalAboveAmount: amount('Approval above amount'),
      approvalAboveInstallments: wholeNumber('Approval above installments', 1, 120),
      maxInstallments: wholeNumber('Most installments', 1, 120),
      downPaymentAs: oneOf('Down payment as', ['installment_zero', 'first_installment']),
    }),
    output: z.object({ ok: z.literal(true) }),
    access: ADMINISTERS,
  }),
};
