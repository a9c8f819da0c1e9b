import { cents, type Cents } from '../../core/money.js';
import type { CreditNoteReason, CreditNoteStatus } from '../../core/credit-notes/credit-note.js';
import { readSearch, type RemainingClass, type SearchText } from '../../core/workspace/search-terms.js';
import { receiptSearchFeeder } from './receipt-search.js';
import type { CounterDb } from '../connection.js';
import { consumersMatching, inList, joinClauses, numbersMatching, receiptsMatching, setOf, statementCache, type Clause, type Direction } from './payment-search.js';

/**
 * The Credit Notes tab over 100,000 notes and more. What is left of a note
 * and its status live in its ledger lines; credit_note_balances (0011) keeps
 * them per note, moved by a trigger on every ledger line of the note in the
 * same statement, beside the note's own fields the tab filters and sorts on,
 * so that a filter is counted from one covering index rather than from the
 * ledger. A search (number, consumer, account, linked receipt), a consumer or
 * a linked receipt first finds its few notes from their own indexes.
 */

export type CreditNoteSort = 'created' | 'amount' | 'remaining' | 'number';

export interface CreditNoteCriteria {
  search: SearchText | null;
  status: 'all' | 'active' | 'applied' | 'expired';
  from?: string | undefined;
  to?: string | undefined;
  reasons?: readonly string[] | undefined;
  consumerId?: string | undefined;
  remaining?: RemainingClass | undefined;
  linkedReceipt?: string | undefined;
  amountMin?: Cents | undefined;
  amountMax?: Cents | undefined;
  sort: CreditNoteSort;
  direction: Direction;
  limit: number;
  offset: number;
}

export interface CreditNoteSearchRow {
  id: string;
  number: string;
  consumerId: string;
  consumerName: string;
  accountNumber: string;
  amount: Cents;
  remaining: Cents;
  reason: CreditNoteReason;
  status: CreditNoteStatus;
  createdAt: string;
  paymentId: string;
  receiptNumber: string;
}

const ROW = `n.id, n.number, n.consumer_id as consumerId, c.name as consumerName, c.account_number as accountNumber, n.amount, b.remaining,
             n.reason, b.status, n.created_at as createdAt, p.id as paymentId, p.receipt_number as receiptNumber`;

/** The remaining-amount classes of core/workspace/search-terms.ts (remainingClass), as conditions on the cached balance. */
const REMAINING: Record<RemainingClass, string> = {
  fully_used: 'b.remaining <= 0',
  partly_remaining: 'b.remaining > 0 and b.remaining < b.amount',
  fully_remaining: 'b.remaining > 0 and b.remaining >= b.amount',
};

/** Each sort's order, ties broken by the note's rowid (numbers are unique), and the covering index (0011) that walks it. */
function orderOf(sort: CreditNoteSort, d: Direction): { orderBy: string; index: string } {
  switch (sort) {
    // The day a note was issued is the local day of its creation, so this is creation order.
    case 'created':
      return { orderBy: `b.issued_on ${d}, b.created_at ${d}, b.rowid ${d}`, index: 'credit_note_balances_created' };
    case 'amount':
      return { orderBy: `b.amount ${d}, b.rowid ${d}`, index: 'credit_note_balances_amount' };
    case 'remaining':
      return { orderBy: `b.remaining ${d}, b.rowid ${d}`, index: 'credit_note_balances_remaining' };
    case 'number':
      // CN-T01-99999 before CN-T01-100000.
      return { orderBy: `length(b.number) ${d}, b.number ${d}`, index: 'credit_note_balances_number' };
  }
}

export function creditNoteSearchRepository(db: CounterDb) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite, 100);
  const indexNewReceipts = receiptSearchFeeder(sqlite);

  /** The filters on the cached balance (alias b); each is a column of every one of its sort indexes. */
  function filtersOf(criteria: CreditNoteCriteria): Clause[] {
    const clauses: Clause[] = [];
    if (criteria.status !== 'all') clauses.push({ sql: 'b.status = ?', params: [criteria.status] });
    if (criteria.from) clauses.push({ sql: 'b.issued_on >= ?', params: [criteria.from] });
    if (criteria.to) clauses.push({ sql: 'b.issued_on <= ?', params: [criteria.to] });
    if (criteria.reasons?.length) clauses.push(inList('b.reason', criteria.reasons));
    if (criteria.remaining) clauses.push({ sql: REMAINING[criteria.remaining], params: [] });
    if (criteria.amountMin !== undefined) clauses.push({ sql: 'b.amount >= ?', params: [criteria.amountMin] });
    if (criteria.amountMax !== undefined) clauses.push({ sql: 'b.amount <= ?', params: [criteria.amountMax] });
    return clauses;
  }

  /**
   * The notes a search, a consumer or a linked receipt narrows to, as a set
   * of their rowids (a balance's rowid is its note's); null when none of them
   * is given. Each is found from its own index: numbers and receipts from
   * their trigram indexes, consumers from theirs, then notes by consumer or
   * by payment.
   */
  function narrowed(criteria: CreditNoteCriteria): Clause | null {
    const sets: Clause[] = [];
    const found = (clause: Clause) => setOf(prepare(clause.sql).pluck().all(...clause.params));
    if (criteria.search) {
      const search = criteria.search;
      const consumers = found(consumersMatching(search));
      const parts: Clause[] = [{ sql: `select rowid from credit_notes where consumer_id in (${consumers.sql})`, params: consumers.params }];
      if (search.number) parts.push(numbersMatching('credit_notes_numbers', 'number', search), notesOnReceipts(receiptsMatching(search)!));
      sets.push(found(joinClauses(parts, ' union ')));
    }
    if (criteria.consumerId) sets.push(found({ sql: 'select rowid from credit_notes where consumer_id = ?', params: [criteria.consumerId] }));
    if (criteria.linkedReceipt) sets.push(found(linkedTo(criteria.linkedReceipt)));
    if (sets.length === 0) return null;
    return joinClauses(sets.map((set) => ({ sql: `b.rowid in (${set.sql})`, params: set.params })));
  }

  const notesOnReceipts = (receipts: Clause): Clause => ({ sql: `select rowid from credit_notes where payment_id in (select id from payments where rowid in (${receipts.sql}))`, params: receipts.params });

  /** Notes whose linked receipt contains the text: from the receipts' index when it reads as a number, else by reading each note's receipt. */
  function linkedTo(text: string): Clause {
    const search = readSearch(text);
    if (search?.number) return notesOnReceipts(receiptsMatching(search)!);
    const pattern = `%${(search?.text ?? '').replaceAll(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    return { sql: "select n.rowid from credit_notes n join payments p on p.id = n.payment_id where p.receipt_number like ? escape '\\'", params: [pattern] };
  }

  function rows(sql: string, params: unknown[]): CreditNoteSearchRow[] {
    return (prepare(sql).all(...params) as CreditNoteSearchRow[]).map((row) => ({ ...row, amount: cents(row.amount), remaining: cents(row.remaining) }));
  }

  return {
    search(criteria: CreditNoteCriteria): { rows: CreditNoteSearchRow[]; total: number } {
      indexNewReceipts();
      const few = narrowed(criteria);
      const where = joinClauses([...(few ? [few] : []), ...filtersOf(criteria)]);
      const whereSql = where.sql ? `where ${where.sql}` : '';
      const { orderBy, index } = orderOf(criteria.sort, criteria.direction);
      // A few notes are read by rowid and sorted; otherwise the sort's covering index is walked, testing the filters in it.
      const from = few ? 'credit_note_balances b' : `credit_note_balances b indexed by ${index}`;
      const total = prepare(`select count(*) from ${from} ${whereSql}`).pluck().get(...where.params) as number;
      if (total === 0 || criteria.offset >= total) return { rows: [], total };
      const chosen = `select b.rowid from ${from} ${whereSql} order by ${orderBy} limit ? offset ?`;
      return {
        rows: rows(
          `select ${ROW} from credit_note_balances b join credit_notes n on n.rowid = b.rowid join consumers c on c.id = n.consumer_id join payments p on p.id = n.payment_id
            where b.rowid in (${chosen}) order by ${orderBy}`,
          [...where.params, criteria.limit, criteria.offset],
        ),
        total,
      };
    },
  };
}
