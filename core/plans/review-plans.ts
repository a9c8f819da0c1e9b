import dayjs from 'dayjs';
import { formatMoneyAscii, subtract } from '../money.js';
import type { Ports } from '../ports.js';
import type { UseCaseContext } from '../payments/record-payment.js';
import { planCompliance } from './compliance.js';
import { HOLDING_STATUSES } from './plan.js';
import type { InstallmentOnPlan, PlanRecord } from './plan-record.js';
import { placeHold, releaseHold, writePlanLine } from './plan-use-case.js';

/**
 * Works out each plan's compliance today and writes what changed: the status
 * (a plan line, an audit entry, and for a plan made here a posting), an alert for each installment
 * newly past due and one for a break, and the disconnection hold released on a
 * break or completion (placed again should a reversal reopen a completed plan).
 * Cancelled plans are left alone. Answers how many plans changed status.
 */
export function reviewPlans(ports: Ports, plans: readonly PlanRecord[], context: UseCaseContext): number {
  let changed = 0;
  for (const plan of plans) {
    if (plan.status === 'cancelled') continue;
    if (reviewPlan(ports, plan, context)) changed += 1;
  }
  return changed;
}

function reviewPlan(ports: Ports, plan: PlanRecord, context: UseCaseContext): boolean {
  const rules = context.settings.plans;
  const installments = ports.plans.installments(plan.id, plan.version);
  const compliance = planCompliance(installments, context.today, rules, plan.status === 'broken');
  for (const late of [...compliance.overdue, ...compliance.missed] as InstallmentOnPlan[]) {
    ports.planAlerts.raise({ id: ports.newId(), planId: plan.id, planVersion: plan.version, kind: 'missed_installment', installmentId: late.id, message: missedMessage(plan, late, context), raisedAt: context.now });
  }
  if (compliance.status === plan.status) return false;

  ports.plans.update(plan.id, { status: compliance.status });
  const moved = { ...plan, status: compliance.status };
  // The centre judges the plans it made itself; it is told of the compliance of plans made here.
  const post = plan.source === 'counter';
  writePlanLine(ports, moved, 'status_changed', { from: plan.status, to: compliance.status }, context, { planId: plan.id, planNumber: plan.number, consumerId: plan.consumerId, from: plan.status, to: compliance.status }, { post });
  const holds = HOLDING_STATUSES.includes(compliance.status);
  if (compliance.status === 'broken') {
    const missed = compliance.missed.map((i) => i.number);
    const why = missed.length > 0 ? `installment${missed.length > 1 ? 's' : ''} ${missed.join(', ')} missed` : `${compliance.overdue.length} installments past due`;
    const message = `${plan.number} is broken: ${why}. ${
      plan.holdSince ? 'The disconnection hold on the account is released.' : 'The account had no disconnection hold from this plan.'
    }`;
    ports.planAlerts.raise({ id: ports.newId(), planId: plan.id, planVersion: plan.version, kind: 'broken', installmentId: null, message, raisedAt: context.now });
  }
  if (!holds) releaseHold(ports, moved, compliance.status, context);
  // Only a reversal takes a plan back from completed; a counter-made plan is held again.
  else if (plan.status === 'completed' && plan.holdSince === null && plan.source === 'counter') placeHold(ports, moved, context);
  return true;
}

function missedMessage(plan: PlanRecord, installment: InstallmentOnPlan, context: UseCaseContext): string {
  const money = (amount: typeof installment.amount) => formatMoneyAscii(amount, context.settings.currency);
  const due = dayjs(installment.dueOn).format(context.settings.dateFormat);
  const unpaid = installment.open === installment.amount ? 'is unpaid' : `${money(installment.open)} of it is unpaid (${money(subtract(installment.amount, installment.open))} paid)`;
  return `Installment ${installment.number} of ${plan.number} (${money(installment.amount)}) was due ${due} and ${unpaid}`;
}
