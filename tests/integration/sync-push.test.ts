import { afterEach, describe, expect, it } from 'vitest';
import { openCounterAndCentre, type SyncHarness } from '../sync/sync-harness.js';

/**
 * Push against the reference centre over real HTTP, with each fault it can
 * inject: whatever the network does, the centre ends with exactly the
 * counter's postings, none missing, none doubled, equal to the cent.
 */
let harness: SyncHarness;
afterEach(async () => harness?.close());

async function expectCentreEqualsCounter() {
  expect(harness.counterKeys('pending')).toEqual([]);
  expect(harness.centre.postingKeys(harness.terminalId()).sort()).toEqual(harness.counterKeys('sent'));
  expect(harness.centre.totals(harness.terminalId())).toEqual(harness.counterTotals());
}

describe('pushing the outbox to the centre', () => {
  it('delivers every payment once, in order, and the totals agree to the cent', async () => {
    harness = await openCounterAndCentre({ sync: { batchSize: 7 } });
    await harness.recordPayments(30);
    // The 30 payments wait, and before them the opening of the till Jane took them into.
    expect(harness.paymentPostings('pending')).toBe(30);
    expect(harness.backend.store.outboxDelivery.counts().pending).toBe(31);
    await harness.drain();
    await expectCentreEqualsCounter();
    expect(harness.centre.totals(harness.terminalId()).count).toBe(30);
    // The centre stored them in the counter's order.
    const order = harness.backend.store.db.$client.prepare("select id from outbox where state = 'sent' order by seq").pluck().all();
    expect(harness.centre.postingKeys(harness.terminalId())).toEqual(order);
  });

  const faults = [
    { fault: 'drop-before-commit', what: 'the connection drops before the centre commits' },
    { fault: 'drop-after-commit', what: 'the answer is lost after the centre committed' },
    { fault: 'status-500', what: 'the centre answers 500' },
    { fault: 'status-503', what: 'the centre answers 503' },
    { fault: 'slow', what: 'the centre answers after the counter stopped waiting' },
  ] as const;

  for (const { fault, what } of faults) {
    it(`loses and doubles nothing when ${what}`, async () => {
      harness = await openCounterAndCentre({ sync: { batchSize: 10, timeoutMs: 500 } });
      await harness.recordPayments(25);
      harness.centre.faults.set([{ on: 'push', fault, times: 3, delayMs: 1500 }]);
      await harness.drain();
      expect(harness.centre.faults.armed()).toEqual([]); // all three struck
      await expectCentreEqualsCounter();
      expect(harness.centre.totals(harness.terminalId()).count).toBe(25);
    });
  }

  it('counts a resend after a lost answer as a duplicate, not a second payment', async () => {
    harness = await openCounterAndCentre({ sync: { batchSize: 100 } });
    await harness.recordPayments(5);
    harness.centre.faults.set([{ on: 'push', fault: 'drop-after-commit', times: 1 }]);
    await harness.drain();
    const outcomes = harness.backend.store.db.$client.prepare("select outcome, count(*) as n from outbox group by outcome").all();
    // The five payments and the opening of Jane's till went in the one batch whose answer was lost: every one of them is a duplicate.
    expect(outcomes).toEqual([{ outcome: 'duplicate', n: 6 }]);
    await expectCentreEqualsCounter();
  });

  it("parks a rejected posting with the centre's reason, holds back that account's later postings and delivers the others", async () => {
    harness = await openCounterAndCentre({ sync: { batchSize: 100 } });
    const [first] = await harness.recordPayments(4);
    const closedAccount = harness.backend.store.payments.facts(first!)!.consumerId;
    harness.centre.rejectAccounts([closedAccount]);
    // A second posting of the closed account after the payment: its verification cannot overtake it.
    const store = harness.backend.store;
    store.transaction(() => store.outbox.add({ id: store.newId(), kind: 'payment.verified', aggregateId: first!, accountId: closedAccount, amount: 0, tillSessionId: null, payload: { paymentId: first }, createdAt: new Date().toISOString() }));
    await harness.drain();

    const [parked] = store.outboxDelivery.parked();
    expect(parked).toMatchObject({ accountId: closedAccount, kind: 'payment.recorded' });
    expect(parked!.parkedReason).toMatch(/closed at the centre/);
    // Sent: the three other payments and the opening of Jane's till.
    expect(store.outboxDelivery.counts()).toMatchObject({ sent: 4, parked: 1, pending: 1, blocked: 1 });
    expect(harness.paymentPostings('sent')).toBe(3);

    // The account reopens at the centre; a manager retries; both go, in order.
    harness.centre.rejectAccounts([]);
    expect(store.outboxDelivery.retry(parked!.id)).toBe(true);
    await harness.drain();
    expect(store.outboxDelivery.counts()).toMatchObject({ sent: 6, parked: 0, pending: 0 });
    expect(harness.paymentPostings('sent')).toBe(5);
    const keys = harness.centre.postingKeys(harness.terminalId());
    expect(keys.indexOf(parked!.id)).toBeLessThan(keys.length - 1);
    expect(harness.centre.totals(harness.terminalId())).toEqual(harness.counterTotals());
  });

  it('sends a payment soon after it is recorded, without waiting for the next round', async () => {
    harness = await openCounterAndCentre({ sync: { sendAsWritten: true } });
    await harness.recordPayments(2);
    for (let waited = 0; harness.centre.totals(harness.terminalId()).count < 2 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.centre.totals(harness.terminalId())).toEqual(harness.counterTotals());
    expect(harness.centre.totals(harness.terminalId()).count).toBe(2);
  });

  it('registers on first contact and keeps the token in a file only this user can read', async () => {
    harness = await openCounterAndCentre();
    await harness.recordPayments(1);
    await harness.drain();
    const { statSync, readFileSync } = await import('node:fs');
    const file = `${harness.dir}/sync-token`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(20);
    expect(harness.terminalId()).toBeTruthy();
  });

  it('stops and says so when the centre revokes the token, keeping the new payment waiting', async () => {
    harness = await openCounterAndCentre();
    await harness.recordPayments(2);
    await harness.drain();
    harness.centre.revokeTerminal(harness.terminalId());
    await harness.recordPayments(1);
    await harness.backend.sync!.runNow();
    expect(harness.backend.sync!.snapshot()).toMatchObject({ state: 'unregistered' });
    expect(harness.backend.sync!.snapshot().lastError).toMatch(/does not accept this counter's token/);
    expect(harness.backend.store.outboxDelivery.counts().pending).toBe(1);
  });
});
