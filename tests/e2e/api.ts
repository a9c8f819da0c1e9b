import type { APIRequestContext } from '@playwright/test';
import dayjs from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import type { CallInput, CallName, CallOutput } from '../../core/api/contract.js';
import type { Result } from '../../core/api/errors.js';
import { TAKES_PAYMENTS } from '../../core/auth/roles.js';

/** The browser-mode HTTP adapter, called as a signed-in user: for set-up and for checking what was stored. */
export async function apiAs(request: APIRequestContext, username: string, pin: string) {
  const login = await send(request, null, 'session-login', { username, pin });
  if (!login.ok) throw new Error(`cannot log in as ${username}: ${login.error.message}`);
  const { token, user } = login.value;
  const api = {
    user,
    send: <N extends CallName>(name: N, input: CallInput<N>) => send(request, token, name, input),
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      const result = await api.send(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
      return result.value;
    },
    /** A consumer's account by its account number. */
    async account(accountNumber: string) {
      const [hit] = await api.call('consumer-search', { query: accountNumber, limit: 1 });
      if (hit?.accountNumber !== accountNumber) throw new Error(`no consumer ${accountNumber}`);
      return api.call('consumer-account', { consumerId: hit.id });
    },
    /** How many payments the counter holds for this account number. */
    async paymentsFor(accountNumber: string) {
      const recent = await api.call('payment-list-recent', { limit: 100 });
      return recent.filter((p) => p.accountNumber === accountNumber).length;
    },
  };
  return api;
}

/** The float a till is opened with when a test makes sure a user has one. */
export const OPENING_FLOAT = '5000.00';

/**
 * Makes sure a user who takes payments has their own till open on this
 * counter, as a cashier opens one before the first payment: the one already
 * open (the specs share one server and one database), else one opened with
 * the usual float. Answers the till, or null for a role that takes no payments.
 */
export async function ensureTill(request: APIRequestContext, username: string, pin: string) {
  const api = await apiAs(request, username, pin);
  if (!TAKES_PAYMENTS.includes(api.user.role)) return null;
  const { till } = await api.call('till-current', {});
  return till ?? api.call('till-open', { id: uuidv7(), openingFloat: OPENING_FLOAT });
}

async function send<N extends CallName>(request: APIRequestContext, token: string | null, name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const response = await request.post(`/api/${name}`, { data: input, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return (await response.json()) as Result<CallOutput<N>>;
}

/** The terminal's calendar day, which is how the backend reads a payment date. */
export const today = () => dayjs().format('YYYY-MM-DD');

/**
 * Moves the counter's clock `days` days forward: only a counter started with
 * COUNTER_TEST_CLOCK=1 (the plans spec's own, playwright.config.ts) answers.
 * The backend reviews its payment plans on the first call of the new day.
 */
export async function moveClock(request: APIRequestContext, days: number): Promise<string> {
  const response = await request.post('/api/_test/clock', { data: { days } });
  const result = (await response.json()) as Result<{ now: string }>;
  if (!result.ok) throw new Error(`the clock did not move: ${result.error.message}`);
  return result.value.now;
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * Records a payment of `amountPaid` on the consumer's oldest open bill
 * through the API, as the counter would, dated today: known data for a test
 * that reads payments back. Answers the payment's details.
 */
export async function payOldestBill(api: Api, accountNumber: string, { method, amountPaid, reference }: { method: 'cash' | 'mpesa'; amountPaid: string; reference?: string }) {
  const account = await api.account(accountNumber);
  const bill = account.bills.find((b) => b.open > 0);
  if (!bill) throw new Error(`${accountNumber} has no open bill`);
  return api.call('payment-record', {
    id: uuidv7(),
    consumerId: account.consumer.id,
    type: 'bill',
    itemIds: [bill.id],
    method,
    channel: 'walk_in',
    amountPaid,
    ...(method === 'cash' ? { amountReceived: amountPaid } : { reference }),
    paymentDate: today(),
  });
}
