import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './ipc.js';

/**
 * The call names of core/api/contract.ts, written in by build/scripts/build.mjs
 * (esbuild `define`). A sandboxed preload can require only 'electron' and a few
 * polyfilled modules, so it is one bundled CJS file; inlining the names keeps
 * zod and the schemas out of it (validation happens in the main process) while
 * the list still comes from the one contract.
 */
declare const __COUNTER_CALL_NAMES__: readonly string[];

// window.counter: exactly the contract's calls, each one (input, token) => Promise<Result>.
contextBridge.exposeInMainWorld(
  'counter',
  createBridge(__COUNTER_CALL_NAMES__, (channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
