import type { CallInput } from '../../core/api/contract.js';
import type { ConsumerStatus } from '../../core/accounts/account.js';

export type DelinquentSort = NonNullable<CallInput<'delinquent-search'>['sort']>;
export type SortDirection = 'asc' | 'desc';
export type PlanFilter = 'any' | 'with' | 'without';

/** The recovery list's filters as typed, its order and its page (from 1). */
export interface RecoveryQuery {
  arrearsAbove: string;
  overdueDaysAbove: string;
  status: ConsumerStatus[];
  plan: PlanFilter;
  sort: DelinquentSort;
  direction: SortDirection;
  page: number;
}

export const PAGE_SIZE = 50;
/** The most rows one export fetches: the backend's own limit for one search. */
export const EXPORT_LIMIT = 10_000;

/** Largest arrears first: the accounts that matter most to the recovery desk. */
export const FIRST_QUERY: RecoveryQuery = { arrearsAbove: '', overdueDaysAbove: '', status: [], plan: 'any', sort: 'arrears', direction: 'desc', page: 1 };

/** A whole number as typed, or NaN for the backend to refuse in its own words. */
const countOf = (text: string) => (/^-?\d+$/.test(text) ? Number(text) : Number.NaN);

/** The delinquent-search input for one page; an empty box filters nothing. */
export function searchInput(query: RecoveryQuery, page: { limit: number; offset: number }): CallInput<'delinquent-search'> {
  const arrears = query.arrearsAbove.trim();
  const days = query.overdueDaysAbove.trim();
  return {
    ...(arrears === '' ? {} : { arrearsAbove: arrears }),
    ...(days === '' ? {} : { overdueDaysAbove: countOf(days) }),
    ...(query.status.length === 0 ? {} : { status: query.status }),
    plan: query.plan,
    sort: query.sort,
    direction: query.direction,
    ...page,
  };
}

export const pageOf = (query: RecoveryQuery) => ({ limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE });

/**
 * A click on a column's header sorts by it: again on the same column turns
 * the order round; a new column starts with what a recovery executive looks
 * for first (most owed, longest overdue; names and accounts A to Z). Either
 * way the list goes back to its first page.
 */
export function sortedBy(query: RecoveryQuery, sort: DelinquentSort): RecoveryQuery {
  const direction: SortDirection = query.sort === sort ? (query.direction === 'asc' ? 'desc' : 'asc') : sort === 'arrears' || sort === 'daysOverdue' ? 'desc' : 'asc';
  return { ...query, sort, direction, page: 1 };
}

/** A changed filter shows its matches from the first page. */
export const filtered = (query: RecoveryQuery, change: Partial<Omit<RecoveryQuery, 'page' | 'sort' | 'direction'>>): RecoveryQuery => ({ ...query, ...change, page: 1 });

/** "1–50 of 312", "none". */
export function shownRange(query: RecoveryQuery, shown: number, total: number): string {
  if (total === 0) return 'No accounts match';
  const first = (query.page - 1) * PAGE_SIZE + 1;
  return `${first.toLocaleString('en')}–${(first + shown - 1).toLocaleString('en')} of ${total.toLocaleString('en')}`;
}
