import { join } from 'node:path';
import type { TillBatchCheck } from '../../core/sync/protocol.js';
import { formatMoneyAscii, cents } from '../../core/money.js';
import { SYSTEM_USER_ID } from '../../core/auth/roles.js';
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

/**
 * A till the centre counted differently stays in front of the branch manager
 * until resolved, named as the counter shows it: its number, and what each
 * side counted.
 */
function openTillReview(store: Store, check: TillBatchCheck, at: string) {
  if (check.matched) {
    // A late posting made the batch balance: the review, if one opened, is settled by the centre's own count.
    const resolution = `The centre's count now matches: ${check.receivedCount} postings for ${formatMoneyAscii(cents(check.receivedTotal), store.settings.get().currency)}`;
    store.transaction(() => store.syncReviews.resolveOpen('till_mismatch', check.tillSessionId, SYSTEM_USER_ID, at, resolution));
    return;
  }
  store.transaction(() => store.syncReviews.open({ id: store.newId(), kind: 'till_mismatch', refId: check.tillSessionId, detail: tillReviewDetail(store, check), createdAt: at }));
}

function tillReviewDetail(store: Store, check: TillBatchCheck): string {
  const money = (value: number) => formatMoneyAscii(cents(value), store.settings.get().currency);
  const postings = (count: number) => `${count} ${count === 1 ? 'posting' : 'postings'}`;
  const session = store.tills.session(check.tillSessionId);
  const till = session ? `Till ${session.number} (${session.businessDate})` : `Till session ${check.tillSessionId}`;
  const missing = check.expectedCount - check.receivedCount;
  const gap = missing > 0 ? ` ${missing} of its postings ${missing === 1 ? 'has' : 'have'} not reached the centre.` : '';
  return `${till} closed with ${postings(check.expectedCount)} for ${money(check.expectedTotal)}; the centre received ${postings(check.receivedCount)} for ${money(check.receivedTotal)}.${gap}`;
}
