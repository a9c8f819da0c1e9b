import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../core/api/dispatch.js';
import { openDatabase } from '../db/connection.js';
import { seedDemo } from '../db/seed/demo.js';
import { createStore, type Store } from '../db/store.js';
import { hashPin, verifyPin } from './auth/pin-hash.js';
import { createSessions } from './auth/sessions.js';
import { sendToNetworkPrinter } from './printing/tcp-printer.js';
import { startCreditExpiry } from './services/credit-expiry.js';
import { createHandlers } from './services/handlers.js';
import { startPlanReview } from './services/plan-review.js';
import { createSync, type CentralOptions } from './sync/start-sync.js';
import type { SyncEngine } from './sync/sync-engine.js';

export interface BackendOptions {
  dataDir: string;
  demo: boolean;
  log?: (message: string) => void;
  nativeBinding?: string | undefined;
  /** tcp://host:port; when given it replaces the stored printer address (COUNTER_PRINTER). */
  printerAddress?: string | undefined;
  clock?: () => Date;
  sendToPrinter?: (address: string, bytes: Buffer) => Promise<void>;
  /** The central server to sync with (COUNTER_CENTRAL_URL); without it the counter works alone. */
  central?: CentralOptions | undefined;
}

export interface Backend {
  dispatch: Dispatch;
  store: Store;
  dataDir: string;
  /** Forfeits expired credit now (it also runs at start and every hour); how many notes expired. */
  expireCreditNotes(): number;
  /** The link to the centre, running from start; null without one. */
  sync: SyncEngine | null;
  close(): Promise<void>;
}

/**
 * The whole backend, the same in Electron and in browser mode: the database
 * (created, migrated and, in demo mode, filled on first start), the services
 * and the one dispatcher every edge calls.
 */
export function openBackend(options: BackendOptions): Backend {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'counter.sqlite');
  const db = openDatabase(file, { nativeBinding: options.nativeBinding });
  const store = createStore(db);
  if (options.demo) seedDemo(store, { hashPin, now: clock().toISOString(), referenceData: !options.central });
  if (options.printerAddress !== undefined) {
    const settings = store.settings.get();
    store.settings.save({ ...settings, printer: { ...settings.printer, address: options.printerAddress } });
  }
  log(`database ${file}`);
  const creditExpiry = startCreditExpiry(store, clock, log);
  const planReview = startPlanReview(store, clock, log);

  const sync = options.central ? createSync(store, options.dataDir, options.central, clock, log) : null;
  if (sync && options.central) log(`syncing with ${options.central.url}`);
  sync?.start();
  // A payment, reversal or note goes up as soon as its transaction commits (the round starts on a later tick).
  if (sync && options.central?.sendAsWritten !== false) store.outbox.onPosting(() => sync.nudge());

  const sessions = createSessions(() => clock().getTime());
  const handlers = createHandlers({
    store,
    sessions,
    clock,
    demo: options.demo,
    hashPin,
    verifyPin,
    sendToPrinter: options.sendToPrinter ?? sendToNetworkPrinter,
    sync: sync && options.central ? { engine: sync, centralUrl: options.central.url } : null,
  }, planReview);
  const dispatch = createDispatcher(handlers, sessions, (error, call) => log(`call ${call} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));

  return {
    dispatch,
    store,
    dataDir: options.dataDir,
    expireCreditNotes: creditExpiry.run,
    sync,
    /**
     * Closes at once without sync; with it, lets a round under way store the
     * centre's answer first, so an accepted batch is never sent twice.
     */
    close() {
      creditExpiry.stop();
      planReview.stop();
      const closeDatabase = () => {
        if (!db.$client.open) return;
        db.$client.pragma('wal_checkpoint(TRUNCATE)');
        db.$client.close();
      };
      if (!sync) {
        closeDatabase();
        return Promise.resolve();
      }
      return sync.stop().then(closeDatabase);
    },
  };
}
