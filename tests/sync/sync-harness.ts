import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { startCentral, type Central, type CentralOptions } from '../../central/server.js';
import { seededRandom } from '../../db/seed/demo-data.js';
import { openBackend, type Backend } from '../../electron/backend.js';
import type { CentralOptions as CounterCentralOptions } from '../../electron/sync/start-sync.js';

/** Faults and jitter that replay the same way on every run. */
export const seeded = seededRandom;

const MONEY_KINDS = "('payment.recorded', 'payment.reversed')";

/**
 * A reference centre with the demo's consumers and bills, and a counter in a
 * folder of its own that registered with it and downloaded them (a synced
 * counter seeds its users only); sync rounds after that are run by the test
 * rather than by timers.
 */
export async function openCounterAndCentre(options: { centre?: CentralOptions; sync?: Partial<CounterCentralOptions> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'counter-sync-'));
  let centre: Central = await startCentral({ random: seeded(7), demo: true, ...options.centre });
  const link = (): CounterCentralOptions => ({ url: centre.url, enrolmentCode: centre.enrolmentCodes[0]!, idleMs: 3_600_000, random: seeded(11), timeoutMs: 5_000, sendAsWritten: false, ...options.sync });
  let backend: Backend = openBackend({ dataDir: dir, demo: true, central: link(), sendToPrinter: async () => undefined });
  let token: string | null = null;
  await backend.sync!.runNow();

  const sql = () => backend.store.db.$client;

  const harness = {
    dir,
    get backend() {
      return backend;
    },
    get centre() {
      return centre;
    },
    /**
     * Signs Jane the cashier in. Unless `{ till: false }`, she has her till
     * open, as a cashier opens one before taking payments: the one already
     * open, else one opened with a float of 5,000.00 (one `till.opened`
     * posting, on the till's own account).
     */
    async cashier({ till = true }: { till?: boolean } = {}) {
      const login = await backend.dispatch('session-login', { username: 'jane', pin: '1234' }, null);
      if (!login.ok) throw new Error(login.error.message);
      const session = (login.value as { token: string }).token;
      if (till) {
        const current = await backend.dispatch('till-current', {}, session);
        if (!current.ok) throw new Error(`till-current: ${current.error.message}`);
        if (!(current.value as { till: unknown }).till) {
          const opened = await backend.dispatch('till-open', { id: uuidv7(), openingFloat: '5000.00' }, session);
          if (!opened.ok) throw new Error(`till-open: ${opened.error.message}`);
        }
      }
      token = session;
      return token;
    },
    /**
     * Pays the oldest open bill of `count` consumers in exact cash through the
     * service, as a cashier does, into Jane's till: each payment writes one
     * outbox posting (and her first sign-in one more, her till's opening).
     */
    async recordPayments(count: number): Promise<string[]> {
      const session = token ?? (await harness.cashier());
      const consumers = sql().prepare('select id from consumers order by account_number').pluck().all() as string[];
      const open: Array<{ billId: string; consumerId: string; open: number }> = [];
      for (const consumerId of consumers) {
        if (open.length === count) break;
        const account = await backend.dispatch('consumer-account', { consumerId }, session);
        if (!account.ok) throw new Error(account.error.message);
        const oldest = (account.value as { bills: Array<{ id: string; open: number }> }).bills[0];
        if (oldest) open.push({ billId: oldest.id, consumerId, open: oldest.open });
      }
      if (open.length < count) throw new Error(`only ${open.length} consumers have an open bill`);
      const ids: string[] = [];
      for (const bill of open) {
        const amount = (bill.open / 100).toFixed(2);
        const today = new Date().toISOString().slice(0, 10);
        const result = await backend.dispatch(
          'payment-record',
          { id: uuidv7(), consumerId: bill.consumerId, type: 'bill', itemIds: [bill.billId], method: 'cash', channel: 'walk_in', paymentDate: today, amountPaid: amount, amountReceived: amount },
          session,
        );
        if (!result.ok) throw new Error(`payment-record: ${result.error.message}`);
        ids.push((result.value as { id: string }).id);
      }
      return ids;
    },
    /** Runs sync rounds until nothing that may go is left, or `rounds` have passed. */
    async drain(rounds = 50) {
      for (let n = 0; n < rounds; n++) {
        await backend.sync!.runNow();
        const counts = backend.store.outboxDelivery.counts();
        if (counts.pending - counts.blocked === 0 && backend.sync!.snapshot().state === 'online') return n + 1;
      }
      throw new Error(`still ${backend.store.outboxDelivery.counts().pending} postings waiting after ${rounds} rounds: ${backend.sync!.snapshot().lastError}`);
    },
    /** The postings of payments (not of tills) on the counter, by delivery state. */
    paymentPostings(state: 'sent' | 'pending' | 'parked') {
      return sql().prepare("select count(*) from outbox where kind like 'payment.%' and state = ?").pluck().get(state) as number;
    },
    /** What the counter holds as delivered: payments and their money. */
    counterTotals() {
      return sql().prepare(`select count(*) as count, coalesce(sum(amount), 0) as total from outbox where kind in ${MONEY_KINDS} and state = 'sent'`).get() as { count: number; total: number };
    },
    counterKeys(state: 'sent' | 'pending' | 'parked' = 'sent') {
      return (sql().prepare('select id from outbox where state = ? order by seq').pluck().all(state) as string[]).sort();
    },
    terminalId() {
      return backend.store.syncState.get('terminal.id')!;
    },
    /** Closes and opens the counter on the same folder, as after a restart. */
    async restartCounter() {
      await backend.close();
      backend = openBackend({ dataDir: dir, demo: true, central: link(), sendToPrinter: async () => undefined });
      token = null;
    },
    async stopCentre() {
      await centre.close();
    },
    /** The centre back on the same port with the same database. */
    async restartCentre(dataDir: string) {
      const port = Number(new URL(centre.url).port);
      centre = await startCentral({ random: seeded(7), ...options.centre, dataDir, port });
    },
    async close() {
      await backend.close();
      await centre.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export type SyncHarness = Awaited<ReturnType<typeof openCounterAndCentre>>;
