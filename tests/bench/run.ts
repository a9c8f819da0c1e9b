/**
 * npm run bench: what a payment costs against the floor SQLite sets.
 *
 * The floor is one durable single-row insert (WAL, synchronous=FULL, its own
 * transaction) on the same settings; recording a payment through the service
 * layer (validation, rules, the cashier's open till, numbers, ledger lines
 * with their hash chain, the audit entry, the outbox posting, one
 * transaction, then the receipt read back) is measured the same way. Target: payment median / floor median <= 2.
 * Then a payment that clears five bills and issues a credit note for what is
 * over. Target: its median / floor median <= 3.
 *
 * Then sync (sync-bench.ts): draining 100,000 postings to the loopback
 * reference centre (postings/s), and a first download of 200,000 consumers
 * with 1,000,000 bills against a bare prepared insert of the same rows
 * (target: at least 0.5 of its rows/s). BENCH_SYNC=0 skips these (~2 min);
 * BENCH_CONSUMERS and BENCH_POSTINGS scale them.
 *
 * Then the payments workspace (workspace-bench.ts) on a generated branch
 * history of five years, made once and cached: the KPI header (target: under
 * 100 ms) and a first page of each tab under a search plus two filters
 * (target: under 50 ms). BENCH_WORKSPACE=0 skips it; BENCH_WORKSPACE_SCALE
 * scales the history (0.01 for a quick run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openBackend } from '../../electron/backend.js';
import { addFiveBillAccounts } from './five-bill-accounts.js';
import { benchDrain, benchFirstDownload } from './sync-bench.js';
import { benchWorkspace } from './workspace-bench.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const WARMUP = 30;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

/** A durable single-row insert, in its own transaction, on a database of the same settings. */
function openFloor(dir: string) {
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table t (id text primary key, v integer not null)');
  const insert = db.prepare('insert into t (id, v) values (?, ?)');
  return {
    measure(i: number): number {
      const started = performance.now();
      db.transaction(() => insert.run(uuidv7(), i)).immediate();
      return performance.now() - started;
    },
    close: () => db.close(),
  };
}

/** Cash payments of 0.10 against the demo bills, in turn, into Jane's open till, through the dispatcher as the renderer calls it. */
async function openCounter(dir: string) {
  const backend = openBackend({ dataDir: join(dir, 'counter'), demo: true });
  const login = await backend.dispatch('session-login', { username: 'jane', pin: '1234' }, null);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const token = (login.value as { token: string }).token;
  // Jane opens her till first, as a cashier does: every measured payment is taken into it (not timed).
  const till = await backend.dispatch('till-open', { id: uuidv7(), openingFloat: '5000.00' }, token);
  if (!till.ok) throw new Error(`till-open refused: ${JSON.stringify(till.error)}`);
  const today = new Date().toISOString().slice(0, 10);
  const hits = await backend.dispatch('consumer-search', { query: 'WU-1', limit: 50 }, token);
  if (!hits.ok) throw new Error(JSON.stringify(hits.error));
  const bills: Array<{ consumerId: string; billId: string }> = [];
  for (const hit of hits.value as Array<{ id: string }>) {
    const account = await backend.dispatch('consumer-account', { consumerId: hit.id }, token);
    if (account.ok) for (const bill of (account.value as { bills: Array<{ id: string }> }).bills) bills.push({ consumerId: hit.id, billId: bill.id });
  }
  const fiveBills = addFiveBillAccounts(backend.store, RUNS + WARMUP);
  const timed = async (input: Record<string, unknown>, i: number) => {
    const started = performance.now();
    const result = await backend.dispatch('payment-record', input, token);
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`payment ${i} refused: ${result.error.message}`);
    return elapsed;
  };
  return {
    /** Five bills of 10.00 each, paid with 51.00 in cash: 1.00 becomes a credit note. */
    measureFiveBills(i: number): Promise<number> {
      const { consumerId, billIds } = fiveBills[i]!;
      return timed({ id: uuidv7(), consumerId, type: 'bill', itemIds: billIds, method: 'cash', channel: 'walk_in', amountPaid: '51.00', amountReceived: '51.00', paymentDate: today }, i);
    },
    async measure(i: number): Promise<number> {
      const { consumerId, billId } = bills[i % bills.length]!;
      const started = performance.now();
      const result = await backend.dispatch(
        'payment-record',
        { id: uuidv7(), consumerId, type: 'bill', itemIds: [billId], method: 'cash', channel: 'walk_in', amountPaid: '0.10', amountReceived: '1.00', paymentDate: today },
        token,
      );
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(`payment ${i} refused: ${result.error.message}`);
      return elapsed;
    },
    close: () => backend.close(),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
try {
  const floor = openFloor(dir);
  const counter = await openCounter(dir);
  // Interleaved, so a busy neighbour or a slow disk moment weighs on both alike.
  const floorSamples: number[] = [];
  const paymentSamples: number[] = [];
  const fiveBillSamples: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const f = floor.measure(i);
    const p = await counter.measure(i);
    const five = await counter.measureFiveBills(i);
    if (i >= WARMUP) {
      floorSamples.push(f);
      paymentSamples.push(p);
      fiveBillSamples.push(five);
    }
  }
  floor.close();
  counter.close();
  const base = stats(floorSamples);
  const payment = stats(paymentSamples);
  const ratio = payment.median / base.median;
  console.log(`durable single-row insert (floor): median ${ms(base.median)}, p95 ${ms(base.p95)} over ${RUNS} runs`);
  console.log(`record a cash payment (service):   median ${ms(payment.median)}, p95 ${ms(payment.p95)} over ${RUNS} runs`);
  console.log(`ratio payment/floor (median): ${ratio.toFixed(2)} (target <= 2) ${ratio <= 2 ? 'MET' : 'MISSED'}`);
  const five = stats(fiveBillSamples);
  const fiveRatio = five.median / base.median;
  console.log(`five bills + credit note (service): median ${ms(five.median)}, p95 ${ms(five.p95)} over ${RUNS} runs`);
  console.log(`ratio five-bill payment/floor (median): ${fiveRatio.toFixed(2)} (target <= 3) ${fiveRatio <= 3 ? 'MET' : 'MISSED'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.BENCH_SYNC !== '0') {
  const postings = Number(process.env.BENCH_POSTINGS ?? 100_000);
  const drain = await benchDrain(postings);
  console.log(`drain ${postings.toLocaleString('en')} postings to the loopback centre: ${drain.seconds.toFixed(1)} s, ${Math.round(drain.perSecond).toLocaleString('en')} postings/s`);
  const consumers = Number(process.env.BENCH_CONSUMERS ?? 200_000);
  const download = await benchFirstDownload(consumers, 5);
  console.log(
    `first download of ${consumers.toLocaleString('en')} consumers + ${(consumers * 5).toLocaleString('en')} bills: ${download.downloadSeconds.toFixed(1)} s, ${Math.round(download.downloadPerSecond).toLocaleString('en')} rows/s` +
      ` (bare insert of the same rows: ${download.floorSeconds.toFixed(1)} s, ${Math.round(download.floorPerSecond).toLocaleString('en')} rows/s)`,
  );
  console.log(`ratio download/bare insert (rows/s): ${download.ratio.toFixed(2)} (target >= 0.5) ${download.ratio >= 0.5 ? 'MET' : 'MISSED'}`);
}

if (process.env.BENCH_WORKSPACE !== '0') await benchWorkspace();
