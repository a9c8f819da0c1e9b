import { invalid, conflict } from '../api/errors.js';
import { ITEM_KIND_OF, PAYMENT_TYPE_LABELS, type PayableItem, type PaymentType } from '../accounts/account.js';
import { creditNoteStatus, remainingCredit, type CreditNoteUsage } from '../credit-notes/credit-note.js';
import { add, cents, formatMoneyAscii, subtract, type Cents } from '../money.js';
import type { CounterSettings } from '../settings/settings.js';
import { allocate, type Allocation } from './allocate.js';
import { normaliseReference, REFERENCE_RULES, verificationOnRecord } from './references.js';
import type { TenderCode } from './tenders.js';

export interface PaymentRequest {
  id: string;
  consumerId: string;
  type: PaymentType;
  itemIds: string[];
  method: TenderCode;
  channel: string;
  amountPaid: Cents;
  amountReceived?: Cents | undefined;
  reference?: string | undefined;
  /** Card: the last four digits of the card, from the terminal slip. */
  cardLast4?: string | undefined;
  /** Bank transfer: the bank the customer sent from. */
  bankName?: string | undefined;
  /** Credit tender: the consumer's credit note being applied. */
  creditNoteId?: string | undefined;
  notes?: string | undefined;
  paymentDate: string;
  tillSessionId?: string | undefined;
}

/** The credit note a credit tender draws on, as the ledger has it now. */
export interface CreditOnHand {
  id: string;
  number: string;
  consumerId: string;
  expiresOn: string;
  usage: CreditNoteUsage;
}

/** Exact, over or under what the selected items still owe (AC19). */
export type PaymentOutcome = 'exact' | 'over' | 'under';

export function classifyPayment(amountPaid: Cents, due: Cents): PaymentOutcome {
  return amountPaid === due ? 'exact' : amountPaid > due ? 'over' : 'under';
}

export interface PaymentDecision {
  allocations: Allocation[];
  amountReceived: Cents | null;
  change: Cents | null;
  reference: string | null;
  cardLast4: string | null;
  bankName: string | null;
  notes: string | null;
  verification: 'verified' | 'pending';
  /** What the selected items owed before the payment. */
  due: Cents;
  outcome: PaymentOutcome;
  /** The part of an overpayment that becomes a credit note (AC24); zero otherwise. */
  overpayment: Cents;
}

/**
 * The counter's rules for taking a payment, in the order a cashier would want
 * to hear about a problem. `items` are the requested items that exist for this
 * consumer, in the order the cashier wants them paid.
 */
export function decidePayment(
  request: PaymentRequest,
  items: readonly PayableItem[],
  settings: CounterSettings,
  today: string,
  credit?: CreditOnHand,
): PaymentDecision {
  const money = (amount: Cents) => formatMoneyAscii(amount, settings.currency);
  if (request.method !== 'credit_note') {
    const method = settings.paymentMethods.find((m) => m.code === request.method);
    if (!method?.enabled) throw invalid('method', `Method ${request.method} is not enabled in settings`);
  }
  if (!settings.channels.some((c) => c.code === request.channel)) throw invalid('channel', `Channel ${request.channel} is not one of the configured channels`);
  if (request.paymentDate > today) throw invalid('paymentDate', 'Payment date cannot be in the future');

  const notes = request.notes?.trim() ? request.notes.trim() : null;
  if (notes && notes.length > settings.notesMaxLength) throw invalid('notes', `Notes must be at most ${settings.notesMaxLength} characters`);

  if (request.itemIds.length === 0) throw invalid('itemIds', `Choose at least one ${PAYMENT_TYPE_LABELS[request.type].toLowerCase()} to pay`);
  if (new Set(request.itemIds).size !== request.itemIds.length) throw invalid('itemIds', 'The same item is chosen twice');
  const kind = ITEM_KIND_OF[request.type];
  for (const item of items) {
    const noun = PAYMENT_TYPE_LABELS[request.type].toLowerCase();
    if (item.kind !== kind) throw invalid('itemIds', `${item.reference} is not ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`);
    if (item.open <= 0) throw conflict('itemIds', `${item.reference} is already paid`);
  }

  const due = add(...items.map((i) => i.open));
  const overpayment = request.amountPaid > due ? subtract(request.amountPaid, due) : cents(0);
  if (request.method === 'credit_note') {
    checkCredit(request, credit, today, money);
    if (overpayment > 0) throw invalid('amountPaid', `Credit applied (${money(request.amountPaid)}) is more than what is selected owes (${money(due)})`);
  } else if (overpayment > settings.overpaymentLimit) {
    throw invalid(
      'amountPaid',
      `Amount paid is ${money(overpayment)} over what is selected (${money(due)}); the overpayment limit is ${money(cents(settings.overpaymentLimit))}`,
    );
  }

  let amountReceived: Cents | null = null;
  let change: Cents | null = null;
  if (request.method === 'cash') {
    if (request.amountReceived === undefined) throw invalid('amountReceived', 'Amount received is required for cash');
    if (request.amountReceived < request.amountPaid) {
      throw invalid('amountReceived', `Amount received (${money(request.amountReceived)}) is less than the amount paid (${money(request.amountPaid)})`);
    }
    amountReceived = request.amountReceived;
    change = cents(request.amountReceived - request.amountPaid);
  } else if (request.amountReceived !== undefined && request.amountReceived !== request.amountPaid) {
    throw invalid('amountReceived', 'Amount received and change apply to cash only');
  }

  let reference: string | null = null;
  if (request.method !== 'cash' && request.method !== 'credit_note') {
    const rule = REFERENCE_RULES[request.method];
    reference = normaliseReference(request.reference ?? '');
    if (!reference) throw invalid('reference', `${rule.label} is required`);
    if (!rule.pattern.test(reference)) throw invalid('reference', `${rule.label} must be ${rule.hint}`);
  }

  let cardLast4: string | null = null;
  if (request.method === 'card') {
    cardLast4 = request.cardLast4?.trim() ?? '';
    if (!/^\d{4}$/.test(cardLast4)) throw invalid('cardLast4', 'Last four digits of the card must be 4 digits');
  }
  let bankName: string | null = null;
  if (request.method === 'bank_transfer') {
    bankName = request.bankName?.trim() ?? '';
    if (!bankName) throw invalid('bankName', 'Bank is required for a bank transfer');
    if (bankName.length > 60) throw invalid('bankName', 'Bank must be at most 60 characters');
  }

  return {
    allocations: allocate(request.amountPaid, items).allocations,
    amountReceived,
    change,
    reference,
    cardLast4,
    bankName,
    notes,
    verification: request.method === 'credit_note' ? 'verified' : verificationOnRecord(request.method),
    due,
    outcome: classifyPayment(request.amountPaid, due),
    overpayment,
  };
}

function checkCredit(request: PaymentRequest, credit: CreditOnHand | undefined, today: string, money: (amount: Cents) => string): void {
  if (!request.creditNoteId) throw invalid('creditNoteId', 'Choose the credit note to apply');
  if (!credit || credit.id !== request.creditNoteId || credit.consumerId !== request.consumerId) throw invalid('creditNoteId', 'This credit note is not one of this consumer\'s');
  const status = creditNoteStatus(credit.usage);
  if (status !== 'active') throw conflict('creditNoteId', `Credit note ${credit.number} is ${status} and cannot be applied`);
  if (today > credit.expiresOn) throw conflict('creditNoteId', `Credit note ${credit.number} expired on ${credit.expiresOn}`);
  const remaining = remainingCredit(credit.usage);
  if (request.amountPaid > remaining) throw invalid('amountPaid', `Only ${money(remaining)} of credit remains on ${credit.number}`);
}
