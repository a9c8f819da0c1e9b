import type { TillSessionData } from '../core/sync/protocol.js';
import type { ChangeLog } from './changes.js';
import type { CentralDb } from './database.js';

export interface KeptTillSession {
  terminalId: string;
  branchName: string;
  postingKey: string;
  summary: TillSessionData;
}

/**
 * The closed tills the centre keeps, one per session, each as its terminal
 * summarised it in its `till.closed`. Keeping one appends it to the change
 * log for the other terminals of the same branch (never back to the one that
 * closed it), so every branch manager's end-of-day view lists the branch's
 * tills. Called inside the push transaction, with the posting it came in.
 */
export function branchTills(db: CentralDb, changes: ChangeLog) {
  const insert = db.prepare(
    `insert into till_sessions (id, terminal_id, branch_name, business_date, posting_key, change_seq) values (?, ?, ?, ?, ?, ?)
     on conflict (id) do update set business_date = excluded.business_date, posting_key = excluded.posting_key, change_seq = excluded.change_seq`,
  );
  const closedBy = db.prepare<[string], string>('select terminal_id from till_sessions where id = ?').pluck();
  const all = db.prepare<[string | null, string | null], { terminalId: string; branchName: string; postingKey: string; data: string }>(
    `select t.terminal_id as terminalId, t.branch_name as branchName, t.posting_key as postingKey, c.data
       from till_sessions t join changes c on c.seq = t.change_seq where ? is null or t.branch_name = ? order by t.change_seq`,
  );

  return {
    /** The terminal that closed this till session, if the centre holds its close. */
    closedBy: (tillSessionId: string): string | undefined => closedBy.get(tillSessionId),

    keep(terminalId: string, branchName: string, postingKey: string, summary: TillSessionData): void {
      const seq = changes.append('till_session', JSON.stringify(summary), { branchName, fromTerminal: terminalId });
      insert.run(summary.id, terminalId, branchName, summary.businessDate, postingKey, seq);
    },

    /** What the centre holds, in the order the tills closed; of one branch or all. */
    list(branchName?: string): KeptTillSession[] {
      return all.all(branchName ?? null, branchName ?? null).map(({ data, ...row }) => ({ ...row, summary: JSON.parse(data) as TillSessionData }));
    },
  };
}

export type BranchTills = ReturnType<typeof branchTills>;
