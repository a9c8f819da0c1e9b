import type { Handlers } from '../../core/api/dispatch.js';
import { notFound } from '../../core/api/errors.js';
import type { SyncStatus } from '../../core/api/calls/sync.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import type { ServiceContext } from './context.js';

const REVIEW_KINDS: Record<string, string> = { mpesa_mismatch: 'M-PESA confirmation', till_mismatch: 'Till batch', proof_used_twice: 'Proof of payment used twice' };

/** The sync as the UI sees it; with no centre configured the counter works alone and says so. */
export function syncHandlers(context: ServiceContext): Pick<Handlers, 'sync-status' | 'sync-now' | 'sync-parked-list' | 'sync-parked-retry' | 'sync-reviews-list' | 'sync-review-resolve'> {
  const { store, clock } = context;
  const engine: SyncEngine | null = context.sync?.engine ?? null;

  function status(): SyncStatus {
    const counts = store.outboxDelivery.counts();
    const link = engine?.snapshot();
    return {
      state: link?.state ?? 'off',
      centralUrl: context.sync?.centralUrl ?? null,
      waiting: counts.pending,
      blocked: counts.blocked,
      parked: counts.parked,
      oldestWaitingAt: counts.oldestPendingAt,
      lastSuccessAt: link?.lastSuccessAt ?? null,
      lastError: link?.lastError ?? null,
      nextAttemptAt: link?.nextAttemptAt ?? null,
      progress: link?.progress ?? null,
    };
  }

  return {
    'sync-status': () => status(),
    'sync-now': () => {
      engine?.startSoon();
      return { ...status(), state: engine ? 'syncing' : 'off' };
    },
    'sync-parked-list': () => {
      const parked = store.outboxDelivery.parked();
      return parked.map((posting) => {
        const consumer = store.consumers.byId(posting.accountId);
        return {
          id: posting.id,
          seq: posting.seq,
          kind: posting.kind,
          accountNumber: consumer?.accountNumber ?? posting.accountId,
          consumerName: consumer?.name ?? 'Unknown consumer',
          amount: posting.amount,
          reason: posting.parkedReason,
          parkedAt: posting.parkedAt,
          createdAt: posting.createdAt,
          waitingBehind: store.outboxDelivery.waitingBehind(posting.accountId, posting.seq),
        };
      });
    },
    'sync-parked-retry': ({ postingId }, { user }) => {
      const at = clock().toISOString();
      const retried = store.transaction(() => {
        if (!store.outboxDelivery.retry(postingId)) return false;
        store.audit.append({ id: store.newId(), at, userId: user!.id, action: 'sync.retry', entity: 'outbox', entityId: postingId, before: { state: 'parked' }, after: { state: 'pending' } });
        return true;
      });
      if (!retried) throw notFound('postingId', 'No parked posting with this id: it may have been retried already');
      engine?.startSoon();
      return status();
    },
    'sync-reviews-list': () => store.syncReviews.unresolved().map((review) => ({ ...review, kindLabel: REVIEW_KINDS[review.kind] ?? review.kind })),
    'sync-review-resolve': ({ reviewId, resolution }, { user }) => {
      const at = clock().toISOString();
      const resolved = store.transaction(() => {
        if (!store.syncReviews.resolve(reviewId, user!.id, at, resolution)) return false;
        store.audit.append({ id: store.newId(), at, userId: user!.id, action: 'sync.review.resolve', entity: 'sync_review', entityId: reviewId, before: null, after: { resolution } });
        return true;
      });
      if (!resolved) throw notFound('reviewId', 'No open review with this id: it may have been resolved already');
      return { resolved: true as const };
    },
  };
}
