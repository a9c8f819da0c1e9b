import { z } from 'zod';
import { SYNC_SCHEMA_VERSION, tillClosedPayload, type Posting } from '../core/sync/protocol.js';
import { holdPlaced, holdReleased } from './plan-holds.js';

/** The posting kinds the centre knows how to apply. */
export const KNOWN_KINDS = [
  'payment.recorded',
  'payment.reversed',
  'payment.verified',
  'credit_note.created',
  'credit_note.expired',
  'till.opened',
  'till.cash_moved',
  'till.counted',
  'till.variance_approved',
  'till.closed',
  'business_day.closed',
  'plan.created',
  'plan.rescheduled',
  'plan.cancelled',
  'plan.status_changed',
  'plan.hold_placed',
  'plan.hold_released',
] as const;

/** Kinds whose `amount` is money collected; the others carry 0 and move nothing. */
export const MONEY_KINDS = ['payment.recorded', 'payment.reversed'] as const;

const recordedPayload = z.object({ payment: z.object({ id: z.string().min(1) }) });
const namedPaymentPayload = z.union([z.object({ paymentId: z.string().min(1) }), z.object({ reversal: z.object({ paymentId: z.string().min(1) }) })]);

/**
 * The payment a posting is about: the one a payment.recorded records, or the
 * one a reversal or verification names. Undefined for other kinds, and for a
 * payload that does not say (which the rules below reject).
 */
export function paymentIdOf(posting: Posting): string | undefined {
  if (posting.kind === 'payment.recorded') return recordedPayload.safeParse(posting.payload).data?.payment.id;
  if (posting.kind === 'payment.reversed' || posting.kind === 'payment.verified') {
    const named = namedPaymentPayload.safeParse(posting.payload).data;
    return named && ('paymentId' in named ? named.paymentId : named.reversal.paymentId);
  }
  return undefined;
}

const planNamed = z.object({ planId: z.string().min(1) });

/** What each plan posting must carry for the centre to apply it: the plan, and for a hold its moment. */
const PLAN_PAYLOADS: Record<string, z.ZodType> = {
  'plan.created': z.object({ plan: z.object({ id: z.string().min(1) }) }),
  'plan.rescheduled': planNamed,
  'plan.cancelled': planNamed,
  'plan.status_changed': planNamed,
  'plan.hold_placed': holdPlaced,
  'plan.hold_released': holdReleased,
};

export interface RuleContext {
  closedAccounts: ReadonlySet<string>;
  /** Whether this terminal's payment.recorded for the payment has been applied. */
  paymentReceived: (paymentId: string) => boolean;
  /** Whether another terminal closed this till session already. */
  tillClosedElsewhere: (tillSessionId: string) => boolean;
}

/** Why the centre will never apply this posting as sent, or null when it can. */
export function rejectionOf(posting: Posting, context: RuleContext): string | null {
  if (posting.schemaVersion > SYNC_SCHEMA_VERSION) return `schema version ${posting.schemaVersion} is not supported`;
  if (!(KNOWN_KINDS as readonly string[]).includes(posting.kind)) return `posting kind ${posting.kind} is not known at the centre`;
  if (context.closedAccounts.has(posting.accountId)) return `Account ${posting.accountId} is closed at the centre`;
  const paymentId = paymentIdOf(posting);
  if (posting.kind === 'payment.recorded' && !paymentId) return 'payment.recorded carries no payment id';
  if (posting.kind === 'payment.reversed' || posting.kind === 'payment.verified') {
    if (!paymentId) return `${posting.kind} names no payment`;
    if (!context.paymentReceived(paymentId)) return `payment ${paymentId} was never received`;
  }
  const plan = PLAN_PAYLOADS[posting.kind]?.safeParse(posting.payload);
  if (plan && !plan.success) return `${posting.kind} does not name its plan as the contract says`;
  if (posting.kind === 'till.closed') {
    const till = tillClosedPayload.safeParse(posting.payload);
    if (!till.success) {
      const issue = till.error.issues[0];
      return `till.closed does not carry the till's count, total and summary as the contract says: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'malformed'}`;
    }
    if (till.data.summary && till.data.summary.id !== till.data.tillSessionId) return `till.closed of till ${till.data.tillSessionId} carries the summary of till ${till.data.summary.id}`;
    if (posting.tillSessionId !== till.data.tillSessionId) return `till.closed of till ${till.data.tillSessionId} is stamped with till ${posting.tillSessionId ?? 'none'}`;
    if (context.tillClosedElsewhere(till.data.tillSessionId)) return `till ${till.data.tillSessionId} was closed by another terminal`;
  }
  return null;
}
