import { scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS } from '../../db/seed/demo-users.js';
import { hashPin } from '../../electron/auth/pin-hash.js';
import { openBackend, type Backend } from '../../electron/backend.js';

const START = new Date('2026-05-04T08:00:00.000Z');
const NOT_RIGHT = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'User or PIN is not right', field: 'pin' } };
const LOCKED = (seconds: number) => ({ ok: false, error: { code: 'FORBIDDEN', message: `Too many wrong PINs: try again in ${seconds} s`, field: 'pin' } });
const LOGGED_OUT = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please log in again' } };
const JANE = { username: 'jane', displayName: 'Jane Smith', role: 'cashier' };

let dir: string;
let backend: Backend;

/** Seeding hashes every demo PIN with scrypt, so it happens once; each test restarts the backend, which starts with no sessions and no failures. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-login-'));
  openBackend({ dataDir: dir, demo: true }).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  // Sessions read Date.now (the backend's clock option does not reach them), so the lock's minute is driven by faking Date only.
  vi.useFakeTimers({ toFake: ['Date'], now: START });
  backend = openBackend({ dataDir: dir, demo: true });
});
afterEach(() => {
  backend.close();
  vi.useRealTimers();
});

const login = (username: string, pin: string) => backend.dispatch('session-login', { username, pin }, null);
const loginOk = async (username: string, pin: string) => {
  const result = await login(username, pin);
  if (!result.ok) throw new Error(`login ${username}: ${result.error.code} ${result.error.message}`);
  return result.value as { token: string; user: { id: string; username: string; displayName: string; role: string } };
};
async function wrongPins(username: string, times: number) {
  for (let i = 0; i < times; i++) expect(await login(username, '0000')).toEqual(NOT_RIGHT);
}
const pinHashOf = (username: string) => (backend.store.db.$client.prepare('select pin_hash as h from users where username = ?').get(username) as { h: string }).h;

describe('how PINs are stored', () => {
  it('no stored PIN hash contains the PIN, and each is scrypt with its own salt', () => {
    for (const user of DEMO_USERS) {
      const stored = pinHashOf(user.username);
      expect(stored).not.toContain(user.pin);
      expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    }
    const salts = DEMO_USERS.map((user) => pinHashOf(user.username).split('$')[4]);
    expect(new Set(salts).size).toBe(DEMO_USERS.length);
  });

  it('the stored hash is scrypt (N=32768, r=8, p=1) of the PIN with the stored salt', () => {
    const [, n, r, p, salt, hash] = pinHashOf('jane').split('$');
    const derived = scryptSync('1234', Buffer.from(salt!, 'base64'), 32, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
    expect(derived.toString('base64')).toBe(hash);
    expect([n, r, p]).toEqual(['32768', '8', '1']);
  });

  it('two users with the same PIN have different hashes, and both can log in', async () => {
    backend.store.users.add({ id: 'same-pin-user', username: 'Janet', displayName: 'Janet Same', role: 'cashier', pinHash: hashPin('1234'), createdAt: START.toISOString() });
    const jane = pinHashOf('jane');
    const janet = pinHashOf('janet');
    expect(janet).not.toBe(jane);
    expect(janet.split('$')[4]).not.toBe(jane.split('$')[4]);
    expect((await loginOk('janet', '1234')).user).toEqual({ id: 'same-pin-user', username: 'janet', displayName: 'Janet Same', role: 'cashier' });
    expect((await loginOk('jane', '1234')).user).toMatchObject(JANE);
  });
});

describe('logging in', () => {
  it('the right PIN signs the user in, whatever the case of the user name, and the answer carries no PIN hash', async () => {
    const { token, user } = await loginOk('JANE', '1234');
    expect(user).toMatchObject(JANE);
    expect(Object.keys(user).sort()).toEqual(['displayName', 'id', 'role', 'username']);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await backend.dispatch('session-current', {}, token)).toEqual({ ok: true, value: user });
  });

  it('a wrong PIN and an unknown user get the same answer, so nobody learns who exists', async () => {
    expect(await login('jane', '4321')).toEqual(NOT_RIGHT);
    expect(await login('nobody', '1234')).toEqual(NOT_RIGHT);
    expect(await login('system', '1234')).toEqual(NOT_RIGHT);
  });

  it('a PIN that is not 4 to 8 digits is refused as invalid and does not count towards the lock', async () => {
    for (const pin of ['12', 'abcd', '123456789', '12 34', '']) {
      expect(await login('jane', pin)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'pin' } });
    }
    expect(await login('jane', 'abcd')).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'PIN must be 4 to 8 digits', field: 'pin' } });
    expect((await loginOk('jane', '1234')).user).toMatchObject(JANE);
  });
});

describe('too many wrong PINs', () => {
  it('after 5 wrong PINs the account is locked and even the right PIN is refused', async () => {
    await wrongPins('jane', 5);
    expect(await login('jane', '1234')).toEqual(LOCKED(60));
    expect(await login('jane', '0000')).toEqual(LOCKED(60));
  });

  it('4 wrong PINs do not lock the account', async () => {
    await wrongPins('jane', 4);
    expect((await loginOk('jane', '1234')).user).toMatchObject(JANE);
  });

  it('a successful login starts the count again (4 wrong, 1 right, 1 wrong is not locked)', async () => {
    await wrongPins('jane', 4);
    await loginOk('jane', '1234');
    await wrongPins('jane', 1);
    expect((await loginOk('jane', '1234')).user).toMatchObject(JANE);
    await wrongPins('jane', 4);
    expect((await loginOk('jane', '1234')).user).toMatchObject(JANE);
  });

  it('the lock lasts one minute, attempts during it do not extend it, and then the right PIN works', async () => {
    await wrongPins('jane', 5);
    vi.setSystemTime(START.getTime() + 30_000);
    expect(await login('jane', '1234')).toEqual(LOCKED(30));
    expect(await login('jane', '0000')).toEqual(LOCKED(30));
    vi.setSystemTime(START.getTime() + 59_999);
    expect(await login('jane', '1234')).toEqual(LOCKED(1));
    vi.setSystemTime(START.getTime() + 60_000);
    expect((await loginOk('jane', '1234')).user).toMatchObject(JANE);
  });

  it('after the lock ends, 5 more wrong PINs lock the account again', async () => {
    await wrongPins('jane', 5);
    vi.setSystemTime(START.getTime() + 60_000);
    await wrongPins('jane', 5);
    expect(await login('jane', '1234')).toEqual(LOCKED(60));
    vi.setSystemTime(START.getTime() + 119_999);
    expect(await login('jane', '1234')).toEqual(LOCKED(1));
  });

  it('wrong PINs typed with the user name in capitals count for the same user', async () => {
    await wrongPins('JANE', 2);
    await wrongPins('Jane', 3);
    expect(await login('jane', '1234')).toEqual(LOCKED(60));
  });

  it('locks only the user who was guessed at: another user still logs in', async () => {
    await wrongPins('jane', 5);
    expect((await loginOk('peter', '2345')).user).toMatchObject({ username: 'peter', role: 'customer_executive' });
    expect(await login('jane', '1234')).toEqual(LOCKED(60));
  });

  it('an unknown user name is locked the same way, so the lock does not tell who exists', async () => {
    await wrongPins('nobody', 5);
    expect(await login('nobody', '1234')).toEqual(LOCKED(60));
  });
});

describe('logging out', () => {
  it('makes the token unusable for the next call', async () => {
    const { token } = await loginOk('jane', '1234');
    expect(await backend.dispatch('consumer-search', { query: 'doe', limit: 1 }, token)).toMatchObject({ ok: true });
    expect(await backend.dispatch('session-logout', {}, token)).toEqual({ ok: true, value: {} });
    expect(await backend.dispatch('session-current', {}, token)).toEqual(LOGGED_OUT);
    expect(await backend.dispatch('consumer-search', { query: 'doe', limit: 1 }, token)).toEqual(LOGGED_OUT);
  });

  it('ends only that session: the same user logged in elsewhere stays logged in', async () => {
    const first = await loginOk('jane', '1234');
    const second = await loginOk('jane', '1234');
    expect(second.token).not.toBe(first.token);
    await backend.dispatch('session-logout', {}, first.token);
    expect(await backend.dispatch('session-current', {}, first.token)).toEqual(LOGGED_OUT);
    expect(await backend.dispatch('session-current', {}, second.token)).toEqual({ ok: true, value: second.user });
  });

  it('logging out twice, or with no token, does no harm', async () => {
    const { token } = await loginOk('jane', '1234');
    expect(await backend.dispatch('session-logout', {}, token)).toEqual({ ok: true, value: {} });
    expect(await backend.dispatch('session-logout', {}, token)).toEqual({ ok: true, value: {} });
    expect(await backend.dispatch('session-logout', {}, null)).toEqual({ ok: true, value: {} });
    expect(await backend.dispatch('session-current', {}, token)).toEqual(LOGGED_OUT);
  });

  it('a restart signs everyone out', async () => {
    const { token } = await loginOk('jane', '1234');
    backend.close();
    backend = openBackend({ dataDir: dir, demo: true });
    expect(await backend.dispatch('session-current', {}, token)).toEqual(LOGGED_OUT);
  });
});
