import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend.js';

type Account = { consumer: { id: string }; balance: number; bills: Array<{ id: string; reference: string; open: number }> };

let dir: string;
let backend: Backend;
let token: string;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(name, input, token);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

async function johnDoe(): Promise<Account> {
  const [hit] = await call<Array<{ id: string }>>('consumer-search', { query: 'WU-10001', limit: 1 });
  return call<Account>('consumer-account', { consumerId: hit!.id });
}

const TABLES = ['payments', 'payment_allocations', 'ledger_lines', 'audit_entries', 'outbox', 'number_sequences'] as const;
const counts = () =>
  Object.fromEntries(TABLES.map((table) => [table, (backend.store.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n])) as Record<
    (typeof TABLES)[number],
    number
  >;

async function open() {
  backend = openBackend({ dataDir: dir, demo: true });
  const login = await backend.dispatch('session-login', { username: 'jane', pin: '1234' }, null);
  token = (login as { value: { token: string } }).value.token;
  // Jane works her own till, as a cashier opens one before taking payments; after a restart it is still open.
  const current = await call<{ till: unknown }>('till-current', {});
  if (!current.till) await call('till-open', { id: uuidv7(), openingFloat: '5000.00' });
}

function cashFor(account: Account, extra: Record<string, unknown> = {}) {
  const bill = account.bills.find((b) => b.reference === 'INV-2025-001234')!;
  return { id: uuidv7(), consumerId: account.consumer.id, type: 'bill', itemIds: [bill.id], method: 'cash', channel: 'walk_in', amountPaid: '145.50', amountReceived: '150.00', paymentDate: new Date().toISOString().slice(0, 10), ...extra };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counter-ledger-'));
  await open();
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recording a cash bill payment', () => {
  it('posts 145.50 from 150.00 with 4.50 change and takes the bill off the unpaid list', async () => {
    const before = await johnDoe();
    const payment = await call<{ status: string; verification: string; change: number; receiptNumber: string }>('payment-record', cashFor(before));
    expect(payment).toMatchObject({ status: 'posted', verification: 'verified', change: 450 });
    expect(payment.receiptNumber).toMatch(/^R-T01-\d+$/);
    const after = await johnDoe();
    expect(after.balance).toBe(before.balance - 14550);
    expect(after.bills.map((b) => b.reference)).not.toContain('INV-2025-001234');
  });

  it('writes the payment, its allocation, ledger line, audit entry, outbox posting and number together', async () => {
    const before = counts();
    await call('payment-record', cashFor(await johnDoe()));
    const after = counts();
    expect(after.payments - before.payments).toBe(1);
    expect(after.payment_allocations - before.payment_allocations).toBe(1);
    expect(after.ledger_lines - before.ledger_lines).toBe(1);
    expect(after.audit_entries - before.audit_entries).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
    expect([...backend.store.ledger.lines()].length).toBe(after.ledger_lines);
    expect(backend.store.ledger.verify().ok).toBe(true);
  });

  it('stores nothing and consumes no receipt number when a write inside the transaction fails', async () => {
    const account = await johnDoe();
    const before = counts();
    backend.store.db.$client.exec(`create temp trigger fail_outbox before insert on outbox begin select raise(abort, 'outbox down'); end`);
    const failed = await backend.dispatch('payment-record', cashFor(account), token);
    expect(failed.ok).toBe(false);
    expect(counts()).toEqual(before);
    backend.store.db.$client.exec('drop trigger fail_outbox');
    const payment = await call<{ receiptNumber: string }>('payment-record', cashFor(account));
    expect(payment.receiptNumber).toBe('R-T01-5001');
  });

  it('a second Confirm with the same payment id posts nothing new and answers the same receipt', async () => {
    const input = cashFor(await johnDoe());
    const before = counts().payments;
    const [first, second] = await Promise.all([call<{ receiptNumber: string }>('payment-record', input), call<{ receiptNumber: string }>('payment-record', input)]);
    expect(second.receiptNumber).toBe(first.receiptNumber);
    expect(counts().payments - before).toBe(1);
  });

  it('shows on confirm exactly the receipt that was stored', async () => {
    const shown = await call<{ id: string }>('payment-record', cashFor(await johnDoe(), { notes: 'Paid at the counter' }));
    expect(await call('payment-get', { paymentId: shown.id })).toEqual(shown);
  });

  it('refuses amount received below the amount paid, naming the field, and stores nothing', async () => {
    const before = counts();
    const result = await backend.dispatch('payment-record', cashFor(await johnDoe(), { amountReceived: '100.00' }), token);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amountReceived' } });
    expect(counts()).toEqual(before);
  });
});

describe('the ledger', () => {
  it('refuses to update or delete a ledger line', async () => {
    await call('payment-record', cashFor(await johnDoe()));
    const sqlite = backend.store.db.$client;
    expect(() => sqlite.exec('update ledger_lines set amount = 0')).toThrow();
    expect(() => sqlite.exec('delete from ledger_lines')).toThrow();
    expect(() => sqlite.exec('delete from payments')).toThrow();
  });

  it('keeps the payment, its receipt and the paid bill across a restart, without seeding twice', async () => {
    const payment = await call<{ id: string; receiptNumber: string }>('payment-record', cashFor(await johnDoe()));
    const consumers = (backend.store.db.$client.prepare('select count(*) as n from consumers').get() as { n: number }).n;
    backend.close();
    await open();
    const receipt = await call<{ lines: Array<{ kind: string; text?: string; right?: string }> }>('document-preview', { document: 'receipt', id: payment.id });
    expect(JSON.stringify(receipt.lines)).toContain(payment.receiptNumber);
    expect((await johnDoe()).bills.map((b) => b.reference)).not.toContain('INV-2025-001234');
    expect((backend.store.db.$client.prepare('select count(*) as n from consumers').get() as { n: number }).n).toBe(consumers);
    expect(backend.store.db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(backend.store.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
