import { addDays, addMonths } from '../dates/calendar.js';
import { cents, subtract, type Cents } from '../money.js';
import type { PlanFrequency, PlanRules, ScheduledInstallment } from './plan.js';

export interface ScheduleTerms {
  /** The arrears the plan covers. */
  total: Cents;
  downPayment: Cents;
  /** How many parts the rest is split into (the down payment not counted). */
  installments: number;
  frequency: PlanFrequency;
  firstDueOn: string;
  /** The day the plan is made: the down payment falls due on it. */
  madeOn: string;
  downPaymentAs: PlanRules['downPaymentAs'];
}

/**
 * The whole schedule: the down payment (if any) due the day the plan is made,
 * then the rest in equal parts, the remainder cents on the last, so the
 * installments add up to the total exactly.
 */
export function planSchedule(terms: ScheduleTerms): ScheduledInstallment[] {
  const schedule: ScheduledInstallment[] = [];
  // Without a down payment the installments are numbered from 1 either way.
  const withDown = terms.downPayment > 0;
  const downNumber = terms.downPaymentAs === 'first_installment' ? 1 : 0;
  if (withDown) schedule.push({ number: downNumber, amount: terms.downPayment, dueOn: terms.madeOn });
  const number = withDown ? downNumber + 1 : 1;
  const rest = subtract(terms.total, terms.downPayment);
  const part = Math.floor(rest / terms.installments);
  const remainder = rest - part * terms.installments;
  dueDates(terms.firstDueOn, terms.installments, terms.frequency).forEach((dueOn, index) => {
    const last = index === terms.installments - 1;
    schedule.push({ number: number + index, amount: cents(last ? part + remainder : part), dueOn });
  });
  return schedule;
}

const DAYS_APART: Record<Exclude<PlanFrequency, 'monthly'>, number> = { weekly: 7, fortnightly: 14 };

/**
 * `count` due dates from the first. Monthly dates are each counted from the
 * first due date, not from the one before: a plan due on the 31st stays on the
 * 31st after a short month (31 Jan → 28 Feb → 31 Mar).
 */
export function dueDates(firstDueOn: string, count: number, frequency: PlanFrequency): string[] {
  return Array.from({ length: count }, (_, i) =>
    frequency === 'monthly' ? addMonths(firstDueOn, i) : addDays(firstDueOn, i * DAYS_APART[frequency]),
  );
}

const PERCENT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** A percentage ("20", "12.5") of the total, rounded half up to the cent, in whole numbers so nothing is lost to floats. */
export function downPaymentOf(total: Cents, percent: string): Cents {
  const match = PERCENT.exec(percent.trim());
  if (!match) throw new RangeError(`not a percentage: ${percent}`);
  // The percentage in hundredths of a percent: "12.5" → 1250.
  const basisPoints = BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  const scaled = BigInt(total) * basisPoints;
  const rounded = (scaled + 5_000n) / 10_000n;
  return cents(Number(rounded));
}
