import dayjs from 'dayjs';
import type { PlanView } from '../api/calls/plans.js';
import { cents, formatMoneyAscii } from '../money.js';
import type { PlanFrequency } from '../plans/plan.js';
import type { CounterSettings } from '../settings/settings.js';
import { documentHead, finishDocument, pair, rule, text, type Printing } from './document-parts.js';
import type { DocumentLine, PrintDocument } from './print-document.js';

const FREQUENCY_LABELS: Record<PlanFrequency, string> = { weekly: 'Weekly', fortnightly: 'Every 2 weeks', monthly: 'Monthly' };

/** Room to sign by hand, short enough for a 58 mm roll's 32 characters. */
const SIGNATURE = `Signature: ${'_'.repeat(20)}`;

const heading = (title: string) => text(title, { bold: true });
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The agreement the customer signs at the counter and takes home: what the
 * plan covers, the schedule in force and the terms in plain words. It is the
 * current version's: after a reschedule the new schedule is a new agreement,
 * dated and signed for by whoever made it. A reprint says COPY, as a receipt does.
 */
export function buildPlanAgreement(plan: PlanView, settings: CounterSettings, printing: Printing): PrintDocument {
  const money = (amount: number) => formatMoneyAscii(cents(amount), settings.currency);
  const day = (date: string) => dayjs(date).format(settings.dateFormat);
  const current = scheduleInForce(plan);
  const madeBy = current?.by ?? plan.createdBy;
  const approvedBy = current ? current.approvedBy : plan.approvedBy;
  const downPayment = plan.installments.find((i) => i.isDownPayment);
  const scheduleTotal = plan.installments.reduce((sum, i) => sum + i.amount, 0);

  const lines: DocumentLine[] = [
    ...documentHead(settings, 'PAYMENT PLAN AGREEMENT', printing),
    ...(plan.status === 'cancelled' ? [text('THIS PLAN HAS BEEN CANCELLED', { align: 'center', bold: true })] : []),
    pair('Plan no.', plan.number, true),
    ...(plan.version > 1 ? [pair('Schedule', `version ${plan.version}, rescheduled`)] : []),
    pair('Date', day(agreementMadeAt(plan))),
    text(plan.consumer.name, { bold: true }),
    pair('Account no.', plan.consumer.accountNumber),
    rule,

    heading('ARREARS COVERED'),
    ...plan.covers.map((c) => pair(c.reference, money(c.amount))),
    pair('Total', money(plan.total), true),
    pair('Down payment', plan.downPayment > 0 ? money(plan.downPayment) : 'None'),
    pair('Frequency', FREQUENCY_LABELS[plan.frequency]),
    rule,

    heading('SCHEDULE'),
    ...plan.installments.map((i) => pair(`#${i.number}  ${day(i.dueOn)}`, money(i.amount))),
    pair('Schedule total', money(scheduleTotal), true),
    ...(downPayment ? [text(`#${downPayment.number} is the down payment, due on the day of this agreement.`)] : []),
    rule,

    heading('TERMS'),
    ...terms(settings.plans).map((sentence) => text(sentence)),
    rule,

    heading('CUSTOMER'),
    { kind: 'blank' },
    text(SIGNATURE),
    text(`Name: ${plan.consumer.name}`),
    { kind: 'blank' },
    heading('RECOVERY EXECUTIVE'),
    { kind: 'blank' },
    text(SIGNATURE),
    text(`Name: ${madeBy}`),
    ...(approvedBy ? [pair('Approved by', approvedBy)] : []),
  ];
  return finishDocument('Payment plan agreement', plan.number, printing, lines);
}

/** The version whose schedule the agreement prints: the latest set, a cancel setting none. */
const scheduleInForce = (plan: PlanView) => plan.history.findLast((v) => v.version === plan.version && v.action !== 'cancelled');

/** When the schedule in force was agreed: prints of the agreement before then were of another schedule, not copies of this one. */
export function agreementMadeAt(plan: PlanView): string {
  return scheduleInForce(plan)?.at ?? plan.createdAt;
}

/** The terms in short sentences, with the counter's own grace and missed-installment rules. */
function terms({ graceDays, missedAllowed }: CounterSettings['plans']): string[] {
  // Without grace, or with no late installment allowed, a single day late breaks the plan.
  const breaking =
    graceDays === 0 || missedAllowed === 0
      ? ['An installment not paid by its due date breaks this plan.']
      : [
          `An installment more than ${plural(graceDays, 'day')} late breaks this plan.`,
          `More than ${plural(missedAllowed, 'installment')} late at one time also breaks it.`,
        ];
  return [
    'Pay each installment in full by its due date.',
    ...breaking,
    'While the plan is kept, the account is held from disconnection.',
    'A broken plan lifts the hold on disconnection.',
    'A late payment does not mend a broken plan; only a new schedule does.',
  ];
}
