import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centralError, MAX_PUSH_BATCH } from '../core/sync/protocol.js';
import { startCentral, type Central } from './server.js';
import { outbox, push, pushRaw, registerTerminal } from './testing.js';

let central: Central;
let token: string;
let terminalId: string;
beforeEach(async () => {
  central = await startCentral();
  ({ token, terminalId } = await registerTerminal(central));
});
afterEach(() => central.close());

describe('pushing postings', () => {
  it('accepts a batch once; the same batch sent again is all duplicate and the totals do not move', async () => {
    const counter = outbox();
    const batch = [counter.paymentRecorded('alice', 1500), counter.paymentRecorded('bob', 2550), counter.posting('credit_note.created', 'bob', 0, { creditNote: {} })];

    expect((await push(central, token, batch)).map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(central.totals()).toEqual({ count: 2, total: 4050 });

    const again = await push(central, token, batch);
    expect(again.map((r) => [r.key, r.outcome])).toEqual(batch.map((p) => [p.key, 'duplicate']));
    expect(central.totals()).toEqual({ count: 2, total: 4050 });
    expect(central.postingKeys(terminalId)).toEqual(batch.map((p) => p.key));
  });

  it('answers a key it holds as duplicate whatever else the resend says', async () => {
    const sent = outbox().paymentRecorded('alice', 1500);
    await push(central, token, [sent]);
    const [result] = await push(central, token, [{ ...sent, amount: 999_999, kind: 'no.such.kind' }]);
    expect(result?.outcome).toBe('duplicate');
    expect(central.totals().total).toBe(1500);
  });

  it("rejects a closed account's posting with the reason and defers its later ones, while other accounts are accepted", async () => {
    central.rejectAccounts(['closed-account']);
    const counter = outbox();
    const batch = [counter.paymentRecorded('closed-account', 1000), counter.paymentRecorded('open-account', 2000), counter.paymentRecorded('closed-account', 3000), counter.paymentRecorded('open-account', 4000)];

    const results = await push(central, token, batch);
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'accepted', 'deferred', 'accepted']);
    expect(results[0]?.reason).toBe('Account closed-account is closed at the centre');
    expect(central.totals()).toEqual({ count: 2, total: 6000 });
  });

  it('rejects a reversal or verification of a payment the centre never received from that terminal', async () => {
    const counter = outbox();
    const received = counter.paymentRecorded('alice', 5000, { paymentId: 'payment-1' });
    const results = await push(central, token, [received, counter.paymentReversed('bob', 700, 'payment-unknown'), counter.paymentVerified('carol', 'payment-unknown'), counter.paymentReversed('alice', 5000, 'payment-1')]);

    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    expect(results[1]?.reason).toBe('payment payment-unknown was never received');
    expect(central.totals()).toEqual({ count: 2, total: 0 });

    const otherTerminal = await registerTerminal(central, 'T02');
    const [elsewhere] = await push(central, otherTerminal.token, [outbox().paymentVerified('alice', 'payment-1')]);
    expect(elsewhere?.outcome).toBe('rejected');
  });

  it('rejects a posting of a newer schema version or an unknown kind', async () => {
    const counter = outbox();
    const results = await push(central, token, [{ ...counter.paymentRecorded('alice', 100), schemaVersion: 2 }, counter.posting('meter.read', 'bob', 0, {})]);
    expect(results.map((r) => r.reason)).toEqual(['schema version 2 is not supported', 'posting kind meter.read is not known at the centre']);
  });

  it('answers a batch over the limit with 400 and a body over 4 MB with 413, storing nothing', async () => {
    const counter = outbox();
    const tooMany = Array.from({ length: MAX_PUSH_BATCH + 1 }, () => counter.paymentRecorded('alice', 1));
    const over = await pushRaw(central, token, tooMany);
    expect(over.status).toBe(400);
    expect(centralError.parse(await over.json()).field).toBe('postings');

    const huge = await pushRaw(central, token, [counter.posting('credit_note.created', 'alice', 0, { notes: 'x'.repeat(4.5 * 1024 * 1024) })]);
    expect(huge.status).toBe(413);
    expect(central.postingKeys()).toEqual([]);
  });
});

describe('closing a till', () => {
  it('matches when the centre received the count and total the till reports, counting only that session', async () => {
    const counter = outbox();
    await push(central, token, [
      counter.paymentRecorded('alice', 1200, { tillSessionId: 'till-1' }),
      counter.paymentRecorded('carol', 500, { tillSessionId: 'till-2' }),
      counter.paymentRecorded('bob', 800, { tillSessionId: 'till-1' }),
    ]);
    const [closing] = await push(central, token, [counter.tillClosed('till-1', 2, 2000)]);

    expect(closing?.outcome).toBe('accepted');
    expect(closing?.till).toEqual({ tillSessionId: 'till-1', expectedCount: 2, expectedTotal: 2000, receivedCount: 2, receivedTotal: 2000, matched: true });
    expect(central.tillChecks()).toMatchObject([{ terminalId, tillSessionId: 'till-1', matched: true }]);
  });

  it('is still accepted when the centre received less, with the check saying what differs', async () => {
    const counter = outbox();
    const results = await push(central, token, [counter.paymentRecorded('alice', 1200, { tillSessionId: 'till-1' }), counter.tillClosed('till-1', 2, 2000)]);

    expect(results[1]).toMatchObject({ outcome: 'accepted', till: { expectedCount: 2, expectedTotal: 2000, receivedCount: 1, receivedTotal: 1200, matched: false } });
    expect(central.tillChecks()[0]?.matched).toBe(false);
  });

  it("counts only the closing terminal's postings of that session", async () => {
    const other = await registerTerminal(central, 'T02');
    await push(central, other.token, [outbox().paymentRecorded('bob', 800, { tillSessionId: 'till-1' })]);
    const counter = outbox();
    const results = await push(central, token, [counter.paymentRecorded('alice', 1200, { tillSessionId: 'till-1' }), counter.tillClosed('till-1', 1, 1200)]);
    expect(results[1]?.till?.matched).toBe(true);
  });
});
