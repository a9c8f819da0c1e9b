import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../core/api/contract.js';
import type { TillSessionView } from '../../core/api/calls/tills.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { TAKES_PAYMENTS, type SignedInUser } from '../../core/auth/roles.js';
import { openBackend, type Backend } from '../../electron/backend.js';

/** The demo users, one per role, as the login screen lists them. */
export const PINS = { jane: '1234', peter: '2345', mary: '3456', samuel: '4567', admin: '9999' } as const;
export type DemoUser = keyof typeof PINS;

/** The float a till is opened with when a test signs in a user who takes payments. */
export const OPENING_FLOAT = '5000.00';

export interface AsOptions {
  /**
   * Whether a user who takes payments opens a till on signing in, as a
   * cashier does before taking the first payment (default true; a till already
   * open is kept). False for tests about opening a till, or about having none.
   */
  till?: boolean;
}

export type Result<N extends CallName> = { ok: true; value: CallOutput<N> } | { ok: false; error: ApiErrorData };

/**
 * A backend on a fresh demo database in a temporary folder, as the app opens
 * it, with a clock the test moves. `as(user)` signs a demo user in and calls
 * the services exactly as the renderer does.
 */
export interface CounterBackend {
  backend: Backend;
  now: Date;
  /** Moves the backend's clock forward by whole days. */
  advanceDays(days: number): void;
  /** Signs a demo user in; a user who takes payments has a till open on this terminal unless `{ till: false }`. */
  as(user: DemoUser, options?: AsOptions): Promise<Caller>;
  reopen(): Promise<void>;
  count(table: string): number;
  close(): void;
}

export interface Caller {
  /** Answers the value, or throws with the error's code, field and message. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** Answers the whole result, for tests of what is refused. */
  send<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<N>>;
  /** The till this user had open (or opened) on signing in; null with `{ till: false }` or for a role that takes no payments. */
  till: TillSessionView | null;
}

export async function openCounter(start = new Date()): Promise<CounterBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'counter-acceptance-'));
  let now = new Date(start);
  const open = () => openBackend({ dataDir: dir, demo: true, clock: () => now, sendToPrinter: async () => undefined });
  const counter: CounterBackend = {
    backend: open(),
    get now() {
      return now;
    },
    advanceDays(days) {
      now = new Date(now.getTime() + days * 86_400_000);
    },
    async as(user, { till = true } = {}) {
      const logIn = async () => {
        const login = await counter.backend.dispatch('session-login', { username: user, pin: PINS[user] }, null);
        if (!login.ok) throw new Error(`login ${user}: ${login.error.message}`);
        const { token, user: signedIn } = login.value as { token: string; user: SignedInUser };
        return { token, role: signedIn.role, at: now.getTime() };
      };
      let session = await logIn();
      // Sessions end after hours idle; a user coming back after the clock moved days signs in again, as at the counter.
      const send = async <N extends CallName>(name: N, input: CallInput<N>) => {
        if (now.getTime() - session.at > 60 * 60 * 1000) session = await logIn();
        session.at = now.getTime();
        return (await counter.backend.dispatch(name, input, session.token)) as Result<N>;
      };
      const caller: Caller = {
        send,
        async call(name, input) {
          const result = await send(name, input);
          if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.field ?? ''} ${result.error.message}`);
          return result.value;
        },
        till: null,
      };
      if (till && TAKES_PAYMENTS.includes(session.role)) caller.till = await ensureTill(caller);
      return caller;
    },
    async reopen() {
      counter.backend.close();
      counter.backend = open();
    },
    count(table) {
      return (counter.backend.store.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    },
    close() {
      counter.backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return counter;
}

/** The caller's own till on this terminal: the one already open (or awaiting approval), else one opened with the usual float. */
export async function ensureTill(caller: Pick<Caller, 'call'>): Promise<TillSessionView> {
  const current = (await caller.call('till-current', {})).till;
  return current ?? caller.call('till-open', { id: uuidv7(), openingFloat: OPENING_FLOAT });
}

/** The local calendar day of a Date, as the payment form sends it. */
export const dayOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** A consumer's account by account number, through search as the cashier finds it. */
export async function accountOf(caller: Caller, accountNumber: string) {
  const hits = await caller.call('consumer-search', { query: accountNumber, limit: 5 });
  const hit = hits.find((c) => c.accountNumber === accountNumber);
  if (!hit) throw new Error(`no consumer ${accountNumber}`);
  return caller.call('consumer-account', { consumerId: hit.id });
}

export type Account = Awaited<ReturnType<typeof accountOf>>;

/** One of the account's unpaid items, by the reference the cashier reads on screen. */
export function openItem(account: Account, reference: string) {
  const item = [...account.bills, ...account.services, ...account.installments].find((i) => i.reference === reference);
  if (!item) throw new Error(`no open item ${reference} on ${account.consumer.accountNumber}`);
  return item;
}

/** The spec's sample consumer, John Doe (WU-10001), and his open items by reference. */
export async function johnDoe(caller: Caller) {
  const account = await accountOf(caller, 'WU-10001');
  return { account, id: account.consumer.id, item: (reference: string) => openItem(account, reference) };
}

/** A payment-record input with a fresh id, today's date and the walk-in channel; override what the test is about. */
export function paymentInput(consumerId: string, itemIds: string[], fields: Partial<CallInput<'payment-record'>> & Pick<CallInput<'payment-record'>, 'amountPaid'>, today: Date): CallInput<'payment-record'> {
  return { id: uuidv7(), consumerId, type: 'bill', itemIds, method: 'cash', channel: 'walk_in', paymentDate: dayOf(today), ...fields };
}

/** The error of a call that must be refused. */
export async function refusal<N extends CallName>(caller: Caller, name: N, input: CallInput<N>): Promise<ApiErrorData> {
  const result = await caller.send(name, input);
  if (result.ok) throw new Error(`${name} was expected to be refused but succeeded`);
  return result.error;
}

/** Checks a result was refused with this code on this field; answers its message. */
export function expectRefused(result: { ok: boolean; error?: ApiErrorData }, code: string, field: string | undefined): string {
  expect(result.ok).toBe(false);
  const error = result.error;
  if (!error) throw new Error('expected the call to be refused');
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
  return error.message;
}
