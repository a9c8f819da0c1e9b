import { invalid, conflict } from '../api/errors.js';
import { ITEM_KIND_OF, PAYMENT_TYPE_LABELS, type PayableItem, type PaymentType } from '../accounts/account.js';
import { add, cents, formatMoneyAscii, type Cents } from '../money.js';
import type { CounterSettings, PaymentMethodCode } from '../settings/settings.js';
import { allocate, type Allocation } from './allocate.js';
import { normaliseReference, REFERENCE_RULES, verificationOnRecord } from './references.js';

export interface PaymentRequest {
  id: string;
  consumerId: string;
  type: PaymentType;
  itemIds: string[];
  method: PaymentMethodCode;
  channel: string;
  amountPaid: Cents;
  amountReceived?: Cents | undefined;
  reference?: string | undefined;
  notes?: string | undefined;
  paymentDate: string;
}

export interface PaymentDecision {
  allocations: Allocation[];
  amountReceived: Cents | null;
  change: Cents | null;
  reference: string | null;
  notes: string | null;
  verification: 'verified' | 'pending';
}

/**
 * The counter's rules for taking a payment, in the order a cashier would want
 * to hear about a problem. `items` are the requested items that exist for this
 * consumer, in the order the cashier wants them paid.
 */
export function decidePayment(request: PaymentRequest, items: readonly PayableItem[], settings: CounterSettings, today: string): PaymentDecision {
  const money = (amount: Cents) => formatMoneyAscii(amount, settings.currency);
  const method = settings.paymentMethods.find((m) => m.code === request.method);
  if (!method?.enabled) throw invalid('method', `Method ${request.method} is not enabled in settings`);
  if (!settings.channels.some((c) => c.code === request.channel)) throw invalid('channel', `Channel ${request.channel} is not one of the configured channels`);
  if (request.paymentDate > today) throw invalid('paymentDate', 'Payment date cannot be in the future');

  const notes = request.notes?.trim() ? request.notes.trim() : null;
  if (notes && notes.length > settings.notesMaxLength) throw invalid('notes', `Notes must be at most ${settings.notesMaxLength} characters`);

  if (request.itemIds.length === 0) throw invalid('itemIds', `Choose at least one ${PAYMENT_TYPE_LABELS[request.type].toLowerCase()} to pay`);
  const kind = ITEM_KIND_OF[request.type];
  for (const item of items) {
    if (item.kind !== kind) throw invalid('itemIds', `${item.reference} is not a ${PAYMENT_TYPE_LABELS[request.type].toLowerCase()}`);
    if (item.open <= 0) throw conflict('itemIds', `${item.reference} is already paid`);
  }

  const openTotal = add(...items.map((i) => i.open));
  if (request.amountPaid > openTotal) {
    throw invalid('amountPaid', `Amount paid (${money(request.amountPaid)}) is more than the open amount of what is selected (${money(openTotal)})`);
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
  if (request.method !== 'cash') {
    const rule = REFERENCE_RULES[request.method];
    reference = normaliseReference(request.reference ?? '');
    if (!reference) throw invalid('reference', `${rule.label} is required`);
    if (!rule.pattern.test(reference)) throw invalid('reference', `${rule.label} must be ${rule.hint}`);
  }

  return {
    allocations: allocate(request.amountPaid, items).allocations,
    amountReceived,
    change,
    reference,
    notes,
    verification: verificationOnRecord(request.method),
  };
}
