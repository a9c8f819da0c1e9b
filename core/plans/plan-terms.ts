import type { PayableItem } from '../accounts/account.js';
import { invalid } from '../api/errors.js';
import { addMonths } from '../dates/calendar.js';
import { add, cents, formatMoneyAscii, subtract, ZERO, type Cents } from '../money.js';
import type { PlanFrequency, PlanRules, ScheduledInstallment } from './plan.js';
import { downPaymentOf, planSchedule } from './schedule.js';

/** The terms as the recovery executive typed them with the customer in front of them. */
export interface PlanTermsRequest {
  downPayment?: Cents;
  downPaymentPercent?: string;
  installments: number;
  frequency: PlanFrequency;
  firstDueOn: string;
}

export interface CheckedTerms {
  /** The arrears the plan takes over. */
  total: Cents;
  downPayment: Cents;
  schedule: ScheduledInstallment[];
  /** Why a branch manager must approve, in words; empty when no one need. */
  approvalReasons: string[];
}

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * Checks the terms against the arrears chosen (`covered`) and the rules, and
 * works out the exact schedule. Refuses, naming the field, anything that
 * could not make a plan; a plan beyond the approval limits is allowed but
 * comes back with the reasons a branch manager must approve it.
 */
export function checkPlanTerms(request: PlanTermsRequest, covered: readonly PayableItem[], today: string, rules: PlanRules, currency: string): CheckedTerms {
  const money = (amount: Cents) => formatMoneyAscii(amount, currency);
  const total = add(ZERO, ...covered.map((item) => item.open));
  if (covered.length === 0 || total <= 0) throw invalid('covers', 'Choose the arrears the plan covers');

  const downPayment = downPaymentFrom(request, total, money);
  const count = request.installments;
  if (!Number.isInteger(count) || count < 1) throw invalid('installments', 'Number of installments must be at least 1');
  if (count > rules.maxInstallments) throw invalid('installments', `A plan can have at most ${rules.maxInstallments} installments`);
  if (total - downPayment < count) {
    // Name the box that was typed in: the down payment as entered, or the count when there is none.
    const field = downPayment === 0 ? 'installments' : request.downPaymentPercent !== undefined ? 'downPaymentPercent' : 'downPayment';
    throw invalid(field, `${money(subtract(total, downPayment))} cannot be split into ${count} installments of at least ${money(cents(1))}`);
  }

  if (request.firstDueOn < today) throw invalid('firstDueOn', 'The first due date cannot be in the past');
  const latest = addMonths(today, 12);
  if (request.firstDueOn > latest) throw invalid('firstDueOn', `The first due date must be within a year, on or before ${latest}`);

  const schedule = planSchedule({ total, downPayment, installments: count, frequency: request.frequency, firstDueOn: request.firstDueOn, madeOn: today, downPaymentAs: rules.downPaymentAs });
  const approvalReasons: string[] = [];
  if (total > rules.approvalAboveAmount) approvalReasons.push(`Covers ${money(total)}, more than ${money(rules.approvalAboveAmount as Cents)}`);
  if (count > rules.approvalAboveInstallments) approvalReasons.push(`${count} installments, more than ${rules.approvalAboveInstallments}`);
  return { total, downPayment, schedule, approvalReasons };
}

/** The down payment as an amount, whether typed as one or as a percentage of the arrears. */
function downPaymentFrom(request: PlanTermsRequest, total: Cents, money: (amount: Cents) => string): Cents {
  const { downPayment, downPaymentPercent } = request;
  if (downPayment !== undefined && downPaymentPercent !== undefined) {
    throw invalid('downPayment', 'Give the down payment as an amount or as a percentage, not both');
  }
  if (downPaymentPercent !== undefined) {
    if (!PERCENT.test(downPaymentPercent)) throw invalid('downPaymentPercent', 'Down payment percentage must be a number like 20 or 12.5');
    if (Number(downPaymentPercent) > 100) throw invalid('downPaymentPercent', 'Down payment percentage cannot be more than 100');
    return downPaymentOf(total, downPaymentPercent);
  }
  if (downPayment === undefined) return ZERO;
  if (downPayment < 0) throw invalid('downPayment', 'Down payment cannot be negative');
  if (downPayment > total) throw invalid('downPayment', `Down payment cannot be more than the arrears of ${money(total)}`);
  return downPayment;
}
