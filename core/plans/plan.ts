import type { Cents } from '../money.js';

/** How often installments fall due. */
export const PLAN_FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

/**
 * Where a plan stands. Compliance (on track, at risk, broken, completed) is
 * worked out from the schedule and what has been paid; cancelled is a
 * person's decision. Broken stays broken until the plan is rescheduled.
 */
export const PLAN_STATUSES = ['on_track', 'at_risk', 'broken', 'completed', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Statuses under which the account is held from disconnection. */
export const HOLDING_STATUSES: readonly PlanStatus[] = ['on_track', 'at_risk'];

/** One installment of a schedule: number 0 is a down payment due the day the plan is made. */
export interface ScheduledInstallment {
  number: number;
  amount: Cents;
  dueOn: string;
}

/** An installment with what is still owed on it, as compliance sees it. */
export interface InstallmentStanding extends ScheduledInstallment {
  open: Cents;
}

/** The thresholds of compliance and of approval, from settings. */
export interface PlanRules {
  /** Days after a due date before a missed installment breaks the plan. */
  graceDays: number;
  /** How many installments may be past due (within grace) at once before the plan is broken. */
  missedAllowed: number;
  /** A plan covering more than this needs a branch manager's approval. */
  approvalAboveAmount: number;
  /** A plan of more installments than this needs a branch manager's approval. */
  approvalAboveInstallments: number;
  /** No plan may have more installments than this. */
  maxInstallments: number;
  /** A down payment is installment 0, or the first installment (the rest then numbered from 2). */
  downPaymentAs: 'installment_zero' | 'first_installment';
}

export const DEFAULT_PLAN_RULES: PlanRules = {
  graceDays: 7,
  missedAllowed: 1,
  approvalAboveAmount: 5_000_000,
  approvalAboveInstallments: 12,
  maxInstallments: 36,
  downPaymentAs: 'installment_zero',
};
