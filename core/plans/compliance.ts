import { daysBetween } from '../dates/calendar.js';
import type { InstallmentStanding, PlanRules } from './plan.js';

export type InstallmentStandingKind = 'paid' | 'due' | 'overdue' | 'missed';

/**
 * Where one installment stands today: paid when nothing is open; due when it
 * falls due today or later; overdue when past due within the grace days;
 * missed once more than the grace days have gone by.
 */
export function standingOf(installment: InstallmentStanding, today: string, graceDays: number): InstallmentStandingKind {
  if (installment.open <= 0) return 'paid';
  const daysLate = daysBetween(installment.dueOn, today);
  if (daysLate <= 0) return 'due';
  return daysLate <= graceDays ? 'overdue' : 'missed';
}

export interface Compliance {
  status: 'on_track' | 'at_risk' | 'broken' | 'completed';
  /** Open installments past due, still within grace. */
  overdue: InstallmentStanding[];
  /** Open installments past grace. */
  missed: InstallmentStanding[];
}

/**
 * How a plan stands today. A plan once broken stays broken (a late payment
 * does not mend it) until it is paid off or rescheduled.
 */
export function planCompliance(
  installments: readonly InstallmentStanding[],
  today: string,
  rules: Pick<PlanRules, 'graceDays' | 'missedAllowed'>,
  wasBroken: boolean,
): Compliance {
  const standing = (kind: InstallmentStandingKind) => installments.filter((i) => standingOf(i, today, rules.graceDays) === kind);
  const overdue = standing('overdue');
  const missed = standing('missed');
  const status = ((): Compliance['status'] => {
    if (installments.every((i) => i.open <= 0)) return 'completed';
    if (wasBroken || missed.length > 0 || overdue.length + missed.length > rules.missedAllowed) return 'broken';
    return overdue.length > 0 ? 'at_risk' : 'on_track';
  })();
  return { status, overdue, missed };
}
