import { describe, expect, it, vi } from 'vitest';
import type { SignedInUser } from '../auth/roles.js';
import { CALL_NAMES } from './contract.js';
import { createDispatcher, type Handlers, type SessionLookup } from './dispatch.js';
import { conflict, invalid } from './errors.js';

const users: Record<string, SignedInUser> = {
  'cashier-token': { id: 'u1', username: 'amina', displayName: 'Amina W.', role: 'cashier' },
  'recovery-token': { id: 'u2', username: 'otieno', displayName: 'Otieno K.', role: 'recovery_executive' },
};
const sessions: SessionLookup = { userFor: (token) => (token === null ? null : (users[token] ?? null)) };

/** Every handler is a spy answering "done"; a test overrides the one it cares about. */
function setup(overrides: Partial<Record<string, (...args: never[]) => unknown>> = {}) {
  const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn(overrides[name] ?? (() => 'done'))])) as unknown as Handlers;
  const logged = vi.fn<(error: unknown, call: string) => void>();
  return { dispatch: createDispatcher(handlers, sessions, logged), handlers, logged };
}

const payment = (extra: Record<string, unknown> = {}) => ({
  id: '6f1c2b8e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  consumerId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  type: 'bill',
  itemIds: ['9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b'],
  method: 'cash',
  channel: 'walk_in',
  amountPaid: '150.00',
  amountReceived: '200.00',
  paymentDate: '2026-04-20',
  ...extra,
});

describe('the dispatcher', () => {
  it('refuses a call name it does not know, saying which name', async () => {
    const { dispatch, logged } = setup();
    expect(await dispatch('payment-delete', {}, 'cashier-token')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no call named payment-delete' } });
    expect(logged).not.toHaveBeenCalled();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treats the object built-in %s as an unknown call, not a crash', async (name) => {
    const { dispatch, logged } = setup();
    expect(await dispatch(name, {}, 'cashier-token')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `There is no call named ${name}` } });
    expect(logged).not.toHaveBeenCalled();
  });

  it('asks a caller with no session to log in again, without running the call', async () => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('consumer-search', { query: 'Wanjiru' }, null)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please log in again' } });
    expect(handlers['consumer-search']).not.toHaveBeenCalled();
  });

  it('asks a caller with an expired or made-up token to log in again, before looking at the input', async () => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('payment-record', { amountPaid: 'abc' }, 'stolen-token')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please log in again' } });
    expect(handlers['payment-record']).not.toHaveBeenCalled();
  });

  it('lets a public call such as logging in through without a session', async () => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('session-login', { username: 'amina', pin: '1234' }, null)).toEqual({ ok: true, value: 'done' });
    expect(handlers['session-login']).toHaveBeenCalledWith({ username: 'amina', pin: '1234' }, { user: null, token: null });
  });

  it('refuses a payment from a role that may not take money', async () => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('payment-record', payment(), 'recovery-token')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role may not do this' } });
    expect(handlers['payment-record']).not.toHaveBeenCalled();
  });

  it('hands the service the amount in cents and the signed-in cashier', async () => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('payment-record', payment({ amountPaid: '1,234.5' }), 'cashier-token')).toEqual({ ok: true, value: 'done' });
    expect(handlers['payment-record']).toHaveBeenCalledTimes(1);
    const [input, context] = vi.mocked(handlers['payment-record']).mock.calls[0]!;
    expect(input.amountPaid).toBe(123450);
    expect(input.amountReceived).toBe(20000);
    expect(context).toEqual({ user: users['cashier-token'], token: 'cashier-token' });
  });

  it.each([
    ['1.234', 'Amount paid can have at most two decimals'],
    ['abc', 'Amount paid must be a number, like 150.00'],
    ['-5', 'Amount paid cannot be negative'],
    ['0.00', 'Amount paid must be more than zero'],
    ['', 'Amount paid is required'],
  ])('refuses an amount paid of "%s" naming the field, and records nothing', async (typed, message) => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('payment-record', payment({ amountPaid: typed }), 'cashier-token')).toEqual({ ok: false, error: { code: 'VALIDATION', message, field: 'amountPaid' } });
    expect(handlers['payment-record']).not.toHaveBeenCalled();
  });

  it('refuses an amount sent as a number rather than text, naming the field', async () => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('payment-record', payment({ amountPaid: 150 }), 'cashier-token')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Amount paid must be a number, like 150.00', field: 'amountPaid' },
    });
    expect(handlers['payment-record']).not.toHaveBeenCalled();
  });

  it('refuses a blank search as a validation error on the query', async () => {
    const { dispatch, handlers } = setup();
    expect(await dispatch('consumer-search', { query: '   ' }, 'cashier-token')).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Search is required', field: 'query' } });
    expect(handlers['consumer-search']).not.toHaveBeenCalled();
  });

  it("passes a service's own refusal through with its code, message and field", async () => {
    const { dispatch, logged } = setup({
      'payment-record': () => {
        throw invalid('amountReceived', 'Amount received (KES 100.00) is less than the amount paid (KES 150.00)');
      },
    });
    expect(await dispatch('payment-record', payment(), 'cashier-token')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Amount received (KES 100.00) is less than the amount paid (KES 150.00)', field: 'amountReceived' },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('passes a refusal without a field through without inventing one', async () => {
    const { dispatch } = setup({
      'consumer-search': async () => {
        throw conflict(undefined, 'The counter is closed for the day');
      },
    });
    expect(await dispatch('consumer-search', { query: 'Wanjiru' }, 'cashier-token')).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'The counter is closed for the day' } });
  });

  it('turns an unexpected failure into a calm message that hides the details, and logs the original', async () => {
    const failure = new Error('SQLITE_CORRUPT: database disk image is malformed at /var/counter/db.sqlite');
    const { dispatch, logged } = setup({
      'payment-record': () => {
        throw failure;
      },
    });
    const result = await dispatch('payment-record', payment(), 'cashier-token');
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again.' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(failure, 'payment-record');
  });

  it('treats a failing session lookup as an unexpected failure rather than crashing the caller', async () => {
    const lookupFailure = new Error('session store offline');
    const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn()])) as unknown as Handlers;
    const logged = vi.fn();
    const dispatch = createDispatcher(handlers, { userFor: () => { throw lookupFailure; } }, logged);
    expect(await dispatch('consumer-search', { query: 'Wanjiru' }, 'cashier-token')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again.' },
    });
    expect(logged).toHaveBeenCalledWith(lookupFailure, 'consumer-search');
  });
});
