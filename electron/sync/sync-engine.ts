import { retryDelay } from '../../core/sync/backoff.js';
import type { PullResponse, TillBatchCheck } from '../../core/sync/protocol.js';
import type { Store } from '../../db/store.js';
import { CentralFailure, type CentralClient } from './central-client.js';
import { pushOutbox } from './push-worker.js';
import type { TokenVault } from './token-vault.js';

export interface SyncOptions {
  store: Store;
  client: CentralClient;
  vault: TokenVault;
  /** What this counter presents to register; without a code it cannot register by itself. */
  enrolment: { code: string | null; terminalCode: string; branchName: string };
  applyPage: (page: PullResponse) => void;
  onTillCheck: (check: TillBatchCheck) => void;
  batchSize: number;
  pageSize: number;
  /** Pause between rounds while all is well. */
  idleMs: number;
  clock: () => Date;
  random: () => number;
  log: (message: string) => void;
}

export type SyncState = 'syncing' | 'online' | 'offline' | 'unregistered';

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number;
}

export interface SyncSnapshot {
  state: SyncState;
  lastSuccessAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  progress: SyncProgress | null;
}

/**
 * Keeps the counter and the centre in step: a round pushes the outbox, then
 * pulls changes, then rests; a failed round is tried again after a growing,
 * jittered delay. Rounds never overlap. Nothing here decides what a posting or
 * a change means: that is push-worker.ts, core/sync and the page applier.
 */
export function createSyncEngine(options: SyncOptions) {
  const { store, client, vault, clock, log } = options;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  /** Something was written during a round: the next round starts right after it, not after the idle pause. */
  let nudged = false;
  let snapshot: SyncSnapshot = {
    state: vault.read() ? 'offline' : 'unregistered',
    lastSuccessAt: store.syncState.get('push.lastSuccessAt') ?? null,
    lastError: store.syncState.get('sync.lastError') ?? null,
    nextAttemptAt: null,
    progress: null,
  };

  async function ensureRegistered() {
    if (vault.read()) return;
    const { code, terminalCode, branchName } = options.enrolment;
    if (!code) throw new CentralFailure('unauthorised', 'This counter is not registered with the centre: set COUNTER_ENROLMENT_CODE to the code the centre issued');
    const registered = await client.register({ enrolmentCode: code, terminalCode, branchName });
    vault.write(registered.token);
    store.transaction(() => store.syncState.set('terminal.id', registered.terminalId));
    log(`sync: registered with the centre as terminal ${registered.terminalId}`);
  }

  async function push() {
    const waiting = store.outboxDelivery.counts().pending;
    let done = 0;
    snapshot = { ...snapshot, progress: { phase: 'push', done, total: waiting } };
    await pushOutbox(store, client, {
      batchSize: options.batchSize,
      now: () => clock().toISOString(),
      onTillCheck: options.onTillCheck,
      onBatch: (sent) => {
        done += sent;
        snapshot = { ...snapshot, progress: { phase: 'push', done, total: Math.max(waiting, done) } };
      },
    });
  }

  /**
   * Pages come down while the one before is being applied: the next page is
   * asked for by the cursor of the page in hand, and is dropped unused if
   * applying that one fails, since the stored cursor did not move.
   */
  async function pull() {
    let done = 0;
    let coming: Promise<PullResponse> | null = client.pull(store.syncState.get('pull.cursor') ?? '0', options.pageSize);
    while (coming) {
      const page: PullResponse = await coming;
      coming = page.more ? client.pull(page.next, options.pageSize) : null;
      // A turn of the event loop lets the request go out before applying blocks it.
      if (coming) await new Promise((resolve) => setImmediate(resolve));
      try {
        options.applyPage(page);
      } catch (error) {
        coming?.catch(() => undefined);
        throw error;
      }
      done += page.changes.length;
      snapshot = { ...snapshot, progress: { phase: 'pull', done, total: done + Math.max(0, page.total - page.changes.length) } };
    }
  }

  async function round() {
    nudged = false;
    snapshot = { ...snapshot, state: 'syncing', nextAttemptAt: null };
    try {
      await ensureRegistered();
      await push();
      await pull();
      failures = 0;
      const at = clock().toISOString();
      store.transaction(() => {
        store.syncState.set('push.lastSuccessAt', at);
        store.syncState.clear('sync.lastError');
      });
      snapshot = { ...snapshot, state: 'online', lastSuccessAt: at, lastError: null, progress: null };
      schedule(nudged ? 0 : options.idleMs);
    } catch (error) {
      failures++;
      const message = error instanceof Error ? error.message : String(error);
      const state: SyncState = error instanceof CentralFailure && error.kind === 'unauthorised' ? 'unregistered' : 'offline';
      store.transaction(() => store.syncState.set('sync.lastError', message));
      if (snapshot.lastError !== message) log(`sync: ${message}`);
      const delay = Math.max(1000, retryDelay(failures, options.random));
      snapshot = { ...snapshot, state, lastError: message, progress: null, nextAttemptAt: new Date(clock().getTime() + delay).toISOString() };
      schedule(delay);
    }
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runNow(), delayMs);
    timer.unref();
  }

  /** Starts a round now, or waits for the one under way and starts another after it. */
  async function runNow(): Promise<SyncSnapshot> {
    if (timer) clearTimeout(timer);
    timer = null;
    while (running) await running;
    if (stopped) return snapshot;
    running = round().finally(() => {
      running = null;
    });
    await running;
    return snapshot;
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    /** The state of the connection; the outbox's counts are read fresh by the caller. */
    snapshot: () => snapshot,
    runNow,
    /**
     * Asks for a round soon, without waiting for it: now if the link is idle,
     * right after the round under way otherwise. While the centre is failing,
     * the back-off stands: a busy counter must not hammer it.
     */
    nudge() {
      if (running) nudged = true;
      else if (failures === 0) schedule(0);
    },
    /** Sync now, as the cashier asked: also during a back-off. */
    startSoon() {
      if (running) nudged = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
