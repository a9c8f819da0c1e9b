import { conflict } from '../api/errors.js';
import type { SignedInUser } from '../auth/roles.js';
import type { LedgerLineDraft } from '../ledger/ledger-line.js';
import { cents } from '../money.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import { installmentDescription } from '../sync/apply-rules.js';
import { planCompliance } from './compliance.js';
import { checkPlanTerms } from './plan-terms.js';
import { HOLDING_STATUSES, type PlanFrequency } from './plan.js';
import type { PlanInstallment, PlanRecord } from './plan-record.js';
import { STATUS_WORDS } from './plan-events.js';
import { approvalFor, findPlan, placeHold, releaseHold, writePlanLine } from './plan-use-case.js';

export interface ReschedulePlanRequest {
  planId: string;
  installments: number;
  frequency: PlanFrequency;
  firstDueOn: string;
  reason: string;
}

/**
 * A new schedule for what is still open: each open installment of the
 * current version is adjusted to nothing and the new version's installments
 * are charged for the same sum, so the balance does not move; paid
 * installments stay as they were. The same limits as a new plan need a branch
 * manager. The plan is reviewed afresh (a broken plan may be on track again)
 * and, while it holds, the account is held from disconnection again.
 */
export function reschedulePlan(ports: Ports, request: ReschedulePlanRequest, approver: SignedInUser | null, context: UseCaseContext): PlanRecord {
  const plan = findPlan(ports, request.planId);
  if (plan.status === 'cancelled' || plan.status === 'completed') throw conflict('planId', `${plan.number} is ${STATUS_WORDS[plan.status]}; there is nothing to reschedule`);
  const open = ports.plans.installments(plan.id, plan.version).filter((i) => i.open > 0);
  if (open.length === 0) throw conflict('planId', `Everything on ${plan.number} is paid; there is nothing to reschedule`);
  const checked = checkPlanTerms(
    { installments: request.installments, frequency: request.frequency, firstDueOn: request.firstDueOn },
    open.map((i) => ({ kind: 'installment', id: i.id, reference: `${plan.number} #${i.number}`, detail: '', amount: i.amount, open: i.open, issuedOn: i.dueOn, dueOn: i.dueOn })),
    context.today,
    { ...context.settings.plans, downPaymentAs: 'installment_zero' },
    context.settings.currency,
  );
  const approvedBy = approvalFor(checked.approvalReasons, approver, context, 'this reschedule');

  const version = plan.version + 1;
  const installments: PlanInstallment[] = checked.schedule.map((s) => ({ ...s, id: ports.newId(), planId: plan.id, version }));
  ports.plans.insertInstallments(installments);
  ports.plans.insertVersion({ id: ports.newId(), planId: plan.id, version, action: 'rescheduled', reason: request.reason, approvedBy, at: context.now, by: context.user.id, schedule: checked.schedule });
  const line = (fields: Pick<LedgerLineDraft, 'entryKind' | 'itemId' | 'amount' | 'description'>): LedgerLineDraft => ({
    id: ports.newId(),
    consumerId: plan.consumerId,
    itemKind: 'installment',
    paymentId: null,
    createdAt: context.now,
    createdBy: context.user.id,
    ...fields,
  });
  ports.ledger.append([
    ...open.map((i) => line({ entryKind: 'adjustment', itemId: i.id, amount: cents(-i.open), description: `Rescheduled into version ${version} of plan ${plan.number}` })),
    ...installments.map((i) => line({ entryKind: 'charge', itemId: i.id, amount: i.amount, description: `${installmentDescription(i.number, plan.number)} (version ${version})` })),
  ]);

  ports.plans.update(plan.id, { version, frequency: request.frequency });
  let current: PlanRecord = { ...plan, version, frequency: request.frequency };
  writePlanLine(ports, current, 'rescheduled', { version, open: checked.total, installments: installments.length, frequency: request.frequency, reason: request.reason, approvedBy }, context, {
    planId: plan.id,
    planNumber: plan.number,
    consumerId: plan.consumerId,
    version,
    reason: request.reason,
    approvedBy,
    closed: open.map((i) => ({ id: i.id, amount: i.open })),
    schedule: installments.map(({ id, number, amount, dueOn }) => ({ id, number, amount, dueOn })),
  });

  // A new schedule starts with a clean slate: a broken plan is judged again on it.
  const status = planCompliance(ports.plans.installments(plan.id, version), context.today, context.settings.plans, false).status;
  if (status !== plan.status) {
    ports.plans.update(plan.id, { status });
    current = { ...current, status };
    writePlanLine(ports, current, 'status_changed', { from: plan.status, to: status }, context, { planId: plan.id, planNumber: plan.number, consumerId: plan.consumerId, from: plan.status, to: status });
  }
  if (HOLDING_STATUSES.includes(status)) return current.holdSince === null ? placeHold(ports, current, context) : current;
  return releaseHold(ports, current, status, context);
}
