import type { PayableItem } from '../../core/accounts/account.js';
import type { CallInput } from '../../core/api/contract.js';
import { addMonths } from '../../core/dates/calendar.js';
import type { PlanFrequency } from '../../core/plans/plan.js';

/** A down payment typed as an amount ("1500.00") or as a percentage of the arrears ("20"). */
export type DownPaymentMode = 'amount' | 'percent';

/** The new plan form as typed: numbers stay text until the backend reads them. */
export interface PlanTermsDraft {
  /** The chosen bills and service charges, by id. */
  coverIds: string[];
  downPaymentMode: DownPaymentMode;
  downPayment: string;
  installments: string;
  frequency: PlanFrequency;
  firstDueOn: string;
}

type Coverable = Pick<PayableItem, 'kind' | 'id' | 'dueOn'>;

/** What a plan can cover: the account's open bills and service charges. */
export const isCoverable = (item: Coverable): item is Coverable & { kind: 'bill' | 'service' } => item.kind === 'bill' || item.kind === 'service';

/**
 * A new plan starts over every bill and charge already past due, with no down
 * payment, three monthly installments, the first a month from today: the
 * usual arrangement, which the recovery executive then fits to the customer.
 */
export function newTermsDraft(items: readonly Coverable[], today: string): PlanTermsDraft {
  return {
    coverIds: items.filter((item) => isCoverable(item) && item.dueOn < today).map((item) => item.id),
    downPaymentMode: 'amount',
    downPayment: '',
    installments: '3',
    frequency: 'monthly',
    firstDueOn: addMonths(today, 1),
  };
}

/**
 * A whole number as typed; anything else goes as NaN, which reaches the
 * backend as null, so its own message ("must be a whole number") is shown.
 */
function countOf(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The plan-preview (and plan-create) input: the chosen items in the account's order, the down payment as typed or none. */
export function termsInput(consumerId: string, items: readonly Coverable[], draft: PlanTermsDraft): CallInput<'plan-preview'> {
  const chosen = new Set(draft.coverIds);
  const downPayment = draft.downPayment.trim();
  return {
    consumerId,
    covers: items.filter(isCoverable).filter((item) => chosen.has(item.id)).map(({ kind, id }) => ({ kind, id })),
    ...(downPayment === '' ? {} : draft.downPaymentMode === 'amount' ? { downPayment } : { downPaymentPercent: downPayment }),
    installments: countOf(draft.installments),
    frequency: draft.frequency,
    firstDueOn: draft.firstDueOn,
  };
}

/** The form field a backend error names: the down payment's two names are one box on the screen. */
export function termsField(field: string | undefined): keyof PlanTermsDraft | 'other' {
  switch (field) {
    case 'covers':
    case 'covers.kind':
    case 'covers.id':
      return 'coverIds';
    case 'downPayment':
    case 'downPaymentPercent':
      return 'downPayment';
    case 'installments':
    case 'frequency':
    case 'firstDueOn':
      return field;
    default:
      return 'other';
  }
}
