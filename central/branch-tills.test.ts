import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../core/sync/protocol.js';
import { startCentral, type Central } from './server.js';
import { addConsumers, outbox, pull, push, registerTerminal, tillSummary } from './testing.js';

let central: Central;
beforeEach(async () => {
  central = await startCentral({ adminKey: 'test-admin-key' });
});
afterEach(() => central.close());

type Terminal = Awaited<ReturnType<typeof registerTerminal>>;
const tillsIn = (changes: Change[]) => changes.flatMap((c) => (c.entity === 'till_session' ? [c.data] : []));
const everything = async (terminal: Terminal, after = '') => pull(central, terminal.token, after, 5000);

/** A till of `terminal` closed with one payment of `amount`; the centre matches it. */
async function closeTill(terminal: Terminal, tillSessionId: string, amount: number, summary: Parameters<typeof tillSummary>[1] = {}) {
  const counter = outbox();
  const results = await push(central, terminal.token, [counter.paymentRecorded(`acct-${tillSessionId}`, amount, { tillSessionId }), counter.tillClosed(tillSessionId, 1, amount, summary)]);
  expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
  expect(results[1]?.till?.matched).toBe(true);
  return results;
}

describe("a branch's closed tills", () => {
  it('go down to the other terminals of the same branch with their summary, not back to the one that closed it nor to another branch', async () => {
    const a = await registerTerminal(central, 'T01');
    const b = await registerTerminal(central, 'T02');
    const elsewhere = await registerTerminal(central, 'T01', 'Hilltop Service Centre');
    await closeTill(a, 'till-a', 4200, { number: 'T01-TILL-0007', cashierName: 'Jane Smith', cashExpected: 9200, cashCounted: 9100, variance: -100 });

    const [till] = tillsIn((await everything(b)).changes);
    expect(till).toEqual(tillSummary('till-a', { number: 'T01-TILL-0007', cashierName: 'Jane Smith', taken: 4200, cashExpected: 9200, cashCounted: 9100, variance: -100 }));
    expect(await everything(a)).toMatchObject({ changes: [], total: 0, more: false });
    expect(await everything(elsewhere)).toMatchObject({ changes: [], total: 0, more: false });
  });

  it('are kept at the centre, one per session, for the admin API to list by branch', async () => {
    const a = await registerTerminal(central, 'T01');
    const hilltop = await registerTerminal(central, 'T01', 'Hilltop Service Centre');
    const [, closing] = await closeTill(a, 'till-a', 1500);
    await closeTill(hilltop, 'till-h', 700);

    expect(central.tillSessions().map((t) => t.summary.id)).toEqual(['till-a', 'till-h']);
    expect(central.tillSessions('Test Service Centre')).toEqual([{ terminalId: a.terminalId, branchName: 'Test Service Centre', postingKey: closing!.key, summary: tillSummary('till-a', { taken: 1500 }) }]);
    const listed = await fetch(`${central.url}/_admin/till-sessions?branch=${encodeURIComponent('Hilltop Service Centre')}`, { headers: { 'x-admin-key': 'test-admin-key' } });
    expect(await listed.json()).toMatchObject({ tillSessions: [{ terminalId: hilltop.terminalId, summary: { id: 'till-h', taken: 700 } }] });
  });

  it('keep the one cursor: each terminal pages past the changes it does not get, with totals and more counting only its own', async () => {
    const a = await registerTerminal(central, 'T01');
    const b = await registerTerminal(central, 'T02');
    addConsumers(central, 3); // seqs 1–3
    await closeTill(a, 'till-a', 1000); // seq 4: for B only
    central.reference.addConsumer({ accountNumber: 'WU-29999', name: 'Last One', serviceAddress: '1 Main Street', phone: '+254 700000000', email: 'last@example.co.ke', status: 'active', type: 'Residential' }); // seq 5
    await closeTill(b, 'till-b', 2000); // seq 6: for A only

    const seqs = (page: { changes: Change[] }) => page.changes.map((c) => c.seq);
    const a1 = await pull(central, a.token, '', 2);
    expect([seqs(a1), a1.next, a1.more, a1.total]).toEqual([[1, 2], '2', true, 5]);
    const a2 = await pull(central, a.token, a1.next, 2);
    expect([seqs(a2), a2.next, a2.more, a2.total]).toEqual([[3, 5], '5', true, 3]);
    const a3 = await pull(central, a.token, a2.next, 2);
    expect([seqs(a3), a3.next, a3.more, a3.total]).toEqual([[6], '6', false, 1]);

    const b1 = await pull(central, b.token, '2', 2);
    expect([seqs(b1), b1.next, b1.more, b1.total]).toEqual([[3, 4], '4', true, 3]);
    // Only B's own till is left after its last change: the cursor passes it, and is not given it again.
    const b2 = await pull(central, b.token, b1.next, 2);
    expect([seqs(b2), b2.next, b2.more, b2.total]).toEqual([[5], '6', false, 1]);
    expect(await pull(central, b.token, b2.next, 2)).toEqual({ changes: [], next: '6', more: false, total: 0 });
  });

  it('come down the same with the duplicate-page fault: the page is given again and the cursor does not move', async () => {
    const a = await registerTerminal(central, 'T01');
    const b = await registerTerminal(central, 'T02');
    await closeTill(a, 'till-a', 1000);
    central.faults.set([{ on: 'pull', fault: 'duplicate-page', times: 1 }]);
    const repeated = await pull(central, b.token, '0');
    expect(repeated).toMatchObject({ next: '0', more: true });
    const again = await pull(central, b.token, repeated.next);
    expect(again).toMatchObject({ next: '1', more: false, total: 1 });
    expect(again.changes).toEqual(repeated.changes);
  });

  it('are passed on once: a closing posting sent again after a lost answer is a duplicate that repeats its till check', async () => {
    const a = await registerTerminal(central, 'T01');
    const b = await registerTerminal(central, 'T02');
    const counter = outbox();
    const batch = [counter.paymentRecorded('alice', 1200, { tillSessionId: 'till-a' }), counter.tillClosed('till-a', 2, 2000)];
    const first = await push(central, a.token, batch);
    const again = await push(central, a.token, batch);

    expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(again[1]?.till).toEqual(first[1]?.till);
    expect(again[1]?.till).toMatchObject({ matched: false, expectedCount: 2, receivedCount: 1 });
    expect(tillsIn((await everything(b)).changes)).toHaveLength(1);
    expect(central.tillChecks()).toHaveLength(1);
  });

  it('still checks a closing posting without a summary, passing nothing on', async () => {
    const a = await registerTerminal(central, 'T01');
    const b = await registerTerminal(central, 'T02');
    const counter = outbox();
    const closing = counter.tillClosed('till-a', 0, 0);
    const [result] = await push(central, a.token, [{ ...closing, payload: { tillSessionId: 'till-a', postingCount: 0, total: 0 } }]);
    expect(result).toMatchObject({ outcome: 'accepted', till: { matched: true } });
    expect((await everything(b)).changes).toEqual([]);
    expect(central.tillSessions()).toEqual([]);
  });

  it('rejects a closing posting whose summary is malformed or of another till, naming what is wrong', async () => {
    const a = await registerTerminal(central, 'T01');
    const counter = outbox();
    const results = await push(central, a.token, [
      counter.tillClosed('till-a', 0, 0, { businessDate: '23/11/2026' }),
      counter.tillClosed('till-b', 0, 0, { id: 'till-c' }),
      { ...counter.tillClosed('till-d', 0, 0), tillSessionId: null },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results[0]?.reason).toMatch(/^till\.closed does not carry .*: summary\.businessDate: /);
    expect(results[1]?.reason).toBe('till.closed of till till-b carries the summary of till till-c');
    expect(results[2]?.reason).toBe('till.closed of till till-d is stamped with till none');
    expect(central.tillChecks()).toEqual([]);
  });

  it('rejects the close of a till session another terminal already closed', async () => {
    const a = await registerTerminal(central, 'T01');
    const b = await registerTerminal(central, 'T02');
    await closeTill(a, 'till-a', 1000);
    const [result] = await push(central, b.token, [outbox().tillClosed('till-a', 0, 0)]);
    expect(result).toMatchObject({ outcome: 'rejected', reason: 'till till-a was closed by another terminal' });
    expect(central.tillSessions()).toHaveLength(1);
  });
});

describe('a centre database from before branch tills', () => {
  it('gains the columns it lacks when opened, and pulls as before', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'central-old-'));
    try {
      const old = new Database(join(dataDir, 'central.db'));
      old.exec(`create table changes (seq integer primary key, entity text not null, data text not null);
        insert into changes (entity, data) values ('settings', '{"paymentMethods":[{"code":"cash","label":"Cash","enabled":true}],"channels":[{"code":"walk_in","label":"Walk-in","isDefault":true}],"overpaymentLimit":0,"creditNoteValidityMonths":12}');`);
      old.close();

      const reopened = await startCentral({ dataDir });
      try {
        const a = await registerTerminal(reopened, 'T01');
        const b = await registerTerminal(reopened, 'T02');
        const counter = outbox();
        await push(reopened, a.token, [counter.tillClosed('till-a', 0, 0)]);
        const page = await pull(reopened, b.token, '');
        expect(page.changes.map((c) => c.entity)).toEqual(['settings', 'till_session']);
        expect(await pull(reopened, a.token, '')).toMatchObject({ next: '2', more: false, total: 1 });
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
