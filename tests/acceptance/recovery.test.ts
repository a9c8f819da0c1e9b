/**
 * Acceptance tests of the recovery desk (issue 6), through the services
 * exactly as the renderer calls them: finding delinquent accounts on the demo
 * data with every filter and sort, the collection report after a plan is made
 * and paid, the plan rules an administrator sets, and the printed agreement;
 * every bad input refused naming its field.
 *
 * The clock stands on 15 Nov 2026, the day the generated consumers' November
 * bills fall due: those are due, not yet arrears. By hand from
 * db/seed/demo-data.ts: John Doe (WU-10001) owes 145.50 + 152.25 on two bills
 * and 75.00 + 25.00 on two service charges, all from 2025, the oldest the
 * Late Fee due 10 Apr 2025 (584 days ago), and has the centre's plan
 * PP-2025-0034. Daniel Mutua (WU-10002) owes 105.50 due 15 Oct and 66.00 due
 * 15 Sep (61 days), his 241.50 due today not counted. Grace Hassan (WU-10003)
 * has only a bill due today and is not in arrears. Quincy Otieno (WU-10004),
 * disconnected, owes 23.50 + 170.50 from 15 Oct and 15 Sep.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../core/api/contract.js';
import { cents } from '../../core/money.js';
import { arrearsOf, daysOverdue } from '../../core/plans/delinquency.js';
import { openBackend } from '../../electron/backend.js';
import { decodeEscPos } from '../support/escpos-decoder.js';
import { startFakePrinter } from '../support/fake-printer.js';
import { type Caller, type CounterBackend, accountOf, expectRefused, openCounter, openItem, paymentInput } from './counter-backend.js';

const NOV_15 = new Date(2026, 10, 15, 9, 0, 0);
const TODAY = '2026-11-15';

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(NOV_15);
});
afterEach(() => counter.close());

type Delinquent = CallOutput<'delinquent-search'>['rows'][number];
const search = (caller: Caller, input: CallInput<'delinquent-search'> = {}) => caller.call('delinquent-search', { limit: 10_000, ...input });
const accounts = (rows: Delinquent[]) => rows.map((r) => r.accountNumber);
const byAccount = (rows: Delinquent[], accountNumber: string) => rows.find((r) => r.accountNumber === accountNumber);

/**
 * Every demo account's arrears as its account screen shows them (its open
 * items) and core's rule sums them: what the search must agree with.
 */
async function arrearsByAccountScreen(caller: Caller) {
  const ids = counter.backend.store.db.$client.prepare('select id from consumers').pluck().all() as string[];
  const found = [];
  for (const consumerId of ids) {
    const account = await caller.call('consumer-account', { consumerId });
    const { arrears, oldestDueOn } = arrearsOf([...account.bills, ...account.services, ...account.installments].map((item) => ({ ...item, open: cents(item.open) })), TODAY);
    if (arrears > 0) found.push({ accountNumber: account.consumer.accountNumber, name: account.consumer.name, status: account.consumer.status, arrears, oldestDueOn, daysOverdue: daysOverdue(oldestDueOn, TODAY) });
  }
  return found;
}
const figures = (rows: ReadonlyArray<Pick<Delinquent, 'accountNumber' | 'arrears' | 'oldestDueOn' | 'daysOverdue'>>) => rows.map((r) => [r.accountNumber, r.arrears, r.oldestDueOn, r.daysOverdue]);
const byAccountNumber = (a: { accountNumber: string }, b: { accountNumber: string }) => a.accountNumber.localeCompare(b.accountNumber);

describe('finding delinquent accounts', () => {
  it('shows each account\'s arrears, oldest unpaid due date, days overdue and running plan, counted by hand', async () => {
    const samuel = await counter.as('samuel');
    const found = await search(samuel);
    expect(byAccount(found.rows, 'WU-10001')).toMatchObject({ name: 'John Doe', status: 'active', arrears: 39_775, oldestDueOn: '2025-04-10', daysOverdue: 584, plan: { number: 'PP-2025-0034' } });
    expect(byAccount(found.rows, 'WU-10002')).toMatchObject({ name: 'Daniel Mutua', arrears: 17_150, oldestDueOn: '2026-09-15', daysOverdue: 61, plan: null });
    expect(byAccount(found.rows, 'WU-10003')).toBeUndefined();
    expect(byAccount(found.rows, 'WU-10004')).toMatchObject({ name: 'Quincy Otieno', status: 'disconnected', arrears: 19_400, daysOverdue: 61 });
    expect(found.total).toBe(found.rows.length);
  });

  it('agrees with every demo account\'s own screen, largest arrears first and account number breaking ties', async () => {
    const samuel = await counter.as('samuel');
    const expected = (await arrearsByAccountScreen(samuel)).sort((a, b) => b.arrears - a.arrears || byAccountNumber(a, b));
    const found = await search(samuel);
    expect(found.total).toBe(expected.length);
    expect(figures(found.rows)).toEqual(figures(expected));
  });

  it('filters by arrears strictly above an amount, and by more than N days overdue', async () => {
    const samuel = await counter.as('samuel');
    expect(accounts((await search(samuel, { arrearsAbove: '397.75' })).rows)).not.toContain('WU-10001');
    expect(accounts((await search(samuel, { arrearsAbove: '397.74' })).rows)).toContain('WU-10001');
    const above = await search(samuel, { arrearsAbove: '800.00' });
    expect(above.rows.every((r) => r.arrears > 80_000)).toBe(true);
    expect(above.total).toBe(above.rows.length);

    expect(accounts((await search(samuel, { overdueDaysAbove: 61 })).rows)).not.toContain('WU-10002');
    expect(accounts((await search(samuel, { overdueDaysAbove: 60 })).rows)).toContain('WU-10002');
    // Only John Doe's arrears are more than a year old.
    expect(accounts((await search(samuel, { overdueDaysAbove: 365 })).rows)).toEqual(['WU-10001']);
  });

  it('filters by account status and by whether a plan is running', async () => {
    const samuel = await counter.as('samuel');
    const all = (await search(samuel)).rows;
    const stopped = await search(samuel, { status: ['suspended', 'disconnected'] });
    expect(stopped.rows.length).toBeGreaterThan(0);
    expect(figures(stopped.rows)).toEqual(figures(all.filter((r) => r.status !== 'active')));
    expect((await search(samuel, { status: ['disconnected'] })).rows.every((r) => r.status === 'disconnected')).toBe(true);

    expect(accounts((await search(samuel, { plan: 'with' })).rows)).toEqual(['WU-10001']);
    const without = await search(samuel, { plan: 'without' });
    expect(without.total).toBe(all.length - 1);
    expect(accounts(without.rows)).not.toContain('WU-10001');
  });

  it('sorts by days overdue, name or account number either way, ties by account number', async () => {
    const samuel = await counter.as('samuel');
    const all = (await search(samuel)).rows;
    const mostOverdue = (await search(samuel, { sort: 'daysOverdue', direction: 'desc' })).rows;
    expect(figures(mostOverdue)).toEqual(figures([...all].sort((a, b) => b.daysOverdue - a.daysOverdue || byAccountNumber(a, b))));
    expect(mostOverdue[0]!.accountNumber).toBe('WU-10001');
    const leastOverdue = (await search(samuel, { sort: 'daysOverdue', direction: 'asc' })).rows;
    expect(figures(leastOverdue)).toEqual(figures([...all].sort((a, b) => a.daysOverdue - b.daysOverdue || byAccountNumber(a, b))));

    const byName = (await search(samuel, { sort: 'name', direction: 'asc' })).rows;
    const nameOrder = (a: Delinquent, b: Delinquent) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : byAccountNumber(a, b));
    expect(accounts(byName)).toEqual(accounts([...all].sort(nameOrder)));

    expect(accounts((await search(samuel, { sort: 'accountNumber', direction: 'desc' })).rows)).toEqual(accounts([...all].sort(byAccountNumber).reverse()));
    expect(accounts((await search(samuel, { sort: 'arrears', direction: 'asc' })).rows)).toEqual(accounts([...all].sort((a, b) => a.arrears - b.arrears || byAccountNumber(a, b))));
  });

  it('pages with limit and offset, the total counting every match, a page past the end empty', async () => {
    const samuel = await counter.as('samuel');
    const all = await search(samuel);
    const page = await samuel.call('delinquent-search', { limit: 5, offset: 5 });
    expect([accounts(page.rows), page.total]).toEqual([accounts(all.rows.slice(5, 10)), all.total]);
    const first = await samuel.call('delinquent-search', {});
    expect(first.rows).toHaveLength(50);
    expect(await samuel.call('delinquent-search', { offset: all.total + 10 })).toEqual({ rows: [], total: all.total });
  });

  it('refuses bad filters naming the field, and a cashier', async () => {
    const samuel = await counter.as('samuel');
    const refused = async (input: Record<string, unknown>, field: string) => expectRefused(await samuel.send('delinquent-search', input), 'VALIDATION', field);
    expect(await refused({ arrearsAbove: 'lots' }, 'arrearsAbove')).toBe('Arrears above must be a number, like 150.00');
    expect(await refused({ overdueDaysAbove: -1 }, 'overdueDaysAbove')).toBe('Days overdue must be at least 0');
    expect(await refused({ overdueDaysAbove: 2.5 }, 'overdueDaysAbove')).toBe('Days overdue must be a whole number');
    await refused({ status: ['closed'] }, 'status');
    await refused({ plan: 'maybe' }, 'plan');
    await refused({ sort: 'balance' }, 'sort');
    await refused({ direction: 'up' }, 'direction');
    await refused({ limit: 0 }, 'limit');

    const jane = await counter.as('jane');
    expect(expectRefused(await jane.send('delinquent-search', {}), 'FORBIDDEN', undefined)).toBe('Your role may not do this');
  });

  it('answers for a branch manager too, and an account whose arrears all went onto a plan leaves the list', async () => {
    const samuel = await counter.as('samuel');
    await danielsPlan(samuel);
    const mary = await counter.as('mary');
    expect(accounts((await search(mary)).rows)).not.toContain('WU-10002');
  });
});

/**
 * Samuel puts Daniel Mutua's two past-due bills (171.50) on a plan: 50.00
 * down today, then three monthly installments of 40.50 from 15 Dec 2026.
 */
async function danielsPlan(samuel: Caller) {
  const daniel = await accountOf(samuel, 'WU-10002');
  const covers = ['INV-2026-020001', 'INV-2026-020002'].map((reference) => ({ kind: 'bill' as const, id: openItem(daniel, reference).id }));
  return samuel.call('plan-create', { id: uuidv7(), consumerId: daniel.consumer.id, covers, downPayment: '50.00', installments: 3, frequency: 'monthly', firstDueOn: '2026-12-15' });
}

describe('the collection report', () => {
  async function report(caller: Caller, from: string, to: string) {
    return caller.call('plan-collection-report', { from, to });
  }

  it('counts the plan made, schedules its down payment and collects it, a reversed payment counting nothing; compliance once grace is over', async () => {
    const samuel = await counter.as('samuel');
    const plan = await danielsPlan(samuel);
    expect(plan.installments.map((i) => [i.number, i.amount, i.dueOn])).toEqual([
      [0, 5_000, TODAY],
      [1, 4_050, '2026-12-15'],
      [2, 4_050, '2027-01-15'],
      [3, 4_050, '2027-02-15'],
    ]);

    // Jane takes the down payment, Mary reverses it (wrong amount keyed), and Jane takes it again.
    const jane = await counter.as('jane');
    const downPayment = async () => {
      const daniel = await accountOf(jane, 'WU-10002');
      return jane.call('payment-record', paymentInput(daniel.consumer.id, [openItem(daniel, `${plan.number} #0`).id], { type: 'installment', amountPaid: '50.00', amountReceived: '50.00' }, counter.now));
    };
    const first = await downPayment();
    await jane.call('payment-reverse', { paymentId: first.id, reason: 'Keyed on the wrong installment', approval: { username: 'mary', pin: '3456' } });
    await downPayment();

    const statuses = async () => {
      const john = await accountOf(samuel, 'WU-10001');
      const plans = [...(await samuel.call('plans-of-consumer', { consumerId: john.consumer.id })), await samuel.call('plan-view', { planId: plan.id })];
      const count = (wanted: string[]) => plans.filter((p) => wanted.includes(p.status)).length;
      return { active: count(['on_track', 'at_risk']), completed: count(['completed']), broken: count(['broken']), cancelled: count(['cancelled']) };
    };

    const november = await report(samuel, '2026-11-01', '2026-11-30');
    expect(november).toMatchObject({ created: 1, scheduled: 5_000, collected: 5_000, complianceRate: null, ...(await statuses()) });
    expect(november.plans.map((p) => [p.number, p.consumerName, p.accountNumber, p.status, p.scheduled, p.collected])).toEqual([[plan.number, 'Daniel Mutua', 'WU-10002', 'on_track', 5_000, 5_000]]);

    // 25 Nov: the down payment's grace ran out on the 22nd, and it had been paid in full in time.
    counter.advanceDays(10);
    expect(await report(samuel, '2026-11-01', '2026-11-30')).toMatchObject({ complianceRate: 100, collected: 5_000 });
    expect(await report(samuel, '2026-12-01', '2026-12-31')).toMatchObject({ created: 0, scheduled: 4_050, collected: 0, complianceRate: null });

    // 24 Dec: the 15 Dec installment is past its grace, unpaid.
    counter.advanceDays(29);
    const december = await report(samuel, '2026-12-01', '2026-12-31');
    expect(december).toMatchObject({ scheduled: 4_050, collected: 0, complianceRate: 0, ...(await statuses()) });
    expect(december.plans.map((p) => p.status)).toEqual([(await samuel.call('plan-view', { planId: plan.id })).status]);
  });

  it('has nothing scheduled and no compliance rate in a period when no installment fell due', async () => {
    const samuel = await counter.as('samuel');
    await danielsPlan(samuel);
    expect(await report(samuel, '2026-10-01', '2026-10-31')).toMatchObject({ created: 0, scheduled: 0, collected: 0, complianceRate: null, plans: [] });
  });

  it('refuses a period that ends before it starts or a date that is not one, and a cashier', async () => {
    const samuel = await counter.as('samuel');
    expect(expectRefused(await samuel.send('plan-collection-report', { from: '2026-12-01', to: '2026-11-30' }), 'VALIDATION', 'to')).toBe('From must be on or before To');
    expect(expectRefused(await samuel.send('plan-collection-report', { from: '2026-02-30', to: '2026-03-31' }), 'VALIDATION', 'from')).toBe('From is not a real date');
    const jane = await counter.as('jane');
    expectRefused(await jane.send('plan-collection-report', { from: '2026-11-01', to: '2026-11-30' }), 'FORBIDDEN', undefined);
  });
});

describe('plan rules in settings', () => {
  const rules: CallInput<'settings-plans-set'> = { graceDays: 10, missedAllowed: 2, approvalAboveAmount: '60000.00', approvalAboveInstallments: 10, maxInstallments: 24, downPaymentAs: 'first_installment' };
  const audits = () => counter.backend.store.db.$client.prepare("select before, after from audit_entries where action = 'settings.plans'").all() as Array<{ before: string; after: string }>;

  it('an administrator saves them, audited with what they were before', async () => {
    const admin = await counter.as('admin');
    expect(await admin.call('settings-plans-set', rules)).toEqual({ ok: true });
    expect((await admin.call('settings-get', {})).plans).toEqual({ graceDays: 10, missedAllowed: 2, approvalAboveAmount: 6_000_000, approvalAboveInstallments: 10, maxInstallments: 24, downPaymentAs: 'first_installment' });
    const [entry] = audits();
    expect(JSON.parse(entry!.before)).toMatchObject({ graceDays: 7, approvalAboveAmount: 5_000_000 });
    expect(JSON.parse(entry!.after)).toMatchObject({ graceDays: 10, approvalAboveAmount: 6_000_000 });
  });

  it('a branch manager or a recovery executive is refused, and bad values are refused naming the field; nothing changes', async () => {
    const before = await (await counter.as('admin')).call('settings-get', {});
    for (const user of ['mary', 'samuel'] as const) expectRefused(await (await counter.as(user)).send('settings-plans-set', rules), 'FORBIDDEN', undefined);
    const admin = await counter.as('admin');
    expect(expectRefused(await admin.send('settings-plans-set', { ...rules, graceDays: 91 }), 'VALIDATION', 'graceDays')).toBe('Grace days must be at most 90');
    expectRefused(await admin.send('settings-plans-set', { ...rules, approvalAboveAmount: '0' }), 'VALIDATION', 'approvalAboveAmount');
    expectRefused(await admin.send('settings-plans-set', { ...rules, downPaymentAs: 'never' } as unknown as CallInput<'settings-plans-set'>), 'VALIDATION', 'downPaymentAs');
    expect((await admin.call('settings-get', {})).plans).toEqual(before.plans);
    expect(audits()).toEqual([]);
  });
});

describe('the plan agreement', () => {
  type Document = CallOutput<'document-preview'>;
  const texts = (document: Document) => document.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
  const pairs = (document: Document) => document.lines.flatMap((line) => (line.kind === 'pair' ? [[line.left, line.right]] : []));

  it('previews with the plan, the customer, the arrears covered, the schedule and the grace days from settings', async () => {
    const samuel = await counter.as('samuel');
    const plan = await danielsPlan(samuel);
    const agreement = await samuel.call('document-preview', { document: 'plan_agreement', id: plan.id });
    expect(agreement).toMatchObject({ title: `Payment plan agreement ${plan.number}`, copy: false });
    expect(texts(agreement)).toEqual(expect.arrayContaining(['PAYMENT PLAN AGREEMENT', 'Daniel Mutua', 'An installment more than 7 days late breaks this plan.', 'Name: Samuel Kiptoo']));
    expect(pairs(agreement)).toEqual(
      expect.arrayContaining([
        ['Plan no.', plan.number],
        ['Date', '15 Nov 2026'],
        ['Account no.', 'WU-10002'],
        ['INV-2026-020001', 'KES 105.50'],
        ['INV-2026-020002', 'KES 66.00'],
        ['Total', 'KES 171.50'],
        ['Down payment', 'KES 50.00'],
        ['#0  15 Nov 2026', 'KES 50.00'],
        ['#3  15 Feb 2027', 'KES 40.50'],
      ]),
    );

    const admin = await counter.as('admin');
    await admin.call('settings-plans-set', { graceDays: 3, missedAllowed: 1, approvalAboveAmount: '50000.00', approvalAboveInstallments: 12, maxInstallments: 36, downPaymentAs: 'installment_zero' });
    expect(texts(await samuel.call('document-preview', { document: 'plan_agreement', id: plan.id }))).toContain('An installment more than 3 days late breaks this plan.');
  });

  it('downloads as a PDF, and is refused for an unknown plan', async () => {
    const samuel = await counter.as('samuel');
    const plan = await danielsPlan(samuel);
    const pdf = await samuel.call('document-pdf', { document: 'plan_agreement', id: plan.id });
    expect(pdf.fileName).toBe(`payment-plan-agreement-${plan.number}`);
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(expectRefused(await samuel.send('document-preview', { document: 'plan_agreement', id: uuidv7() }), 'NOT_FOUND', 'id')).toBe('No payment plan with this id');
  });

  it('prints on 58 mm and 80 mm paper within the roll, the recovery executive printing it; a reprint says COPY', async () => {
    // The same backend on the same database, but sending to a printer for real: a fake one on loopback.
    counter.backend.close();
    counter.backend = openBackend({ dataDir: counter.backend.dataDir, demo: true, clock: () => counter.now });
    const printer = await startFakePrinter();
    try {
      const samuel = await counter.as('samuel');
      const plan = await danielsPlan(samuel);
      const mary = await counter.as('mary');
      await mary.call('printer-set', { address: printer.address, paperWidth: 58 });
      const first = await samuel.call('document-print', { document: 'plan_agreement', id: plan.id });
      await mary.call('printer-set', { address: printer.address, paperWidth: 80 });
      const second = await samuel.call('document-print', { document: 'plan_agreement', id: plan.id });
      expect([first.status, first.copy, second.status, second.copy]).toEqual(['printed', false, 'printed', true]);

      const [narrow, wide] = (await printer.waitForJobs(2)).map(decodeEscPos);
      for (const [paper, columns] of [[narrow!, 32], [wide!, 48]] as const) {
        expect(paper.lines).toContain('PAYMENT PLAN AGREEMENT');
        expect(paper.text).toContain('Daniel Mutua');
        for (const width of paper.widths) expect(width).toBeLessThanOrEqual(columns);
      }
      expect(narrow!.text).not.toContain('COPY');
      expect(wide!.text).toContain('*** COPY ***');
      expect((await samuel.call('document-preview', { document: 'plan_agreement', id: plan.id })).copy).toBe(true);
    } finally {
      await printer.close();
    }
  });

  it('a recovery executive prints agreements only, not a receipt', async () => {
    const samuel = await counter.as('samuel');
    const jane = await counter.as('jane');
    const daniel = await accountOf(jane, 'WU-10002');
    const receipt = await jane.call('payment-record', paymentInput(daniel.consumer.id, [openItem(daniel, 'INV-2026-020002').id], { amountPaid: '66.00', amountReceived: '100.00' }, counter.now));
    const jobs = counter.count('print_jobs');
    expect(expectRefused(await samuel.send('document-print', { document: 'receipt', id: receipt.id }), 'FORBIDDEN', 'document')).toBe('A recovery executive prints plan agreements only');
    expect(counter.count('print_jobs')).toBe(jobs);
  });
});
