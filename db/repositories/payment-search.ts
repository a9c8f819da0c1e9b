import type Database from 'better-sqlite3';
import { cents, type Cents } from '../../core/money.js';
import type { PaymentStatus } from '../../core/payments/payment-record.js';
import type { PaymentType } from '../../core/accounts/account.js';
import { matchesInside, type SearchText } from '../../core/workspace/search-terms.js';
import { receiptSearchFeeder } from './receipt-search.js';
import type { CounterDb } from '../connection.js';

/**
 * The All Payments tab over years of payments (2,000,000 and more). Every
 * page is one of two plans, chosen by counting first:
 *
 * - walk: follow the index of the sort order and keep the rows that match,
 *   stopping at the page; cheap when matches are common, since the page is
 *   found after offset+limit ÷ (share of rows matching) rows;
 * - collect: gather the matches from the indexes of the search (the
 *   consumers found by name or account, the receipts found by number) or of
 *   the date range, then sort them; cheap when matches are few.
 *
 * Without a search the number of matches comes from daily_collections (a row
 * per day, method, channel, type and status), never from counting payments,
 * and a date-ordered page is read from exactly the days that hold it, found
 * from the same summary's counts, so a deep page skips whole days rather than
 * stepping over their payments one by one.
 */

export type PaymentSort = 'date' | 'amount' | 'receipt' | 'consumer';
export type Direction = 'asc' | 'desc';

export interface PaymentCriteria {
  search: SearchText | null;
  from?: string | undefined;
  to?: string | undefined;
  methods?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
  types?: readonly string[] | undefined;
  channels?: readonly string[] | undefined;
  sort: PaymentSort;
  direction: Direction;
  limit: number;
  offset: number;
}

export interface PaymentSearchRow {
  id: string;
  receiptNumber: string;
  consumerId: string;
  consumerName: string;
  accountNumber: string;
  amount: Cents;
  method: string;
  channel: string;
  paymentDate: string;
  recordedAt: string;
  type: PaymentType;
  status: PaymentStatus;
}

/** A piece of SQL with its parameters, in order. */
export interface Clause {
  sql: string;
  params: unknown[];
}

export const inList = (column: string, values: readonly unknown[]): Clause => ({ sql: `${column} in (${values.map(() => '?').join(', ')})`, params: [...values] });

export function joinClauses(clauses: readonly Clause[], separator = ' and '): Clause {
  return { sql: clauses.map((c) => c.sql).join(separator), params: clauses.flatMap((c) => c.params) };
}

/** A where clause of the clauses given; empty when there are none. */
function whereOf(clauses: readonly Clause[]): Clause {
  const joined = joinClauses(clauses.filter((c) => c.sql !== ''));
  return joined.sql ? { sql: `where ${joined.sql}`, params: joined.params } : joined;
}

/**
 * A set found once (consumers by name, receipts by number) handed to the
 * queries that follow as one JSON parameter: the search's index is read
 * once, and the count and the page test membership against the same set.
 */
export const setOf = (values: readonly unknown[]): Clause => ({ sql: 'select value from json_each(?)', params: [JSON.stringify(values)] });

/**
 * A cache of prepared statements keyed by their SQL: the shapes of a search
 * are few, and preparing costs more than a small query. Each comes back
 * answering rows as objects, whatever the last caller asked of it.
 */
export function statementCache(sqlite: Database.Database, size = 200) {
  const cache = new Map<string, Database.Statement>();
  return (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement.pluck(false);
  };
}

/**
 * The consumers a search names, as a subquery of ids: a name or account
 * number containing the text (the trigram index of 0001), or starting with it
 * when it is too short for trigrams, and consumers whose id starts with it.
 */
export function consumersMatching(search: SearchText): Clause {
  const parts: Clause[] = [];
  if (matchesInside(search)) {
    // Quoted, so the user's "-" or "*" is text, not FTS syntax.
    parts.push({ sql: 'select c.id from consumers_search s join consumers c on c.rowid = s.rowid where consumers_search match ?', params: [`"${search.text.replaceAll('"', '""')}"`] });
  } else {
    const prefix = `${search.text.replaceAll(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push({ sql: "select id from consumers where name like ? escape '\\' or account_number like ? escape '\\'", params: [prefix, prefix] });
  }
  if (search.consumerId) parts.push({ sql: 'select id from consumers where id >= ? and id < ?', params: [search.text, `${search.text}\uffff`] });
  return joinClauses(parts, ' union ');
}

/**
 * The rowids of payments whose receipt number contains the text; null when
 * the text cannot be in one. The trigram index of 0011 finds the receipts
 * holding the text's number key; each is checked against the whole text
 * (the unary + keeps that check off the index, where the trigrams every
 * receipt shares would make it slow).
 */
export function receiptsMatching(search: SearchText): Clause | null {
  return search.number ? numbersMatching('payments_receipts', 'receipt_number', search) : null;
}

/** Rows of a trigram index over a number column (receipts, credit notes) containing the text. */
export function numbersMatching(table: string, column: string, search: SearchText): Clause {
  // readSearch lets only letters, digits, dots, slashes and dashes through as a number: no LIKE wildcard to escape.
  return { sql: `select rowid from ${table} where ${column} like ? and +${column} like ?`, params: [`%${search.numberKey}%`, `%${search.text}%`] };
}

const ROW = `p.id, p.receipt_number as receiptNumber, p.consumer_id as consumerId, c.name as consumerName, c.account_number as accountNumber,
             p.amount, p.method, p.channel, p.payment_date as paymentDate, p.recorded_at as recordedAt, p.type, p.status`;

/** Each sort's order (ties broken so that pages never overlap), and the index that walks it. */
function orderOf(sort: PaymentSort, direction: Direction, alias = 'p'): { orderBy: string; index: string } {
  const d = direction;
  const p = alias;
  switch (sort) {
    case 'date':
      return { orderBy: `${p}.payment_date ${d}, ${p}.recorded_at ${d}, ${p}.rowid ${d}`, index: 'payments_by_date' };
    case 'amount':
      return { orderBy: `${p}.amount ${d}, ${p}.rowid ${d}`, index: 'payments_amount' };
    case 'receipt':
      // R-T01-9999 before R-T01-10000: a longer sequence number is a later one.
      return { orderBy: `length(${p}.receipt_number) ${d}, ${p}.receipt_number ${d}, ${p}.rowid ${d}`, index: 'payments_receipt_order' };
    case 'consumer':
      return { orderBy: `c.name ${d}, c.id ${d}, ${p}.payment_date desc, ${p}.recorded_at desc, ${p}.rowid desc`, index: 'consumers_name' };
  }
}

/**
 * What reading one payment row costs against stepping over one index entry.
 * The indexes of 0011 carry the filter columns (and payments_by_date the
 * consumer), so an entry that does not match is passed over without reading
 * its row; only the rows kept are read.
 */
const ROW_READ = 10;

export function paymentSearchRepository(db: CounterDb) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite);
  const indexNewReceipts = receiptSearchFeeder(sqlite);
  // Payments are never deleted, so the last rowid is how many there are, without counting them.
  const paymentCount = sqlite.prepare<[], number>('select coalesce(max(rowid), 0) from payments').pluck();

  /** The filters other than the search, on payments (alias p) or on daily_collections (no alias): both name their columns alike. */
  function filtersOf(criteria: PaymentCriteria, alias: string): Clause[] {
    const column = (name: string) => (alias ? `${alias}.${name}` : name);
    const clauses: Clause[] = [];
    if (criteria.from) clauses.push({ sql: `${column('payment_date')} >= ?`, params: [criteria.from] });
    if (criteria.to) clauses.push({ sql: `${column('payment_date')} <= ?`, params: [criteria.to] });
    // An empty choice is no choice: the screen's multi-select with nothing picked shows everything.
    if (criteria.methods?.length) clauses.push(inList(column('method'), criteria.methods));
    if (criteria.statuses?.length) clauses.push(inList(column('status'), criteria.statuses));
    if (criteria.types?.length) clauses.push(inList(column('type'), criteria.types));
    if (criteria.channels?.length) clauses.push(inList(column('channel'), criteria.channels));
    return clauses;
  }
  const dateRangeOf = (criteria: PaymentCriteria): Clause[] => filtersOf({ ...criteria, methods: [], statuses: [], types: [], channels: [] }, '');

  function rows(sql: string, params: unknown[]): PaymentSearchRow[] {
    return (prepare(sql).all(...params) as PaymentSearchRow[]).map((row) => ({ ...row, amount: cents(row.amount) }));
  }

  /** The page's rows in order: `chosen` is a subquery of the page's rowids, already sorted and cut to the page. */
  function pageOf(chosen: Clause, criteria: PaymentCriteria): PaymentSearchRow[] {
    const { orderBy } = orderOf(criteria.sort, criteria.direction);
    return rows(`select ${ROW} from payments p join consumers c on c.id = p.consumer_id where p.rowid in (${chosen.sql}) order by ${orderBy}`, chosen.params);
  }

  /** Walks the sort order's index, keeping what `where` lets through, to the page. */
  function walk(where: Clause, criteria: PaymentCriteria): PaymentSearchRow[] {
    const { orderBy, index } = orderOf(criteria.sort, criteria.direction);
    const from = criteria.sort === 'consumer' ? `consumers c indexed by ${index} join payments p indexed by payments_consumer_date on p.consumer_id = c.id` : `payments p indexed by ${index} join consumers c on c.id = p.consumer_id`;
    return rows(`select ${ROW} from ${from} ${whereOf([where]).sql} order by ${orderBy} limit ? offset ?`, [...where.params, criteria.limit, criteria.offset]);
  }

  /** A page with no search: counted from the daily summary. */
  function browse(criteria: PaymentCriteria): { rows: PaymentSearchRow[]; total: number } {
    const counted = whereOf(filtersOf(criteria, ''));
    const total = prepare(`select coalesce(sum(count), 0) from daily_collections ${counted.sql}`).pluck().get(...counted.params) as number;
    if (total === 0 || criteria.offset >= total) return { rows: [], total };
    if (criteria.sort === 'date') return { rows: datePage(criteria), total };

    // How many payments the date range holds: what collecting through the date index would step over.
    const range = whereOf(dateRangeOf(criteria));
    const inRange = range.sql ? (prepare(`select coalesce(sum(count), 0) from daily_collections ${range.sql}`).pluck().get(...range.params) as number) : paymentCount.get()!;
    const filters = joinClauses(filtersOf(criteria, 'p'));
    const wanted = criteria.offset + criteria.limit;
    const walking = (wanted * paymentCount.get()!) / total + wanted * ROW_READ;
    const collecting = inRange + total * ROW_READ;
    if (walking <= collecting) return { rows: walk(filters, criteria), total };
    // Few matches in the range: picked from the date index, sorted, then read.
    const { orderBy } = orderOf(criteria.sort, criteria.direction);
    const join = criteria.sort === 'consumer' ? 'join consumers c on c.id = p.consumer_id' : '';
    return { rows: pageOf({ sql: `select p.rowid from payments p indexed by payments_by_date ${join} ${whereOf([filters]).sql} order by ${orderBy} limit ? offset ?`, params: [...filters.params, criteria.limit, criteria.offset] }, criteria), total };
  }

  /**
   * A date-ordered page without a search: the summary's per-day counts say
   * which days hold rows offset…offset+limit, and only those days are read.
   */
  function datePage(criteria: PaymentCriteria): PaymentSearchRow[] {
    const where = whereOf(filtersOf(criteria, ''));
    const days = prepare(`select payment_date as day, sum(count) as count from daily_collections ${where.sql} group by payment_date order by payment_date ${criteria.direction}`);
    let before = 0;
    let first: string | undefined;
    let last: string | undefined;
    let skip = 0;
    for (const { day, count } of days.iterate(...where.params) as Iterable<{ day: string; count: number }>) {
      if (count <= 0) continue;
      if (first === undefined && before + count > criteria.offset) {
        first = day;
        skip = criteria.offset - before;
      }
      before += count;
      last = day;
      if (first !== undefined && before >= criteria.offset + criteria.limit) break;
    }
    if (first === undefined || last === undefined) return [];
    const [low, high] = first < last ? [first, last] : [last, first];
    const filters = joinClauses([{ sql: 'p.payment_date between ? and ?', params: [low, high] }, ...filtersOf({ ...criteria, from: undefined, to: undefined }, 'p')]);
    return walk(filters, { ...criteria, offset: skip });
  }

  /** A page of what a search text matches: counted exactly from the consumers' covering index and the receipts found. */
  function searchPage(criteria: PaymentCriteria, search: SearchText): { rows: PaymentSearchRow[]; total: number } {
    const found = consumersMatching(search);
    const consumers = setOf(prepare(found.sql).pluck().all(...found.params));
    const receiptsFound = receiptsMatching(search);
    const receiptRows = receiptsFound ? (prepare(receiptsFound.sql).pluck().all(...receiptsFound.params) as number[]) : [];
    const receipts = receiptRows.length ? setOf(receiptRows) : null;
    const filtersOn = (alias: string) => filtersOf(criteria, alias);

    const byConsumer = joinClauses([{ sql: `m.consumer_id in (${consumers.sql})`, params: consumers.params }, ...filtersOn('m')]);
    // A receipt of a consumer found by name is already counted there.
    const byReceipt = receipts && joinClauses([{ sql: `m.rowid in (${receipts.sql})`, params: receipts.params }, { sql: `m.consumer_id not in (${consumers.sql})`, params: consumers.params }, ...filtersOn('m')]);
    let total = prepare(`select count(*) from payments m indexed by payments_consumer_date where ${byConsumer.sql}`).pluck().get(...byConsumer.params) as number;
    if (byReceipt) total += prepare(`select count(*) from payments m where ${byReceipt.sql}`).pluck().get(...byReceipt.params) as number;
    if (total === 0 || criteria.offset >= total) return { rows: [], total };

    const wanted = criteria.offset + criteria.limit;
    // The date index holds the consumer and the filters, so only the page's rows are read; other orders read each row walked.
    const walking = ((wanted * paymentCount.get()!) / total) * (criteria.sort === 'date' ? 1 : ROW_READ);
    // The consumers' index holds the date and amount; a receipt or name order reads every match.
    const collecting = total * (criteria.sort === 'date' || criteria.sort === 'amount' ? 2 : ROW_READ);
    if (walking <= collecting) {
      const member: Clause = receipts
        ? { sql: `(p.consumer_id in (${consumers.sql}) or p.rowid in (${receipts.sql}))`, params: [...consumers.params, ...receipts.params] }
        : { sql: `p.consumer_id in (${consumers.sql})`, params: consumers.params };
      return { rows: walk(joinClauses([member, ...filtersOn('p')]), criteria), total };
    }
    // Few matches: their rowids from the search's own indexes, sorted and cut to the page, then read.
    const { orderBy } = orderOf(criteria.sort, criteria.direction, 'm');
    const join = criteria.sort === 'consumer' ? 'join consumers c on c.id = m.consumer_id' : '';
    const chosen = byReceipt ? `select m.rowid from payments m ${join} where (${byConsumer.sql}) or (${byReceipt.sql})` : `select m.rowid from payments m indexed by payments_consumer_date ${join} where ${byConsumer.sql}`;
    const params = byReceipt ? [...byConsumer.params, ...byReceipt.params] : byConsumer.params;
    return { rows: pageOf({ sql: `${chosen} order by ${orderBy} limit ? offset ?`, params: [...params, criteria.limit, criteria.offset] }, criteria), total };
  }

  return {
    search(criteria: PaymentCriteria): { rows: PaymentSearchRow[]; total: number } {
      if (criteria.search?.number) indexNewReceipts();
      return criteria.search ? searchPage(criteria, criteria.search) : browse(criteria);
    },
  };
}
