/**
 * Acceptance tests of issue 6, payment plans, through the services exactly as
 * the renderer calls them: a recovery executive turns John Doe's arrears into
 * a plan, the down payment is taken at the counter, compliance is reviewed as
 * the days go by (alerts, the disconnection hold), and the plan is
 * rescheduled or cancelled; every bad input the issue names is refused with
 * its field, storing nothing.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../core/api/contract.js';
import type { PlanView } from '../../core/api/calls/plans.js';
import { type Caller, type CounterBackend, expectRefused, johnDoe, openCounter, paymentInput } from './counter-backend.js';

/** Monday 23 Nov 2026: John Doe's bills of 2025 are long overdue. */
const MORNING = new Date(2026, 10, 23, 8, 0, 0);
const MARY = { username: 'mary', pin: '3456' };

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(MORNING);
});
afterEach(() => counter.close());

const sql = () => counter.backend.store.db.$client;

/** What any refused call must leave untouched. */
function writes() {
  return {
    plans: counter.count('payment_plans'),
    installments: counter.count('installments'),
    versions: counter.count('plan_versions'),
    covers: counter.count('plan_covers'),
    lines: counter.count('plan_lines'),
    ledger: counter.count('ledger_lines'),
    outbox: counter.count('outbox'),
    audit: counter.count('audit_entries'),
    numbers: sql().prepare("select coalesce(sum(last_value), 0) as n from number_sequences where scope like 'plan%'").get(),
  };
}

/** John Doe's open bills and service charges: 145.50 + 152.25 + 75.00 + 25.00 = 397.75. */
async function johnsArrears(caller: Caller) {
  const john = await johnDoe(caller);
  const covers = [...john.account.bills, ...john.account.services].map((item) => ({ kind: item.kind as 'bill' | 'service', id: item.id }));
  return { john, covers };
}

/** 100.00 down today, then three monthly installments of 99.25 from 7 Dec 2026. */
async function terms(caller: Caller, fields: Partial<CallInput<'plan-preview'>> = {}): Promise<CallInput<'plan-preview'>> {
  const { john, covers } = await johnsArrears(caller);
  return { consumerId: john.id, covers, downPayment: '100.00', installments: 3, frequency: 'monthly', firstDueOn: '2026-12-07', ...fields };
}

async function makePlan(caller: Caller, fields: Partial<CallInput<'plan-create'>> = {}): Promise<PlanView> {
  return caller.call('plan-create', { id: uuidv7(), ...(await terms(caller)), ...fields });
}

/** Jane takes cash for installments of the plan, by number. */
async function payInstallment(plan: PlanView, number: number, amount: string) {
  const jane = await counter.as('jane');
  const installment = plan.installments.find((i) => i.number === number)!;
  return jane.call('payment-record', paymentInput(plan.consumer.id, [installment.id], { type: 'installment', amountPaid: amount, amountReceived: amount }, counter.now));
}

/** Moves the clock to a day of Dec 2026 or later, at 08:00. */
function moveTo(day: string) {
  const target = new Date(`${day}T08:00:00`);
  counter.advanceDays(Math.round((target.getTime() - counter.now.getTime()) / 86_400_000));
}

const postings = (planId: string) =>
  (sql().prepare('select kind, aggregate_id as aggregateId, account_id as accountId, amount, payload from outbox where aggregate_id = ? order by seq').all(planId) as Array<{ kind: string; aggregateId: string; accountId: string; amount: number; payload: string }>).map(
    (row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }),
  );
const statusOf = (planId: string) => (sql().prepare('select status from payment_plans where id = ?').get(planId) as { status: string }).status;

describe('making a plan', () => {
  it('previews the exact schedule, the down payment due today, and stores nothing', async () => {
    const samuel = await counter.as('samuel');
    const before = writes();
    expect(await samuel.call('plan-preview', await terms(samuel))).toEqual({
      total: 39_775,
      downPayment: 10_000,
      installments: [
        { number: 0, amount: 10_000, dueOn: '2026-11-23', isDownPayment: true },
        { number: 1, amount: 9_925, dueOn: '2026-12-07', isDownPayment: false },
        { number: 2, amount: 9_925, dueOn: '2027-01-07', isDownPayment: false },
        { number: 3, amount: 9_925, dueOn: '2027-02-07', isDownPayment: false },
      ],
      needsApproval: false,
      approvalReasons: [],
    });
    expect(writes()).toEqual(before);
  });

  it('takes a percentage down payment rounded half up, and gives the remainder cents to the last installment', async () => {
    const samuel = await counter.as('samuel');
    const { john } = await johnsArrears(samuel);
    const preview = await samuel.call('plan-preview', { ...(await terms(samuel)), covers: [{ kind: 'bill', id: john.item('INV-2025-001234').id }], downPayment: undefined, downPaymentPercent: '12.5', installments: 4, frequency: 'weekly', firstDueOn: '2026-11-30' });
    // 12.5% of 145.50 is 18.1875: 18.19. The 127.31 left is 4 × 31.82 with 3 cents over, on the last.
    expect(preview.installments.map((i) => [i.number, i.amount, i.dueOn])).toEqual([
      [0, 1_819, '2026-11-23'],
      [1, 3_182, '2026-11-30'],
      [2, 3_182, '2026-12-07'],
      [3, 3_182, '2026-12-14'],
      [4, 3_185, '2026-12-21'],
    ]);
  });

  it('moves the arrears onto the installments in one transaction: the account shows installments instead of bills and the balance does not move', async () => {
    const samuel = await counter.as('samuel');
    const { john } = await johnsArrears(samuel);
    const balance = john.account.balance;

    const plan = await makePlan(samuel);
    expect(plan).toMatchObject({
      number: 'PP-2026-T01-0001',
      consumer: { id: john.id, name: 'John Doe', accountNumber: 'WU-10001' },
      status: 'on_track',
      version: 1,
      frequency: 'monthly',
      total: 39_775,
      downPayment: 10_000,
      paid: 0,
      open: 39_775,
      nextDue: { number: 0, dueOn: '2026-11-23', open: 10_000 },
      hold: { active: true, since: MORNING.toISOString() },
      createdBy: 'Samuel Kiptoo',
      approvedBy: null,
    });
    expect(plan.covers.map((c) => [c.reference, c.amount])).toEqual([
      ['Late Fee', 2_500],
      ['INV-2025-001234', 14_550],
      ['Reconnection Fee', 7_500],
      ['INV-2025-001567', 15_225],
    ]);
    expect(plan.installments.map((i) => [i.number, i.amount, i.open, i.standing, i.isDownPayment])).toEqual([
      [0, 10_000, 10_000, 'due', true],
      [1, 9_925, 9_925, 'due', false],
      [2, 9_925, 9_925, 'due', false],
      [3, 9_925, 9_925, 'due', false],
    ]);
    expect(plan.history).toEqual([{ version: 1, action: 'created', at: MORNING.toISOString(), by: 'Samuel Kiptoo', reason: null, approvedBy: null, installments: plan.installments.map(({ number, amount, dueOn }) => ({ number, amount, dueOn })) }]);
    expect(plan.events.map((e) => [e.kind, e.text])).toEqual([
      ['created', 'Made by Samuel Kiptoo: KES 397.75 in 3 monthly installments after a down payment of KES 100.00'],
      ['hold_placed', 'Disconnection hold placed on the account'],
    ]);

    const after = await johnDoe(samuel);
    expect(after.account.balance).toBe(balance);
    expect(after.account.bills).toEqual([]);
    expect(after.account.services).toEqual([]);
    expect(after.account.installments.filter((i) => i.reference.startsWith('PP-2026')).map((i) => [i.reference, i.open, i.dueOn])).toEqual([
      ['PP-2026-T01-0001 #0', 10_000, '2026-11-23'],
      ['PP-2026-T01-0001 #1', 9_925, '2026-12-07'],
      ['PP-2026-T01-0001 #2', 9_925, '2027-01-07'],
      ['PP-2026-T01-0001 #3', 9_925, '2027-02-07'],
    ]);
    const lines = sql().prepare("select entry_kind as kind, item_kind as item, amount, description from ledger_lines where description like '%PP-2026-T01-0001%' order by seq").all();
    expect(lines).toEqual([
      { kind: 'adjustment', item: 'bill', amount: -14_550, description: 'Moved to plan PP-2026-T01-0001' },
      { kind: 'adjustment', item: 'bill', amount: -15_225, description: 'Moved to plan PP-2026-T01-0001' },
      { kind: 'adjustment', item: 'service', amount: -2_500, description: 'Moved to plan PP-2026-T01-0001' },
      { kind: 'adjustment', item: 'service', amount: -7_500, description: 'Moved to plan PP-2026-T01-0001' },
      { kind: 'charge', item: 'installment', amount: 10_000, description: 'Installment 0 of PP-2026-T01-0001' },
      { kind: 'charge', item: 'installment', amount: 9_925, description: 'Installment 1 of PP-2026-T01-0001' },
      { kind: 'charge', item: 'installment', amount: 9_925, description: 'Installment 2 of PP-2026-T01-0001' },
      { kind: 'charge', item: 'installment', amount: 9_925, description: 'Installment 3 of PP-2026-T01-0001' },
    ]);
    expect(sql().prepare("select action, user_id as userId from audit_entries where entity = 'payment_plan' and entity_id = ? order by seq").all(plan.id)).toEqual([
      { action: 'plan.created', userId: expect.any(String) },
      { action: 'plan.hold_placed', userId: expect.any(String) },
    ]);
  });

  it('tells the centre of the plan and of the hold, in the account\'s order', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    const [created, hold] = postings(plan.id);
    expect(created).toMatchObject({ kind: 'plan.created', aggregateId: plan.id, accountId: plan.consumer.id, amount: 0 });
    expect(Object.keys(created!.payload).sort()).toEqual(['consumer', 'covers', 'plan', 'schedule']);
    expect(created!.payload.covers).toHaveLength(4);
    expect(created!.payload.schedule).toHaveLength(4);
    expect(hold).toMatchObject({ kind: 'plan.hold_placed', aggregateId: plan.id, accountId: plan.consumer.id, payload: { planId: plan.id, consumerId: plan.consumer.id, since: MORNING.toISOString() } });
  });

  it("keeps the plan's history as written: its lines, versions and covered items cannot be edited or removed", async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    expect(() => sql().prepare("update plan_lines set kind = 'cancelled' where plan_id = ?").run(plan.id)).toThrow(/cannot be edited/);
    expect(() => sql().prepare('delete from plan_lines where plan_id = ?').run(plan.id)).toThrow(/never deleted/);
    expect(() => sql().prepare("update plan_versions set reason = 'x' where plan_id = ?").run(plan.id)).toThrow(/cannot be edited/);
    expect(() => sql().prepare('delete from plan_covers where plan_id = ?').run(plan.id)).toThrow(/never deleted/);
  });

  it('a double click makes one plan', async () => {
    const samuel = await counter.as('samuel');
    const input = { id: uuidv7(), ...(await terms(samuel)) };
    const first = await samuel.call('plan-create', input);
    expect(await samuel.call('plan-create', input)).toEqual(first);
    expect(counter.count('payment_plans')).toBe(2);
    expect(postings(first.id)).toHaveLength(2);
  });

  it('refuses a plan covering nothing, a down payment above the arrears, zero or absurd installments and a first due date in the past, storing nothing', async () => {
    const samuel = await counter.as('samuel');
    const input = { id: uuidv7(), ...(await terms(samuel)) };
    const before = writes();
    expect(expectRefused(await samuel.send('plan-create', { ...input, covers: [] }), 'VALIDATION', 'covers')).toBe('Choose the arrears the plan covers');
    expect(expectRefused(await samuel.send('plan-create', { ...input, downPayment: '400.00' }), 'VALIDATION', 'downPayment')).toBe('Down payment cannot be more than the arrears of KES 397.75');
    expect(expectRefused(await samuel.send('plan-create', { ...input, installments: 0 }), 'VALIDATION', 'installments')).toBe('Number of installments must be at least 1');
    expect(expectRefused(await samuel.send('plan-create', { ...input, installments: 500 }), 'VALIDATION', 'installments')).toBe('A plan can have at most 36 installments');
    expect(expectRefused(await samuel.send('plan-create', { ...input, installments: 2.5 }), 'VALIDATION', 'installments')).toBe('Number of installments must be a whole number');
    expect(expectRefused(await samuel.send('plan-create', { ...input, firstDueOn: '2026-11-22' }), 'VALIDATION', 'firstDueOn')).toBe('The first due date cannot be in the past');
    expectRefused(await samuel.send('plan-create', { ...input, frequency: 'daily' as 'weekly' }), 'VALIDATION', 'frequency');
    expect(writes()).toEqual(before);
  });

  it("refuses to cover another consumer's bill, or one already paid or on a plan", async () => {
    const samuel = await counter.as('samuel');
    const input = { id: uuidv7(), ...(await terms(samuel)) };
    const someoneElse = (await samuel.call('consumer-account', { consumerId: (await samuel.call('consumer-search', { query: 'WU-10002', limit: 1 }))[0]!.id })).bills[0]!;
    const before = writes();
    expect(expectRefused(await samuel.send('plan-create', { ...input, covers: [...input.covers, { kind: 'bill', id: someoneElse.id }] }), 'VALIDATION', 'covers')).toBe('No such bill on account WU-10001');
    expect(writes()).toEqual(before);

    await makePlan(samuel, { covers: input.covers.slice(0, 1), downPayment: undefined });
    const again = await samuel.send('plan-create', { ...input, id: uuidv7() });
    expect(expectRefused(again, 'VALIDATION', 'covers')).toMatch(/is paid or already on a plan/);
  });

  it('a cashier may not make a plan', async () => {
    const jane = await counter.as('jane');
    const before = writes();
    expectRefused(await jane.send('plan-create', { id: uuidv7(), ...(await terms(jane)) }), 'FORBIDDEN', undefined);
    expect(writes()).toEqual(before);
  });

  it("above the limits needs a branch manager's PIN: refused without one or with a cashier's, made with Mary's", async () => {
    const samuel = await counter.as('samuel');
    const input = { id: uuidv7(), ...(await terms(samuel)), installments: 13 };
    expect(await samuel.call('plan-preview', input)).toMatchObject({ needsApproval: true, approvalReasons: ['13 installments, more than 12'] });
    const before = writes();
    expect(expectRefused(await samuel.send('plan-create', input), 'VALIDATION', 'approval')).toBe("This plan needs a branch manager's approval: 13 installments, more than 12");
    expectRefused(await samuel.send('plan-create', { ...input, approval: { username: 'jane', pin: '1234' } }), 'FORBIDDEN', 'approval.username');
    expectRefused(await samuel.send('plan-create', { ...input, approval: { username: 'mary', pin: '0000' } }), 'FORBIDDEN', 'approval.pin');
    expect(writes()).toEqual(before);

    const plan = await samuel.call('plan-create', { ...input, approval: MARY });
    expect(plan).toMatchObject({ approvedBy: 'Mary Wanjiku', history: [{ approvedBy: 'Mary Wanjiku' }] });
    expect(plan.installments).toHaveLength(14);
  });
});

describe('the down payment', () => {
  it('is taken through the normal payment flow against installment 0, and the plan shows it paid', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    const receipt = await payInstallment(plan, 0, '100.00');
    expect(receipt).toMatchObject({ type: 'installment', amount: 10_000 });

    const after = await samuel.call('plan-view', { planId: plan.id });
    expect(after.installments[0]).toMatchObject({ number: 0, paid: 10_000, open: 0, standing: 'paid' });
    expect(after).toMatchObject({ status: 'on_track', paid: 10_000, open: 29_775, nextDue: { number: 1, dueOn: '2026-12-07', open: 9_925 } });
    expect((await johnDoe(samuel)).account.installments.map((i) => i.reference)).not.toContain('PP-2026-T01-0001 #0');
  });
});

describe('compliance', () => {
  it('an installment past due puts the plan at risk with one alert; past the grace days it breaks, the hold is released and the alert says so', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    await payInstallment(plan, 0, '100.00');

    moveTo('2026-12-08');
    const atRisk = await samuel.call('plan-view', { planId: plan.id });
    expect(atRisk).toMatchObject({ status: 'at_risk', hold: { active: true } });
    expect(atRisk.installments[1]).toMatchObject({ number: 1, standing: 'overdue' });
    const ours = async () => (await samuel.call('plan-alerts', {})).alerts.filter((a) => a.planId === plan.id);
    expect((await ours()).map((a) => [a.kind, a.message])).toEqual([['missed_installment', 'Installment 1 of PP-2026-T01-0001 (KES 99.25) was due 07 Dec 2026 and is unpaid']]);

    moveTo('2026-12-14');
    expect((await samuel.call('plan-view', { planId: plan.id })).status).toBe('at_risk');
    moveTo('2026-12-15');
    const broken = await samuel.call('plan-view', { planId: plan.id });
    expect(broken).toMatchObject({ status: 'broken', hold: { active: false, since: null } });
    expect(broken.installments[1]!.standing).toBe('missed');
    expect((await ours()).map((a) => [a.kind, a.message])).toEqual([
      ['broken', 'PP-2026-T01-0001 is broken: installment 1 missed. The disconnection hold on the account is released.'],
      ['missed_installment', 'Installment 1 of PP-2026-T01-0001 (KES 99.25) was due 07 Dec 2026 and is unpaid'],
    ]);
    expect(broken.events.map((e) => e.text)).toEqual([
      'Made by Samuel Kiptoo: KES 397.75 in 3 monthly installments after a down payment of KES 100.00',
      'Disconnection hold placed on the account',
      'Now at risk (was on track)',
      'Now broken (was at risk)',
      'Disconnection hold released: the plan is broken',
    ]);
    expect(postings(plan.id).map((p) => p.kind)).toEqual(['plan.created', 'plan.hold_placed', 'plan.status_changed', 'plan.status_changed', 'plan.hold_released']);
    expect(postings(plan.id)[3]).toMatchObject({ accountId: plan.consumer.id, payload: { from: 'at_risk', to: 'broken' } });
  });

  it('paying the overdue installment puts the plan back on track at once', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel, { downPayment: undefined });
    moveTo('2026-12-09');
    expect((await samuel.call('plan-view', { planId: plan.id })).status).toBe('at_risk');
    await payInstallment(plan, 1, '132.58');
    expect(statusOf(plan.id)).toBe('on_track');
  });

  it('a broken plan stays broken when the late installment is paid afterwards', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel, { downPayment: undefined });
    moveTo('2026-12-20');
    expect((await samuel.call('plan-view', { planId: plan.id })).status).toBe('broken');
    await payInstallment(plan, 1, '132.58');
    expect(statusOf(plan.id)).toBe('broken');
  });

  it('paying everything completes the plan and releases the hold, without an alert', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel, { downPayment: undefined, installments: 1 });
    await payInstallment(plan, 1, '397.75');
    const done = await samuel.call('plan-view', { planId: plan.id });
    expect(done).toMatchObject({ status: 'completed', paid: 39_775, open: 0, nextDue: null, hold: { active: false } });
    expect(done.events.slice(-2).map((e) => e.text)).toEqual(['Now completed (was on track)', 'Disconnection hold released: the plan is completed']);
    expect((await samuel.call('plan-alerts', {})).alerts.filter((a) => a.planId === plan.id)).toEqual([]);
  });

  it('reversing the payment that completed a plan opens it again, and the account is held again', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel, { downPayment: undefined, installments: 1 });
    const receipt = await payInstallment(plan, 1, '397.75');
    expect(statusOf(plan.id)).toBe('completed');
    await (await counter.as('jane')).call('payment-reverse', { paymentId: receipt.id, reason: 'Wrong account', approval: MARY });
    expect(await samuel.call('plan-view', { planId: plan.id })).toMatchObject({ status: 'on_track', paid: 0, open: 39_775, hold: { active: true } });
    expect(postings(plan.id).slice(-2).map((p) => [p.kind, p.payload.to ?? null])).toEqual([
      ['plan.status_changed', 'on_track'],
      ['plan.hold_placed', null],
    ]);
  });

  it('is reviewed when the counter starts, before anyone calls', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel, { downPayment: undefined });
    moveTo('2026-12-30');
    await counter.reopen();
    expect(statusOf(plan.id)).toBe('broken');
  });

  it("shows the centre's plan as version 1, monthly, with no covered items, broken since its installments were missed long ago, without telling the centre", async () => {
    const samuel = await counter.as('samuel');
    const [centre] = (await samuel.call('plans-of-consumer', { consumerId: (await johnDoe(samuel)).id })).filter((p) => p.number === 'PP-2025-0034');
    expect(centre).toMatchObject({ version: 1, frequency: 'monthly', total: 20_250, covers: [], status: 'broken', hold: { active: false }, createdBy: 'System' });
    expect(centre!.history).toEqual([
      {
        version: 1,
        action: 'created',
        at: '2025-03-20',
        by: 'System',
        reason: null,
        approvedBy: null,
        installments: [
          { number: 1, amount: 6_750, dueOn: '2025-04-15' },
          { number: 2, amount: 6_750, dueOn: '2025-05-15' },
          { number: 3, amount: 6_750, dueOn: '2025-06-15' },
        ],
      },
    ]);
    expect(centre!.installments.map((i) => i.standing)).toEqual(['missed', 'missed', 'missed']);
    // The review is for this counter's screens and alerts: the centre judges the plans it made.
    expect(centre!.events.map((e) => e.text)).toEqual(['Now broken (was on track)']);
    expect(postings(centre!.id)).toEqual([]);
  });

  it('alerts are acknowledged with a note and leave the badge count; the acknowledged are listed on request', async () => {
    const samuel = await counter.as('samuel');
    const { alerts, open } = await samuel.call('plan-alerts', {});
    expect(open).toBe(alerts.length);
    const alert = alerts.find((a) => a.kind === 'broken')!;
    const acknowledged = await samuel.call('plan-alert-acknowledge', { alertId: alert.id, note: 'Called John; coming in Friday' });
    expect(acknowledged).toMatchObject({ id: alert.id, acknowledgedAt: MORNING.toISOString(), acknowledgedBy: 'Samuel Kiptoo', note: 'Called John; coming in Friday' });
    expect(await samuel.call('plan-alert-acknowledge', { alertId: alert.id, note: 'again' })).toEqual(acknowledged);

    const after = await samuel.call('plan-alerts', {});
    expect(after.open).toBe(open - 1);
    expect(after.alerts.map((a) => a.id)).not.toContain(alert.id);
    expect((await samuel.call('plan-alerts', { includeAcknowledged: true })).alerts.find((a) => a.id === alert.id)).toEqual(acknowledged);
    expectRefused(await samuel.send('plan-alert-acknowledge', { alertId: uuidv7() }), 'NOT_FOUND', 'alertId');
    expectRefused(await (await counter.as('jane')).send('plan-alerts', {}), 'FORBIDDEN', undefined);
  });
});

describe('rescheduling', () => {
  it('makes version 2 over what is still open, keeps the paid installments, and gives a broken plan its hold back', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    await payInstallment(plan, 0, '100.00');
    moveTo('2026-12-20');
    expect((await samuel.call('plan-view', { planId: plan.id })).status).toBe('broken');
    const balance = (await johnDoe(samuel)).account.balance;

    const again = await samuel.call('plan-reschedule', { planId: plan.id, installments: 2, frequency: 'fortnightly', firstDueOn: '2027-01-04', reason: 'Lost his job; paid again from January' });
    expect(again).toMatchObject({ status: 'on_track', version: 2, frequency: 'fortnightly', paid: 10_000, open: 29_775, hold: { active: true, since: counter.now.toISOString() } });
    expect(again.installments.map((i) => [i.number, i.amount, i.dueOn, i.standing])).toEqual([
      [1, 14_887, '2027-01-04', 'due'],
      [2, 14_888, '2027-01-18', 'due'],
    ]);
    expect(again.history.map((v) => [v.version, v.action, v.reason, v.installments.length])).toEqual([
      [1, 'created', null, 4],
      [2, 'rescheduled', 'Lost his job; paid again from January', 2],
    ]);
    expect(again.events.slice(-3).map((e) => e.text)).toEqual([
      'Rescheduled by Samuel Kiptoo (version 2): KES 297.75 still open in 2 fortnightly installments. Reason: Lost his job; paid again from January',
      'Now on track (was broken)',
      'Disconnection hold placed on the account',
    ]);

    const account = (await johnDoe(samuel)).account;
    expect(account.balance).toBe(balance);
    expect(account.installments.filter((i) => i.reference.startsWith('PP-2026')).map((i) => [i.reference, i.open])).toEqual([
      ['PP-2026-T01-0001 v2 #1', 14_887],
      ['PP-2026-T01-0001 v2 #2', 14_888],
    ]);
    expect(postings(plan.id).slice(-3).map((p) => p.kind)).toEqual(['plan.rescheduled', 'plan.status_changed', 'plan.hold_placed']);
  });

  it('refuses a reschedule without a reason, by a cashier, or beyond the limits without approval, storing nothing', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    const jane = await counter.as('jane');
    const input = { planId: plan.id, installments: 3, frequency: 'monthly' as const, firstDueOn: '2027-01-10', reason: 'Asked for later dates' };
    const before = writes();
    expectRefused(await samuel.send('plan-reschedule', { ...input, reason: '  ' }), 'VALIDATION', 'reason');
    expectRefused(await jane.send('plan-reschedule', input), 'FORBIDDEN', undefined);
    expect(expectRefused(await samuel.send('plan-reschedule', { ...input, installments: 20 }), 'VALIDATION', 'approval')).toBe("This reschedule needs a branch manager's approval: 20 installments, more than 12");
    expectRefused(await samuel.send('plan-reschedule', { ...input, firstDueOn: '2026-11-01' }), 'VALIDATION', 'firstDueOn');
    expectRefused(await samuel.send('plan-reschedule', { ...input, planId: uuidv7() }), 'NOT_FOUND', 'planId');
    expect(writes()).toEqual(before);
  });
});

describe('cancelling', () => {
  it('returns what is open onto the covered bills and charges, oldest due first, and releases the hold; a recovery executive needs approval', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    await payInstallment(plan, 0, '100.00');
    const balance = (await johnDoe(samuel)).account.balance;
    const input = { planId: plan.id, reason: 'Customer will pay the bills as they were' };
    const before = writes();
    expect(expectRefused(await samuel.send('plan-cancel', input), 'VALIDATION', 'approval')).toBe("Cancelling a plan needs a branch manager's approval");
    expectRefused(await samuel.send('plan-cancel', { ...input, reason: '' }), 'VALIDATION', 'reason');
    expect(writes()).toEqual(before);

    const cancelled = await samuel.call('plan-cancel', { ...input, approval: MARY });
    expect(cancelled).toMatchObject({ status: 'cancelled', paid: 10_000, open: 0, nextDue: null, hold: { active: false } });
    expect(cancelled.history.map((v) => [v.version, v.action, v.reason, v.approvedBy])).toEqual([
      [1, 'created', null, null],
      [1, 'cancelled', 'Customer will pay the bills as they were', 'Mary Wanjiku'],
    ]);
    expect(cancelled.events.slice(-2).map((e) => e.text)).toEqual([
      'Cancelled by Samuel Kiptoo: KES 297.75 back on the arrears it covered, approved by Mary Wanjiku. Reason: Customer will pay the bills as they were',
      'Disconnection hold released: the plan is cancelled',
    ]);

    // 297.75 goes back: Late Fee 25.00, INV-…1234 145.50, Reconnection Fee 75.00, and 52.25 of INV-…1567.
    const account = (await johnDoe(samuel)).account;
    expect(account.balance).toBe(balance);
    expect([...account.bills, ...account.services].map((i) => [i.reference, i.open])).toEqual([
      ['INV-2025-001234', 14_550],
      ['INV-2025-001567', 5_225],
      ['Late Fee', 2_500],
      ['Reconnection Fee', 7_500],
    ]);
    expect(account.installments.filter((i) => i.reference.startsWith('PP-2026'))).toEqual([]);
    expect(postings(plan.id).slice(-2).map((p) => p.kind)).toEqual(['plan.cancelled', 'plan.hold_released']);
    expectRefused(await samuel.send('plan-cancel', { ...input, approval: MARY }), 'CONFLICT', 'planId');
  });

  it('a branch manager cancels without another approval', async () => {
    const samuel = await counter.as('samuel');
    const plan = await makePlan(samuel);
    const mary = await counter.as('mary');
    expect(await mary.call('plan-cancel', { planId: plan.id, reason: 'Entered by mistake' })).toMatchObject({ status: 'cancelled' });
  });

  it('a plan made at the centre is cancelled at the centre', async () => {
    const mary = await counter.as('mary');
    const [centre] = (await mary.call('plans-of-consumer', { consumerId: (await johnDoe(mary)).id })).filter((p) => p.number === 'PP-2025-0034');
    expect(expectRefused(await mary.send('plan-cancel', { planId: centre!.id, reason: 'Old plan' }), 'CONFLICT', 'planId')).toBe('PP-2025-0034 was made at the centre; it is cancelled there');
  });
});
