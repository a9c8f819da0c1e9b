import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_RULES } from '../../core/payments/references.js';
import { openDatabase, type CounterDb } from '../../db/connection.js';
import { createStore } from '../../db/store.js';
import { openBackend } from '../../electron/backend.js';
import { branchHistory, historyTargets, type BranchHistory } from './branch-history.js';

/**
 * The bench's branch history at a small scale (400 consumers, about 4,000
 * payments, 200 credit notes): what the workspace figures are measured on
 * must be a history the app could have written.
 */
const SCALE = 0.002;
const NOW = new Date();
let dir: string;
let history: BranchHistory;
let db: CounterDb;
const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = <T>(sql: string) => db.$client.prepare(sql).pluck().get() as T;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-branch-history-test-'));
  history = branchHistory(SCALE, { dir, now: NOW });
  db = openDatabase(history.file);
}, 120_000);

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the branch history of the workspace bench', () => {
  it('holds five years of payments up to today, about as many as asked, growing year on year', () => {
    const targets = historyTargets(SCALE);
    expect(history.counts.consumers).toBe(targets.consumers);
    expect(history.counts.payments).toBeGreaterThan(targets.payments * 0.9);
    expect(history.counts.payments).toBeLessThan(targets.payments * 1.1);
    expect(history.counts.creditNotes).toBeGreaterThan(targets.creditNotes * 0.8);
    expect(history.counts.creditNotes).toBeLessThan(targets.creditNotes * 1.2);
    expect(one<number>('select count(*) from payments')).toBe(history.counts.payments);
    const days = all<{ first: string; last: string }>('select min(payment_date) as first, max(payment_date) as last from payments')[0]!;
    expect(days.last <= history.today).toBe(true);
    expect(Date.parse(history.today) - Date.parse(days.first)).toBeGreaterThan(4.9 * 365 * 86_400_000);
    const perYear = new Map(all<{ year: string; n: number }>("select substr(payment_date, 1, 4) as year, count(*) as n from payments group by 1").map((r) => [r.year, r.n]));
    const firstFull = Number(days.first.slice(0, 4)) + 1;
    expect(perYear.get(String(firstFull + 3))!).toBeGreaterThan(perYear.get(String(firstFull))!);
  });

  it('has every status, method, channel and type of payment, mostly posted walk-in bill payments', () => {
    const share = (column: string) => new Map(all<{ v: string; n: number }>(`select ${column} as v, count(*) as n from payments group by 1`).map((r) => [r.v, r.n / history.counts.payments]));
    const statuses = share('status');
    expect([...statuses.keys()].sort()).toEqual(['cancelled', 'failed', 'pending', 'posted', 'reversed']);
    expect(statuses.get('posted')!).toBeGreaterThan(0.9);
    expect([...share('method').keys()].sort()).toEqual(['bank_transfer', 'card', 'cash', 'credit_note', 'mpesa']);
    expect(share('channel').get('walk_in')!).toBeGreaterThan(0.8);
    const types = share('type');
    expect(types.get('bill')!).toBeGreaterThan(types.get('installment')!);
    expect(types.get('installment')!).toBeGreaterThan(0);
    expect(types.get('service')!).toBeGreaterThan(0);
  });

  it('pays only what was open: allocations within each item, after its issue, adding up to the payment less its overpayment', () => {
    const mismatched = all(
      `select p.receipt_number from payments p
         left join (select payment_id, sum(amount) as allocated from payment_allocations group by payment_id) a on a.payment_id = p.id
         left join credit_notes n on n.payment_id = p.id and n.reason = 'overpayment'
        where p.status in ('posted', 'reversed') and coalesce(a.allocated, 0) + coalesce(n.amount, 0) != p.amount`,
    );
    expect(mismatched).toEqual([]);
    expect(one<number>("select count(*) from payment_allocations a join payments p on p.id = a.payment_id where p.status in ('pending', 'failed', 'cancelled')")).toBe(0);
    expect(one<number>('select count(*) from payment_allocations where amount <= 0 or amount > open_before')).toBe(0);
    const items = `select 'bill' as kind, id, amount, issued_on as issued from bills union all select 'service', id, amount, charged_on from service_charges
                   union all select 'installment', i.id, i.amount, substr(p.created_at, 1, 10) from installments i join payment_plans p on p.id = i.plan_id`;
    const overpaid = all(
      `select i.id from (${items}) i join payment_allocations a on a.item_kind = i.kind and a.item_id = i.id join payments p on p.id = a.payment_id
        where p.status = 'posted' group by i.kind, i.id having sum(a.amount) > max(i.amount)`,
    );
    expect(overpaid).toEqual([]);
    const orphans = one<number>(`select count(*) from payment_allocations a left join (${items}) i on i.kind = a.item_kind and i.id = a.item_id where i.id is null`);
    expect(orphans).toBe(0);
    const beforeIssue = one<number>(`select count(*) from payment_allocations a join (${items}) i on i.kind = a.item_kind and i.id = a.item_id join payments p on p.id = a.payment_id where p.payment_date < i.issued`);
    expect(beforeIssue).toBe(0);
    expect(all("select id from payment_plans where status != 'completed'")).toEqual([]);
  });

  it('numbers receipts, notes and reversals in the formats of the settings, and each proof of payment in its method\'s form', () => {
    for (const { receipt } of all<{ receipt: string }>('select receipt_number as receipt from payments')) expect(receipt).toMatch(/^R-(T01-\d{4,}|ONL-\d{6})$/);
    for (const { number } of all<{ number: string }>('select number from credit_notes')) expect(number).toMatch(/^CN-T01-\d{5}$/);
    for (const { number } of all<{ number: string }>('select number from payment_reversals')) expect(number).toMatch(/^RV-T01-\d{5}$/);
    const proofs = all<{ method: 'mpesa' | 'card' | 'bank_transfer'; reference: string }>("select method, reference from payments where source = 'counter' and method in ('mpesa', 'card', 'bank_transfer')");
    for (const { method, reference } of proofs) expect(reference).toMatch(REFERENCE_RULES[method].pattern);
    // The next receipt the counter takes follows the history's last.
    expect(one<number>("select last_value from number_sequences where scope = 'receipt'")).toBe(one<number>("select max(cast(substr(receipt_number, 7) as integer)) from payments where receipt_number like 'R-T01-%'"));
  });

  it('keeps what remains of each credit note in its ledger lines, chained, and its status right for today', () => {
    const store = createStore(db);
    expect(store.ledger.verify().ok).toBe(true);
    const notes = all<{ amount: number; remaining: number; expires: string; ended: string | null }>(
      `select n.amount, -sum(l.amount) as remaining, n.expires_on as expires,
              max(case when l.entry_kind = 'credit_expired' then 'expired' when l.entry_kind = 'reversal' then 'cancelled' end) as ended
         from credit_notes n join ledger_lines l on l.item_kind = 'credit_note' and l.item_id = n.id group by n.id`,
    );
    expect(notes).toHaveLength(history.counts.creditNotes);
    for (const note of notes) {
      expect(note.remaining).toBeGreaterThanOrEqual(0);
      expect(note.remaining).toBeLessThanOrEqual(note.amount);
      if (note.ended === 'expired') expect(note.expires < history.today).toBe(true);
      if (note.ended === null && note.remaining > 0) expect(note.expires >= history.today).toBe(true);
    }
    const kinds = new Set(notes.map((n) => (n.ended ?? (n.remaining === 0 ? 'applied' : n.remaining === n.amount ? 'untouched' : 'partly used'))));
    for (const kind of ['applied', 'expired', 'partly used', 'untouched']) expect(kinds).toContain(kind);
    // A credit tender spends a note of the same consumer, issued before it.
    const foreign = one<number>("select count(*) from payments p join credit_notes n on n.id = p.applied_credit_note_id where p.method = 'credit_note' and (n.consumer_id != p.consumer_id or n.created_at >= p.recorded_at)");
    expect(foreign).toBe(0);
  });

  it('fills every summary the app keeps by triggers exactly as a direct aggregate of the rows', () => {
    const collections = `select payment_date, method, channel, type, status, amount, count, allocation_days, allocation_count from daily_collections where count != 0 or amount != 0 order by 1, 2, 3, 4, 5`;
    const direct = `select p.payment_date, p.method, p.channel, p.type, p.status, sum(p.amount) as amount, count(*) as count,
                           coalesce(sum(g.days), 0) as allocation_days, coalesce(sum(g.allocations), 0) as allocation_count
                      from payments p left join (select payment_id, sum(days) as days, count(*) as allocations from allocation_ages group by payment_id) g on g.payment_id = p.id
                     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`;
    expect(all(collections)).toEqual(all(direct));
    expect(one<number>('select sum(allocation_count) from daily_collections')).toBe(history.counts.allocations);
    const dues = all("select due_on, item_kind, amount, count from daily_dues where count != 0 order by 1, 2");
    const directDues = all("select due_on, 'bill' as item_kind, sum(amount) as amount, count(*) as count from bills group by 1 union all select due_on, 'service', sum(amount), count(*) from service_charges group by 1 order by 1, 2");
    expect(dues).toEqual(directDues);
    const balances = all('select n.id, b.remaining, b.status from credit_note_balances b join credit_notes n on n.rowid = b.note_rowid order by n.id');
    const fromLedger = all(
      `select n.id, g.remaining, coalesce(g.ended, case when g.remaining > 0 then 'active' else 'applied' end) as status
         from credit_notes n join credit_note_ledger g on g.note_rowid = n.rowid order by n.id`,
    );
    expect(balances).toEqual(fromLedger);
    expect(all('select c.consumer_id from consumer_balances c left join (select consumer_id, sum(amount) as total from ledger_lines group by 1) l using (consumer_id) where c.balance != coalesce(l.total, 0)')).toEqual([]);
    expect(one<number>(`select count(*) from consumers_search where consumers_search match '"WU-1"'`)).toBe(history.counts.consumers);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
  });

  it('opens in the app as it is: no credit left to expire, mary signs in', async () => {
    const copy = join(dir, 'opened');
    mkdirSync(copy);
    copyFileSync(history.file, join(copy, 'counter.sqlite'));
    const lines = one<number>('select count(*) from ledger_lines');
    const backend = openBackend({ dataDir: copy, demo: true, clock: () => NOW });
    try {
      expect(backend.expireCreditNotes()).toBe(0);
      expect(backend.store.db.$client.prepare('select count(*) from ledger_lines').pluck().get()).toBe(lines);
      const login = await backend.dispatch('session-login', { username: 'mary', pin: '3456' }, null);
      expect(login.ok).toBe(true);
    } finally {
      await backend.close();
    }
  });

  it('is made once per scale: asking again reuses the cached file', () => {
    const again = branchHistory(SCALE, { dir, now: NOW });
    expect(again.cached).toBe(true);
    expect(again.file).toBe(history.file);
    expect(statSync(again.file).mtimeMs).toBe(statSync(history.file).mtimeMs);
  });
});
