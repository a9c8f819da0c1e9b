import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../core/api/bridge.js';
import { CALL_NAMES } from '../core/api/contract.js';
import type { Dispatch } from '../core/api/dispatch.js';
import { bindContractToIpc, createBridge, type InvokeEventLike, type IpcMainLike } from './ipc.js';
import { isTrustedSender } from './security.js';

const APP = 'file:///app/dist/renderer/index.html';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** Records what is registered, like Electron's ipcMain, and lets a test invoke a channel as a given frame. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async invokeFrom(frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}

function setUp() {
  const ipcMain = new FakeIpcMain();
  const dispatch = vi.fn<Dispatch>(async (name) => ({ ok: true, value: { called: name } }));
  const log = vi.fn<(message: string) => void>();
  const unbind = bindContractToIpc(ipcMain, dispatch, (url) => isTrustedSender(url, APP), log);
  return { ipcMain, dispatch, log, unbind };
}

describe('bindContractToIpc', () => {
  it('registers exactly one handler, on the counter channel', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('passes name, input and token from the app page to the dispatcher and returns its result', async () => {
    const { ipcMain, dispatch } = setUp();
    const result = await ipcMain.invokeFrom(`${APP}#/pay`, IPC_CHANNEL, 'consumer-search', { query: 'doe' }, 'token-1');
    expect(dispatch).toHaveBeenCalledWith('consumer-search', { query: 'doe' }, 'token-1');
    expect(result).toEqual({ ok: true, value: { called: 'consumer-search' } });
  });

  it('refuses a sender that is not the app page, without dispatching', async () => {
    const { ipcMain, dispatch, log } = setUp();
    const result = await ipcMain.invokeFrom('https://evil.example/', IPC_CHANNEL, 'demo-users', {}, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
  });

  it('refuses a sender whose frame is gone', async () => {
    const { ipcMain, dispatch } = setUp();
    const result = await ipcMain.invokeFrom(null, IPC_CHANNEL, 'demo-users', {}, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('treats a token that is not a string as no token', async () => {
    const { ipcMain, dispatch } = setUp();
    await ipcMain.invokeFrom(APP, IPC_CHANNEL, 'session-current', {}, { forged: true });
    expect(dispatch).toHaveBeenCalledWith('session-current', {}, null);
  });

  it('answers a call without a name with an error instead of dispatching', async () => {
    const { ipcMain, dispatch } = setUp();
    const result = await ipcMain.invokeFrom(APP, IPC_CHANNEL, 42, {}, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a dispatcher that throws into an INTERNAL result and logs it', async () => {
    const ipcMain = new FakeIpcMain();
    const log = vi.fn<(message: string) => void>();
    bindContractToIpc(ipcMain, () => Promise.reject(new Error('disk full')), () => true, log);
    const result = await ipcMain.invokeFrom(APP, IPC_CHANNEL, 'payment-record', {}, 't');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });

  it('unbinds its handler', () => {
    const { ipcMain, unbind } = setUp();
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createBridge', () => {
  it('has one function per contract call and nothing else', () => {
    const bridge = createBridge(CALL_NAMES, async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(typeof bridge[name]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('invoke' in bridge).toBe(false);
  });

  it('sends name, input and token on the counter channel, end to end through bindContractToIpc', async () => {
    const { ipcMain, dispatch } = setUp();
    const bridge = createBridge(CALL_NAMES, (channel, ...args) => ipcMain.invokeFrom(APP, channel, ...args));
    const result = await bridge['demo-users']({}, null);
    expect(dispatch).toHaveBeenCalledWith('demo-users', {}, null);
    expect(result).toEqual({ ok: true, value: { called: 'demo-users' } });
  });

  it('answers UNAVAILABLE when the main process does not answer', async () => {
    const bridge = createBridge(['demo-users'], () => Promise.reject(new Error("No handler registered for 'counter:call'")));
    await expect(bridge['demo-users']({}, null)).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
