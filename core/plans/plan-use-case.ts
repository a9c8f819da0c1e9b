import { ApiError, invalid, notFound } from '../api/errors.js';
import { APPROVES, type SignedInUser } from '../auth/roles.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import type { PlanLineDetails } from './plan-events.js';
import type { PlanLineKind, PlanRecord } from './plan-record.js';
import type { PlanStatus } from './plan.js';

/** The plan asked for; refused naming the field when there is none. */
export function findPlan(ports: Ports, planId: string): PlanRecord {
  const plan = ports.plans.byId(planId);
  if (!plan) throw notFound('planId', 'No payment plan with this id');
  return plan;
}

/**
 * Who approved what needs a branch manager: the manager who typed their PIN,
 * or the caller when they are one. Null when nothing needs approval (no
 * reasons); an empty reason asks for approval without giving one.
 */
export function approvalFor(reasons: readonly string[], approver: SignedInUser | null, context: UseCaseContext, what: string): string | null {
  if (reasons.length === 0) return null;
  if (approver) {
    if (!APPROVES.includes(approver.role)) throw new ApiError('FORBIDDEN', `${approver.displayName} is not a branch manager and cannot approve ${what}`, 'approval.username');
    return approver.id;
  }
  if (APPROVES.includes(context.user.role)) return context.user.id;
  throw invalid('approval', `${capitalised(what)} needs a branch manager's approval${reasons.length > 0 && reasons[0] ? `: ${reasons.join('; ')}` : ''}`);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A plan line, its audit entry and its sync posting, written together, the
 * posting ordered with the account's payments. `post: false` keeps the
 * change local: the review of a plan the centre made is for this counter's
 * screens and alerts, its status at the centre is the centre's.
 */
export function writePlanLine<K extends PlanLineKind>(ports: Ports, plan: PlanRecord, kind: K, detail: PlanLineDetails[K], context: UseCaseContext, payload: unknown, { post = true } = {}): void {
  ports.plans.appendLine({ id: ports.newId(), planId: plan.id, kind, detail, at: context.now, by: context.user.id });
  ports.audit.append({ id: ports.newId(), at: context.now, userId: context.user.id, action: `plan.${kind}`, entity: 'payment_plan', entityId: plan.id, before: null, after: payload });
  if (post) ports.outbox.add({ id: ports.newId(), kind: `plan.${kind}`, aggregateId: plan.id, accountId: plan.consumerId, amount: 0, tillSessionId: null, payload, createdAt: context.now });
}

/** Holds the account from disconnection from now; the centre is told. */
export function placeHold(ports: Ports, plan: PlanRecord, context: UseCaseContext): PlanRecord {
  ports.plans.update(plan.id, { holdSince: context.now });
  const held = { ...plan, holdSince: context.now };
  writePlanLine(ports, held, 'hold_placed', {}, context, { planId: plan.id, planNumber: plan.number, consumerId: plan.consumerId, since: context.now });
  return held;
}

/** Ends the hold because the plan broke, completed or was cancelled; the centre is told. Nothing when there was none. */
export function releaseHold(ports: Ports, plan: PlanRecord, because: PlanStatus, context: UseCaseContext): PlanRecord {
  if (plan.holdSince === null) return plan;
  ports.plans.update(plan.id, { holdSince: null });
  const released = { ...plan, holdSince: null };
  writePlanLine(ports, released, 'hold_released', { because }, context, { planId: plan.id, planNumber: plan.number, consumerId: plan.consumerId, heldSince: plan.holdSince, because, at: context.now });
  return released;
}
