import type { TillBatchCheck, TillClosedPayload } from '../core/sync/protocol.js';
import type { CentralDb } from './database.js';

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
  const byKey = db.prepare<[string, string], Omit<TillBatchCheck, 'matched'> & { matched: number }>(
    `select till_session_id as tillSessionId, expected_count as expectedCount, expected_total as expectedTotal, received_count as receivedCount,
       received_total as receivedTotal, matched
     from till_checks where posting_key = ? and terminal_id = ?`,
  );

  const checkOfTill = db.prepare<[string, string], { postingKey: string; expectedCount: number; expectedTotal: number }>(
    `select posting_key as postingKey, expected_count as expectedCount, expected_total as expectedTotal from till_checks where terminal_id = ? and till_session_id = ?`,
  );
  const update = db.prepare<[number, number, number, string, string]>('update till_checks set received_count = ?, received_total = ?, matched = ?, checked_at = ? where posting_key = ?');

  return {
    /**
     * A posting of a till that has already closed arrived late (it waited
     * behind a parked posting of its account): the check is made again, so a
     * batch that now balances says so.
     */
    recheck(terminalId: string, tillSessionId: string, checkedAt: string): TillBatchCheck | undefined {
      const closing = checkOfTill.get(terminalId, tillSessionId);
      if (!closing) return undefined;
      const { count, total } = received.get(terminalId, tillSessionId)!;
      const matched = count === closing.expectedCount && total === closing.expectedTotal;
      update.run(count, total, matched ? 1 : 0, checkedAt, closing.postingKey);
      return { tillSessionId, expectedCount: closing.expectedCount, expectedTotal: closing.expectedTotal, receivedCount: count, receivedTotal: total, matched };
    },

    check(terminalId: string, postingKey: string, closing: Pick<TillClosedPayload, 'tillSessionId' | 'postingCount' | 'total'>, checkedAt: string): TillBatchCheck {
      const { count, total } = received.get(terminalId, closing.tillSessionId)!;
      const matched = count === closing.postingCount && total === closing.total;
      insert.run(postingKey, terminalId, closing.tillSessionId, closing.postingCount, closing.total, count, total, matched ? 1 : 0, checkedAt);
      return { tillSessionId: closing.tillSessionId, expectedCount: closing.postingCount, expectedTotal: closing.total, receivedCount: count, receivedTotal: total, matched };
    },

    /** The check made when this terminal's closing posting first came in, if the key is one. */
    of(postingKey: string, terminalId: string): TillBatchCheck | undefined {
      const row = byKey.get(postingKey, terminalId);
      return row && { ...row, matched: row.matched === 1 };
    },

    list(): StoredTillCheck[] {
      return all.all().map((row) => ({ ...row, matched: row.matched === 1 }));
    },
  };
}
