import type { CounterDb } from '../connection.js';

/** A posting as it waits in the outbox; `payload` is the JSON text written with the record. */
export interface OutboxRow {
  seq: number;
  id: string;
  kind: string;
  accountId: string;
  amount: number;
  tillSessionId: string | null;
  createdAt: string;
  payload: string;
  attempts: number;
}

export interface ParkedPosting extends OutboxRow {
  parkedReason: string;
  parkedAt: string;
}

/**
 * Delivery of outbox postings to the centre. Content was written with the
 * record and never changes (a trigger says so); here only the state moves:
 * pending → sent, pending → parked → pending (a manager's retry).
 */
export function outboxRepository(db: CounterDb) {
  const columns = 'seq, id, kind, account_id as accountId, amount, till_session_id as tillSessionId, created_at as createdAt, payload, attempts';
  // A posting waits while an earlier one of its account is parked: the centre
  // must never see a reversal before the payment it reverses.
  const ready = db.$client.prepare<[number], OutboxRow>(
    `select ${columns} from outbox o where state = 'pending'
       and not exists (select 1 from outbox p where p.account_id = o.account_id and p.state = 'parked' and p.seq < o.seq)
     order by seq limit ?`,
  );
  const sent = db.$client.prepare<[string, string, string]>(`update outbox set state = 'sent', outcome = ?, sent_at = ?, last_error = null, attempts = attempts + 1 where id = ? and state = 'pending'`);
  const park = db.$client.prepare<[string, string, string]>(`update outbox set state = 'parked', parked_reason = ?, parked_at = ?, attempts = attempts + 1 where id = ? and state = 'pending'`);
  const failed = db.$client.prepare<[string, string]>(`update outbox set attempts = attempts + 1, last_error = ? where id = ? and state = 'pending'`);
  const unpark = db.$client.prepare<[string]>(`update outbox set state = 'pending', parked_reason = null, parked_at = null where id = ? and state = 'parked'`);
  const parked = db.$client.prepare<[], ParkedPosting>(`select ${columns}, parked_reason as parkedReason, parked_at as parkedAt from outbox where state = 'parked' order by seq`);
  const byState = db.$client.prepare<[], { state: string; n: number; amount: number }>(`select state, count(*) as n, coalesce(sum(amount), 0) as amount from outbox group by state`);
  const waitingBehind = db.$client.prepare<[], { n: number }>(
    `select count(*) as n from outbox o where state = 'pending' and exists (select 1 from outbox p where p.account_id = o.account_id and p.state = 'parked' and p.seq < o.seq)`,
  );
  const behind = db.$client.prepare<[string, number], number>(`select count(*) from outbox where account_id = ? and state = 'pending' and seq > ?`).pluck();
  const oldestPending = db.$client.prepare<[], string>(`select created_at from outbox where state = 'pending' order by seq limit 1`).pluck();

  return {
    /** Up to `limit` postings that may go now, in outbox order. */
    ready(limit: number): OutboxRow[] {
      return ready.all(limit);
    },
    markSent(id: string, outcome: 'accepted' | 'duplicate', at: string): void {
      sent.run(outcome, at, id);
    },
    park(id: string, reason: string, at: string): void {
      park.run(reason, at, id);
    },
    /** A try that got no answer: the posting stays pending and says why. */
    noteFailure(id: string, error: string): void {
      failed.run(error, id);
    },
    /** A branch manager sends a parked posting again; false if it was not parked. */
    retry(id: string): boolean {
      return unpark.run(id).changes === 1;
    },
    /** Pending postings of an account after `seq`: what a parked posting holds back. */
    waitingBehind(accountId: string, seq: number): number {
      return behind.get(accountId, seq)!;
    },
    parked(): ParkedPosting[] {
      return parked.all();
    },
    /** How many postings are in each state, with their money; and how many wait behind a parked one. */
    counts() {
      const rows = byState.all();
      const of = (state: string) => rows.find((r) => r.state === state) ?? { n: 0, amount: 0 };
      return {
        pending: of('pending').n,
        sent: of('sent').n,
        parked: of('parked').n,
        sentAmount: of('sent').amount,
        blocked: waitingBehind.get()!.n,
        oldestPendingAt: oldestPending.get() ?? null,
      };
    },
  };
}
