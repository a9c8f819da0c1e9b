import { z } from 'zod';
import { GATEWAY_SETTLEMENT_STATUSES, GATEWAY_STATUSES } from '../payments/gateway-status.js';
import { TILL_STATUSES } from '../tills/till-session.js';

/**
 * The wire contract between a counter and the central billing server
 * (core/sync/CONTRACT.md says it in prose). Both sides parse with these
 * schemas: the counter what it receives, the centre what it is sent.
 * Money is integer cents, times are ISO-8601 UTC, dates YYYY-MM-DD.
 */

export const SYNC_SCHEMA_VERSION = 1;
export const MAX_PUSH_BATCH = 1000;
export const MAX_PULL_PAGE = 5000;

const cents = z.number().int();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.string().datetime({ offset: true });

// ---- registration -------------------------------------------------------

/** POST /v1/terminals: a new counter presents the enrolment code the centre issued for it. */
export const registerRequest = z.object({
  enrolmentCode: z.string().min(1).max(100),
  terminalCode: z.string().regex(/^[A-Z0-9]{1,6}$/),
  branchName: z.string().min(1).max(100),
});
export const registerResponse = z.object({ terminalId: z.string().min(1), token: z.string().min(20) });

// ---- push ---------------------------------------------------------------

/**
 * One outbox posting on the wire. `key` is the idempotency key (UUIDv7) the
 * centre applies once; `seq` the terminal's own outbox order; `accountId` the
 * consumer whose postings must be applied in order; `amount` what the posting
 * adds to the money collected (a payment +, its reversal −, others 0), which
 * is how both ends prove their totals equal to the cent.
 */
export const postingSchema = z.object({
  key: z.string().uuid(),
  seq: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  kind: z.string().min(1).max(60),
  accountId: z.string().min(1),
  amount: cents,
  /** The till session whose closing posting counts this one; null outside a till. */
  tillSessionId: z.string().nullable(),
  createdAt: instant,
  payload: z.unknown(),
});
export type Posting = z.infer<typeof postingSchema>;

/** POST /v1/postings: a batch in the terminal's order. */
export const pushRequest = z.object({ postings: z.array(postingSchema).min(1).max(MAX_PUSH_BATCH) });
export type PushRequest = z.infer<typeof pushRequest>;

/**
 * accepted: applied now. duplicate: this key was applied before (a resend after
 * a lost answer); the counter treats it as accepted. rejected: never applied,
 * with the reason a branch manager reads. deferred: not looked at because an
 * earlier posting of the same account in this batch was rejected; sent again
 * after that one is settled.
 */
export const POSTING_OUTCOMES = ['accepted', 'duplicate', 'rejected', 'deferred'] as const;
export type PostingOutcome = (typeof POSTING_OUTCOMES)[number];

/** What the centre found when a till's closing posting came in. */
export const tillBatchCheck = z.object({
  tillSessionId: z.string(),
  expectedCount: z.number().int().nonnegative(),
  expectedTotal: cents,
  receivedCount: z.number().int().nonnegative(),
  receivedTotal: cents,
  matched: z.boolean(),
});
export type TillBatchCheck = z.infer<typeof tillBatchCheck>;

export const postingResult = z.object({
  key: z.string(),
  outcome: z.enum(POSTING_OUTCOMES),
  reason: z.string().optional(),
  till: tillBatchCheck.optional(),
});
export type PostingResult = z.infer<typeof postingResult>;

/** One result per posting, in the order sent. */
export const pushResponse = z.object({ results: z.array(postingResult) });
export type PushResponse = z.infer<typeof pushResponse>;

// ---- pull ---------------------------------------------------------------

export const consumerData = z.object({
  id: z.string(),
  accountNumber: z.string(),
  name: z.string(),
  serviceAddress: z.string(),
  phone: z.string(),
  email: z.string(),
  status: z.enum(['active', 'suspended', 'disconnected']),
  type: z.string(),
});
export const billData = z.object({ id: z.string(), consumerId: z.string(), invoiceNumber: z.string(), period: z.string(), amount: cents.positive(), issuedOn: day, dueOn: day });
export const serviceChargeData = z.object({ id: z.string(), consumerId: z.string(), description: z.string(), amount: cents.positive(), chargedOn: day, dueOn: day });
export const paymentPlanData = z.object({
  id: z.string(),
  planNumber: z.string(),
  consumerId: z.string(),
  status: z.string(),
  createdAt: instant,
  installments: z.array(z.object({ id: z.string(), number: z.number().int().positive(), amount: cents.positive(), dueOn: day })).min(1),
});
/** A payment made online (web, app, bank), in the gateway's words; the counter maps them (core/payments/gateway-status.ts). */
export const onlinePaymentData = z.object({
  id: z.string(),
  consumerId: z.string(),
  receiptNumber: z.string(),
  method: z.enum(['card', 'mpesa', 'bank_transfer']),
  gateway: z.string(),
  reference: z.string(),
  amount: cents.positive(),
  gatewayStatus: z.enum(GATEWAY_STATUSES),
  settlementStatus: z.enum(GATEWAY_SETTLEMENT_STATUSES).nullable(),
  initiatedAt: instant,
  settledAt: instant.nullable(),
  /** The bills it pays, oldest first; empty until the money has moved. */
  allocations: z.array(z.object({ billId: z.string(), amount: cents.positive() })),
});
/** Safaricom's confirmation that an M-PESA code paid this amount to this account. */
export const mpesaConfirmationData = z.object({ code: z.string().regex(/^[A-Z0-9]{10}$/), accountNumber: z.string(), amount: cents.positive(), confirmedAt: instant });
/** Settings the centre owns for every counter: payment modes and limits. */
export const centralSettingsData = z.object({
  paymentMethods: z.array(z.object({ code: z.enum(['cash', 'card', 'mpesa', 'bank_transfer']), label: z.string().min(1), enabled: z.boolean() })).min(1),
  channels: z.array(z.object({ code: z.string().min(1), label: z.string().min(1), isDefault: z.boolean() })).min(1),
  overpaymentLimit: cents.nonnegative(),
  creditNoteValidityMonths: z.number().int().min(1).max(120),
});

/**
 * A till session another terminal of this counter's branch closed, as its
 * `till.closed` posting summarised it (core/tills/till-report.ts
 * `TillSummary`): the line the branch manager's end-of-day view shows.
 */
export const tillSessionData = z.object({
  id: z.string().min(1),
  number: z.string().min(1),
  terminalCode: z.string(),
  cashierName: z.string(),
  businessDate: day,
  status: z.enum(TILL_STATUSES),
  openedAt: instant,
  closedAt: instant.nullable(),
  /** Net of every tender taken. */
  taken: cents,
  cashExpected: cents.nullable(),
  cashCounted: cents.nullable(),
  variance: cents.nullable(),
  approvedBy: z.string().nullable(),
});
export type TillSessionData = z.infer<typeof tillSessionData>;

/**
 * What a `till.closed` posting carries: how many postings the session made
 * before it and their total, which the centre checks against what it
 * received, and the session's summary, which it passes to the branch's other
 * terminals. Without a summary the till is still checked; the branch is not
 * told of it.
 */
export const tillClosedPayload = z.object({
  tillSessionId: z.string().min(1),
  postingCount: z.number().int().nonnegative(),
  total: cents,
  summary: tillSessionData.optional(),
});
export type TillClosedPayload = z.infer<typeof tillClosedPayload>;

export const changeSchema = z.discriminatedUnion('entity', [
  z.object({ seq: z.number().int(), entity: z.literal('consumer'), data: consumerData }),
  z.object({ seq: z.number().int(), entity: z.literal('bill'), data: billData }),
  z.object({ seq: z.number().int(), entity: z.literal('service_charge'), data: serviceChargeData }),
  z.object({ seq: z.number().int(), entity: z.literal('payment_plan'), data: paymentPlanData }),
  z.object({ seq: z.number().int(), entity: z.literal('online_payment'), data: onlinePaymentData }),
  z.object({ seq: z.number().int(), entity: z.literal('mpesa_confirmation'), data: mpesaConfirmationData }),
  z.object({ seq: z.number().int(), entity: z.literal('settings'), data: centralSettingsData }),
  z.object({ seq: z.number().int(), entity: z.literal('till_session'), data: tillSessionData }),
]);
export type Change = z.infer<typeof changeSchema>;
export type ChangeEntity = Change['entity'];

/**
 * GET /v1/changes?after=<cursor>&limit=<n>: the changes after the cursor in
 * the centre's order. `next` is the cursor to store with this page; `more`
 * says whether to ask again at once; `total` how many changes were after the
 * cursor when this page was read, for a progress bar.
 */
export const pullResponse = z.object({ changes: z.array(changeSchema), next: z.string(), more: z.boolean(), total: z.number().int().nonnegative() });
export type PullResponse = z.infer<typeof pullResponse>;

/** Every error body the centre sends: 400 bad request, 401 unknown token, 413 too large, 5xx. */
export const centralError = z.object({ error: z.string(), field: z.string().optional() });
