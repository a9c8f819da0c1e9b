import type { PlanView } from '../../core/api/calls/plans.js';
import type { PlanFrequency, PlanStatus } from '../../core/plans/plan.js';

/** A plan's standing as the recovery desk says it. */
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  broken: 'Broken',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = {
  on_track: 'green',
  at_risk: 'yellow',
  broken: 'red',
  completed: 'blue',
  cancelled: 'gray',
};

export const FREQUENCY_LABELS: Record<PlanFrequency, string> = { weekly: 'Weekly', fortnightly: 'Fortnightly', monthly: 'Monthly' };

type Standing = PlanView['installments'][number]['standing'];

export const STANDING_LABELS: Record<Standing, string> = { paid: 'Paid', due: 'Due', overdue: 'Overdue', missed: 'Missed' };
export const STANDING_COLORS: Record<Standing, string> = { paid: 'green', due: 'gray', overdue: 'yellow', missed: 'red' };

export const EVENT_LABELS: Record<PlanView['events'][number]['kind'], string> = {
  created: 'Created',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  status_changed: 'Status changed',
  hold_placed: 'Hold placed',
  hold_released: 'Hold released',
};

export const VERSION_LABELS: Record<PlanView['history'][number]['action'], string> = { created: 'Created', rescheduled: 'Rescheduled', cancelled: 'Cancelled' };

export const ALERT_KIND_LABELS = { missed_installment: 'Missed installment', broken: 'Plan broken' } as const;

/** "Down payment" for the down payment (installment 0, or 1 when settings number it so), else "Installment 3". */
export const installmentName = (installment: { number: number; isDownPayment?: boolean }) =>
  (installment.isDownPayment ?? installment.number === 0) ? 'Down payment' : `Installment ${installment.number}`;

/** Whether a plan can still be changed: rescheduled, cancelled or paid into. */
export const isLive = (status: PlanStatus) => status === 'on_track' || status === 'at_risk' || status === 'broken';
