import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrationsFolder } from '../../db/connection.js';
import { openBackend, type Backend } from '../../electron/backend.js';

type JournalEntry = { idx: number; when: number; tag: string };
const MIGRATIONS = migrationsFolder();
const journal = (): JournalEntry[] => (JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;

/** Every table the app reads or writes (the shadow tables of the full-text indexes come with them). */
const APP_TABLES = [
  'audit_entries',
  'bills',
  'branch_tills',
  'business_days',
  'consumer_balances',
  'consumers',
  'consumers_search',
  'credit_note_balances',
  'credit_notes',
  'credit_notes_numbers',
  'daily_collections',
  'daily_dues',
  'installments',
  'ledger_lines',
  'mpesa_confirmations',
  'number_sequences',
  'outbox',
  'payment_allocations',
  'payment_plans',
  'payment_reversals',
  'payments',
  'payments_receipts',
  'plan_alerts',
  'plan_covers',
  'plan_lines',
  'plan_versions',
  'print_jobs',
  'receipt_search_progress',
  'service_charges',
  'settings',
  'sync_reviews',
  'sync_state',
  'till_lines',
  'till_sessions',
  'users',
];

let dir: string;
let backend: Backend | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-migrations-'));
});
afterEach(() => {
  backend?.close();
  backend = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const sqlite = () => backend!.store.db.$client;
const names = (type: 'table' | 'trigger') =>
  (sqlite().prepare(`select name from sqlite_master where type = ? order by name`).all(type) as Array<{ name: string }>).map((r) => r.name);
const applied = () => sqlite().prepare('select hash, created_at as createdAt from __drizzle_migrations order by id').all() as Array<{ hash: string; createdAt: number }>;

describe('first start on an empty data folder', () => {
  it('creates the data folder and the database file in it', () => {
    const dataDir = join(dir, 'not', 'there', 'yet');
    backend = openBackend({ dataDir, demo: false });
    expect(existsSync(join(dataDir, 'counter.sqlite'))).toBe(true);
    expect(backend.dataDir).toBe(dataDir);
  });

  it('creates every table the app uses and nothing else', () => {
    backend = openBackend({ dataDir: dir, demo: false });
    const tables = names('table').filter((name) => !name.startsWith('sqlite_') && name !== '__drizzle_migrations' && !/^(consumers_search|payments_receipts|credit_notes_numbers)_(config|data|docsize|idx)$/.test(name));
    expect(tables).toEqual(APP_TABLES);
    expect(names('table')).toContain('__drizzle_migrations');
  });

  it('creates every trigger the migrations declare, so the ledger is append-only from the first payment', () => {
    backend = openBackend({ dataDir: dir, demo: false });
    const declared = new Set<string>();
    for (const entry of journal()) {
      // In the order each file says it: a later migration may drop a trigger, or drop and make it again.
      for (const match of readFileSync(join(MIGRATIONS, `${entry.tag}.sql`), 'utf8').matchAll(/(CREATE|DROP) TRIGGER\s+`?(\w+)`?/gi)) {
        if (match[1]!.toUpperCase() === 'CREATE') declared.add(match[2]!);
        else declared.delete(match[2]!);
      }
    }
    // 19 up to 0007; 0008 adds eight: till lines and sessions final, no payment into a till that is not open, a closed day stays closed;
    // 0009 adds six: plan lines, versions and covers are written once;
    // 0010 adds nine: the daily collections and dues follow payments, allocations, bills and service charges;
    // 0011 adds five: receipt and credit note numbers indexed, each note's balance follows its ledger lines and stays;
    // 0012 drops the receipt numbers' (they are indexed before a search) and makes the allocations' daily figure anew.
    expect(declared.size).toBe(46);
    expect(names('trigger')).toEqual([...declared].sort());
  });

  it('records every migration in the journal, in order, with the hash of its file', () => {
    backend = openBackend({ dataDir: dir, demo: false });
    const entries = journal();
    expect(entries.length).toBeGreaterThan(0);
    expect(applied()).toEqual(entries.map((entry) => ({ hash: createHash('sha256').update(readFileSync(join(MIGRATIONS, `${entry.tag}.sql`))).digest('hex'), createdAt: entry.when })));
  });

  it('runs in WAL with synchronous FULL and foreign keys enforced', () => {
    backend = openBackend({ dataDir: dir, demo: false });
    expect(sqlite().pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite().pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite().pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => sqlite().prepare(`insert into bills (id, consumer_id, invoice_number, period, amount, issued_on, due_on) values ('b1', 'nobody', 'INV-1', 'Jan', 100, '2026-01-01', '2026-01-15')`).run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('passes an integrity check and has no broken references', () => {
    backend = openBackend({ dataDir: dir, demo: true });
    expect(sqlite().pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite().pragma('foreign_key_check')).toEqual([]);
  });

  it('has only the system user before anyone is added, and it cannot log in', async () => {
    backend = openBackend({ dataDir: dir, demo: false });
    expect(sqlite().prepare('select username, pin_hash as pinHash from users').all()).toEqual([{ username: 'system', pinHash: '!' }]);
    expect(backend.store.users.count()).toBe(0);
    expect(await backend.dispatch('session-login', { username: 'system', pin: '1234' }, null)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'User or PIN is not right', field: 'pin' },
    });
  });
});

describe('restarting the app', () => {
  it('applies nothing new and keeps the data', () => {
    backend = openBackend({ dataDir: dir, demo: true });
    const before = applied();
    const consumers = (sqlite().prepare('select count(*) as n from consumers').get() as { n: number }).n;
    const ledger = (sqlite().prepare('select count(*) as n, sum(amount) as total from ledger_lines').get() as { n: number; total: number });
    expect(consumers).toBe(301);
    backend.close();

    backend = openBackend({ dataDir: dir, demo: false });
    expect(applied()).toEqual(before);
    expect(applied()).toHaveLength(journal().length);
    expect((sqlite().prepare('select count(*) as n from consumers').get() as { n: number }).n).toBe(consumers);
    expect(sqlite().prepare('select count(*) as n, sum(amount) as total from ledger_lines').get()).toEqual(ledger);
    expect(sqlite().prepare(`select name from consumers where account_number = 'WU-10001'`).get()).toEqual({ name: 'John Doe' });
    expect(sqlite().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('sets synchronous FULL and foreign keys again on the new connection', () => {
    backend = openBackend({ dataDir: dir, demo: false });
    backend.close();
    const db = openDatabase(join(dir, 'counter.sqlite'));
    try {
      expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.$client.close();
    }
    backend = undefined;
  });
});

describe('upgrading a database from an older version', () => {
  /** A database as a counter of the version before `tag` left it. */
  function databaseBefore(tag: string) {
    const entries = journal();
    const older = entries.slice(0, entries.findIndex((entry) => entry.tag === tag));
    const oldFolder = join(dir, 'old-migrations');
    mkdirSync(join(oldFolder, 'meta'), { recursive: true });
    for (const entry of older) copyFileSync(join(MIGRATIONS, `${entry.tag}.sql`), join(oldFolder, `${entry.tag}.sql`));
    const fullJournal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
    writeFileSync(join(oldFolder, 'meta', '_journal.json'), JSON.stringify({ ...fullJournal, entries: older }));
    const file = join(dir, 'counter.sqlite');
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: oldFolder });
    return { old, file, older, entries };
  }

  it('applies only the missing migrations and keeps the consumers, ledger and balances', () => {
    // Before 0005 there were no cached balances: the upgrade must fill them from the ledger.
    const { old, file, older, entries } = databaseBefore('0005_balances_and_guards');
    expect(older).toHaveLength(5);
    old.exec(`insert into consumers (id, account_number, name, service_address, phone, email, status, type)
              values ('c1', 'WU-90001', 'Old Customer', '1 Old Road', '0700', 'old@example.com', 'active', 'Residential')`);
    old.exec(`insert into ledger_lines (id, consumer_id, entry_kind, amount, description, created_at, created_by, prev_hash, hash)
              values ('l1', 'c1', 'charge', 12000, 'Bill', '2025-01-01T00:00:00.000Z', 'system', '0', 'h1'),
                     ('l2', 'c1', 'charge', 550, 'Late fee', '2025-01-02T00:00:00.000Z', 'system', 'h1', 'h2')`);
    expect((old.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(older.length);
    old.close();

    const db = openDatabase(file);
    try {
      expect((db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(entries.length);
      expect(db.$client.prepare(`select name from consumers where id = 'c1'`).get()).toEqual({ name: 'Old Customer' });
      expect(db.$client.prepare('select count(*) as n from ledger_lines').get()).toEqual({ n: 2 });
      expect(db.$client.prepare('select consumer_id as consumerId, balance from consumer_balances').all()).toEqual([{ consumerId: 'c1', balance: 12550 }]);
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.$client.close();
    }
  });
  it('gives postings written before sync their account and amount, and makes them final', () => {
    const { old, file } = databaseBefore('0006_sync');
    old.exec(`insert into consumers (id, account_number, name, service_address, phone, email, status, type)
              values ('c1', 'WU-90001', 'Old Customer', '1 Old Road', '0700', 'old@example.com', 'active', 'Residential')`);
    old.exec(`insert into users (id, username, display_name, role, pin_hash, created_at) values ('u1', 'jane', 'Jane', 'cashier', 'x', '2025-01-01T00:00:00.000Z')`);
    old.exec(`insert into payments (id, payment_number, transaction_number, receipt_number, consumer_id, type, channel, method, amount, status, verification, payment_date, recorded_at, recorded_by, terminal_code)
              values ('p1', 'PAY-1', 'TXN-1', 'R-1', 'c1', 'bill', 'walk_in', 'cash', 14550, 'reversed', 'verified', '2025-04-20', '2025-04-20T10:00:00.000Z', 'u1', 'T01')`);
    old.exec(`insert into outbox (id, kind, aggregate_id, payload, created_at) values
              ('o1', 'payment.recorded', 'p1', '{}', '2025-04-20T10:00:00.000Z'),
              ('o2', 'payment.reversed', 'p1', '{}', '2025-04-20T11:00:00.000Z')`);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.$client.prepare('select id, account_id as accountId, amount, state from outbox order by seq').all()).toEqual([
        { id: 'o1', accountId: 'c1', amount: 14550, state: 'pending' },
        { id: 'o2', accountId: 'c1', amount: -14550, state: 'pending' },
      ]);
      expect(() => db.$client.prepare(`update outbox set amount = 1 where id = 'o1'`).run()).toThrow(/cannot be edited/);
      expect(() => db.$client.prepare(`delete from outbox where id = 'o1'`).run()).toThrow(/never deleted/);
      db.$client.prepare(`update outbox set state = 'sent', outcome = 'accepted' where id = 'o1'`).run();
    } finally {
      db.$client.close();
    }
  });

  it('fills the daily collections and dues from the payments, bills and service charges already stored', () => {
    const { old, file } = databaseBefore('0010_workspace_figures');
    old.exec(`insert into consumers (id, account_number, name, service_address, phone, email, status, type)
              values ('c1', 'WU-90001', 'Old Customer', '1 Old Road', '0700', 'old@example.com', 'active', 'Residential')`);
    old.exec(`insert into users (id, username, display_name, role, pin_hash, created_at) values ('u1', 'jane', 'Jane', 'cashier', 'x', '2025-01-01T00:00:00.000Z')`);
    old.exec(`insert into bills (id, consumer_id, invoice_number, period, amount, issued_on, due_on) values
              ('b1', 'c1', 'INV-1', 'Mar 2025', 10000, '2025-03-01', '2025-03-20'), ('b2', 'c1', 'INV-2', 'Apr 2025', 12000, '2025-04-01', '2025-04-20')`);
    old.exec(`insert into service_charges (id, consumer_id, description, amount, charged_on, due_on) values ('s1', 'c1', 'Reconnection fee', 1500, '2025-04-05', '2025-04-20')`);
    old.exec(`insert into payment_plans (id, plan_number, consumer_id, status, created_at) values ('pp1', 'PP-2025-0001', 'c1', 'on_track', '2025-04-02')`);
    old.exec(`insert into installments (id, plan_id, number, amount, due_on) values ('i1', 'pp1', 1, 2000, '2025-05-02')`);
    const payment = (id: string, amount: number, status: string, date: string) =>
      old.exec(`insert into payments (id, payment_number, transaction_number, receipt_number, consumer_id, type, channel, method, amount, status, verification, payment_date, recorded_at, recorded_by, terminal_code)
                values ('${id}', 'PAY-${id}', 'TXN-${id}', 'R-${id}', 'c1', 'bill', 'walk_in', 'cash', ${amount}, '${status}', 'verified', '${date}', '${date}T10:00:00.000Z', 'u1', 'T01')`);
    payment('p1', 10000, 'posted', '2025-04-10');
    payment('p2', 13500, 'posted', '2025-04-10');
    payment('p3', 12000, 'reversed', '2025-04-10');
    payment('p4', 2000, 'posted', '2025-04-12');
    old.exec(`insert into payment_allocations (id, payment_id, position, item_kind, item_id, amount, open_before) values
              ('a1', 'p1', 1, 'bill', 'b1', 10000, 10000),
              ('a2', 'p2', 1, 'bill', 'b2', 12000, 12000), ('a3', 'p2', 2, 'service', 's1', 1500, 1500),
              ('a4', 'p3', 1, 'bill', 'b2', 12000, 12000),
              ('a5', 'p4', 1, 'installment', 'i1', 2000, 2000)`);
    old.close();

    const db = openDatabase(file);
    try {
      // p1 waited 40 days for b1; p2 9 days for b2 and 5 for s1; p4 10 days from the plan's creation.
      expect(db.$client.prepare('select payment_date as day, status, amount, count, allocation_days as days, allocation_count as allocations from daily_collections order by day, status').all()).toEqual([
        { day: '2025-04-10', status: 'posted', amount: 23500, count: 2, days: 54, allocations: 3 },
        { day: '2025-04-10', status: 'reversed', amount: 12000, count: 1, days: 9, allocations: 1 },
        { day: '2025-04-12', status: 'posted', amount: 2000, count: 1, days: 10, allocations: 1 },
      ]);
      expect(db.$client.prepare('select due_on as day, item_kind as kind, amount, count from daily_dues order by day, kind').all()).toEqual([
        { day: '2025-03-20', kind: 'bill', amount: 10000, count: 1 },
        { day: '2025-04-20', kind: 'bill', amount: 12000, count: 1 },
        { day: '2025-04-20', kind: 'service', amount: 1500, count: 1 },
      ]);
    } finally {
      db.$client.close();
    }
  });

  it('fills each credit note balance from its ledger lines, and the number indexes from the receipts and notes already stored', () => {
    const { old, file } = databaseBefore('0011_workspace_search');
    old.exec(`insert into consumers (id, account_number, name, service_address, phone, email, status, type)
              values ('c1', 'WU-90001', 'Old Customer', '1 Old Road', '0700', 'old@example.com', 'active', 'Residential')`);
    old.exec(`insert into users (id, username, display_name, role, pin_hash, created_at) values ('u1', 'jane', 'Jane', 'cashier', 'x', '2025-01-01T00:00:00.000Z')`);
    old.exec(`insert into payments (id, payment_number, transaction_number, receipt_number, consumer_id, type, channel, method, amount, status, verification, payment_date, recorded_at, recorded_by, terminal_code)
              values ('p1', 'PAY-1', 'TXN-1', 'R-T01-5001', 'c1', 'bill', 'walk_in', 'cash', 10000, 'posted', 'verified', '2025-04-10', '2025-04-10T10:00:00.000Z', 'u1', 'T01')`);
    const note = (id: string, amount: number) =>
      old.exec(`insert into credit_notes (id, number, consumer_id, payment_id, amount, reason, issued_on, expires_on, created_at, created_by)
                values ('${id}', 'CN-T01-${id}', 'c1', 'p1', ${amount}, 'overpayment', '2025-04-10', '2026-04-10', '2025-04-10T10:00:00.000Z', 'u1')`);
    let seq = 0;
    const line = (note: string, kind: string, amount: number) =>
      old.exec(`insert into ledger_lines (id, consumer_id, entry_kind, item_kind, item_id, amount, description, created_at, created_by, prev_hash, hash)
                values ('l${++seq}', 'c1', '${kind}', 'credit_note', '${note}', ${amount}, 'x', '2025-04-10T10:00:00.000Z', 'u1', 'h${seq - 1}', 'h${seq}')`);
    note('00001', 450);
    line('00001', 'credit_issued', -450);
    note('00002', 300);
    line('00002', 'credit_issued', -300);
    line('00002', 'credit_applied', 100);
    line('00002', 'credit_expired', 200);
    note('00003', 500);
    line('00003', 'credit_issued', -500);
    line('00003', 'credit_applied', 500);
    note('00004', 250);
    line('00004', 'credit_issued', -250);
    line('00004', 'reversal', 250);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.$client.prepare('select credit_note_id as id, number, amount, remaining, status from credit_note_balances order by number').all()).toEqual([
        { id: '00001', number: 'CN-T01-00001', amount: 450, remaining: 450, status: 'active' },
        { id: '00002', number: 'CN-T01-00002', amount: 300, remaining: 0, status: 'expired' },
        { id: '00003', number: 'CN-T01-00003', amount: 500, remaining: 0, status: 'applied' },
        { id: '00004', number: 'CN-T01-00004', amount: 250, remaining: 0, status: 'cancelled' },
      ]);
      expect(db.$client.prepare("select rowid from payments_receipts where receipt_number like '%5001%'").pluck().all()).toHaveLength(1);
      // 0012 feeds the index before each search from where the rebuild left it, so the receipt is not indexed twice.
      expect(db.$client.prepare('select last_rowid from receipt_search_progress').pluck().get()).toBe(db.$client.prepare('select max(rowid) from payments').pluck().get());
      expect(db.$client.prepare("select rowid from credit_notes_numbers where number like '%00003%'").pluck().all()).toHaveLength(1);
    } finally {
      db.$client.close();
    }
  });

  it('gives plans brought down before plans were made here a status the counter knows and their total', () => {
    const { old, file } = databaseBefore('0009_plans');
    old.exec(`insert into consumers (id, account_number, name, service_address, phone, email, status, type)
              values ('c1', 'WU-90001', 'Old Customer', '1 Old Road', '0700', 'old@example.com', 'active', 'Residential')`);
    old.exec(`insert into payment_plans (id, plan_number, consumer_id, status, created_at) values
              ('p1', 'PP-2025-0001', 'c1', 'active', '2025-01-01'), ('p2', 'PP-2025-0002', 'c1', 'completed', '2025-01-01')`);
    old.exec(`insert into installments (id, plan_id, number, amount, due_on) values
              ('i1', 'p1', 1, 1500, '2025-02-01'), ('i2', 'p1', 2, 1550, '2025-03-01'), ('i3', 'p2', 1, 700, '2025-02-01')`);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.$client.prepare('select id, status, total, version, frequency, source, hold_since as holdSince from payment_plans order by id').all()).toEqual([
        { id: 'p1', status: 'on_track', total: 3050, version: 1, frequency: 'monthly', source: 'centre', holdSince: null },
        { id: 'p2', status: 'completed', total: 700, version: 1, frequency: 'monthly', source: 'centre', holdSince: null },
      ]);
      expect(db.$client.prepare('select id, version from installments order by id').all()).toEqual([
        { id: 'i1', version: 1 },
        { id: 'i2', version: 1 },
        { id: 'i3', version: 1 },
      ]);
    } finally {
      db.$client.close();
    }
  });
});
