import type { CallInput } from '../../core/api/contract.js';
import { AMOUNT_PARSE_MESSAGES, parseAmount } from '../../core/money.js';
import { createdRange } from '../../core/workspace/search-terms.js';
import { PAGE_SIZE, type CreditNoteFilters, type PaymentFilters } from './view.js';

export type PaymentsSearch = CallInput<'payments-search'>;
export type PaymentsCount = CallInput<'payments-count'>;
export type CreditNotesSearch = CallInput<'credit-notes-search'>;

/** A filter the manager must correct before the search is sent, by the field it shows on. */
export type FieldErrors = Partial<Record<'from' | 'to' | 'amountMin' | 'amountMax', string>>;

/** Either the call to make or what stops it, each message on its field. */
export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

/** The message a filter shows before anything is sent, if any. */
export const localError = (checked: Checked<unknown>, field: string): string | undefined => (checked.ok ? undefined : checked.errors[field as keyof FieldErrors]);

const TO_BEFORE_FROM = 'To must be on or after From';

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());
const nonEmpty = <T>(values: readonly T[]) => (values.length > 0 ? [...values] : undefined);

/** The All Payments tab's search for one page (1-based); `page` may be left out for an export, which pages itself. */
export function paymentsSearch(filters: PaymentFilters, page = filters.page): Checked<PaymentsSearch> {
  const from = blankToUndefined(filters.from);
  const to = blankToUndefined(filters.to);
  if (from && to && to < from) return { ok: false, errors: { to: TO_BEFORE_FROM } };
  return {
    ok: true,
    input: {
      query: blankToUndefined(filters.query),
      from,
      to,
      methods: nonEmpty(filters.methods),
      statuses: nonEmpty(filters.statuses),
      types: nonEmpty(filters.types),
      channels: nonEmpty(filters.channels),
      sort: filters.sort,
      direction: filters.direction,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    },
  };
}

/** What a page of payments counts: its search and filters, without the order and the page, so paging or sorting keeps the count. */
export function paymentsCount({ sort: _sort, direction: _direction, limit: _limit, offset: _offset, ...criteria }: PaymentsSearch): PaymentsCount {
  return criteria;
}

/**
 * The Credit Notes tab's search. A preset created date becomes its From–To
 * ending `today`; a custom range must run forwards; amounts must be numbers,
 * the maximum at least the minimum.
 */
export function creditNotesSearch(filters: CreditNoteFilters, today: string, page = filters.page): Checked<CreditNotesSearch> {
  const errors: FieldErrors = {};
  let range: { from?: string | undefined; to?: string | undefined } = {};
  if (filters.created === 'custom') {
    range = { from: blankToUndefined(filters.from), to: blankToUndefined(filters.to) };
    if (range.from && range.to && range.to < range.from) errors.to = TO_BEFORE_FROM;
  } else if (filters.created !== 'any') {
    range = createdRange(filters.created, today);
  }
  const amountMin = checkAmount('Minimum amount', filters.amountMin);
  const amountMax = checkAmount('Maximum amount', filters.amountMax);
  if (amountMin.error) errors.amountMin = amountMin.error;
  if (amountMax.error) errors.amountMax = amountMax.error;
  if (amountMin.cents !== undefined && amountMax.cents !== undefined && amountMax.cents < amountMin.cents) errors.amountMax = 'Maximum amount must be at least the minimum';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      query: blankToUndefined(filters.query),
      status: filters.status,
      ...range,
      reasons: nonEmpty(filters.reasons),
      consumerId: filters.consumer?.id,
      remaining: filters.remaining || undefined,
      linkedReceipt: blankToUndefined(filters.linkedReceipt),
      amountMin: amountMin.text,
      amountMax: amountMax.text,
      sort: filters.sort,
      direction: filters.direction,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    },
  };
}

/** An amount box: empty means no bound; anything else must read as money, in the backend's own words. */
function checkAmount(label: string, raw: string): { text?: string; cents?: number; error?: string } {
  const text = raw.trim();
  if (text === '') return {};
  const parsed = parseAmount(text);
  return parsed.ok ? { text, cents: parsed.value } : { error: `${label} ${AMOUNT_PARSE_MESSAGES[parsed.reason]}` };
}
