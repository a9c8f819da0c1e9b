import { z } from 'zod';
import type { Posting } from '../core/sync/protocol.js';
import type { CentralDb } from './database.js';

export interface DisconnectionHold {
  planId: string;
  accountId: string;
  terminalId: string;
  /** Since when the plan holds the account; null once released. */
  heldSince: string | null;
  releasedAt: string | null;
}

export const holdPlaced = z.object({ planId: z.string().min(1), since: z.string().min(1) });
export const holdReleased = z.object({ planId: z.string().min(1), at: z.string().min(1) });

/**
 * The disconnection holds payment plans put on accounts, kept from the
 * counters' plan.hold_placed and plan.hold_released. One account's postings
 * arrive in order, so the last one applied is the plan's state. Called inside
 * the push transaction, with the posting just stored.
 */
export function planHolds(db: CentralDb) {
  const place = db.prepare(
    `insert into disconnection_holds (plan_id, account_id, terminal_id, held_since, released_at, posting_key) values (?, ?, ?, ?, null, ?)
     on conflict (plan_id) do update set held_since = excluded.held_since, released_at = null, posting_key = excluded.posting_key`,
  );
  const release = db.prepare(
    `insert into disconnection_holds (plan_id, account_id, terminal_id, held_since, released_at, posting_key) values (?, ?, ?, null, ?, ?)
     on conflict (plan_id) do update set held_since = null, released_at = excluded.released_at, posting_key = excluded.posting_key`,
  );
  const list = db.prepare<[string | null, string | null], DisconnectionHold>(
    `select plan_id as planId, account_id as accountId, terminal_id as terminalId, held_since as heldSince, released_at as releasedAt
       from disconnection_holds where ? is null or account_id = ? order by rowid`,
  );

  return {
    apply(terminalId: string, posting: Posting): void {
      if (posting.kind === 'plan.hold_placed') {
        const { planId, since } = holdPlaced.parse(posting.payload);
        place.run(planId, posting.accountId, terminalId, since, posting.key);
      } else if (posting.kind === 'plan.hold_released') {
        const { planId, at } = holdReleased.parse(posting.payload);
        release.run(planId, posting.accountId, terminalId, at, posting.key);
      }
    },
    /** Every plan's hold, of one account or all. */
    list: (accountId?: string): DisconnectionHold[] => list.all(accountId ?? null, accountId ?? null),
    /** Whether any plan holds the account from disconnection now. */
    held: (accountId: string): boolean => list.all(accountId, accountId).some((hold) => hold.heldSince !== null),
  };
}

export type PlanHolds = ReturnType<typeof planHolds>;
