import { tillClosedPayload, type Posting, type PostingResult } from '../core/sync/protocol.js';
import { branchTills } from './branch-tills.js';
import type { ChangeLog } from './changes.js';
import type { CentralDb } from './database.js';
import { planHolds } from './plan-holds.js';
import { MONEY_KINDS, paymentIdOf, rejectionOf } from './posting-rules.js';
import { tillChecks } from './till-checks.js';

/**
 * The postings counters push. A batch is applied in order in one
 * transaction, so a batch is either wholly answered or left as if never
 * sent; a key is applied once, ever, so a resend after a lost answer
 * changes nothing and is answered `duplicate`. A till's closing posting is
 * checked against what the centre received of its session, and its summary
 * kept for the other terminals of the branch.
 */
export function postingStore(
  db: CentralDb,
  options: { now: () => Date; closedAccounts: () => ReadonlySet<string>; changes: ChangeLog; branchOf: (terminalId: string) => string },
) {
  const tills = tillChecks(db);
  const kept = branchTills(db, options.changes);
  const holds = planHolds(db);
  const stored = db.prepare<[string], number>('select 1 from postings where key = ?').pluck();
  const received = db.prepare<[string, string], number>("select 1 from postings where terminal_id = ? and payment_id = ? and kind = 'payment.recorded'").pluck();
  const insert = db.prepare(
    `insert into postings (key, terminal_id, seq, kind, account_id, amount, till_session_id, payment_id, payload, created_at, received_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const moneyKinds = MONEY_KINDS.map((kind) => `'${kind}'`).join(', ');
  const totalsOf = db.prepare<[string | null, string | null], { count: number; total: number }>(
    `select count(*) as count, coalesce(sum(amount), 0) as total from postings where kind in (${moneyKinds}) and (? is null or terminal_id = ?)`,
  );
  const keysOf = db.prepare<[string | null, string | null], string>('select key from postings where ? is null or terminal_id = ? order by rowid').pluck();

  const applyBatch = db.transaction((terminalId: string, postings: readonly Posting[]): PostingResult[] => {
    const receivedAt = options.now().toISOString();
    const closedAccounts = options.closedAccounts();
    // Accounts with a posting rejected or deferred in this batch: their later postings wait behind it.
    const held = new Set<string>();
    const context = {
      closedAccounts,
      paymentReceived: (paymentId: string) => received.get(terminalId, paymentId) !== undefined,
      tillClosedElsewhere: (tillSessionId: string) => (kept.closedBy(tillSessionId) ?? terminalId) !== terminalId,
    };

    return postings.map((posting): PostingResult => {
      if (stored.get(posting.key) !== undefined) {
        // A resend after a lost answer: the till check that answer carried is told again, or the counter would never learn it.
        const till = tills.of(posting.key, terminalId);
        return till ? { key: posting.key, outcome: 'duplicate', till } : { key: posting.key, outcome: 'duplicate' };
      }
      if (held.has(posting.accountId)) return { key: posting.key, outcome: 'deferred' };
      const reason = rejectionOf(posting, context);
      if (reason) {
        held.add(posting.accountId);
        return { key: posting.key, outcome: 'rejected', reason };
      }
      insert.run(
        posting.key,
        terminalId,
        posting.seq,
        posting.kind,
        posting.accountId,
        posting.amount,
        posting.tillSessionId,
        paymentIdOf(posting) ?? null,
        JSON.stringify(posting.payload ?? null),
        posting.createdAt,
        receivedAt,
      );
      holds.apply(terminalId, posting);
      if (posting.kind !== 'till.closed') {
        const late = posting.tillSessionId ? tills.recheck(terminalId, posting.tillSessionId, receivedAt) : undefined;
        return late ? { key: posting.key, outcome: 'accepted', till: late } : { key: posting.key, outcome: 'accepted' };
      }
      const closing = tillClosedPayload.parse(posting.payload);
      const till = tills.check(terminalId, posting.key, closing, receivedAt);
      if (closing.summary) kept.keep(terminalId, options.branchOf(terminalId), posting.key, closing.summary);
      return { key: posting.key, outcome: 'accepted', till };
    });
  });

  return {
    applyBatch: (terminalId: string, postings: readonly Posting[]) => applyBatch(terminalId, postings),
    /** Postings of the kinds that move money, and their sum in cents; of one terminal or all. */
    totals: (terminalId?: string) => totalsOf.get(terminalId ?? null, terminalId ?? null)!,
    /** The keys stored, in the order applied; of one terminal or all. */
    keys: (terminalId?: string) => keysOf.all(terminalId ?? null, terminalId ?? null),
    tillChecks: () => tills.list(),
    /** The closed tills kept for the branches; of one branch or all. */
    tillSessions: (branchName?: string) => kept.list(branchName),
    /** Payment plans' disconnection holds; of one account or all. */
    disconnectionHolds: holds.list,
  };
}

export type PostingStore = ReturnType<typeof postingStore>;
