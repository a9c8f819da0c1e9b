import type { z } from 'zod';
import type { collectionReportSchema } from '../api/calls/plans.js';
import { addDays } from '../dates/calendar.js';
import { add, ZERO, type Cents } from '../money.js';
import { HOLDING_STATUSES, type PlanStatus } from './plan.js';

export type CollectionReport = z.infer<typeof collectionReportSchema>;

/** Calendar days, both included. */
export interface Period {
  from: string;
  to: string;
}

export interface ReportPlan {
  id: string;
  number: string;
  consumerName: string;
  accountNumber: string;
  status: PlanStatus;
  createdAt: string;
  /** The terminal's calendar day the plan was made. */
  createdOn: string;
  /** The day it was cancelled; its installments due after that were never owed. */
  cancelledOn: string | null;
}

/** An installment of a plan's current schedule, with the payments made into it. */
export interface ReportInstallment {
  planId: string;
  amount: Cents;
  dueOn: string;
  /** Each payment's day and what it put on this installment, less any reversal of it. */
  payments: ReadonlyArray<{ paidOn: string; amount: Cents }>;
}

/** A payment into an installment of the plan (any version), less any reversal of it. */
export interface ReportCollection {
  planId: string;
  paidOn: string;
  amount: Cents;
}

export interface CollectionFacts {
  plans: readonly ReportPlan[];
  installments: readonly ReportInstallment[];
  collections: readonly ReportCollection[];
}

const within = (day: string, { from, to }: Period) => from <= day && day <= to;

/** One decimal, half up: 2 of 3 is 66.7. */
const percent = (part: number, whole: number) => Math.round((part * 1000) / whole) / 10;

/**
 * The recovery desk's figures for a period. Scheduled is what the plans'
 * current schedules made due in the period; collected is what payments made
 * in the period put on installments, net of reversals, whenever those
 * installments fall due. The compliance rate asks, of the installments due in
 * the period whose grace has run out by today, how many had been paid in full
 * by their due date plus the grace days; installments not yet past grace
 * are left out rather than counted as missed. Plan counts by status are as of
 * now, over every plan; a cancelled plan's installments due after its cancel
 * were never owed and count nowhere.
 */
export function collectionReport(period: Period, facts: CollectionFacts, today: string, graceDays: number): CollectionReport {
  const plans = new Map(facts.plans.map((plan) => [plan.id, plan]));
  const owed = facts.installments.filter((i) => within(i.dueOn, period) && stillOwed(i, plans.get(i.planId)));
  const collected = facts.collections.filter((c) => within(c.paidOn, period));

  const graceOver = owed.filter((i) => addDays(i.dueOn, graceDays) < today);
  const paidInTime = graceOver.filter((i) => {
    const deadline = addDays(i.dueOn, graceDays);
    return add(ZERO, ...i.payments.filter((p) => p.paidOn <= deadline).map((p) => p.amount)) >= i.amount;
  });

  const sumFor = (planId: string | null, amounts: ReadonlyArray<{ planId: string; amount: Cents }>) => add(ZERO, ...amounts.filter((a) => planId === null || a.planId === planId).map((a) => a.amount));
  const countOf = (statuses: readonly PlanStatus[]) => facts.plans.filter((plan) => statuses.includes(plan.status)).length;
  const inReport = new Set([...facts.plans.filter((p) => within(p.createdOn, period)).map((p) => p.id), ...owed.map((i) => i.planId), ...collected.map((c) => c.planId)]);

  return {
    from: period.from,
    to: period.to,
    created: facts.plans.filter((plan) => within(plan.createdOn, period)).length,
    active: countOf(HOLDING_STATUSES),
    completed: countOf(['completed']),
    broken: countOf(['broken']),
    cancelled: countOf(['cancelled']),
    scheduled: sumFor(null, owed),
    collected: sumFor(null, collected),
    complianceRate: graceOver.length === 0 ? null : percent(paidInTime.length, graceOver.length),
    plans: facts.plans
      .filter((plan) => inReport.has(plan.id))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number))
      .map((plan) => ({
        id: plan.id,
        number: plan.number,
        consumerName: plan.consumerName,
        accountNumber: plan.accountNumber,
        status: plan.status,
        createdAt: plan.createdAt,
        scheduled: sumFor(plan.id, owed),
        collected: sumFor(plan.id, collected),
      })),
  };
}

function stillOwed(installment: ReportInstallment, plan: ReportPlan | undefined): boolean {
  return !plan?.cancelledOn || installment.dueOn <= plan.cancelledOn;
}
