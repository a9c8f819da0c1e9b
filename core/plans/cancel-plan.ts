import { conflict } from '../api/errors.js';
import { APPROVES, type SignedInUser } from '../auth/roles.js';
import type { LedgerLineDraft } from '../ledger/ledger-line.js';
import { add, cents, min, subtract, ZERO, type Cents } from '../money.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import { STATUS_WORDS } from './plan-events.js';
import type { PlanRecord } from './plan-record.js';
import { approvalFor, findPlan, releaseHold, writePlanLine } from './plan-use-case.js';

export interface CancelPlanRequest {
  planId: string;
  reason: string;
}

/**
 * Ends a plan: each open installment is adjusted to nothing and what was open
 * goes back onto the bills and service charges it came from, oldest due
 * first, each up to what it gave the plan, so the arrears reappear and the
 * balance does not move. The hold is released. Anyone but a branch manager
 * needs one's approval. A plan made at the centre has no covered items here
 * and is cancelled at the centre.
 */
export function cancelPlan(ports: Ports, request: CancelPlanRequest, approver: SignedInUser | null, context: UseCaseContext): PlanRecord {
  const plan = findPlan(ports, request.planId);
  if (plan.status === 'cancelled' || plan.status === 'completed') throw conflict('planId', `${plan.number} is ${STATUS_WORDS[plan.status]} already`);
  const covers = [...ports.plans.covers(plan.id)].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
  if (covers.length === 0) throw conflict('planId', `${plan.number} was made at the centre; it is cancelled there`);
  const approvedBy = approvalFor(APPROVES.includes(context.user.role) ? [] : [''], approver, context, 'cancelling a plan');

  const open = ports.plans.installments(plan.id, plan.version).filter((i) => i.open > 0);
  const returned = add(ZERO, ...open.map((i) => i.open));
  const line = (fields: Pick<LedgerLineDraft, 'entryKind' | 'itemKind' | 'itemId' | 'amount' | 'description'>): LedgerLineDraft => ({
    id: ports.newId(),
    consumerId: plan.consumerId,
    paymentId: null,
    createdAt: context.now,
    createdBy: context.user.id,
    ...fields,
  });
  let left: Cents = returned;
  const back: Array<{ kind: 'bill' | 'service'; id: string; amount: Cents }> = [];
  for (const cover of covers) {
    if (left <= 0) break;
    const amount = min(left, cover.amount);
    back.push({ kind: cover.itemKind, id: cover.itemId, amount });
    left = subtract(left, amount);
  }
  ports.ledger.append([
    ...open.map((i) => line({ entryKind: 'adjustment', itemKind: 'installment', itemId: i.id, amount: cents(-i.open), description: `Plan ${plan.number} cancelled` })),
    ...back.map((b) => line({ entryKind: 'charge', itemKind: b.kind, itemId: b.id, amount: b.amount, description: `Returned from plan ${plan.number}` })),
  ]);

  ports.plans.insertVersion({ id: ports.newId(), planId: plan.id, version: plan.version, action: 'cancelled', reason: request.reason, approvedBy, at: context.now, by: context.user.id, schedule: [] });
  ports.plans.update(plan.id, { status: 'cancelled' });
  const cancelled: PlanRecord = { ...plan, status: 'cancelled' };
  writePlanLine(ports, cancelled, 'cancelled', { version: plan.version, returned, reason: request.reason, approvedBy }, context, {
    planId: plan.id,
    planNumber: plan.number,
    consumerId: plan.consumerId,
    reason: request.reason,
    approvedBy,
    closed: open.map((i) => ({ id: i.id, amount: i.open })),
    returned: back,
  });
  return releaseHold(ports, cancelled, 'cancelled', context);
}
