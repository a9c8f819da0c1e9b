import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../core/api/calls/sync.js';
import { TAKES_PAYMENTS, type SignedInUser } from '../../core/auth/roles.js';
import { openCounterAndCentre, type SyncHarness } from '../sync/sync-harness.js';

/** What comes down from the reference centre, and what the counter makes of it. */
let harness: SyncHarness;
afterEach(async () => harness?.close());

const sql = () => harness.backend.store.db.$client;
const count = (query: string, ...args: unknown[]) => sql().prepare(query).pluck().get(...args) as number;

/** Signs a user in; one who takes payments has a till open, as before taking the first, unless `{ till: false }`. */
async function as(username: string, pin: string, { till = true }: { till?: boolean } = {}) {
  const login = await harness.backend.dispatch('session-login', { username, pin }, null);
  if (!login.ok) throw new Error(login.error.message);
  const { token, user } = login.value as { token: string; user: SignedInUser };
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await harness.backend.dispatch(name, input, token);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  if (till && TAKES_PAYMENTS.includes(user.role) && !(await call<{ till: unknown }>('till-current', {})).till) await call('till-open', { id: uuidv7(), openingFloat: '5000.00' });
  return call;
}

async function accountOf(call: Awaited<ReturnType<typeof as>>, accountNumber: string) {
  const [hit] = await call<Array<{ id: string; accountNumber: string; balance: number }>>('consumer-search', { query: accountNumber, limit: 1 });
  return hit!;
}

/** An M-PESA payment of a consumer's oldest bill, pending until verified. */
async function payByMpesa(call: Awaited<ReturnType<typeof as>>, accountNumber: string, code: string) {
  const consumer = await accountOf(call, accountNumber);
  const account = await call<{ bills: Array<{ id: string; open: number }> }>('consumer-account', { consumerId: consumer.id });
  const bill = account.bills[0]!;
  const amount = (bill.open / 100).toFixed(2);
  const payment = await call<{ id: string; verification: string }>('payment-record', {
    id: uuidv7(),
    consumerId: consumer.id,
    type: 'bill',
    itemIds: [bill.id],
    method: 'mpesa',
    reference: code,
    channel: 'walk_in',
    paymentDate: new Date().toISOString().slice(0, 10),
    amountPaid: amount,
  });
  return { payment, amount: bill.open };
}

describe('the first download', () => {
  it("brings every consumer and bill of the centre, each bill with its charge line, and balances are the ledger's sum", async () => {
    harness = await openCounterAndCentre();
    expect(count('select count(*) from consumers')).toBeGreaterThan(300);
    expect(count('select count(*) from bills b where not exists (select 1 from ledger_lines l where l.item_id = b.id and l.entry_kind = ?)', 'charge')).toBe(0);
    expect(count('select count(*) from consumer_balances b where b.balance != (select sum(amount) from ledger_lines l where l.consumer_id = b.consumer_id)')).toBe(0);
    const jane = await as('jane', '1234');
    expect((await accountOf(jane, 'WU-10001')).accountNumber).toBe('WU-10001');
    expect(harness.backend.store.syncState.get('pull.cursor')).not.toBe('0');
  });
});

describe('changes after the first download', () => {
  it('a new bill comes down once, through a page delivered twice and a dropped connection', async () => {
    harness = await openCounterAndCentre();
    const jane = await as('jane', '1234');
    const consumer = await accountOf(jane, 'WU-10005');
    harness.centre.reference.addBill({ consumerId: consumer.id, invoiceNumber: 'INV-2026-NEW-1', period: 'Nov 2026', amount: 4_250, issuedOn: '2026-11-20', dueOn: '2026-12-05' });
    harness.centre.faults.set([
      { on: 'pull', fault: 'drop-before-commit', times: 1 },
      { on: 'pull', fault: 'duplicate-page', times: 2 },
    ]);
    await harness.backend.sync!.runNow();
    await harness.backend.sync!.runNow();
    await harness.backend.sync!.runNow();
    expect(harness.centre.faults.armed()).toEqual([]);
    expect(count('select count(*) from bills where invoice_number = ?', 'INV-2026-NEW-1')).toBe(1);
    expect(count("select count(*) from ledger_lines l join bills b on b.id = l.item_id where b.invoice_number = ?", 'INV-2026-NEW-1')).toBe(1);
    expect((await accountOf(jane, 'WU-10005')).balance).toBe(consumer.balance + 4_250);
  });

  it("an M-PESA confirmation from the centre verifies the counter's pending payment with that code", async () => {
    harness = await openCounterAndCentre();
    const jane = await as('jane', '1234');
    const { payment, amount } = await payByMpesa(jane, 'WU-10006', 'QK7ZT3M9PA');
    expect(payment.verification).toBe('pending');
    harness.centre.reference.addMpesaConfirmation({ code: 'QK7ZT3M9PA', accountNumber: 'WU-10006', amount, confirmedAt: new Date().toISOString() });
    await harness.drain();
    const stored = await jane<{ verification: string; verifiedBy: string | null }>('payment-get', { paymentId: payment.id });
    expect(stored.verification).toBe('verified');
  });

  it('a confirmation that disagrees is put before the branch manager, who resolves it', async () => {
    harness = await openCounterAndCentre();
    const jane = await as('jane', '1234');
    const { payment, amount } = await payByMpesa(jane, 'WU-10007', 'QK7ZT3M9PB');
    harness.centre.reference.addMpesaConfirmation({ code: 'QK7ZT3M9PB', accountNumber: 'WU-10007', amount: amount - 100, confirmedAt: new Date().toISOString() });
    await harness.drain();
    expect((await jane<{ verification: string }>('payment-get', { paymentId: payment.id })).verification).toBe('pending');

    // Mary only reviews here: she opens no till.
    const mary = await as('mary', '3456', { till: false });
    const [review] = await mary<Array<{ id: string; kindLabel: string; detail: string }>>('sync-reviews-list', {});
    expect(review!.kindLabel).toBe('M-PESA confirmation');
    expect(review!.detail).toContain('M-PESA says');
    await expect(jane('sync-reviews-list', {})).rejects.toThrow();
    await mary('sync-review-resolve', { reviewId: review!.id, resolution: 'Customer paid 1.00 short; collected in cash on receipt R-T01-9' });
    expect(await mary('sync-reviews-list', {})).toEqual([]);
  });
});

describe('a proof of payment used twice', () => {
  it("an online payment with an M-PESA code a counter receipt already used is recorded, flagged, and does not stop the download", async () => {
    harness = await openCounterAndCentre();
    const jane = await as('jane', '1234');
    await payByMpesa(jane, 'WU-10008', 'QK7ZT3M9PC');
    const consumer = await accountOf(jane, 'WU-10008');
    const bill = harness.centre.reference.addBill({ consumerId: consumer.id, invoiceNumber: 'INV-2026-DUP-1', period: 'Nov 2026', amount: 3_000, issuedOn: '2026-11-20', dueOn: '2026-12-05' });
    const at = new Date().toISOString();
    harness.centre.reference.addOnlinePayment({ consumerId: consumer.id, receiptNumber: 'R-ONL-777001', method: 'mpesa', gateway: 'Daraja', reference: 'QK7ZT3M9PC', amount: 3_000, gatewayStatus: 'succeeded', settlementStatus: 'paid', initiatedAt: at, settledAt: at, allocations: [{ billId: bill.id, amount: 3_000 }] });
    harness.centre.reference.addBill({ consumerId: consumer.id, invoiceNumber: 'INV-2026-DUP-2', period: 'Dec 2026', amount: 1_000, issuedOn: '2026-11-21', dueOn: '2026-12-20' });
    await harness.drain();

    // The change after it came down too: the page was not stuck on the proof's unique index.
    expect(count('select count(*) from bills where invoice_number = ?', 'INV-2026-DUP-2')).toBe(1);
    const online = sql().prepare("select reference, notes, status from payments where receipt_number = 'R-ONL-777001'").get() as { reference: string | null; notes: string; status: string };
    expect(online.reference).toBeNull();
    expect(online.notes).toMatch(/^Reference QK7ZT3M9PC, also on receipt R-/);
    expect(online.status).toBe('posted');
    const mary = await as('mary', '3456', { till: false });
    const [review] = await mary<Array<{ kindLabel: string; detail: string }>>('sync-reviews-list', {});
    expect(review!.kindLabel).toBe('Proof of payment used twice');
    expect(review!.detail).toMatch(/^Online M-PESA payment R-ONL-777001 of KES 30\.00 used reference QK7ZT3M9PC, which receipt R-\S+ already used: one of them may pay twice\.$/);
  });
});

describe('closed tills as batches', () => {
  it('a till the centre counted differently is flagged for the branch manager with both counts', async () => {
    harness = await openCounterAndCentre();
    const store = harness.backend.store;
    const till = uuidv7();
    const at = new Date().toISOString();
    store.transaction(() => {
      for (const amount of [10_000, 5_000]) {
        const id = store.newId();
        store.outbox.add({ id, kind: 'payment.recorded', aggregateId: id, accountId: 'till-account', amount, tillSessionId: till, payload: { payment: { id, amount } }, createdAt: at });
      }
      // The till says three postings for 200.00: the centre has two for 150.00.
      store.outbox.add({ id: store.newId(), kind: 'till.closed', aggregateId: till, accountId: 'till-account', amount: 0, tillSessionId: till, payload: { tillSessionId: till, postingCount: 3, total: 20_000 }, createdAt: at });
    });
    await harness.drain();
    const mary = await as('mary', '3456', { till: false });
    const reviews = await mary<Array<{ kindLabel: string; refId: string; detail: string }>>('sync-reviews-list', {});
    expect(reviews).toEqual([expect.objectContaining({ kindLabel: 'Till batch', refId: till })]);
    // A till this counter does not hold is named by its session id.
    expect(reviews[0]!.detail).toBe(`Till session ${till} closed with 3 postings for KES 200.00; the centre received 2 postings for KES 150.00. 1 of its postings has not reached the centre.`);
    const status = await mary<SyncStatus>('sync-status', {});
    expect(status).toMatchObject({ state: 'online', waiting: 0, parked: 0 });
  });
});
