import type { Cents } from '../money.js';
import type { PlanFrequency, PlanStatus, ScheduledInstallment } from './plan.js';

/** One row of payment_plans: the plan as it stands now. */
export interface PlanRecord {
  id: string;
  number: string;
  consumerId: string;
  status: PlanStatus;
  /** The schedule in force; installments of earlier versions are history. */
  version: number;
  frequency: PlanFrequency;
  /** The arrears the plan took over. */
  total: Cents;
  downPayment: Cents;
  createdAt: string;
  createdBy: string;
  approvedBy: string | null;
  /** Since when the account is held from disconnection; null when it is not. */
  holdSince: string | null;
  /** 'counter' for plans made here; 'centre' for plans brought down by sync. */
  source: 'counter' | 'centre';
}

export interface PlanInstallment extends ScheduledInstallment {
  id: string;
  planId: string;
  version: number;
}

/** An installment with what its ledger lines say: what is still open and what was paid into it. */
export interface InstallmentOnPlan extends PlanInstallment {
  open: Cents;
  paid: Cents;
}

export type PlanVersionAction = 'created' | 'rescheduled' | 'cancelled';

/** Each schedule a plan has had (a cancel sets none), with who set it, why, and who approved it. */
export interface PlanVersionRecord {
  id: string;
  planId: string;
  version: number;
  action: PlanVersionAction;
  reason: string | null;
  approvedBy: string | null;
  at: string;
  by: string;
  schedule: ScheduledInstallment[];
}

/** What one covered bill or service charge gave the plan: a cancel gives back at most this. */
export interface PlanCover {
  planId: string;
  itemKind: 'bill' | 'service';
  itemId: string;
  amount: Cents;
}

/** A covered item as a cancel and the plan's view need it. */
export interface CoverOnPlan extends PlanCover {
  reference: string;
  dueOn: string;
}

export const PLAN_LINE_KINDS = ['created', 'rescheduled', 'cancelled', 'status_changed', 'hold_placed', 'hold_released'] as const;
export type PlanLineKind = (typeof PLAN_LINE_KINDS)[number];

/** An event in a plan's life, append-only. */
export interface PlanLine {
  id: string;
  planId: string;
  kind: PlanLineKind;
  detail: Record<string, unknown>;
  at: string;
  by: string;
}

export type PlanAlertKind = 'missed_installment' | 'broken';

export interface PlanAlertRecord {
  id: string;
  planId: string;
  /** The plan's version when raised: a plan rescheduled out of a break that breaks again is alerted again. */
  planVersion: number;
  kind: PlanAlertKind;
  /** The installment missed; null for a break. */
  installmentId: string | null;
  message: string;
  raisedAt: string;
}
