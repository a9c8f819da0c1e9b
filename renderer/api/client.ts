import { notifications } from '@mantine/notifications';
import type { CounterBridge } from '../../core/api/bridge.js';
import type { CallInput, CallName, CallOutput } from '../../core/api/contract.js';
import type { Result } from '../../core/api/errors.js';
import { useSession } from '../state/session.js';

declare global {
  interface Window {
    /** The Electron preload's bridge; absent in browser mode. */
    counter?: CounterBridge;
  }
}

type Send = (name: string, input: unknown, token: string | null) => Promise<Result<unknown>>;

const NOT_ANSWERING: Result<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Counter is not answering. Check that it is still running, then try again.' },
};

/** Browser mode: the same calls as POST /api/<name> to the loopback server that served this page. */
const sendOverHttp: Send = async (name, input, token) => {
  try {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return NOT_ANSWERING;
  }
};

function sendOverBridge(bridge: CounterBridge): Send {
  const calls = bridge as unknown as Record<string, (input: unknown, token: string | null) => Promise<Result<unknown>>>;
  return async (name, input, token) => {
    const send = calls[name];
    return send ? send(input, token) : { ok: false, error: { code: 'NOT_FOUND', message: `There is no call named ${name}` } };
  };
}

const send: Send = window.counter ? sendOverBridge(window.counter) : sendOverHttp;

/**
 * The renderer's one way to the backend, typed by the contract. A session the
 * backend no longer knows (expired, or the backend restarted) signs the
 * cashier out, which shows the login again.
 */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const { token, signOut } = useSession.getState();
  const result = (await send(name, input, token)) as Result<CallOutput<N>>;
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && token) {
    signOut();
    notifications.show({ color: 'orange', title: 'Signed out', message: result.error.message });
  }
  return result;
}
