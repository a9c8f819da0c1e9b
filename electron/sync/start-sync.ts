import { join } from 'node:path';
import type { TillBatchCheck } from '../../core/sync/protocol.js';
import { formatMoneyAscii, cents } from '../../core/money.js';
import { applyChangesPage } from '../../db/sync/apply-changes.js';
import type { Store } from '../../db/store.js';
import { centralClient } from './central-client.js';
import { createSyncEngine, type SyncEngine } from './sync-engine.js';
import { fileTokenVault, type TokenVault } from './token-vault.js';

export interface CentralOptions {
  url: string;
  enrolmentCode: string | null;
  /** Electron passes its safeStorage vault; browser mode keeps the token in a 0600 file. */
  vault?: TokenVault;
  batchSize?: number;
  pageSize?: number;
  idleMs?: number;
  timeoutMs?: number;
  random?: () => number;
  /** false leaves new postings to the next round instead of sending each soon after it is written (tests that count the outbox first). */
  sendAsWritten?: boolean;
}

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 5000;
const DEFAULT_IDLE_MS = 15_000;

/** Builds the sync for a backend: the client, the token vault and the engine, with what the counter does with a till the centre counted. */
export function createSync(store: Store, dataDir: string, options: CentralOptions, clock: () => Date, log: (message: string) => void): SyncEngine {
  const vault = options.vault ?? fileTokenVault(join(dataDir, 'sync-token'));
  const settings = store.settings.get();
  return createSyncEngine({
    store,
    client: centralClient({ baseUrl: options.url, token: () => vault.read(), timeoutMs: options.timeoutMs ?? 30_000 }),
    vault,
    enrolment: { code: options.enrolmentCode, terminalCode: settings.terminalCode, branchName: settings.branchName },
    applyPage: (page) => applyChangesPage(store, page, { now: clock().toISOString() }),
    onTillCheck: (check) => openTillReview(store, check, clock().toISOString()),
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
    clock,
    random: options.random ?? Math.random,
    log,
  });
}

/** A till the centre counted differently stays in front of the branch manager until resolved. */
function openTillReview(store: Store, check: TillBatchCheck, at: string) {
  if (check.matched) return;
  const money = (value: number) => formatMoneyAscii(cents(value), store.settings.get().currency);
  const detail = `The till closed with ${check.expectedCount} postings for ${money(check.expectedTotal)}; the centre has ${check.receivedCount} for ${money(check.receivedTotal)}.`;
  store.transaction(() => store.syncReviews.open({ id: store.newId(), kind: 'till_mismatch', refId: check.tillSessionId, detail, createdAt: at }));
}
