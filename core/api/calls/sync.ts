import { z } from 'zod';
import { EVERY_ROLE, MANAGES_SYNC } from '../../auth/roles.js';
import { defineCall } from '../define.js';
import { id, text } from '../fields.js';

export const SYNC_STATES = ['off', 'syncing', 'online', 'offline', 'unregistered'] as const;

/** What the header and the sync page show: the link to the centre and what waits for it. */
export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  centralUrl: z.string().nullable(),
  /** Postings not yet accepted by the centre, and how many of them wait behind a parked one. */
  waiting: z.number().int(),
  blocked: z.number().int(),
  parked: z.number().int(),
  oldestWaitingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  progress: z.object({ phase: z.enum(['push', 'pull']), done: z.number().int(), total: z.number().int() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const parkedPostingSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  accountNumber: z.string(),
  consumerName: z.string(),
  amount: z.number().int(),
  reason: z.string(),
  parkedAt: z.string(),
  createdAt: z.string(),
  /** Later postings of the same account that wait until this one is settled. */
  waitingBehind: z.number().int(),
});

/** Something sync found that a branch manager must look at: an M-PESA confirmation that disagrees, a till the centre counted differently. */
export const syncReviewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** What it is about, in words: "M-PESA confirmation", "Till batch". */
  kindLabel: z.string(),
  refId: z.string(),
  detail: z.string(),
  createdAt: z.string(),
});

export const syncCalls = {
  'sync-status': defineCall({ input: z.object({}), output: syncStatusSchema, access: EVERY_ROLE }),
  /** Starts a round now; the caller follows it with sync-status. */
  'sync-now': defineCall({ input: z.object({}), output: syncStatusSchema, access: EVERY_ROLE }),
  'sync-parked-list': defineCall({ input: z.object({}), output: z.array(parkedPostingSchema), access: MANAGES_SYNC }),
  'sync-parked-retry': defineCall({ input: z.object({ postingId: id('Posting') }), output: syncStatusSchema, access: MANAGES_SYNC }),
  'sync-reviews-list': defineCall({ input: z.object({}), output: z.array(syncReviewSchema), access: MANAGES_SYNC }),
  /** The manager says what was done about it; the review stays, resolved. */
  'sync-review-resolve': defineCall({ input: z.object({ reviewId: id('Review'), resolution: text('Resolution', { max: 500 }) }), output: z.object({ resolved: z.literal(true) }), access: MANAGES_SYNC }),
};
