import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { openCounterAndCentre, seeded } from './sync-harness.js';

export interface SoakResult {
  postings: number;
  rejected: number;
  seconds: number;
  rounds: number;
  centre: { count: number; total: number };
  counter: { count: number; total: number };
  parked: number;
  pending: number;
  /** Postings not at the centre that are not of an account it refuses: must be none. */
  undelivered: number;
  missing: number;
  doubled: number;
}

/** What is wrong at the end of a soak; empty when both ends agree. */
export function soakProblems(result: SoakResult): string[] {
  const problems: string[] = [];
  if (result.centre.count !== result.counter.count) problems.push(`the centre has ${result.centre.count} payments, the counter ${result.counter.count}`);
  if (result.centre.total !== result.counter.total) problems.push(`the centre's total is ${result.centre.total}, the counter's ${result.counter.total}`);
  if (result.missing > 0) problems.push(`${result.missing} postings sent are missing at the centre`);
  if (result.doubled > 0) problems.push(`${result.doubled} postings are doubled at the centre`);
  if (result.undelivered > 0) problems.push(`${result.undelivered} postings of open accounts were never delivered`);
  if (result.parked === 0) problems.push('no posting was rejected, so parking was not exercised');
  return problems;
}

/**
 * Writes `postings` payment postings through the outbox port, in bursts,
 * while sync runs against a centre that injects a random mix of every fault
 * and rejects a few accounts on purpose. Then lets the sync finish and
 * compares both ends.
 */
export async function runSoak(options: { postings: number; seed: number; log?: (line: string) => void }): Promise<SoakResult> {
  const random = seeded(options.seed);
  const harness = await openCounterAndCentre({ centre: { random: seeded(options.seed + 1) }, sync: { batchSize: 500, timeoutMs: 1_000, random } });
  const started = Date.now();
  try {
    const accounts = Array.from({ length: 2000 }, (_, n) => `soak-account-${n}`);
    const closed = accounts.filter((_, n) => n % 500 === 7); // 4 accounts the centre refuses
    harness.centre.rejectAccounts(closed);
    harness.centre.faults.set([
      { on: 'push', fault: 'drop-before-commit', probability: 0.04, times: Infinity },
      { on: 'push', fault: 'drop-after-commit', probability: 0.04, times: Infinity },
      { on: 'push', fault: 'status-500', probability: 0.03, times: Infinity },
      { on: 'push', fault: 'status-503', probability: 0.03, times: Infinity },
      { on: 'push', fault: 'slow', probability: 0.02, times: Infinity, delayMs: 1_500 },
      { on: 'pull', fault: 'duplicate-page', probability: 0.1, times: Infinity },
    ]);

    const store = harness.backend.store;
    let written = 0;
    let rounds = 0;
    let writing = true;
    const syncing = (async () => {
      while (writing || store.outboxDelivery.counts().pending - store.outboxDelivery.counts().blocked > 0) {
        await harness.backend.sync!.runNow();
        rounds++;
        if (rounds % 20 === 0) options.log?.(`  ${written} written, ${store.outboxDelivery.counts().sent} sent, ${rounds} rounds`);
      }
    })();
    while (written < options.postings) {
      const burst = Math.min(options.postings - written, 1 + Math.floor(random() * 400));
      store.transaction(() => {
        for (let n = 0; n < burst; n++) {
          const amount = 100 + Math.floor(random() * 500_000);
          const id = store.newId();
          const accountId = accounts[Math.floor(random() * accounts.length)]!;
          store.outbox.add({ id, kind: 'payment.recorded', aggregateId: id, accountId, amount, tillSessionId: null, payload: { payment: { id, consumerId: accountId, amount } }, createdAt: new Date().toISOString() });
        }
      });
      written += burst;
      await yieldToEventLoop();
    }
    writing = false;
    await syncing;

    const terminal = harness.terminalId();
    const sent = harness.counterKeys('sent');
    const atCentre = harness.centre.postingKeys(terminal);
    const atCentreSet = new Set(atCentre);
    const counts = store.outboxDelivery.counts();
    const closedList = closed.map(() => '?').join(', ');
    const undelivered = store.db.$client.prepare(`select count(*) from outbox where state != 'sent' and account_id not in (${closedList})`).pluck().get(...closed) as number;
    return {
      postings: written,
      rejected: closed.length,
      seconds: (Date.now() - started) / 1000,
      rounds,
      centre: harness.centre.totals(terminal),
      counter: harness.counterTotals(),
      parked: counts.parked,
      pending: counts.pending,
      undelivered,
      missing: sent.filter((key) => !atCentreSet.has(key)).length,
      doubled: atCentre.length - atCentreSet.size,
    };
  } finally {
    await harness.close();
  }
}
