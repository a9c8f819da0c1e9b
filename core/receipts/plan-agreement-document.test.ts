import { describe, expect, it } from 'vitest';
import type { PlanView } from '../api/calls/plans.js';
import { DEFAULT_SETTINGS, type CounterSettings } from '../settings/settings.js';
import { buildPlanAgreement } from './plan-agreement-document.js';
import type { DocumentLine, PrintDocument } from './print-document.js';

/** Local times, so the printed dates do not depend on the machine's time zone. */
const at = (day: number, hour: number) => new Date(2026, 10, day, hour).toISOString();

/**
 * John Doe's plan PP-2026-T01-0001, made by Samuel on 23 Nov 2026 over his
 * arrears of 397.75: a 97.75 down payment today, then three monthly
 * installments of 100.00 from 15 Dec 2026.
 */
function johnsPlan(): PlanView {
  const installment = (number: number, amount: number, dueOn: string) => ({ id: `i${number}`, number, amount, dueOn, paid: 0, open: amount, standing: 'due' as const, isDownPayment: number === 0 });
  const installments = [installment(0, 9_775, '2026-11-23'), installment(1, 10_000, '2026-12-15'), installment(2, 10_000, '2027-01-15'), installment(3, 10_000, '2027-02-15')];
  return {
    id: 'p1',
    number: 'PP-2026-T01-0001',
    consumer: { id: 'c1', name: 'John Doe', accountNumber: 'WU-10001' },
    status: 'on_track',
    version: 1,
    frequency: 'monthly',
    total: 39_775,
    downPayment: 9_775,
    paid: 0,
    open: 39_775,
    covers: [
      { kind: 'bill', id: 'b1', reference: 'INV-2025-001234', amount: 14_550 },
      { kind: 'bill', id: 'b2', reference: 'INV-2025-001567', amount: 15_225 },
      { kind: 'service', id: 's1', reference: 'Reconnection Fee', amount: 7_500 },
      { kind: 'service', id: 's2', reference: 'Late Fee', amount: 2_500 },
    ],
    installments,
    nextDue: { number: 0, dueOn: '2026-11-23', open: 9_775 },
    hold: { active: true, since: at(23, 10) },
    createdAt: at(23, 10),
    createdBy: 'Samuel Kiptoo',
    approvedBy: null,
    history: [{ version: 1, action: 'created', at: at(23, 10), by: 'Samuel Kiptoo', reason: null, approvedBy: null, installments: installments.map(({ number, amount, dueOn }) => ({ number, amount, dueOn })) }],
    events: [],
  };
}

type Pair = Extract<DocumentLine, { kind: 'pair' }>;
const pairs = (document: PrintDocument) => document.lines.filter((line): line is Pair => line.kind === 'pair').map((line) => [line.left, line.right]);
const texts = (document: PrintDocument) => document.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
/** The lines after a heading, up to the next rule. */
function section(document: PrintDocument, heading: string): DocumentLine[] {
  const start = document.lines.findIndex((line) => line.kind === 'text' && line.text === heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = document.lines.findIndex((line, index) => index > start && line.kind === 'rule');
  return document.lines.slice(start + 1, end < 0 ? undefined : end);
}
const asPairs = (lines: DocumentLine[]) => lines.flatMap((line) => (line.kind === 'pair' ? [[line.left, line.right]] : []));
const asTexts = (lines: DocumentLine[]) => lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));

describe('the payment plan agreement', () => {
  const agreement = buildPlanAgreement(johnsPlan(), DEFAULT_SETTINGS, { copyNumber: 0 });

  it('is headed with the utility, the branch and PAYMENT PLAN AGREEMENT, and names the plan, its date and the customer', () => {
    expect(texts(agreement).slice(0, 3)).toEqual(['Cityville Water & Power', 'Cityville Service Centre', 'PAYMENT PLAN AGREEMENT']);
    expect(pairs(agreement).slice(0, 3)).toEqual([
      ['Plan no.', 'PP-2026-T01-0001'],
      ['Date', '23 Nov 2026'],
      ['Account no.', 'WU-10001'],
    ]);
    expect(texts(agreement)).toContain('John Doe');
  });

  it('lists the arrears it covers with their amounts, the total, the down payment and the frequency', () => {
    expect(asPairs(section(agreement, 'ARREARS COVERED'))).toEqual([
      ['INV-2025-001234', 'KES 145.50'],
      ['INV-2025-001567', 'KES 152.25'],
      ['Reconnection Fee', 'KES 75.00'],
      ['Late Fee', 'KES 25.00'],
      ['Total', 'KES 397.75'],
      ['Down payment', 'KES 97.75'],
      ['Frequency', 'Monthly'],
    ]);
  });

  it('prints the schedule, number, due date and amount, adding up to the total, and says which is the down payment', () => {
    const schedule = section(agreement, 'SCHEDULE');
    expect(asPairs(schedule)).toEqual([
      ['#0  23 Nov 2026', 'KES 97.75'],
      ['#1  15 Dec 2026', 'KES 100.00'],
      ['#2  15 Jan 2027', 'KES 100.00'],
      ['#3  15 Feb 2027', 'KES 100.00'],
      ['Schedule total', 'KES 397.75'],
    ]);
    expect(asTexts(schedule)).toEqual(['#0 is the down payment, due on the day of this agreement.']);
  });

  it('states the terms in short sentences, with the grace days and the late installments allowed from settings', () => {
    expect(asTexts(section(agreement, 'TERMS'))).toEqual([
      'Pay each installment in full by its due date.',
      'An installment more than 7 days late breaks this plan.',
      'More than 1 installment late at one time also breaks it.',
      'While the plan is kept, the account is held from disconnection.',
      'A broken plan lifts the hold on disconnection.',
      'A late payment does not mend a broken plan; only a new schedule does.',
    ]);
    const strict: CounterSettings = { ...DEFAULT_SETTINGS, plans: { ...DEFAULT_SETTINGS.plans, graceDays: 3, missedAllowed: 2 } };
    expect(asTexts(section(buildPlanAgreement(johnsPlan(), strict, { copyNumber: 0 }), 'TERMS')).slice(1, 3)).toEqual([
      'An installment more than 3 days late breaks this plan.',
      'More than 2 installments late at one time also breaks it.',
    ]);
    const noGrace: CounterSettings = { ...DEFAULT_SETTINGS, plans: { ...DEFAULT_SETTINGS.plans, graceDays: 0 } };
    expect(asTexts(section(buildPlanAgreement(johnsPlan(), noGrace, { copyNumber: 0 }), 'TERMS'))[1]).toBe('An installment not paid by its due date breaks this plan.');
  });

  it('ends with a line to sign for the customer and for the recovery executive who made the plan', () => {
    const end = texts(agreement).slice(-6);
    expect(end).toEqual(['CUSTOMER', 'Signature: ____________________', 'Name: John Doe', 'RECOVERY EXECUTIVE', 'Signature: ____________________', 'Name: Samuel Kiptoo']);
  });

  it('names the branch manager who approved a plan above the limits', () => {
    const plan = johnsPlan();
    plan.approvedBy = 'Mary Wanjiku';
    plan.history[0]!.approvedBy = 'Mary Wanjiku';
    expect(pairs(buildPlanAgreement(plan, DEFAULT_SETTINGS, { copyNumber: 0 })).at(-1)).toEqual(['Approved by', 'Mary Wanjiku']);
  });

  it('after a reschedule is the new schedule, dated and signed for by whoever rescheduled it', () => {
    const plan = johnsPlan();
    plan.version = 2;
    plan.installments = [{ id: 'i9', number: 1, amount: 30_000, dueOn: '2027-01-31', paid: 0, open: 30_000, standing: 'due', isDownPayment: false }];
    plan.history.push({ version: 2, action: 'rescheduled', at: at(30, 9), by: 'Mary Wanjiku', reason: 'Lost his job', approvedBy: null, installments: [{ number: 1, amount: 30_000, dueOn: '2027-01-31' }] });
    const rescheduled = buildPlanAgreement(plan, DEFAULT_SETTINGS, { copyNumber: 0 });
    expect(pairs(rescheduled).slice(0, 3)).toEqual([
      ['Plan no.', 'PP-2026-T01-0001'],
      ['Schedule', 'version 2, rescheduled'],
      ['Date', '30 Nov 2026'],
    ]);
    expect(asPairs(section(rescheduled, 'SCHEDULE'))).toEqual([
      ['#1  31 Jan 2027', 'KES 300.00'],
      ['Schedule total', 'KES 300.00'],
    ]);
    expect(texts(rescheduled).at(-1)).toBe('Name: Mary Wanjiku');
  });

  it('says so on a cancelled plan', () => {
    const plan = { ...johnsPlan(), status: 'cancelled' as const };
    expect(texts(buildPlanAgreement(plan, DEFAULT_SETTINGS, { copyNumber: 0 }))).toContain('THIS PLAN HAS BEEN CANCELLED');
  });

  it('fits a 58 mm roll: every figure on one 32-character line with its label', () => {
    const tooWide = agreement.lines.filter((line) => line.kind === 'pair' && line.left.length + 1 + line.right.length > 32);
    expect(tooWide).toEqual([]);
  });

  it('is named for the PDF by the plan number, and a reprint says COPY', () => {
    expect([agreement.title, agreement.fileName, agreement.copy]).toEqual(['Payment plan agreement PP-2026-T01-0001', 'payment-plan-agreement-PP-2026-T01-0001', false]);
    const copy = buildPlanAgreement(johnsPlan(), DEFAULT_SETTINGS, { copyNumber: 1 });
    expect([copy.title, copy.copy]).toEqual(['Payment plan agreement PP-2026-T01-0001 (COPY)', true]);
    expect(texts(copy)).toContain('*** COPY ***');
  });

  it('prints only plain ASCII', () => {
    const plan = johnsPlan();
    plan.consumer.name = 'Zoë Wanjiru';
    expect(texts(buildPlanAgreement(plan, DEFAULT_SETTINGS, { copyNumber: 0 }))).toContain('Name: Zoe Wanjiru');
  });
});
