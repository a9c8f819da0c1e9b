import type { CounterBridge } from '../core/api/bridge.js';
import { IPC_CHANNEL } from '../core/api/bridge.js';
import type { Dispatch } from '../core/api/dispatch.js';
import type { Result } from '../core/api/errors.js';

/**
 * Both ends of the one IPC channel, typed against the few members of
 * Electron's ipcMain / ipcRenderer they use, so that tests can drive them
 * without Electron. This file must stay free of runtime imports beyond
 * core/api/bridge.js: the preload bundle includes it.
 */

/** What ipcMain hands a handle() listener that we look at: the frame that sent the call. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

const REFUSED: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the counter backend.' } };
const NO_ANSWER: Result<never> = { ok: false, error: { code: 'UNAVAILABLE', message: 'The counter backend is not answering. Please restart Counter.' } };

/**
 * The only ipcMain.handle in the app. Every call goes to the dispatcher, which
 * checks the name, the user and the input; a sender whose frame is not the
 * app's own page is refused before anything else. Returns an unbind function.
 */
export function bindContractToIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrusted: (senderUrl: string | null) => boolean,
  log: (message: string) => void = () => undefined,
): () => void {
  ipcMain.handle(IPC_CHANNEL, async (event, name, input, token) => {
    const senderUrl = event.senderFrame?.url ?? null;
    if (!isTrusted(senderUrl)) {
      log(`refused an IPC call from ${senderUrl ?? 'a frame that is gone'}`);
      return REFUSED;
    }
    if (typeof name !== 'string') return { ok: false, error: { code: 'NOT_FOUND', message: 'A call needs a name' } } satisfies Result<never>;
    try {
      return await dispatch(name, input, typeof token === 'string' ? token : null);
    } catch (error) {
      // The dispatcher answers every failure as a Result; this is the last guard
      // so that a bug never turns into an unhandled rejection in the renderer.
      log(`call ${name} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again.' } } satisfies Result<never>;
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The renderer's side: one function per call name, each sending (name, input,
 * token) on the single channel. Nothing else is exposed, in particular no
 * generic invoke(channel).
 */
export function createBridge(names: readonly string[], invoke: Invoke): CounterBridge {
  const bridge: Record<string, (input: unknown, token: string | null) => Promise<unknown>> = {};
  for (const name of names) {
    bridge[name] = async (input, token) => {
      try {
        return await invoke(IPC_CHANNEL, name, input ?? {}, token ?? null);
      } catch {
        return NO_ANSWER;
      }
    };
  }
  return Object.freeze(bridge) as unknown as CounterBridge;
}
