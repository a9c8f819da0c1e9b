import type { z } from 'zod';
import type { TillBatchCheck } from '../core/sync/protocol.js';
import type { CentralDb } from './database.js';
import type { tillClosedPayload } from './posting-rules.js';

export interface StoredTillCheck extends TillBatchCheck {
  terminalId: string;
  postingKey: string;
  checkedAt: string;
}

/**
 * A till's closing posting against what the centre holds of that session
 * from the same terminal: the batch-key check of an external cash desk. A
 * mismatch is still applied; the result says so and the check is kept.
 */
export function tillChecks(db: CentralDb) {
  const received = db.prepare<[string, string], { count: number; total: number }>(
    `select count(*) as count, coalesce(sum(amount), 0) as total from postings
     where terminal_id = ? and till_session_id = ? and kind <> 'till.closed'`,
  );
  const insert = db.prepare(
    `insert into till_checks (posting_key, terminal_id, till_session_id, expected_count, expected_total, received_count, received_total, matched, checked_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const all = db.prepare<[], Omit<StoredTillCheck, 'matched'> & { matched: number }>(
    `select terminal_id as terminalId, posting_key as postingKey, till_session_id as tillSessionId, expected_count as expectedCount,
       expected_total as expectedTotal, received_count as receivedCount, received_total as receivedTotal, matched, checked_at as checkedAt
     from till_checks order by rowid`,
  );

  return {
    check(terminalId: string, postingKey: string, closing: z.infer<typeof tillClosedPayload>, checkedAt: string): TillBatchCheck {
      const { count, total } = received.get(terminalId, closing.tillSessionId)!;
      const matched = count === closing.postingCount && total === closing.total;
      insert.run(postingKey, terminalId, closing.tillSessionId, closing.postingCount, closing.total, count, total, matched ? 1 : 0, checkedAt);
      return { tillSessionId: closing.tillSessionId, expectedCount: closing.postingCount, expectedTotal: closing.total, receivedCount: count, receivedTotal: total, matched };
    },

    list(): StoredTillCheck[] {
      return all.all().map((row) => ({ ...row, matched: row.matched === 1 }));
    },
  };
}
