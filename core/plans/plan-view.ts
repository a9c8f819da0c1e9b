import type { PlanView } from '../api/calls/plans.js';
import { add, subtract, ZERO } from '../money.js';
import type { CounterSettings } from '../settings/settings.js';
import { standingOf } from './compliance.js';
import { planEventText } from './plan-events.js';
import type { CoverOnPlan, InstallmentOnPlan, PlanLine, PlanRecord, PlanVersionRecord } from './plan-record.js';

/** Everything a plan's view is read from, as stored. */
export interface PlanFacts {
  plan: PlanRecord;
  consumer: { id: string; name: string; accountNumber: string };
  covers: CoverOnPlan[];
  /** Every version's installments. */
  installments: InstallmentOnPlan[];
  versions: PlanVersionRecord[];
  lines: PlanLine[];
  /** Display names of everyone the plan names. */
  names: Readonly<Record<string, string>>;
}

/**
 * A plan as the recovery desk and the account screen show it: the current
 * schedule with where each installment stands today, what was paid (into any
 * version) and what is open, the hold, every version and every event.
 */
export function planView(facts: PlanFacts, today: string, settings: Pick<CounterSettings, 'plans' | 'currency'>): PlanView {
  const { plan, names } = facts;
  const name = (id: string) => names[id] ?? id;
  const current = facts.installments.filter((i) => i.version === plan.version).sort((a, b) => a.number - b.number);
  const cancelled = plan.status === 'cancelled';
  const downPaymentNumber = plan.downPayment > 0 && plan.version === 1 ? current[0]?.number : undefined;
  const installments = current.map((i) => ({
    id: i.id,
    number: i.number,
    amount: i.amount,
    dueOn: i.dueOn,
    paid: i.paid,
    open: i.open,
    // A cancelled plan's installments were closed, not paid: they stand as the payments left them.
    standing: standingOf(cancelled ? { ...i, open: subtract(i.amount, i.paid) } : i, today, settings.plans.graceDays),
    isDownPayment: i.number === downPaymentNumber,
  }));
  const next = cancelled ? undefined : [...current].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.number - b.number).find((i) => i.open > 0);
  return {
    id: plan.id,
    number: plan.number,
    consumer: facts.consumer,
    status: plan.status,
    version: plan.version,
    frequency: plan.frequency,
    total: plan.total,
    downPayment: plan.downPayment,
    paid: add(ZERO, ...facts.installments.map((i) => i.paid)),
    open: add(ZERO, ...current.map((i) => i.open)),
    covers: facts.covers.map((c) => ({ kind: c.itemKind, id: c.itemId, reference: c.reference, amount: c.amount })),
    installments,
    nextDue: next ? { number: next.number, dueOn: next.dueOn, open: next.open } : null,
    hold: { active: plan.holdSince !== null, since: plan.holdSince },
    createdAt: plan.createdAt,
    createdBy: name(plan.createdBy),
    approvedBy: plan.approvedBy ? name(plan.approvedBy) : null,
    history: history(facts).map((v) => ({
      version: v.version,
      action: v.action,
      at: v.at,
      by: name(v.by),
      reason: v.reason,
      approvedBy: v.approvedBy ? name(v.approvedBy) : null,
      installments: v.schedule.map(({ number, amount, dueOn }) => ({ number, amount, dueOn })),
    })),
    events: facts.lines.map((line) => ({ at: line.at, kind: line.kind, text: planEventText(line, names, settings.currency) })),
  };
}

const ACTION_ORDER = { created: 0, rescheduled: 1, cancelled: 2 } as const;

/** The versions in order; a plan brought down from the centre has no creation record here, so its first schedule stands in for one. */
function history({ plan, versions, installments }: PlanFacts): PlanVersionRecord[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version || ACTION_ORDER[a.action] - ACTION_ORDER[b.action]);
  if (sorted.some((v) => v.action === 'created')) return sorted;
  const first = installments.filter((i) => i.version === 1).sort((a, b) => a.number - b.number);
  const created: PlanVersionRecord = {
    id: `${plan.id}:1`,
    planId: plan.id,
    version: 1,
    action: 'created',
    reason: null,
    approvedBy: plan.approvedBy,
    at: plan.createdAt,
    by: plan.createdBy,
    schedule: first.map(({ number, amount, dueOn }) => ({ number, amount, dueOn })),
  };
  return [created, ...sorted];
}
