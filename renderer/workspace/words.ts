import type { PaymentStatus } from '../../core/payments/payment-record.js';
import type { RemainingClass } from '../../core/workspace/search-terms.js';
import type { CreatedChoice, CreditNoteStatusFilter } from './view.js';

export { PAYMENT_TYPE_LABELS } from '../../core/accounts/account.js';
export { CREDIT_NOTE_REASON_LABELS, CREDIT_NOTE_STATUS_LABELS } from '../../core/credit-notes/credit-note.js';

/** The workspace's words for what its filters and columns hold. */
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = { posted: 'Posted', pending: 'Pending', failed: 'Failed', cancelled: 'Cancelled', reversed: 'Reversed' };

export const CREDIT_NOTE_STATUS_FILTER_LABELS: Record<CreditNoteStatusFilter, string> = { all: 'All', active: 'Active', applied: 'Applied', expired: 'Expired' };

export const CREATED_LABELS: Record<CreatedChoice, string> = { any: 'Any time', today: 'Today', this_week: 'This week', this_month: 'This month', custom: 'Custom range' };

export const REMAINING_LABELS: Record<RemainingClass, string> = { fully_used: 'Fully used', partly_remaining: 'Partly remaining', fully_remaining: 'Fully remaining' };
