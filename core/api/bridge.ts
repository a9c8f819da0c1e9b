import type { CallInput, CallName, CallOutput } from './contract.js';
import type { Result } from './errors.js';

/**
 * What the renderer sees of the backend, in Electron (the preload's
 * `window.counter`) and in browser mode (fetch to the loopback adapter) alike:
 * one function per call of the contract, each answering a Result.
 */
export type CounterBridge = {
  [N in CallName]: (input: CallInput<N>, token: string | null) => Promise<Result<CallOutput<N>>>;
};

/** The single IPC channel the preload and ipcMain share. */
export const IPC_CHANNEL = 'counter:call';
