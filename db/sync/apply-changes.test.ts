import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../core/auth/roles.js';
import { cents } from '../../core/money.js';
import { recordPayment } from '../../core/payments/record-payment.js';
import { openTill } from '../../core/tills/open-till.js';
import type { Change, PullResponse } from '../../core/sync/protocol.js';
import { openDatabase } from '../connection.js';
import { createStore, type Store } from '../store.js';
import { applyChangesPage, ChangeNotApplied } from './apply-changes.js';

const NOW = '2026-11-23T09:00:00.000Z';
const cashier: SignedInUser = { id: uuidv7(), username: 'jane', displayName: 'Jane Smith', role: 'cashier' };

let dir: string;
let store: Store;
let seq = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-pull-'));
  store = createStore(openDatabase(join(dir, 'counter.sqlite')));
  store.users.add({ ...cashier, pinHash: '!', createdAt: NOW });
});
afterEach(() => {
  store.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---- the centre's changes, as it would send them -------------------------------

type Data<E extends Change['entity']> = Extract<Change, { entity: E }>['data'];
const change = <E extends Change['entity']>(entity: E, data: Data<E>) => ({ seq: ++seq, entity, data }) as Change;
const page = (changes: Change[]): PullResponse => ({ changes, next: `cursor-${seq}`, more: false, total: changes.length });
const apply = (p: PullResponse) => applyChangesPage(store, p, { now: NOW });

const consumer = (n: number, name: string): Data<'consumer'> => ({
  id: `c-${n}`,
  accountNumber: `WU-${10000 + n}`,
  name,
  serviceAddress: `${n} Moi Avenue, Cityville`,
  phone: '+254 700000000',
  email: `c${n}@example.co.ke`,
  status: 'active',
  type: 'Residential',
});
const bill = (n: number, consumerId: string, amount: number): Data<'bill'> => ({ id: `b-${n}`, consumerId, invoiceNumber: `INV-2026-${n}`, period: 'Oct 2026', amount, issuedOn: '2026-10-28', dueOn: '2026-11-15' });
const onlinePayment = (fields: Partial<Data<'online_payment'>>): Data<'online_payment'> => ({
  id: 'op-1',
  consumerId: 'c-1',
  receiptNumber: 'R-ONL-000001',
  method: 'card',
  gateway: 'Stripe',
  reference: 'PI000001',
  amount: 14550,
  gatewayStatus: 'pending',
  settlementStatus: null,
  initiatedAt: '2026-11-20T08:00:00.000Z',
  settledAt: null,
  allocations: [],
  ...fields,
});

/** A till another terminal of the branch closed, as the centre passes it on. */
const branchTill = (fields: Partial<Data<'till_session'>>): Data<'till_session'> => ({
  id: 'till-t02-1',
  number: 'T02-TILL-0001',
  terminalCode: 'T02',
  cashierName: 'Peter Otieno',
  businessDate: '2026-11-23',
  status: 'closed',
  openedAt: '2026-11-23T05:00:00.000Z',
  closedAt: '2026-11-23T14:00:00.000Z',
  taken: 125000,
  cashExpected: 135000,
  cashCounted: 134900,
  variance: -100,
  approvedBy: null,
  ...fields,
});

// ---- what the counter holds ------------------------------------------------------

const count = (table: string) => (store.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const TABLES = ['consumers', 'bills', 'service_charges', 'payment_plans', 'installments', 'payments', 'payment_allocations', 'ledger_lines', 'mpesa_confirmations', 'sync_reviews', 'audit_entries', 'outbox'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, count(t)]));
const balance = (consumerId: string) => store.ledger.balance(consumerId);
const payment = (id: string) => store.payments.get(id)!;
const cursor = () => store.syncState.get('pull.cursor');

/** The balance the trigger keeps equals the ledger's sum for every consumer, and the chain is whole. */
function expectBalancesFollowTheLedger() {
  const drifted = store.db.$client
    .prepare(`select c.id from consumers c left join consumer_balances b on b.consumer_id = c.id
               where coalesce(b.balance, 0) <> coalesce((select sum(amount) from ledger_lines l where l.consumer_id = c.id), 0)`)
    .all();
  expect(drifted).toEqual([]);
  expect(store.ledger.verify().ok).toBe(true);
}

function johnDoeWithBills() {
  apply(page([change('consumer', consumer(1, 'John Doe')), change('consumer', consumer(2, 'Achieng Otieno')), change('bill', bill(1, 'c-1', 14550)), change('bill', bill(2, 'c-2', 2500))]));
}

/** A cashier takes an M-PESA payment for John Doe's bill with this code, into their till (opened first if need be). */
function mpesaAtTheCounter(reference: string, amount: number) {
  const context = { user: cashier, settings: store.settings.get(), today: '2026-11-23', now: NOW };
  const outcome = store.transaction(() => {
    if (!store.tills.openOf(cashier.id, context.settings.terminalCode)) openTill(store.ports, { id: uuidv7(), openingFloat: cents(0) }, context);
    return recordPayment(
      store.ports,
      { id: uuidv7(), consumerId: 'c-1', type: 'bill', itemIds: ['b-1'], method: 'mpesa', channel: 'walk_in', amountPaid: cents(amount), reference, paymentDate: '2026-11-23' },
      context,
    );
  });
  if (outcome.repeated) throw new Error('not a repeat');
  return outcome;
}

// ---- the tests ------------------------------------------------------------------------

describe('a page of reference data', () => {
  it('a page of consumers and bills makes them searchable and raises their balances by ledger lines', () => {
    const summary = apply(
      page([
        change('consumer', consumer(1, 'John Doe')),
        change('consumer', consumer(2, 'Wanjiru Kamau')),
        change('bill', bill(1, 'c-1', 14550)),
        change('bill', bill(2, 'c-1', 15225)),
        change('bill', bill(3, 'c-2', 2500)),
        change('service_charge', { id: 's-1', consumerId: 'c-2', description: 'Reconnection Fee', amount: 7500, chargedOn: '2026-11-01', dueOn: '2026-11-01' }),
        change('payment_plan', {
          id: 'p-1',
          planNumber: 'PP-2026-0001',
          consumerId: 'c-1',
          status: 'on_track',
          createdAt: '2026-10-01T10:00:00.000Z',
          installments: [
            { id: 'i-1', number: 1, amount: 6750, dueOn: '2026-11-15' },
            { id: 'i-2', number: 2, amount: 6750, dueOn: '2026-12-15' },
          ],
        }),
      ]),
    );

    expect(summary.applied).toMatchObject({ consumer: 2, bill: 3, service_charge: 1, payment_plan: 1 });
    expect(store.consumers.search('wanjiru', 5).map((hit) => [hit.accountNumber, hit.balance])).toEqual([['WU-10002', 10000]]);
    expect(balance('c-1')).toBe(14550 + 15225 + 6750 + 6750);
    expect(new Map(store.items.open('c-1').map((item) => [item.reference, item.open]))).toEqual(
      new Map([
        ['INV-2026-1', 14550],
        ['INV-2026-2', 15225],
        ['PP-2026-0001 #1', 6750],
        ['PP-2026-0001 #2', 6750],
      ]),
    );
    const charge = store.db.$client.prepare(`select entry_kind, item_kind, description, created_at, created_by from ledger_lines where item_id = 'b-1'`).get();
    expect(charge).toEqual({ entry_kind: 'charge', item_kind: 'bill', description: 'Bill INV-2026-1 (Oct 2026)', created_at: '2026-10-28T00:00:00.000Z', created_by: 'system' });
    expect(cursor()).toBe(`cursor-${seq}`);
    expectBalancesFollowTheLedger();
  });

  it('a consumer renamed by the centre is found by the new name and no longer by the old', () => {
    johnDoeWithBills();
    const summary = apply(page([change('consumer', { ...consumer(1, 'Johnathan Doe-Mwangi'), phone: '+254 711111111' })]));
    expect(summary.applied.consumer).toBe(1);
    expect(store.consumers.search('mwangi', 5).map((hit) => hit.id)).toEqual(['c-1']);
    expect(store.consumers.search('john doe', 5)).toEqual([]);
    expect(store.consumers.byId('c-1')).toMatchObject({ name: 'Johnathan Doe-Mwangi', phone: '+254 711111111', accountNumber: 'WU-10001' });
    expect(balance('c-1')).toBe(14550);
  });

  it('a page delivered twice changes nothing the second time', () => {
    const delivered = page([
      change('consumer', consumer(1, 'John Doe')),
      change('bill', bill(1, 'c-1', 14550)),
      change('payment_plan', { id: 'p-1', planNumber: 'PP-2026-0001', consumerId: 'c-1', status: 'on_track', createdAt: '2026-10-01T10:00:00.000Z', installments: [{ id: 'i-1', number: 1, amount: 6750, dueOn: '2026-11-15' }] }),
      change('online_payment', onlinePayment({ gatewayStatus: 'succeeded', allocations: [{ billId: 'b-1', amount: 14550 }] })),
      change('mpesa_confirmation', { code: 'LHG31AA5TX', accountNumber: 'WU-10001', amount: 2500, confirmedAt: '2026-11-22T10:00:00.000Z' }),
      change('settings', { paymentMethods: [{ code: 'cash', label: 'Cash', enabled: true }], channels: [{ code: 'walk_in', label: 'Walk-in', isDefault: true }], overpaymentLimit: 100000, creditNoteValidityMonths: 6 }),
      change('till_session', branchTill({})),
    ]);
    apply(delivered);
    const before = { ...counts(), balance: balance('c-1'), settings: store.settings.get(), branchTills: store.branchTills.onDay('2026-11-23') };

    const again = apply(delivered);

    expect(again.applied).toEqual({ consumer: 0, bill: 0, service_charge: 0, payment_plan: 0, online_payment: 0, mpesa_confirmation: 0, settings: 0, till_session: 0 });
    expect(again.unchanged).toBe(delivered.changes.length);
    expect({ ...counts(), balance: balance('c-1'), settings: store.settings.get(), branchTills: store.branchTills.onDay('2026-11-23') }).toEqual(before);
    expectBalancesFollowTheLedger();
  });
});

describe('a page that cannot be applied', () => {
  it('a crash in the middle of a page leaves neither its rows nor its cursor', () => {
    johnDoeWithBills();
    const before = { ...counts(), cursor: cursor() };
    // The disk fails on the third change of the page, after two were written.
    store.db.$client.exec(`create temp trigger crash before insert on bills when new.id = 'b-4' begin select raise(abort, 'disk I/O error'); end`);
    const failing = page([change('consumer', consumer(3, 'Halima Hassan')), change('bill', bill(3, 'c-3', 4000)), change('bill', bill(4, 'c-3', 5000)), change('bill', bill(5, 'c-3', 6000))]);

    expect(() => apply(failing)).toThrow(`Change ${failing.changes[2]!.seq} (bill) could not be applied: disk I/O error`);
    expect({ ...counts(), cursor: cursor() }).toEqual(before);
    expect(store.consumers.search('halima', 5)).toEqual([]);

    store.db.$client.exec('drop trigger crash');
    apply(failing);
    expect(balance('c-3')).toBe(15000);
    expect(cursor()).toBe(failing.next);
    expectBalancesFollowTheLedger();
  });

  it('a bill for a consumer the counter does not know rolls the whole page back, naming its change', () => {
    const before = counts();
    const orphan = change('bill', bill(9, 'c-unknown', 1000));
    let thrown: unknown;
    try {
      apply(page([change('consumer', consumer(1, 'John Doe')), orphan]));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChangeNotApplied);
    expect(thrown).toMatchObject({ seq: orphan.seq, entity: 'bill', message: `Change ${orphan.seq} (bill) could not be applied: FOREIGN KEY constraint failed` });
    expect(counts()).toEqual(before);
    expect(cursor()).toBeUndefined();
  });
});

describe('online payments', () => {
  it('an online payment that succeeds later moves its status and writes its ledger line once', () => {
    johnDoeWithBills();
    apply(page([change('online_payment', onlinePayment({ gatewayStatus: 'pending' }))]));
    expect(payment('op-1')).toMatchObject({
      source: 'online',
      channel: 'online',
      recordedBy: 'system',
      terminalCode: 'ONL',
      paymentNumber: 'PAY-ONL-000001',
      transactionNumber: 'TXN-ONL-000001',
      receiptNumber: 'R-ONL-000001',
      status: 'pending',
      allocations: [],
      online: { gateway: 'Stripe', webhookStatus: 'not_confirmed', settlementStatus: null },
    });
    expect(balance('c-1')).toBe(14550);

    const succeeded = page([change('online_payment', onlinePayment({ gatewayStatus: 'succeeded', allocations: [{ billId: 'b-1', amount: 14550 }] }))]);
    expect(apply(succeeded).applied.online_payment).toBe(1);
    expect(payment('op-1')).toMatchObject({ status: 'pending', online: { webhookStatus: 'in_settlement', settlementStatus: 'in_progress' }, allocations: [{ itemId: 'b-1', amount: 14550, openBefore: 14550 }] });
    expect(balance('c-1')).toBe(0);
    expect(store.ledger.linesOfPayment('op-1')).toMatchObject([{ entryKind: 'payment', itemKind: 'bill', itemId: 'b-1', amount: -14550, description: 'Online card payment R-ONL-000001 for bill INV-2026-1', createdBy: 'system' }]);

    const settled = page([change('online_payment', onlinePayment({ gatewayStatus: 'succeeded', settlementStatus: 'paid', settledAt: '2026-11-22T08:00:00.000Z', allocations: [{ billId: 'b-1', amount: 14550 }] }))]);
    expect(apply(settled).applied.online_payment).toBe(1);
    expect(payment('op-1')).toMatchObject({ status: 'posted', online: { webhookStatus: 'settled', settlementStatus: 'success', settledAt: '2026-11-22T08:00:00.000Z' } });

    expect(apply(settled).applied.online_payment).toBe(0);
    expect(store.ledger.linesOfPayment('op-1')).toHaveLength(1);
    expect(balance('c-1')).toBe(0);
    expectBalancesFollowTheLedger();
  });

  it('an online payment that failed at the gateway is kept without moving any money', () => {
    johnDoeWithBills();
    apply(page([change('online_payment', onlinePayment({ gatewayStatus: 'failed' }))]));
    expect(payment('op-1')).toMatchObject({ status: 'failed', online: { webhookStatus: 'failed', settlementStatus: null } });
    expect(store.ledger.linesOfPayment('op-1')).toEqual([]);
    expect(balance('c-1')).toBe(14550);
  });

  it('an online payment in the same page as the bill it pays reads that bill as fully open', () => {
    apply(page([change('consumer', consumer(1, 'John Doe')), change('bill', bill(1, 'c-1', 14550)), change('online_payment', onlinePayment({ gatewayStatus: 'succeeded', settlementStatus: 'paid', allocations: [{ billId: 'b-1', amount: 14550 }] }))]));
    expect(payment('op-1')).toMatchObject({ status: 'posted', allocations: [{ openBefore: 14550 }] });
    expect(balance('c-1')).toBe(0);
    expectBalancesFollowTheLedger();
  });
});

describe('M-PESA confirmations', () => {
  it("an M-PESA confirmation verifies the counter's pending payment with that code", () => {
    johnDoeWithBills();
    const recorded = mpesaAtTheCounter('LHG31AA5TX', 14550);
    expect(recorded.record.verification).toBe('pending');

    const summary = apply(page([change('mpesa_confirmation', { code: 'LHG31AA5TX', accountNumber: 'WU-10001', amount: 14550, confirmedAt: '2026-11-23T08:59:00.000Z' })]));

    expect(summary).toMatchObject({ verified: 1, flagged: 0 });
    expect(payment(recorded.paymentId).verification).toBe('verified');
    expect(store.db.$client.prepare('select verified_by as verifiedBy from payments where id = ?').get(recorded.paymentId)).toEqual({ verifiedBy: 'system' });
    expect(store.db.$client.prepare(`select user_id as userId from audit_entries where action = 'payment.verify' and entity_id = ?`).all(recorded.paymentId)).toEqual([{ userId: 'system' }]);
    expect(store.db.$client.prepare(`select kind from outbox where aggregate_id = ? order by seq`).all(recorded.paymentId)).toEqual([{ kind: 'payment.recorded' }, { kind: 'payment.verified' }]);
    expect(store.mpesaConfirmations.byCode('LHG31AA5TX')?.paymentId).toBe(recorded.paymentId);
  });

  it('a confirmation that disagrees flags the payment for review and leaves it pending', () => {
    johnDoeWithBills();
    const recorded = mpesaAtTheCounter('LHG31AA5TX', 14500);

    const summary = apply(page([change('mpesa_confirmation', { code: 'LHG31AA5TX', accountNumber: 'WU-10002', amount: 15000, confirmedAt: '2026-11-23T08:59:00.000Z' })]));

    expect(summary).toMatchObject({ verified: 0, flagged: 1 });
    expect(payment(recorded.paymentId).verification).toBe('pending');
    expect(store.syncReviews.unresolved()).toMatchObject([
      { kind: 'mpesa_mismatch', refId: recorded.paymentId, detail: 'M-PESA says KES 150.00 to WU-10002; the counter recorded KES 145.00 to WU-10001' },
    ]);
    expect(store.mpesaConfirmations.byCode('LHG31AA5TX')?.paymentId).toBeNull();
  });

  it('a confirmation kept before the payment verifies it as it is recorded, posting the verification after the payment', () => {
    johnDoeWithBills();
    apply(page([change('mpesa_confirmation', { code: 'QWE12RT5YU', accountNumber: 'WU-10001', amount: 14550, confirmedAt: '2026-11-23T08:30:00.000Z' })]));
    expect(count('mpesa_confirmations')).toBe(1);

    const recorded = mpesaAtTheCounter('QWE12RT5YU', 14550);

    expect(recorded.record.verification).toBe('verified');
    expect(payment(recorded.paymentId).verification).toBe('verified');
    expect(store.mpesaConfirmations.byCode('QWE12RT5YU')?.paymentId).toBe(recorded.paymentId);
    expect(store.db.$client.prepare(`select kind from outbox where aggregate_id = ? order by seq`).all(recorded.paymentId)).toEqual([{ kind: 'payment.recorded' }, { kind: 'payment.verified' }]);
  });

  it('a confirmation that arrived first and disagrees leaves the payment pending and opens a review', () => {
    johnDoeWithBills();
    apply(page([change('mpesa_confirmation', { code: 'QWE12RT5YU', accountNumber: 'WU-10001', amount: 10000, confirmedAt: '2026-11-23T08:30:00.000Z' })]));

    const recorded = mpesaAtTheCounter('QWE12RT5YU', 14550);

    expect(recorded.record.verification).toBe('pending');
    expect(store.syncReviews.unresolved()).toMatchObject([{ refId: recorded.paymentId, detail: 'M-PESA says KES 100.00 to WU-10001; the counter recorded KES 145.50 to WU-10001' }]);
  });
});

describe("the branch's tills", () => {
  it("another terminal's closed till is kept for the end-of-day view of its business day", () => {
    const summary = apply(page([change('till_session', branchTill({})), change('till_session', branchTill({ id: 'till-t03-1', number: 'T03-TILL-0001', businessDate: '2026-11-22' }))]));

    expect(summary.applied.till_session).toBe(2);
    expect(store.branchTills.onDay('2026-11-23')).toEqual([branchTill({})]);
    expect(store.branchTills.onDay('2026-11-22').map((t) => t.number)).toEqual(['T03-TILL-0001']);
    expect(cursor()).toBe(`cursor-${seq}`);
  });

  it('a till passed on again with other figures replaces what the counter held of it', () => {
    apply(page([change('till_session', branchTill({}))]));
    const summary = apply(page([change('till_session', branchTill({ approvedBy: 'Mary Wanjiku', variance: -2500 }))]));

    expect(summary.applied.till_session).toBe(1);
    expect(store.branchTills.onDay('2026-11-23')).toEqual([branchTill({ approvedBy: 'Mary Wanjiku', variance: -2500 })]);
  });

  it("one of this terminal's own tills is left to its local record, not kept as the branch's", () => {
    johnDoeWithBills();
    mpesaAtTheCounter('LHG31AA5TX', 5000);
    const own = store.tills.openOf(cashier.id, store.settings.get().terminalCode)!;

    const summary = apply(page([change('till_session', branchTill({ id: own.id, number: own.number }))]));

    expect(summary).toMatchObject({ applied: { till_session: 0 }, unchanged: 1 });
    expect(store.branchTills.onDay('2026-11-23')).toEqual([]);
  });
});

describe("the centre's settings", () => {
  it('settings from the centre replace the payment modes', () => {
    const counterOwn = { ...store.settings.get(), terminalCode: 'T07', branchName: 'Riverside' };
    store.settings.save(counterOwn);
    const central = {
      paymentMethods: [
        { code: 'cash' as const, label: 'Cash', enabled: true },
        { code: 'mpesa' as const, label: 'Lipa na M-PESA', enabled: true },
        { code: 'card' as const, label: 'Card', enabled: false },
      ],
      channels: [{ code: 'walk_in', label: 'Walk-in', isDefault: true }],
      overpaymentLimit: 250000,
      creditNoteValidityMonths: 6,
    };

    expect(apply(page([change('settings', central)])).applied.settings).toBe(1);

    expect(store.settings.get()).toEqual({ ...counterOwn, ...central });
    expect(createStore(store.db).settings.get()).toEqual({ ...counterOwn, ...central });
  });
});

describe('all of it together', () => {
  it('the cached balance equals the ledger sum after consumers, items, online payments and verifications', () => {
    johnDoeWithBills();
    mpesaAtTheCounter('LHG31AA5TX', 5000);
    apply(
      page([
        change('bill', bill(3, 'c-2', 3000)),
        change('service_charge', { id: 's-1', consumerId: 'c-2', description: 'Late Fee', amount: 2500, chargedOn: '2026-11-01', dueOn: '2026-11-01' }),
        change('online_payment', onlinePayment({ id: 'op-2', consumerId: 'c-2', receiptNumber: 'R-ONL-000002', reference: 'PI000002', amount: 5500, gatewayStatus: 'succeeded', allocations: [{ billId: 'b-2', amount: 2500 }, { billId: 'b-3', amount: 3000 }] })),
        change('mpesa_confirmation', { code: 'LHG31AA5TX', accountNumber: 'WU-10001', amount: 5000, confirmedAt: '2026-11-23T08:59:00.000Z' }),
      ]),
    );
    expect(balance('c-1')).toBe(14550 - 5000);
    expect(balance('c-2')).toBe(2500 + 3000 + 2500 - 5500);
    expectBalancesFollowTheLedger();
  });
});
