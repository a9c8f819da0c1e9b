/**
 * A realistic branch history for the payments workspace bench: five years up
 * to today, 200,000 consumers, about 1,700,000 monthly bills, service
 * charges, payment plans, about 2,000,000 payments and 100,000 credit notes
 * (BENCH_WORKSPACE_SCALE scales the three counts; 0.01 makes a quick one).
 * A fixed seed: runs of the same scale ending on the same day make the same
 * history, ids included. How the accounts behave is in branch-history-accounts.ts.
 *
 * The database is made by the app's own migrations (db/connection.ts), its
 * users by the demo seed, the rest by prepared statements in one large
 * transaction, not through the service layer. What the app keeps by triggers
 * (the daily collections and dues of the KPI header, each credit note's
 * remaining balance and status, the cached consumer balances) is kept by those
 * same triggers as the rows go in; a payment goes in with its final status
 * before its allocations, which is where the app's status triggers would have
 * moved it. Only the secondary indexes of the largest tables and their
 * full-text indexes are made once at the end instead (deferUpkeep).
 *
 * Written, as the workspace reads them: consumers, bills, service charges,
 * payment plans with their installments and first schedule, payments with
 * their allocations (posted and reversed ones; a pending, failed or cancelled
 * payment moved no money and has none), payment reversals, credit notes with
 * every ledger line of theirs (issued, applied, expired, cancelled by a
 * reversal, hash-chained as the app chains them) and their audit entries
 * (created, expired, cancelled), and those of reversals.
 * Left out, to keep the file to a few gigabytes: the charge and payment
 * ledger lines of bills, services and installments (so consumer balances and
 * items' open amounts read from the ledger are not the history's), the audit
 * entries and outbox postings of payments, till sessions (counter payments
 * carry no till), plan lines and alerts (every plan is completed), printed
 * receipts. The file is for reading the workspace, not for taking payments.
 *
 * The file is cached under os.tmpdir(), keyed by BRANCH_HISTORY_VERSION, a
 * digest of the migrations and the scale (bump the version when the generator
 * changes). Its history ends on the day it was made.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { SYSTEM_USER_ID } from '../../core/auth/roles.js';
import { migrationsFolder, openDatabase } from '../../db/connection.js';
import { seededRandom } from '../../db/seed/demo-data.js';
import { seedDemo } from '../../db/seed/demo.js';
import { createStore } from '../../db/store.js';
import { hashPin } from '../../electron/auth/pin-hash.js';
import { planBranchHistory, type HistoryTargets } from './branch-history-accounts.js';
import { historyCalendar, type HistoryCalendar } from './branch-history-calendar.js';
import { accountWriter, deferUpkeep, writeAudit, writeCreditLedger, writeCreditNotes, writePayments, writePlans, writeReversals, writeSequences } from './branch-history-rows.js';

export const BRANCH_HISTORY_VERSION = 2;
const SEED = 20_250_707;

export function historyTargets(scale: number): HistoryTargets {
  return { consumers: Math.max(20, Math.round(200_000 * scale)), payments: Math.round(2_000_000 * scale), creditNotes: Math.round(100_000 * scale) };
}

/** BENCH_WORKSPACE_SCALE, 1 by default. */
export function benchScale(): number {
  const scale = Number(process.env.BENCH_WORKSPACE_SCALE ?? 1);
  if (!(scale > 0 && scale <= 2)) throw new Error(`BENCH_WORKSPACE_SCALE must be a number above 0 and at most 2, not ${process.env.BENCH_WORKSPACE_SCALE}`);
  return scale;
}

export interface HistoryCounts {
  consumers: number;
  bills: number;
  serviceCharges: number;
  plans: number;
  installments: number;
  payments: number;
  allocations: number;
  reversals: number;
  creditNotes: number;
  ledgerLines: number;
  auditEntries: number;
}

export interface BranchHistory {
  file: string;
  scale: number;
  /** The history's last day. */
  today: string;
  /** How long the generation took (also when the file now comes from the cache). */
  seconds: number;
  bytes: number;
  counts: HistoryCounts;
  cached: boolean;
}

/** The cached history of this scale, made first if there is none. */
export function branchHistory(scale: number, options: { dir?: string; now?: Date; log?: (line: string) => void } = {}): BranchHistory {
  const file = join(options.dir ?? tmpdir(), `counter-branch-history-v${BRANCH_HISTORY_VERSION}-${schemaTag()}-x${scale}.sqlite`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) return { ...(JSON.parse(readFileSync(meta, 'utf8')) as Omit<BranchHistory, 'cached'>), cached: true };
  const partial = `${file}.partial`;
  for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  options.log?.(`generating the branch history at scale ${scale} into ${file} …`);
  const started = performance.now();
  const { today, counts } = writeBranchHistory(partial, scale, options.now ?? new Date());
  renameSync(partial, file);
  const history: Omit<BranchHistory, 'cached'> = { file, scale, today, seconds: (performance.now() - started) / 1000, bytes: statSync(file).size, counts };
  writeFileSync(meta, JSON.stringify(history, null, 2));
  return { ...history, cached: false };
}

/** A digest of the migrations: a file made under another schema is not reused. */
function schemaTag(): string {
  const folder = migrationsFolder();
  const digest = createHash('sha256');
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.sql')).sort()) digest.update(name).update(readFileSync(join(folder, name)));
  return digest.digest('hex').slice(0, 10);
}

/** Writes a whole history into a new database file; returns its last day and what it holds. */
export function writeBranchHistory(file: string, scale: number, now: Date): { today: string; counts: HistoryCounts } {
  const db = openDatabase(file);
  const sqlite = db.$client;
  // A file made from scratch and thrown away on failure: no fsync, a large cache, and the rollback
  // journal in memory rather than every page written twice through the WAL (OFF is refused in defensive mode).
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -2097152');
  try {
    const store = createStore(db);
    seedDemo(store, { hashPin, now: now.toISOString(), referenceData: false });
    const calendar = historyCalendar(now);
    addFormerCashiers(sqlite, calendar);
    const users = new Map(sqlite.prepare<[], { username: string; id: string }>('select username, id from users').all().map((u) => [u.username, u.id]));
    const userId = (username: string) => users.get(username) ?? SYSTEM_USER_ID;
    const newId = uuidAt(seededRandom(SEED + 1));
    const counts = sqlite.transaction((): HistoryCounts => {
      const restoreUpkeep = deferUpkeep(sqlite, ['consumers', 'bills', 'service_charges', 'payments', 'payment_allocations']);
      const accounts = accountWriter(sqlite, calendar);
      const history = planBranchHistory(calendar, historyTargets(scale), seededRandom(SEED), newId, accounts);
      accounts.writeItems();
      const plans = writePlans(sqlite, calendar, history.plans, userId, newId);
      const payments = writePayments(sqlite, calendar, history.payments, history.notes, userId, newId, seededRandom(SEED + 2));
      const reversals = writeReversals(sqlite, history.payments, userId, newId);
      const creditNotes = writeCreditNotes(sqlite, calendar, history.notes, userId);
      const ledgerLines = writeCreditLedger(store, history.notes, reversals, userId, newId);
      const auditEntries = writeAudit(store, calendar, history, reversals, userId, newId);
      writeSequences(sqlite, { receipts: payments.receipts, paymentsPerYear: payments.perYear, creditNotes, reversals: reversals.size, plansPerYear: plans.perYear });
      restoreUpkeep();
      // The receipt number index was rebuilt over every payment: the app feeds it from here on (db/repositories/receipt-search.ts).
      sqlite.exec('update receipt_search_progress set last_rowid = (select coalesce(max(rowid), 0) from payments) where id = 1');
      return { ...accounts.counts, ...plans.counts, payments: payments.payments, allocations: payments.allocations, reversals: reversals.size, creditNotes, ledgerLines, auditEntries };
    })();
    sqlite.pragma('journal_mode = WAL');
    return { today: calendar.today, counts };
  } finally {
    sqlite.close();
  }
}

/** UUIDv7 of a given instant, its random bits from a seeded stream, as the counter makes ids where a record is made. */
function uuidAt(random: () => number): (ms: number) => string {
  const hex = (value: number, width: number) => Math.floor(value).toString(16).padStart(width, '0');
  return (ms) => {
    const time = hex(ms, 12);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(random() * 0x1000, 3)}-${hex(0x8000 + random() * 0x4000, 4)}-${hex(random() * 0x1000000, 6)}${hex(random() * 0x1000000, 6)}`;
  };
}

/** Cashiers of the history's earlier years, who no longer sign in ('!' is no PIN hash). */
function addFormerCashiers(sqlite: Database, calendar: HistoryCalendar): void {
  const insert = sqlite.prepare("insert into users (id, username, display_name, role, pin_hash, created_at) values (?, ?, ?, 'cashier', '!', ?)");
  const since = new Date(calendar.midnight[0]!).toISOString();
  for (const [username, name] of [['lucy', 'Lucy Achieng'], ['brian', 'Brian Mutua'], ['faith', 'Faith Chebet']] as const) insert.run(`former-cashier-${username}`, username, name, since);
}
