import type { PayableItem } from '../../core/accounts/account.js';
import { recordPaymentInput } from '../../core/api/calls/payments.js';
import { ApiError } from '../../core/api/errors.js';
import { cents } from '../../core/money.js';
import { decidePayment, type CreditOnHand } from '../../core/payments/payment-rules.js';
import type { CounterSettings } from '../../core/settings/settings.js';
import { creditNoteOf, recordInput, selectedItems, type Account, type DraftField, type PaymentDraft } from './draft.js';

export type FieldErrors = Partial<Record<DraftField, string>>;

const withoutId = recordPaymentInput.omit({ id: true });

/**
 * Checks the draft with the backend's own schema and payment rule from core,
 * so the form says exactly what Confirm would be told, before the cashier
 * gets there. The schema reports every field at once; the rule, which needs
 * well-formed input, reports its first objection.
 */
export function checkDraft(draft: PaymentDraft, account: Account, settings: CounterSettings, today: string): FieldErrors {
  const parsed = withoutId.safeParse(recordInput(draft));
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.find((p) => typeof p === 'string') as DraftField | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
    return errors;
  }
  const items: PayableItem[] = selectedItems(account, draft).map((item) => ({ ...item, amount: cents(item.amount), open: cents(item.open) }));
  try {
    decidePayment({ ...parsed.data, id: '' }, items, settings, today, creditOnHand(account, draft));
    return {};
  } catch (error) {
    if (error instanceof ApiError && error.field) return { [error.field]: error.message };
    throw error;
  }
}

/** The account lists only active notes, with what remains; that is all the credit rule needs to know. */
function creditOnHand(account: Account, draft: PaymentDraft): CreditOnHand | undefined {
  const note = creditNoteOf(account, draft);
  if (!note) return undefined;
  const amount = cents(note.amount);
  return { id: note.id, number: note.number, consumerId: account.consumer.id, expiresOn: note.expiresOn, usage: { amount, applied: cents(note.amount - note.remaining), withdrawn: cents(0), ended: null } };
}
