import { PAYMENT_TYPES, type PaymentType } from '../../core/accounts/account.js';
import { CREDIT_NOTE_REASONS, type CreditNoteReason } from '../../core/credit-notes/credit-note.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../../core/payments/payment-record.js';
import type { RemainingClass } from '../../core/workspace/search-terms.js';

/**
 * What the payments workspace shows: the month of its header, the tab, and
 * each tab's search, filters, sort and page. It lives in the route (and so in
 * the address's #hash), which is how Back comes back to the same view.
 */

export const WORKSPACE_TABS = ['payments', 'credit-notes'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export const DIRECTIONS = ['asc', 'desc'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PAYMENT_SORTS = ['date', 'amount', 'receipt', 'consumer'] as const;
export type PaymentSort = (typeof PAYMENT_SORTS)[number];

export const CREDIT_NOTE_SORTS = ['created', 'amount', 'remaining', 'number'] as const;
export type CreditNoteSort = (typeof CREDIT_NOTE_SORTS)[number];

export const CREDIT_NOTE_STATUSES = ['all', 'active', 'applied', 'expired'] as const;
export type CreditNoteStatusFilter = (typeof CREDIT_NOTE_STATUSES)[number];

/** The created-date choices: any time, the three presets, or a From–To of the manager's own. */
export const CREATED_CHOICES = ['any', 'today', 'this_week', 'this_month', 'custom'] as const;
export type CreatedChoice = (typeof CREATED_CHOICES)[number];

export const REMAINING_CLASSES = ['fully_used', 'partly_remaining', 'fully_remaining'] as const satisfies readonly RemainingClass[];

export interface PaymentFilters {
  query: string;
  /** Payment dates, YYYY-MM-DD, or '' for open-ended. */
  from: string;
  to: string;
  methods: string[];
  statuses: PaymentStatus[];
  types: PaymentType[];
  channels: string[];
  sort: PaymentSort;
  direction: Direction;
  /** 1-based. */
  page: number;
}

export interface CreditNoteFilters {
  query: string;
  status: CreditNoteStatusFilter;
  created: CreatedChoice;
  /** The custom range, used when `created` is 'custom'. */
  from: string;
  to: string;
  reasons: CreditNoteReason[];
  /** The consumer picked in the autocomplete; the name is kept to show it again after Back. */
  consumer: { id: string; name: string } | null;
  remaining: RemainingClass | '';
  linkedReceipt: string;
  /** As typed; checked before they are sent. */
  amountMin: string;
  amountMax: string;
  sort: CreditNoteSort;
  direction: Direction;
  page: number;
}

export interface WorkspaceView {
  tab: WorkspaceTab;
  /** The KPI header's month, YYYY-MM; '' is the current one. */
  month: string;
  payments: PaymentFilters;
  creditNotes: CreditNoteFilters;
  /** The credit note whose details are open over the list, if any. */
  note: string | null;
}

export const DEFAULT_PAYMENT_FILTERS: PaymentFilters = { query: '', from: '', to: '', methods: [], statuses: [], types: [], channels: [], sort: 'date', direction: 'desc', page: 1 };

export const DEFAULT_CREDIT_NOTE_FILTERS: CreditNoteFilters = {
  query: '',
  status: 'all',
  created: 'any',
  from: '',
  to: '',
  reasons: [],
  consumer: null,
  remaining: '',
  linkedReceipt: '',
  amountMin: '',
  amountMax: '',
  sort: 'created',
  direction: 'desc',
  page: 1,
};

export const DEFAULT_VIEW: WorkspaceView = { tab: 'payments', month: '', payments: DEFAULT_PAYMENT_FILTERS, creditNotes: DEFAULT_CREDIT_NOTE_FILTERS, note: null };

/** Rows a page of either tab shows. */
export const PAGE_SIZE = 50;

/** A change of search, filter or sort starts again at the first page; a page change keeps the rest. */
export function withPaymentFilters(view: WorkspaceView, change: Partial<PaymentFilters>): WorkspaceView {
  return { ...view, payments: { ...view.payments, page: 1, ...change } };
}

export function withCreditNoteFilters(view: WorkspaceView, change: Partial<CreditNoteFilters>): WorkspaceView {
  return { ...view, creditNotes: { ...view.creditNotes, page: 1, ...change } };
}

/** A header clicked: the same column flips its direction; another starts with the largest, latest or last first. */
export function sortBy<S extends string>(current: { sort: S; direction: Direction }, column: S): { sort: S; direction: Direction } {
  if (current.sort === column) return { sort: column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { sort: column, direction: 'desc' };
}

// ---------------------------------------------------------------------------
// The view as the query of the #hash: only what differs from the defaults,
// read back leniently (a hand-edited or stale address never breaks the screen).

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function encodeView(view: WorkspaceView): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string, fallback = '') => value !== fallback && params.set(key, value);
  const list = (key: string, values: readonly string[]) => values.length > 0 && params.set(key, values.join(','));
  put('tab', view.tab, DEFAULT_VIEW.tab);
  put('month', view.month);
  const p = view.payments;
  put('q', p.query);
  put('from', p.from);
  put('to', p.to);
  list('method', p.methods);
  list('status', p.statuses);
  list('type', p.types);
  list('channel', p.channels);
  put('sort', p.sort, DEFAULT_PAYMENT_FILTERS.sort);
  put('dir', p.direction, DEFAULT_PAYMENT_FILTERS.direction);
  put('page', String(p.page), '1');
  const c = view.creditNotes;
  put('cq', c.query);
  put('cstatus', c.status, DEFAULT_CREDIT_NOTE_FILTERS.status);
  put('created', c.created, DEFAULT_CREDIT_NOTE_FILTERS.created);
  put('cfrom', c.from);
  put('cto', c.to);
  list('reason', c.reasons);
  if (c.consumer) {
    params.set('consumer', c.consumer.id);
    params.set('consumerName', c.consumer.name);
  }
  put('remaining', c.remaining);
  put('receipt', c.linkedReceipt);
  put('min', c.amountMin);
  put('max', c.amountMax);
  put('csort', c.sort, DEFAULT_CREDIT_NOTE_FILTERS.sort);
  put('cdir', c.direction, DEFAULT_CREDIT_NOTE_FILTERS.direction);
  put('cpage', String(c.page), '1');
  if (view.note) params.set('note', view.note);
  return params.toString();
}

export function decodeView(query: string): WorkspaceView {
  const params = new URLSearchParams(query);
  const text = (key: string, max = 60) => (params.get(key) ?? '').slice(0, max);
  const matching = (key: string, pattern: RegExp) => (pattern.test(params.get(key) ?? '') ? params.get(key)! : '');
  const one = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = params.get(key);
    return allowed.includes(value as T) ? (value as T) : fallback;
  };
  const some = <T extends string>(key: string, allowed?: readonly T[]): T[] => {
    const values = (params.get(key) ?? '').split(',').filter((v) => v !== '' && v.length <= 30);
    return [...new Set(allowed ? values.filter((v): v is T => allowed.includes(v as T)) : (values as T[]))];
  };
  const page = (key: string) => {
    const n = Number(params.get(key));
    return Number.isSafeInteger(n) && n >= 1 ? n : 1;
  };
  const consumerId = params.get('consumer');
  return {
    tab: one('tab', WORKSPACE_TABS, DEFAULT_VIEW.tab),
    month: matching('month', MONTH),
    payments: {
      query: text('q'),
      from: matching('from', DAY),
      to: matching('to', DAY),
      methods: some('method'),
      statuses: some('status', PAYMENT_STATUSES),
      types: some('type', PAYMENT_TYPES),
      channels: some('channel'),
      sort: one('sort', PAYMENT_SORTS, DEFAULT_PAYMENT_FILTERS.sort),
      direction: one('dir', DIRECTIONS, DEFAULT_PAYMENT_FILTERS.direction),
      page: page('page'),
    },
    creditNotes: {
      query: text('cq'),
      status: one('cstatus', CREDIT_NOTE_STATUSES, DEFAULT_CREDIT_NOTE_FILTERS.status),
      created: one('created', CREATED_CHOICES, DEFAULT_CREDIT_NOTE_FILTERS.created),
      from: matching('cfrom', DAY),
      to: matching('cto', DAY),
      reasons: some('reason', CREDIT_NOTE_REASONS),
      consumer: consumerId ? { id: consumerId.slice(0, 36), name: text('consumerName', 200) } : null,
      remaining: one<RemainingClass | ''>('remaining', REMAINING_CLASSES, ''),
      linkedReceipt: text('receipt', 40),
      amountMin: text('min', 20),
      amountMax: text('max', 20),
      sort: one('csort', CREDIT_NOTE_SORTS, DEFAULT_CREDIT_NOTE_FILTERS.sort),
      direction: one('cdir', DIRECTIONS, DEFAULT_CREDIT_NOTE_FILTERS.direction),
      page: page('cpage'),
    },
    note: params.get('note')?.slice(0, 36) || null,
  };
}
