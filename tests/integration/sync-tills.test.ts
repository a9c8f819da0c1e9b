import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../core/api/contract.js';
import { startCentral, type Central } from '../../central/server.js';
import { pull } from '../../central/testing.js';
import { seededRandom } from '../../db/seed/demo-data.js';
import { openBackend, type Backend } from '../../electron/backend.js';
import type { TokenVault } from '../../electron/sync/token-vault.js';

/**
 * Tills as batches against the reference centre over real HTTP: a till's
 * records reach the centre whole, its closing posting is checked there, a
 * mismatch goes to the branch manager by the till's number, and the other
 * terminals of the branch get the closed till for their end-of-day view.
 * The counters and the centre are built here from the harness's building
 * blocks, since these tests need two counters on one centre.
 */

const PINS = { jane: '1234', mary: '3456' } as const;
type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The demo centre, in a folder of its own so it can be stopped and started again on the same port and data. */
async function openCentre() {
  const dataDir = tempDir('central-tills-');
  let centre: Central = await startCentral({ demo: true, dataDir, random: seededRandom(7) });
  let running = true;
  cleanups.push(async () => {
    if (running) await centre.close();
  });
  return {
    get it() {
      return centre;
    },
    async stop() {
      await centre.close();
      running = false;
    },
    async start() {
      centre = await startCentral({ dataDir, port: Number(new URL(centre.url).port), random: seededRandom(7) });
      running = true;
    },
  };
}
type Centre = Awaited<ReturnType<typeof openCentre>>;

/** A synced demo counter registered as `terminalCode`; its sync rounds are run by the test. */
async function openCounter(centre: Centre, terminalCode: string) {
  const dir = tempDir('counter-tills-');
  // The token held in memory, so the test can also ask the centre what this terminal is given.
  let token: string | null = null;
  const vault: TokenVault = { protection: 'memory', read: () => token, write: (issued) => void (token = issued), clear: () => void (token = null) };
  const open = () =>
    openBackend({
      dataDir: dir,
      demo: true,
      central: { url: centre.it.url, enrolmentCode: centre.it.enrolmentCodes[0]!, vault, idleMs: 3_600_000, random: seededRandom(11), timeoutMs: 5_000, sendAsWritten: false },
      sendToPrinter: async () => undefined,
    });
  let backend: Backend = open();
  // Each terminal of a branch has its own code: set before the counter first registers, then opened again to register with it.
  backend.store.settings.save({ ...backend.store.settings.get(), terminalCode });
  await backend.close();
  backend = open();
  cleanups.push(() => backend.close());
  await backend.sync!.runNow();

  async function as(username: keyof typeof PINS): Promise<Call> {
    const login = await backend.dispatch('session-login', { username, pin: PINS[username] }, null);
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.value as { token: string }).token;
    return async (name, input) => {
      const result = await backend.dispatch(name, input, token);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as never;
    };
  }

  return {
    backend,
    as,
    terminalId: () => backend.store.syncState.get('terminal.id')!,
    /** The till sessions the centre gives this terminal from the start of its change log. */
    async tillsFromCentre() {
      const page = await pull(centre.it, token!, '0', 5000);
      return page.changes.flatMap((c) => (c.entity === 'till_session' ? [c.data] : []));
    },
    /** Sync rounds until nothing that may go is left. */
    async drain(rounds = 20) {
      for (let n = 0; n < rounds; n++) {
        await backend.sync!.runNow();
        const counts = backend.store.outboxDelivery.counts();
        if (counts.pending - counts.blocked === 0 && backend.sync!.snapshot().state === 'online') return;
      }
      throw new Error(`postings still waiting: ${backend.sync!.snapshot().lastError}`);
    },
    /** The till's postings in the outbox, by state. */
    tillPostings(tillSessionId: string) {
      return backend.store.db.$client.prepare('select id, kind, state, amount from outbox where till_session_id = ? order by seq').all(tillSessionId) as Array<{ id: string; kind: string; state: string; amount: number }>;
    },
  };
}
type Counter = Awaited<ReturnType<typeof openCounter>>;

/** The oldest open bill of each of `count` consumers, in account order. */
async function openBills(counter: Counter, call: Call, count: number) {
  const consumers = counter.backend.store.db.$client.prepare('select id from consumers order by account_number').pluck().all() as string[];
  const bills: Array<{ consumerId: string; billId: string; open: number }> = [];
  for (const consumerId of consumers) {
    if (bills.length === count) break;
    const bill = (await call('consumer-account', { consumerId })).bills.find((b) => b.open > 0);
    if (bill) bills.push({ consumerId, billId: bill.id, open: bill.open });
  }
  if (bills.length < count) throw new Error(`only ${bills.length} consumers have an open bill`);
  return bills;
}

/** Exact cash for each bill, into the cashier's open till. */
async function payInCash(call: Call, bills: Array<{ consumerId: string; billId: string; open: number }>) {
  const paid = [];
  for (const bill of bills) {
    const amount = (bill.open / 100).toFixed(2);
    paid.push(
      await call('payment-record', {
        id: uuidv7(),
        consumerId: bill.consumerId,
        type: 'bill',
        itemIds: [bill.billId],
        method: 'cash',
        channel: 'walk_in',
        paymentDate: new Date().toISOString().slice(0, 10),
        amountPaid: amount,
        amountReceived: amount,
      }),
    );
  }
  return paid;
}

/** The drawer counted as the manager's X report expects it, to the shilling (within the tolerance), with nothing on card or M-PESA. */
async function countAsExpected(cashier: Call, manager: Call, tillSessionId: string) {
  const report = await manager('till-report', { tillSessionId });
  let left = Math.floor(report.cash.expected! / 100);
  const counts: Record<string, number> = {};
  for (const shillings of [1000, 500, 200, 100, 50, 20, 10, 5, 1]) {
    counts[String(shillings * 100)] = Math.floor(left / shillings);
    left %= shillings;
  }
  return cashier('till-count', { tillSessionId, counts, cardTotal: '0', mpesaTotal: '0' });
}

/**
 * Jane's day on a counter: she opens a till with a float, takes `payments`
 * cash payments (the first reversed with Mary's approval), takes a safe drop
 * out and counts; the till closes within tolerance.
 */
async function aCashiersDay(counter: Counter, options: { before?: (bills: Array<{ consumerId: string }>) => void } = {}) {
  const jane = await counter.as('jane');
  const mary = await counter.as('mary');
  const bills = await openBills(counter, jane, 3);
  options.before?.(bills);
  const till = await jane('till-open', { id: uuidv7(), openingFloat: '5000.00' });
  const paid = await payInCash(jane, bills);
  await jane('payment-reverse', { paymentId: paid[0]!.id, reason: 'Paid for the wrong account', approval: { username: 'mary', pin: PINS.mary } });
  await jane('till-cash-move', { id: uuidv7(), tillSessionId: till.id, direction: 'out', amount: '1000.00', reason: 'Safe drop' });
  const closed = await countAsExpected(jane, mary, till.id);
  expect(closed.session.status).toBe('closed');
  return { till, paid, bills, mary, taken: paid.slice(1).reduce((sum, p) => sum + p.amount, 0) };
}

const tillReviews = async (mary: Call) => (await mary('sync-reviews-list', {})).filter((r) => r.kind === 'till_mismatch');

describe('a till as a batch', () => {
  it("a cashier's whole till reaches the centre, which finds it matched, and no review opens", async () => {
    const centre = await openCentre();
    const counter = await openCounter(centre, 'T01');
    const { till, mary, taken } = await aCashiersDay(counter);

    await counter.drain();

    // Opened, three payments, a reversal, a cash out, the count: six postings before the close, and the payments' net.
    const postings = counter.tillPostings(till.id);
    expect(postings.map((p) => p.kind)).toEqual(['till.opened', 'payment.recorded', 'payment.recorded', 'payment.recorded', 'payment.reversed', 'till.cash_moved', 'till.counted', 'till.closed']);
    expect(postings.every((p) => p.state === 'sent')).toBe(true);
    expect(centre.it.tillChecks()).toEqual([
      expect.objectContaining({ terminalId: counter.terminalId(), tillSessionId: till.id, expectedCount: 7, expectedTotal: taken, receivedCount: 7, receivedTotal: taken, matched: true }),
    ]);
    const admin = await fetch(`${centre.it.url}/_admin/till-checks`, { headers: { 'x-admin-key': centre.it.adminKey } });
    expect(await admin.json()).toMatchObject({ tillChecks: [{ tillSessionId: till.id, matched: true }] });
    expect(await tillReviews(mary)).toEqual([]);
  });

  it('a payment of the till that the centre rejects leaves the batch mismatched, and a review names the till by its number', async () => {
    const centre = await openCentre();
    const counter = await openCounter(centre, 'T01');
    // The second payment's account is closed at the centre.
    const { till, paid, mary, taken } = await aCashiersDay(counter, { before: (bills) => centre.it.rejectAccounts([bills[1]!.consumerId]) });

    await counter.drain();

    const rejected = paid[1]!;
    expect(counter.backend.store.outboxDelivery.parked()).toEqual([expect.objectContaining({ kind: 'payment.recorded', parkedReason: expect.stringMatching(/closed at the centre/) })]);
    expect(centre.it.tillChecks()).toEqual([expect.objectContaining({ tillSessionId: till.id, expectedCount: 7, receivedCount: 6, receivedTotal: taken - rejected.amount, matched: false })]);
    const [review] = await tillReviews(mary);
    expect(review).toMatchObject({ kindLabel: 'Till batch', refId: till.id });
    expect(review!.detail).toMatch(new RegExp(`^Till ${till.number} \\(${till.businessDate}\\) closed with 7 postings for KES [\\d,.]+; the centre received 6 postings for KES [\\d,.]+\\. 1 of its postings has not reached the centre\\.$`));
  });

  it('when the held-back payment is delivered after all, the centre checks the till again and the review settles itself', async () => {
    const centre = await openCentre();
    const counter = await openCounter(centre, 'T01');
    const { till, mary, taken } = await aCashiersDay(counter, { before: (bills) => centre.it.rejectAccounts([bills[1]!.consumerId]) });
    await counter.drain();
    expect(await tillReviews(mary)).toHaveLength(1);

    // The centre reopens the account; the branch manager sends the parked payment again.
    centre.it.rejectAccounts([]);
    const [parked] = counter.backend.store.outboxDelivery.parked();
    await mary('sync-parked-retry', { postingId: parked!.id });
    await counter.drain();

    expect(centre.it.tillChecks()).toEqual([expect.objectContaining({ tillSessionId: till.id, expectedCount: 7, receivedCount: 7, receivedTotal: taken, matched: true })]);
    expect(await tillReviews(mary)).toEqual([]);
    const settled = counter.backend.store.db.$client.prepare("select resolution, resolved_by as resolvedBy from sync_reviews where kind = 'till_mismatch' and ref_id = ?").get(till.id);
    expect(settled).toEqual({ resolution: expect.stringMatching(/^The centre's count now matches: 7 postings for KES [\d,.]+$/), resolvedBy: 'system' });
  });

  it('till records made while the centre is down are all delivered when it returns, and the batch matches', async () => {
    const centre = await openCentre();
    const counter = await openCounter(centre, 'T01');
    await centre.stop();

    const { till, mary, taken } = await aCashiersDay(counter);
    await counter.backend.sync!.runNow();
    expect(counter.backend.sync!.snapshot().state).toBe('offline');
    expect(counter.tillPostings(till.id).map((p) => p.state)).toEqual(Array(8).fill('pending'));
    // The day view works offline: the till is this terminal's, closed.
    expect((await mary('day-view', {})).tills).toEqual([expect.objectContaining({ id: till.id, source: 'this_terminal', status: 'closed', taken })]);

    await centre.start();
    await counter.drain();

    const keys = counter.tillPostings(till.id).map((p) => p.id);
    expect(counter.tillPostings(till.id).every((p) => p.state === 'sent')).toBe(true);
    expect(centre.it.postingKeys(counter.terminalId()).filter((key) => keys.includes(key))).toEqual(keys);
    expect(centre.it.tillChecks()).toEqual([expect.objectContaining({ tillSessionId: till.id, expectedCount: 7, receivedCount: 7, receivedTotal: taken, matched: true })]);
    expect(await tillReviews(mary)).toEqual([]);
  });
});

describe("the branch's tills at the end of the day", () => {
  it("a till closed on one terminal comes down to the other terminal of the branch, whose day view lists it as the branch's with its figures", async () => {
    const centre = await openCentre();
    const a = await openCounter(centre, 'T01');
    const b = await openCounter(centre, 'T02');
    const { till, mary: maryOnA, taken } = await aCashiersDay(a);
    await a.drain();

    await b.backend.sync!.runNow();
    const maryOnB = await b.as('mary');
    const onB = await maryOnB('day-view', {});
    const onA = await maryOnA('day-view', {});

    const mine = onA.tills.find((t) => t.id === till.id)!;
    expect(mine).toMatchObject({ source: 'this_terminal', number: till.number, terminalCode: 'T01', cashierName: 'Jane Smith', status: 'closed', taken });
    expect(onB.tills).toEqual([{ ...mine, source: 'branch' }]);
    expect(onB.totals.taken).toBe(taken);
    expect(mine.cashExpected).not.toBeNull();
    expect(mine.cashCounted).not.toBeNull();

    // A does not get its own till back as the branch's: the centre gives it none, and its view has one line, its own.
    expect(await a.tillsFromCentre()).toEqual([]);
    expect((await b.tillsFromCentre()).map((t) => t.id)).toEqual([till.id]);
    await a.drain();
    expect((await maryOnA('day-view', {})).tills.map((t) => [t.id, t.source])).toEqual([[till.id, 'this_terminal']]);
    expect(a.backend.store.branchTills.onDay(till.businessDate)).toEqual([]);
    expect(centre.it.tillSessions()).toEqual([expect.objectContaining({ terminalId: a.terminalId(), branchName: 'Cityville Service Centre', summary: expect.objectContaining({ id: till.id }) })]);
  });
});
