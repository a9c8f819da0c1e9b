import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend.js';

type Hit = { id: string; accountNumber: string; name: string; serviceAddress: string; status: string; balance: number };

let dir: string;
let backend: Backend;
let token: string;

/** The search never writes, so one demo database serves every test here. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counter-search-'));
  backend = openBackend({ dataDir: dir, demo: true });
  const login = await backend.dispatch('session-login', { username: 'jane', pin: '1234' }, null);
  token = (login as { value: { token: string } }).value.token;
  // A consumer whose name holds the characters FTS and LIKE treat specially, so a literal match has something to find.
  backend.store.db.$client.exec(`insert into consumers (id, account_number, name, service_address, phone, email, status, type)
    values ('odd-name', 'XX-2000', 'O''Brien "Ltd" 100% (Kenya) Under_Score* Lake-Side NEAR OR', '1 Quay', '0700', 'ob@example.com', 'active', 'Commercial')`);
});
afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function search(query: string, limit?: number): Promise<Hit[]> {
  const result = await backend.dispatch('consumer-search', limit === undefined ? { query } : { query, limit }, token);
  if (!result.ok) throw new Error(`consumer-search ${JSON.stringify(query)}: ${result.error.code} ${result.error.message}`);
  return result.value as Hit[];
}

/** What a case-insensitive "contains" over name and account number should find, straight from the table. */
function containing(text: string): string[] {
  const rows = backend.store.db.$client
    .prepare(`select account_number as a from consumers where instr(lower(name), lower(?)) > 0 or instr(lower(account_number), lower(?)) > 0 order by a`)
    .all(text, text) as Array<{ a: string }>;
  return rows.map((r) => r.a);
}

/**
 * The documented rule, applied to every consumer in plain JavaScript: one or two characters
 * match the start of a name or account number, three or more match anywhere; case does not matter.
 */
function literalMatches(query: string): string[] {
  const term = query.trim().toLowerCase();
  const rows = backend.store.db.$client.prepare('select account_number as a, name as n from consumers').all() as Array<{ a: string; n: string }>;
  const hit = (value: string) => (term.length >= 3 ? value.toLowerCase().includes(term) : value.toLowerCase().startsWith(term));
  return rows.filter((r) => hit(r.a) || hit(r.n)).map((r) => r.a).sort();
}

const accounts = (hits: Hit[]) => hits.map((h) => h.accountNumber).sort();

describe('searching by name', () => {
  it('a search for doe finds John Doe whatever the case', async () => {
    const expected = containing('doe');
    expect(expected).toContain('WU-10001');
    expect(expected.length).toBe(21);
    for (const query of ['doe', 'DOE', 'Doe']) {
      const hits = await search(query, 50);
      expect(accounts(hits)).toEqual(expected);
      expect(hits.find((h) => h.accountNumber === 'WU-10001')).toMatchObject({ name: 'John Doe', serviceAddress: '123 Main Street, Cityville', status: 'active', balance: 60025 });
    }
  });

  it('the full name finds only John Doe', async () => {
    expect((await search('john doe')).map((h) => [h.accountNumber, h.name])).toEqual([['WU-10001', 'John Doe']]);
  });

  it('two letters find the names that start with them, John Doe first', async () => {
    const hits = await search('jo');
    const expected = backend.store.db.$client.prepare(`select name from consumers where name like 'jo%' or account_number like 'jo%' order by name`).all() as Array<{ name: string }>;
    expect(expected.length).toBe(14);
    expect(hits.map((h) => h.name)).toEqual(expected.map((r) => r.name));
    expect(hits[0]).toMatchObject({ accountNumber: 'WU-10001', name: 'John Doe' });
    expect(hits.every((h) => h.name.startsWith('Jo'))).toBe(true);
  });
});

describe('searching by account number', () => {
  it('a partial account number in lower case finds WU-10001 and only accounts starting with it', async () => {
    const hits = await search('wu-100', 50);
    expect(hits).toHaveLength(50);
    expect(hits.map((h) => h.accountNumber)).toContain('WU-10001');
    for (const hit of hits) expect(hit.accountNumber.toUpperCase().startsWith('WU-100')).toBe(true);
  });

  it('an account number prefix finds exactly the accounts that start with it', async () => {
    expect(accounts(await search('WU-1001'))).toEqual(['WU-10010', 'WU-10011', 'WU-10012', 'WU-10013', 'WU-10014', 'WU-10015', 'WU-10016', 'WU-10017', 'WU-10018', 'WU-10019']);
  });

  it('a full account number finds exactly that consumer', async () => {
    expect((await search('WU-10001')).map((h) => [h.accountNumber, h.name])).toEqual([['WU-10001', 'John Doe']]);
    expect((await search('  wu-10001  ')).map((h) => h.accountNumber)).toEqual(['WU-10001']);
  });

  it('an account number nobody has finds nothing', async () => {
    expect(await search('WU-99999')).toEqual([]);
  });
});

describe('characters that mean something to SQLite', () => {
  const SPECIAL = ['"', '*', '%', '_', '(', '-', "'", 'NEAR', 'OR', '%%', '__', '%%%', '___', '"doe', 'doe"', 'doe*', '*doe', '-doe', 'doe OR jo', 'NEAR(doe wu)', 'doe AND', '(((', "o'b", '\\', '\\%'];

  it.each(SPECIAL)('%j neither fails nor returns everything: only consumers that literally contain it', async (query) => {
    const expected = literalMatches(query);
    expect(expected.length).toBeLessThanOrEqual(1);
    expect(accounts(await search(query, 50))).toEqual(expected);
  });

  it('the characters are matched as plain text in a name', async () => {
    expect(accounts(await search('100%'))).toEqual(['XX-2000']);
    expect(accounts(await search('"Ltd"'))).toEqual(['XX-2000']);
    expect(accounts(await search("O'Brien"))).toEqual(['XX-2000']);
    expect(accounts(await search('Under_Score*'))).toEqual(['XX-2000']);
    expect(accounts(await search('(Kenya)'))).toEqual(['XX-2000']);
    expect(accounts(await search('Lake-Side'))).toEqual(['XX-2000']);
    expect(accounts(await search('NEAR OR'))).toEqual(['XX-2000']);
    expect(accounts(await search("O'"))).toEqual(['XX-2000']);
  });

  it('a lone % or _ is not a wildcard', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('%%')).toEqual([]);
    expect(await search('_%')).toEqual([]);
  });
});

describe('what the search refuses', () => {
  it('an empty search is refused, naming the search field', async () => {
    for (const query of ['', '   ']) {
      expect(await backend.dispatch('consumer-search', { query }, token)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Search is required', field: 'query' } });
    }
    expect(await backend.dispatch('consumer-search', {}, token)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Search is required', field: 'query' } });
  });

  it('a search longer than 60 characters is refused', async () => {
    expect(await backend.dispatch('consumer-search', { query: 'a'.repeat(61) }, token)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Search must be at most 60 characters', field: 'query' },
    });
  });

  it('a limit outside 1 to 50 is refused, naming the limit', async () => {
    for (const limit of [0, 51, 2.5]) {
      const result = await backend.dispatch('consumer-search', { query: 'doe', limit }, token);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'limit' } });
    }
  });

  it('nobody who is not logged in can search', async () => {
    expect(await backend.dispatch('consumer-search', { query: 'doe' }, null)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please log in again' } });
  });
});

describe('how many results come back', () => {
  it('never more than the limit asked for', async () => {
    expect(await search('wu-1', 5)).toHaveLength(5);
    expect(await search('doe', 3)).toHaveLength(3);
    expect(await search('jo', 2)).toHaveLength(2);
    expect(await search('wu-1', 1)).toHaveLength(1);
  });

  it('twenty when no limit is given', async () => {
    expect(await search('wu-1')).toHaveLength(20);
    expect(await search('w')).toHaveLength(20);
  });

  it('all of them, each with its balance, when fewer match than the limit', async () => {
    const hits = await search('doe', 50);
    expect(hits).toHaveLength(21);
    const balances = backend.store.db.$client.prepare('select consumer_id as id, sum(amount) as balance from ledger_lines group by consumer_id').all() as Array<{ id: string; balance: number }>;
    const byId = new Map(balances.map((b) => [b.id, b.balance]));
    for (const hit of hits) expect(hit.balance).toBe(byId.get(hit.id) ?? 0);
  });
});
