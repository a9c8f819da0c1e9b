import type Database from 'better-sqlite3';
import { cents, type Cents } from '../../core/money.js';
import type { PaymentStatus } from '../../core/payments/payment-record.js';
import type { PaymentType } from '../../core/accounts/account.js';
import { addDays } from '../../core/dates/calendar.js';
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
 *
 * A search text that thousands of consumers share is not counted before its
 * page (the total is left to payments-count); the choice between walking and
 * collecting is then made on the summary's share of payments the filters keep.
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

/** The search and filters without the order and the page: what payments-count counts. */
export type PaymentFilter = Omit<PaymentCriteria, 'sort' | 'direction' | 'limit' | 'offset'>;

/** A page, with the total of every match (null when left to payments-count) and whether rows follow it. */
export interface PaymentPage {
  rows: PaymentSearchRow[];
  total: number | null;
  more: boolean;
}

/** The consumers and receipts a search text found, as sets handed to the queries that follow. */
interface Matches {
  consumers: Clause;
  consumerCount: number;
  receipts: Clause | null;
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
    // Too short for trigrams: names and account numbers starting with it, in any case, as ranges of their indexes.
    for (const start of caseVariants(search.text)) {
      parts.push({ sql: 'select id from consumers indexed by consumers_name where name >= ? and name < ?', params: [start, `${start}\uffff`] });
      parts.push({ sql: 'select id from consumers where account_number >= ? and account_number < ?', params: [start, `${start}\uffff`] });
    }
  }
  if (search.consumerId) parts.push({ sql: 'select id from consumers where id >= ? and id < ?', params: [search.text, `${search.text}\uffff`] });
  return joinClauses(parts, ' union ');
}

/** Every way a short text can be written in upper and lower case ("ma": ma, mA, Ma, MA). */
function caseVariants(text: string): string[] {
  let variants = [''];
  for (const ch of text) variants = variants.flatMap((start) => [...new Set([ch, ch.toUpperCase()])].map((c) => start + c));
  return variants;
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

/**
 * More consumers found than this and the first page does not wait for the
 * total (counting seeks each of them, some 3 µs apiece on 2,000,000 payments).
 */
const BROAD_SEARCH = 1500;
/** The most payments a broad search walks the date index over for its page, before gathering from the consumers' index instead. */
const WALK_LIMIT = 20_000;
/** How many days of the daily summary judge how common a broad search's matches are. */
const RATE_WINDOW_DAYS = 60;

/** When a search stops counting before its first page, and how far that page walks the date index (smaller in tests, to take every path on a small history). */
export interface SearchLimits {
  broadSearch: number;
  walkLimit: number;
}

export function paymentSearchRepository(db: CounterDb, { broadSearch, walkLimit }: SearchLimits = { broadSearch: BROAD_SEARCH, walkLimit: WALK_LIMIT }) {
  const sqlite = db.$client;
  const prepare = statementCache(sqlite);
  const indexNewReceipts = receiptSearchFeeder(sqlite);
  // Payments are never deleted, so the last rowid is how many there are, without counting them.
  const paymentCount = sqlite.prepare<[], number>('select coalesce(max(rowid), 0) from payments').pluck();
  // An estimate's denominator: consumers are added, never deleted, so the last rowid is near enough.
  const consumerTotal = sqlite.prepare<[], number>('select coalesce(max(rowid), 0) from consumers').pluck();

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
  const dateRangeOf = (criteria: PaymentCriteria, alias = ''): Clause[] => filtersOf({ ...criteria, methods: [], statuses: [], types: [], channels: [] }, alias);

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
  /** How many payments the filters alone match, from the daily summary. */
  function browseCount(criteria: PaymentCriteria): number {
    const counted = whereOf(filtersOf(criteria, ''));
    return prepare(`select coalesce(sum(count), 0) from daily_collections ${counted.sql}`).pluck().get(...counted.params) as number;
  }

  function browse(criteria: PaymentCriteria): { rows: PaymentSearchRow[]; total: number } {
    const total = browseCount(criteria);
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

  /** What a search text matches: the consumers (by name, account or id) and the receipts (by number) it finds, each read once. */
  function matchesOf(search: SearchText): Matches {
    const found = consumersMatching(search);
    const consumerIds = prepare(found.sql).pluck().all(...found.params);
    const receiptsFound = receiptsMatching(search);
    const receiptRows = receiptsFound ? (prepare(receiptsFound.sql).pluck().all(...receiptsFound.params) as number[]) : [];
    return { consumers: setOf(consumerIds), consumerCount: consumerIds.length, receipts: receiptRows.length ? setOf(receiptRows) : null };
  }

  /** The payments of the consumers found (alias m), and the receipts found of other consumers: together every match once. */
  function matchClauses(criteria: PaymentCriteria, { consumers, receipts }: Matches) {
    const filters = filtersOf(criteria, 'm');
    const byConsumer = joinClauses([{ sql: `m.consumer_id in (${consumers.sql})`, params: consumers.params }, ...filters]);
    // A receipt of a consumer found by name is already counted there.
    const byReceipt = receipts && joinClauses([{ sql: `m.rowid in (${receipts.sql})`, params: receipts.params }, { sql: `m.consumer_id not in (${consumers.sql})`, params: consumers.params }, ...filters]);
    return { byConsumer, byReceipt };
  }

  /** Exactly how many payments match: from the consumers' covering index, one seek per consumer found, and the receipts found. */
  function countOf(criteria: PaymentCriteria, matches: Matches): number {
    const { byConsumer, byReceipt } = matchClauses(criteria, matches);
    let total = prepare(`select count(*) from payments m indexed by payments_consumer_date where ${byConsumer.sql}`).pluck().get(...byConsumer.params) as number;
    if (byReceipt) total += prepare(`select count(*) from payments m where ${byReceipt.sql}`).pluck().get(...byReceipt.params) as number;
    return total;
  }

  /** A page cut from the matches gathered through the search's own indexes (their rowids sorted, then read); `extra` more rows ask whether any follow. */
  function collected(criteria: PaymentCriteria, matches: Matches, extra: number): PaymentSearchRow[] {
    const { byConsumer, byReceipt } = matchClauses(criteria, matches);
    const { orderBy } = orderOf(criteria.sort, criteria.direction, 'm');
    const join = criteria.sort === 'consumer' ? 'join consumers c on c.id = m.consumer_id' : '';
    const chosen = byReceipt ? `select m.rowid from payments m ${join} where (${byConsumer.sql}) or (${byReceipt.sql})` : `select m.rowid from payments m indexed by payments_consumer_date ${join} where ${byConsumer.sql}`;
    const params = byReceipt ? [...byConsumer.params, ...byReceipt.params] : byConsumer.params;
    return pageOf({ sql: `${chosen} order by ${orderBy} limit ? offset ?`, params: [...params, criteria.limit + extra, criteria.offset] }, criteria);
  }

  const memberOf = ({ consumers, receipts }: Matches, alias: string, rowid: string): Clause =>
    receipts
      ? { sql: `(${alias}.consumer_id in (${consumers.sql}) or ${rowid} in (${receipts.sql}))`, params: [...consumers.params, ...receipts.params] }
      : { sql: `${alias}.consumer_id in (${consumers.sql})`, params: consumers.params };

  /** A page of what a search text matches, counted exactly: few consumers found. */
  function countedPage(criteria: PaymentCriteria, matches: Matches): PaymentPage {
    const total = countOf(criteria, matches);
    if (total === 0 || criteria.offset >= total) return { rows: [], total, more: false };
    const page = (rows: PaymentSearchRow[]): PaymentPage => ({ rows, total, more: criteria.offset + rows.length < total });

    const wanted = criteria.offset + criteria.limit;
    // The date index holds the consumer and the filters, so only the page's rows are read; other orders read each row walked.
    const walking = ((wanted * paymentCount.get()!) / total) * (criteria.sort === 'date' ? 1 : ROW_READ);
    // The consumers' index holds the date and amount; a receipt or name order reads every match.
    const collecting = total * (criteria.sort === 'date' || criteria.sort === 'amount' ? 2 : ROW_READ);
    if (walking <= collecting) return page(walk(joinClauses([memberOf(matches, 'p', 'p.rowid'), ...filtersOf(criteria, 'p')]), criteria));
    return page(collected(criteria, matches, 0));
  }

  /** How many payments not posted fall in the search's dates: what walking their index would step over. */
  function unpostedIn(criteria: PaymentCriteria): number {
    const range = joinClauses([
      { sql: "status <> 'posted'", params: [] },
      ...dateRangeOf(criteria),
    ]);
    return prepare(`select count(*) from payments indexed by payments_unposted where ${range.sql}`).pluck().get(...range.params) as number;
  }

  /**
   * How likely a payment the date walk steps over is a match, judged on the
   * first weeks it would walk: the share of that window's payments the
   * filters keep (from the daily summary) times the share of consumers found.
   */
  function matchRate(criteria: PaymentCriteria, matches: Matches): number {
    const { first, last } = prepare('select (select min(payment_date) from daily_collections) as first, (select max(payment_date) from daily_collections) as last').get() as {
      first: string | null;
      last: string | null;
    };
    if (!first || !last) return 0;
    // The window starts where the walk does: the newest day in range going back, or the oldest going forward.
    const earlier = (a: string, b: string | undefined) => (b !== undefined && b < a ? b : a);
    const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);
    const desc = criteria.direction === 'desc';
    const edge = desc ? earlier(last, criteria.to) : later(first, criteria.from);
    const from = desc ? later(addDays(edge, -RATE_WINDOW_DAYS), criteria.from) : edge;
    const to = desc ? edge : earlier(addDays(edge, RATE_WINDOW_DAYS), criteria.to);
    const kept = joinClauses(filtersOf({ ...criteria, from: undefined, to: undefined }, ''));
    const keptSql = kept.sql ? `case when ${kept.sql} then count else 0 end` : 'count';
    const { seen, passed } = prepare(`select coalesce(sum(count), 0) as seen, coalesce(sum(${keptSql}), 0) as passed from daily_collections where payment_date between ? and ?`).get(
      ...kept.params,
      from,
      to,
    ) as { seen: number; passed: number };
    return seen === 0 ? 0 : (passed / seen) * (matches.consumerCount / Math.max(1, consumerTotal.get()!));
  }

  /**
   * A page of what a broad search text matches (thousands of consumers
   * share "wanj"), without counting them first: counting seeks every
   * consumer found and would hold the page up. Newest (or oldest) first, the
   * date index is walked for the page when matches are common enough there
   * for the page to come soon, and only that far; otherwise, or when the walk
   * falls short, the matches are gathered from the consumers' index. One row
   * past the page says whether more follow; payments-count gives the total.
   */
  function uncountedPage(criteria: PaymentCriteria, matches: Matches): PaymentPage {
    const wanted = criteria.offset + criteria.limit + 1;
    const page = (rows: PaymentSearchRow[]): PaymentPage => ({ rows: rows.slice(0, criteria.limit), total: null, more: rows.length > criteria.limit });
    // Payments not posted are few and have an index of their own: a search for them walks all of it if need be,
    // unless gathering the payments of the consumers found costs less (measured: a consumer there, some 8 steps here).
    const unposted = criteria.sort === 'date' && !!criteria.statuses?.length && !criteria.statuses.includes('posted') && unpostedIn(criteria) <= 8 * matches.consumerCount;
    const rate = criteria.sort === 'date' && !unposted ? matchRate(criteria, matches) : 0;
    // Twice the steps the rate promises the page in, since the rate is a guess.
    const steps = rate > 0 ? Math.max(2_000, Math.ceil((2 * wanted) / rate)) : Infinity;
    if (unposted || steps <= walkLimit) {
      const d = criteria.direction;
      const range = joinClauses([
        ...(unposted ? [{ sql: "p.status <> 'posted'", params: [] }] : []),
        ...dateRangeOf(criteria, 'p'),
      ]);
      const where = joinClauses([memberOf(matches, 'w', 'w.r'), ...filtersOf({ ...criteria, from: undefined, to: undefined }, 'w')]);
      const found = prepare(
        `select w.r from (select p.rowid as r, p.consumer_id, p.status, p.method, p.type, p.channel from payments p indexed by ${unposted ? 'payments_unposted' : 'payments_by_date'}
                            ${range.sql ? `where ${range.sql}` : ''} order by p.payment_date ${d}, p.recorded_at ${d}, p.rowid ${d} limit ?) w
          where ${where.sql} limit ?`,
      )
        .pluck()
        .all(...range.params, unposted ? -1 : steps, ...where.params, wanted) as number[];
      // A short walk over every candidate is the whole answer.
      if (found.length === wanted || unposted || steps >= paymentCount.get()!) return page(pageOf(setOf(found.slice(criteria.offset)), criteria));
    }
    return page(collected(criteria, matches, 1));
  }

  return {
    search(criteria: PaymentCriteria): PaymentPage {
      if (!criteria.search) {
        const { rows, total } = browse(criteria);
        return { rows, total, more: criteria.offset + rows.length < total };
      }
      if (criteria.search.number) indexNewReceipts();
      const matches = matchesOf(criteria.search);
      return matches.consumerCount > broadSearch ? uncountedPage(criteria, matches) : countedPage(criteria, matches);
    },

    /** How many payments the search and filters match, to the last one. */
    count(criteria: PaymentFilter): number {
      const all = { ...criteria, sort: 'date', direction: 'desc', limit: 0, offset: 0 } as const;
      if (!criteria.search) return browseCount(all);
      if (criteria.search.number) indexNewReceipts();
      return countOf(all, matchesOf(criteria.search));
    },
  };
}
