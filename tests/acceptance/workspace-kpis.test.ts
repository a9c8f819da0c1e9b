/**
 * Acceptance tests of the KPI header and the charts of issue 7, through the
 * services as the workspace calls them: Jane takes payments into her till,
 * some backdated, Mary approves a reversal, an online payment waits for its
 * settlement, and Mary reads figures computed by hand from those payments.
 * Then a seeded run of payments, reversals and status changes checks that
 * the daily summary always equals what the payments themselves add up to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../core/api/contract.js';
import { seededRandom } from '../../db/seed/demo-data.js';
import { applyChangesPage } from '../../db/sync/apply-changes.js';
import { accountOf, type Caller, type CounterBackend, dayOf, expectRefused, johnDoe, openCounter, openItem, paymentInput } from './counter-backend.js';

const APPROVAL = { username: 'mary', pin: '3456' };

let counter: CounterBackend;
afterEach(() => counter.close());

const sql = () => counter.backend.store.db.$client;

/** Jane pays one of John Doe's items in full, on the day given. */
async function pay(jane: Caller, reference: string, amountPaid: string, paymentDate: string, fields: Partial<CallInput<'payment-record'>> = {}) {
  const john = await johnDoe(jane);
  return jane.call('payment-record', paymentInput(john.id, [john.item(reference).id], { amountPaid, amountReceived: amountPaid, paymentDate, ...fields }, counter.now));
}

/** The centre reports an online card payment of INV-2025-001567 on 16 May 2025, first unsettled, then with `settlement`. */
function onlinePayment(consumerId: string, billId: string, settlementStatus: 'created' | 'paid', seq: number) {
  const data = {
    id: '01970000-0000-7000-8000-000000000950',
    consumerId,
    receiptNumber: 'R-ONL-000950',
    method: 'card' as const,
    gateway: 'Stripe',
    reference: 'PI000950',
    amount: 15225,
    gatewayStatus: 'succeeded' as const,
    settlementStatus,
    initiatedAt: '2025-05-16T09:00:00.000Z',
    settledAt: settlementStatus === 'paid' ? '2025-05-18T09:00:00.000Z' : null,
    allocations: [{ billId, amount: 15225 }],
  };
  applyChangesPage(counter.backend.store, { changes: [{ seq, entity: 'online_payment', data }], next: String(seq), more: false, total: 1 }, { now: counter.now.toISOString() });
}

describe('the KPI header and charts for May 2025, read on 20 June 2025', () => {
  // The demo's own online payments are dated in the six days before the counter opens, 4–10 June.
  beforeEach(async () => {
    counter = await openCounter(new Date(2025, 5, 10, 8, 0, 0));
    counter.advanceDays(10);
  });

  /**
   * April: INV-2025-001234 (issued 31 Mar) 145.50 on 20 Apr, 20 days; the Late Fee (10 Apr) 25.00 on 12 Apr, 2 days.
   *   Due in April: 145.50 + 75.00 (Reconnection Fee) + 25.00 = 245.50.
   * May: installment 1 of PP-2025-0034 (plan of 20 Mar) 67.50 on 10 May, 51 days; the Reconnection Fee (18 Apr)
   *   75.00 on 2 May, reversed; INV-2025-001567 (issued 30 Apr) 152.25 online on 16 May, 16 days, once settled.
   *   Due in May: INV-2025-001567, 152.25.
   * Today, 20 June: installment 2 (67.50) and the Reconnection Fee again (75.00, M-PESA, later reversed);
   *   yesterday: installment 3 (67.50), recorded today with yesterday's date.
   */
  async function may2025() {
    const jane = await counter.as('jane');
    await pay(jane, 'INV-2025-001234', '145.50', '2025-04-20');
    await pay(jane, 'Late Fee', '25.00', '2025-04-12', { type: 'service' });
    await pay(jane, 'PP-2025-0034 #1', '67.50', '2025-05-10', { type: 'installment' });
    const reconnection = await pay(jane, 'Reconnection Fee', '75.00', '2025-05-02', { type: 'service', method: 'card', reference: 'A1B2C3', cardLast4: '4242' });
    await jane.call('payment-reverse', { paymentId: reconnection.id, reason: 'Charged to the wrong account', approval: APPROVAL });
    const john = await johnDoe(jane);
    onlinePayment(john.id, john.item('INV-2025-001567').id, 'created', 1);
    const today = dayOf(counter.now);
    await pay(jane, 'PP-2025-0034 #2', '67.50', today, { type: 'installment' });
    await pay(jane, 'PP-2025-0034 #3', '67.50', '2025-06-19', { type: 'installment' });
    const mpesa = await pay(jane, 'Reconnection Fee', '75.00', today, { type: 'service', method: 'mpesa', reference: 'LHG31AA5TX' });
    return { jane, john, mpesa };
  }

  it('counts only posted payments: the reversal and the unsettled online payment are left out, the settlement brings it in', async () => {
    const { john } = await may2025();
    const mary = await counter.as('mary');
    const before = await mary.call('workspace-kpis', { month: '2025-05' });
    // 67.50 against April's 145.50 + 25.00 = 170.50: −60.4 %
    expect(before.totalCollected).toEqual({ value: 6750, previous: 17050, changePercent: -60.4 });

    onlinePayment(john.id, john.item('INV-2025-001567').id, 'paid', 2);
    const after = await mary.call('workspace-kpis', { month: '2025-05' });
    // 67.50 + 152.25 = 219.75 against 170.50: +28.9 %
    expect(after.totalCollected).toEqual({ value: 21975, previous: 17050, changePercent: 28.9 });
  });

  it('rates each month on the bills and service charges due in it', async () => {
    const { john } = await may2025();
    onlinePayment(john.id, john.item('INV-2025-001567').id, 'paid', 2);
    const kpis = await (await counter.as('mary')).call('workspace-kpis', { month: '2025-05' });
    // May 219.75 / 152.25 = 144.3 %; April 170.50 / 245.50 = 69.5 %; change (144.3 − 69.5) / 69.5 = +107.6 %
    expect(kpis.collectionRate).toEqual({ value: 144.3, previous: 69.5, changePercent: 107.6 });
  });

  it('averages the days from issue to payment over the posted payments’ allocations', async () => {
    const { john } = await may2025();
    onlinePayment(john.id, john.item('INV-2025-001567').id, 'paid', 2);
    const kpis = await (await counter.as('mary')).call('workspace-kpis', { month: '2025-05' });
    // May (51 + 16) / 2 = 33.5; April (20 + 2) / 2 = 11.0: +204.5 %
    expect(kpis.averageCollectionDays).toEqual({ value: 33.5, previous: 11, changePercent: 204.5 });
  });

  it('receives today what was paid today, against yesterday’s backdated payment, and a reversal takes its part back out', async () => {
    const { jane, mpesa } = await may2025();
    const mary = await counter.as('mary');
    // 67.50 + 75.00 = 142.50 in two against 67.50 in one: +111.1 %
    expect((await mary.call('workspace-kpis', { month: '2025-05' })).receivedToday).toEqual({ value: 14250, count: 2, previous: 6750, previousCount: 1, changePercent: 111.1 });
    await jane.call('payment-reverse', { paymentId: mpesa.id, reason: 'Paid on the wrong account', approval: APPROVAL });
    expect((await mary.call('workspace-kpis', {})).receivedToday).toEqual({ value: 6750, count: 1, previous: 6750, previousCount: 1, changePercent: 0 });
  });

  it('opens on the current month', async () => {
    const kpis = await (await counter.as('mary')).call('workspace-kpis', {});
    expect(kpis.month).toBe('2025-06');
  });

  it('charts May day by day, split by method and channel, without the reversed payment', async () => {
    const { john } = await may2025();
    onlinePayment(john.id, john.item('INV-2025-001567').id, 'paid', 2);
    const chart = await (await counter.as('mary')).call('workspace-chart', { month: '2025-05' });
    expect(chart.days).toHaveLength(31);
    const withMoney = chart.days.filter((d) => d.total > 0);
    expect(withMoney).toEqual([
      { date: '2025-05-10', total: 6750, byMethod: { cash: 6750, card: 0, mpesa: 0, bank_transfer: 0 }, byChannel: { walk_in: 6750, field: 0, online: 0 } },
      { date: '2025-05-16', total: 15225, byMethod: { cash: 0, card: 15225, mpesa: 0, bank_transfer: 0 }, byChannel: { walk_in: 0, field: 0, online: 15225 } },
    ]);
    expect(chart.methods.map((m) => m.label)).toEqual(['Cash', 'Card', 'M-PESA', 'Bank transfer']);
    expect(chart.channels).toEqual([
      { code: 'walk_in', label: 'Walk-in' },
      { code: 'field', label: 'Field agent' },
      { code: 'online', label: 'online' },
    ]);
  });

  it('is for branch managers and administrators: a cashier is refused', async () => {
    const jane = await counter.as('jane');
    expectRefused(await jane.send('workspace-kpis', {}), 'FORBIDDEN', undefined);
    expectRefused(await jane.send('workspace-chart', {}), 'FORBIDDEN', undefined);
    const admin = await counter.as('admin');
    expect((await admin.call('workspace-chart', { month: '2025-02' })).days).toHaveLength(28);
  });

  it('refuses a month that is not a month, naming it', async () => {
    const mary = await counter.as('mary');
    expect(expectRefused(await mary.send('workspace-kpis', { month: '2025-13' }), 'VALIDATION', 'month')).toBe('Month must be a month like 2026-04');
  });
});

describe('the daily summary against the payments themselves', () => {
  beforeEach(async () => {
    counter = await openCounter(new Date(2026, 10, 23, 9, 0, 0));
  });

  /** Every day, method, channel, type and status with payments, added up from the payments and what their items were issued on. */
  const direct = () =>
    sql()
      .prepare(
        `select p.payment_date as day, p.method, p.channel, p.type, p.status, sum(p.amount) as amount, count(*) as count,
                coalesce(sum(a.days), 0) as days, coalesce(sum(a.allocations), 0) as allocations
           from payments p
           left join (select a.payment_id, count(*) as allocations,
                             sum(julianday(q.payment_date) - julianday(coalesce(b.issued_on, s.charged_on, pp.created_at))) as days
                        from payment_allocations a join payments q on q.id = a.payment_id
                        left join bills b on a.item_kind = 'bill' and b.id = a.item_id
                        left join service_charges s on a.item_kind = 'service' and s.id = a.item_id
                        left join installments n on a.item_kind = 'installment' and n.id = a.item_id
                        left join payment_plans pp on pp.id = n.plan_id
                       group by a.payment_id) a on a.payment_id = p.id
          group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
      )
      .all();
  const summary = () =>
    sql()
      .prepare(
        `select payment_date as day, method, channel, type, status, amount, count, allocation_days as days, allocation_count as allocations
           from daily_collections where count <> 0 order by 1, 2, 3, 4, 5`,
      )
      .all();

  it('stays equal through random backdated payments, reversals and status changes', async () => {
    const random = seededRandom(7);
    const jane = await counter.as('jane');
    const methods = [
      { method: 'cash' },
      { method: 'card', reference: () => `C${String(Math.floor(random() * 1e5)).padStart(5, '0')}`, cardLast4: '4242' },
      { method: 'mpesa', reference: () => `QX${String(Math.floor(random() * 1e8)).padStart(8, '0')}` },
    ] as const;
    const taken: string[] = [];
    for (let step = 0; step < 60; step++) {
      const roll = random();
      if (roll < 0.65 || taken.length === 0) {
        // A part of the oldest open bill of one of the first generated consumers, paid on a day between its issue and today.
        const account = await accountOf(jane, `WU-${10002 + Math.floor(random() * 40)}`);
        const bill = account.bills.find((b) => b.open > 0);
        if (!bill) continue;
        const span = Math.floor((counter.now.getTime() - Date.parse(`${bill.issuedOn}T12:00:00`)) / 86_400_000);
        const paid = new Date(counter.now.getTime() - Math.floor(random() * span) * 86_400_000);
        const tender = methods[Math.floor(random() * methods.length)]!;
        const amount = Math.max(1, Math.floor(bill.open * (0.3 + random() * 0.7)));
        const amountPaid = (amount / 100).toFixed(2);
        const fields = { amountPaid, amountReceived: tender.method === 'cash' ? amountPaid : undefined, channel: random() < 0.8 ? 'walk_in' : 'field', method: tender.method, ...('reference' in tender ? { reference: tender.reference() } : {}), ...('cardLast4' in tender ? { cardLast4: tender.cardLast4 } : {}) };
        taken.push((await jane.call('payment-record', paymentInput(account.consumer.id, [openItem(account, bill.reference).id], fields, paid))).id);
      } else if (roll < 0.8) {
        const paymentId = taken.splice(Math.floor(random() * taken.length), 1)[0]!;
        await jane.call('payment-reverse', { paymentId, reason: 'Seeded reversal', approval: APPROVAL });
      } else {
        // Whatever path moves a status (a gateway's word, a sync, a hand-run fix), the summary follows it.
        const paymentId = taken[Math.floor(random() * taken.length)]!;
        const status = ['pending', 'failed', 'posted', 'cancelled'][Math.floor(random() * 4)]!;
        sql().prepare('update payments set status = ? where id = ?').run(status, paymentId);
      }
      if (step % 10 === 9) expect(summary()).toEqual(direct());
    }
    expect(counter.count('payment_reversals')).toBeGreaterThan(3);
    expect(summary()).toEqual(direct());
  });
});
