import { cents, type Cents } from '../../core/money.js';
import type { TenderCode } from '../../core/payments/tenders.js';
import { tillSummary, type TillFacts, type TillSummary } from '../../core/tills/till-report.js';
import type { TillLine, TillSessionRecord, TillStatus } from '../../core/tills/till-session.js';
import type { CounterDb } from '../connection.js';
import { preparedInsert } from '../prepared-insert.js';
import { tillSessions } from '../schema.js';

type SessionRow = Omit<TillSessionRecord, 'openingFloat' | 'status'> & { openingFloat: number; status: string };
type LineRow = { id: string; tillSessionId: string; kind: TillLine['kind']; amount: number; detail: string; approvedBy: string | null; at: string; by: string };

const SESSION_COLUMNS = `id, number, terminal_code as terminalCode, cashier_id as cashierId, business_date as businessDate, opening_float as openingFloat,
  status, opened_at as openedAt, closed_at as closedAt, closed_by as closedBy`;

/** Till sessions and their append-only lines; a session's figures come from these and the payments taken into it. */
export function tillsRepository(db: CounterDb) {
  const c = db.$client;
  const insertSession = preparedInsert(db, tillSessions);
  const byId = c.prepare<[string], SessionRow>(`select ${SESSION_COLUMNS} from till_sessions where id = ?`);
  const openOf = c.prepare<[string, string], SessionRow>(`select ${SESSION_COLUMNS} from till_sessions where cashier_id = ? and terminal_code = ? and status <> 'closed' order by opened_at desc limit 1`);
  const setStatus = c.prepare<[string, string | null, string | null, string]>('update till_sessions set status = ?, closed_at = ?, closed_by = ? where id = ?');
  const insertLine = c.prepare<[string, string, string, number, string, string | null, string, string]>(
    'insert into till_lines (id, till_session_id, kind, amount, detail, approved_by, at, by) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const lineExists = c.prepare<[string], number>('select 1 from till_lines where id = ?').pluck();
  const linesOf = c.prepare<[string], LineRow>(
    'select id, till_session_id as tillSessionId, kind, amount, detail, approved_by as approvedBy, at, by from till_lines where till_session_id = ? order by seq',
  );
  const paymentsOf = c.prepare<[string], { method: TenderCode; amount: number; amountReceived: number | null; change: number | null; receiptNumber: string }>(
    `select method, amount, amount_received as amountReceived, change_given as change, receipt_number as receiptNumber
       from payments where till_session_id = ? order by recorded_at, receipt_number`,
  );
  const reversalsOf = c.prepare<[string], { number: string; receiptNumber: string; method: TenderCode; amount: number; at: string }>(
    `select r.number, p.receipt_number as receiptNumber, p.method, p.amount, r.at
       from payment_reversals r join payments p on p.id = r.payment_id where r.till_session_id = ? order by r.at, r.number`,
  );
  const creditNotesOf = c.prepare<[string], { number: string; receiptNumber: string; amount: number; reason: string }>(
    `select n.number, p.receipt_number as receiptNumber, n.amount, n.reason
       from credit_notes n join payments p on p.id = n.payment_id where p.till_session_id = ? order by n.created_at, n.number`,
  );
  const names = c.prepare<[], { id: string; displayName: string }>('select id, display_name as displayName from users');
  const unclosed = c.prepare<[string, string], SessionRow & { cashierName: string }>(
    `select ${SESSION_COLUMNS.replace(/\b(id|status)\b/g, 't.$1')}, u.display_name as cashierName
       from till_sessions t join users u on u.id = t.cashier_id where t.business_date <= ? and t.terminal_code = ? and t.status <> 'closed' order by t.opened_at`,
  );
  const ofDay = c.prepare<[string], { id: string }>('select id from till_sessions where business_date = ? order by opened_at, number');

  const session = (row: SessionRow): TillSessionRecord => ({ ...row, openingFloat: cents(row.openingFloat), status: row.status as TillStatus });

  function facts(id: string): TillFacts {
    const row = byId.get(id);
    if (!row) throw new Error(`no till session ${id}`);
    return {
      session: session(row),
      lines: linesOf.all(id).map(line),
      payments: paymentsOf.all(id).map((p) => ({ ...p, amount: cents(p.amount), amountReceived: p.amountReceived === null ? null : cents(p.amountReceived), change: p.change === null ? null : cents(p.change) })),
      reversals: reversalsOf.all(id).map((r) => ({ ...r, amount: cents(r.amount) })),
      creditNotes: creditNotesOf.all(id).map((n) => ({ ...n, amount: cents(n.amount) })),
      names: Object.fromEntries(names.all().map((u) => [u.id, u.displayName])),
    };
  }

  return {
    session(id: string): TillSessionRecord | undefined {
      const row = byId.get(id);
      return row && session(row);
    },
    openOf(cashierId: string, terminalCode: string): TillSessionRecord | undefined {
      const row = openOf.get(cashierId, terminalCode);
      return row && session(row);
    },
    insert(record: TillSessionRecord): void {
      insertSession(record);
    },
    setStatus(id: string, status: TillStatus, closedAt: string | null, closedBy: string | null): void {
      setStatus.run(status, closedAt, closedBy, id);
    },
    appendLine(tillLine: TillLine): void {
      const { id, tillSessionId, kind, amount, at, by, ...detail } = tillLine;
      const approvedBy = 'approvedBy' in tillLine ? tillLine.approvedBy : null;
      insertLine.run(id, tillSessionId, kind, amount, JSON.stringify(detail), approvedBy, at, by);
    },
    hasLine(id: string): boolean {
      return lineExists.get(id) !== undefined;
    },
    facts,
    unclosedBy(businessDate: string, terminalCode: string) {
      return unclosed.all(businessDate, terminalCode).map((row) => ({ ...session(row), cashierName: row.cashierName }));
    },
    summariesOn(businessDate: string): TillSummary[] {
      return ofDay.all(businessDate).map(({ id }) => tillSummary(facts(id)));
    },
  };
}

/** A stored line back into core's shape: the detail JSON holds what is particular to its kind. */
function line(row: LineRow): TillLine {
  const detail = JSON.parse(row.detail) as Record<string, unknown>;
  return { ...detail, id: row.id, tillSessionId: row.tillSessionId, kind: row.kind, amount: cents(row.amount) as Cents, at: row.at, by: row.by } as TillLine;
}

/** Days the branch manager closed on this terminal. */
export function businessDaysRepository(db: CounterDb) {
  const closed = db.$client.prepare<[string], { closedAt: string; closedBy: string }>('select closed_at as closedAt, closed_by as closedBy from business_days where business_date = ?');
  const close = db.$client.prepare<[string, string, string]>('insert into business_days (business_date, closed_at, closed_by) values (?, ?, ?)');
  return {
    closed(businessDate: string) {
      return closed.get(businessDate);
    },
    close(businessDate: string, at: string, by: string): void {
      close.run(businessDate, at, by);
    },
  };
}

/** Other terminals' closed tills, as the centre brought them down. */
export function branchTillsRepository(db: CounterDb) {
  const upsert = db.$client.prepare<[string, string, string]>('insert into branch_tills (id, business_date, summary) values (?, ?, ?) on conflict (id) do update set summary = excluded.summary');
  const onDay = db.$client.prepare<[string], string>('select summary from branch_tills where business_date = ? order by id').pluck();
  return {
    save(summary: TillSummary): void {
      upsert.run(summary.id, summary.businessDate, JSON.stringify(summary));
    },
    onDay(businessDate: string): TillSummary[] {
      return onDay.all(businessDate).map((text) => JSON.parse(text) as TillSummary);
    },
  };
}
