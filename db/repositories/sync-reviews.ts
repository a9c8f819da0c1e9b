import type { SyncReview } from '../../core/ports.js';
import type { CounterDb } from '../connection.js';

/** What sync found for a branch manager to look at; resolved, never deleted. */
export function syncReviewsRepository(db: CounterDb) {
  const insert = db.$client.prepare<[string, string, string, string, string]>(
    'insert into sync_reviews (id, kind, ref_id, detail, created_at) values (?, ?, ?, ?, ?) on conflict (kind, ref_id) do nothing',
  );
  const unresolved = db.$client.prepare<[], SyncReview>(
    'select id, kind, ref_id as refId, detail, created_at as createdAt from sync_reviews where resolved_at is null order by created_at, id',
  );
  const resolve = db.$client.prepare<[string, string, string, string]>('update sync_reviews set resolved_at = ?, resolved_by = ?, resolution = ? where id = ? and resolved_at is null');
  const resolveOpen = db.$client.prepare<[string, string, string, string, string]>(
    'update sync_reviews set resolved_at = ?, resolved_by = ?, resolution = ? where kind = ? and ref_id = ? and resolved_at is null',
  );
  return {
    /** Sync settles what it flagged itself (a till batch that balances once a late posting arrives); false if none was open. */
    resolveOpen(kind: SyncReview['kind'], refId: string, by: string, at: string, resolution: string): boolean {
      return resolveOpen.run(at, by, resolution, kind, refId).changes === 1;
    },
    /** A branch manager says what was done; false if there is no open review with this id. */
    resolve(id: string, by: string, at: string, resolution: string): boolean {
      return resolve.run(at, by, resolution, id).changes === 1;
    },
    open(review: SyncReview): void {
      insert.run(review.id, review.kind, review.refId, review.detail, review.createdAt);
    },
    unresolved(): SyncReview[] {
      return unresolved.all();
    },
  };
}
