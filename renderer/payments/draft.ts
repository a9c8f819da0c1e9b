import dayjs from 'dayjs';
import { oldestDueFirst, type PaymentType } from '../../core/accounts/account.js';
import type { CallInput, CallOutput } from '../../core/api/contract.js';
import { add, cents, toDecimalText } from '../../core/money.js';
import { defaultChannel, type CounterSettings, type PaymentMethodCode } from '../../core/settings/settings.js';

export type Account = CallOutput<'consumer-account'>;
export type AccountItem = Account['bills'][number];

/** What the cashier has typed so far; amounts stay text until the backend reads them. */
export interface PaymentDraft {
  consumerId: string;
  type: PaymentType;
  itemIds: string[];
  method: PaymentMethodCode;
  channel: string;
  amountPaid: string;
  amountReceived: string;
  reference: string;
  notes: string;
  paymentDate: string;
}

export type DraftField = Exclude<keyof PaymentDraft, 'consumerId'>;

const ITEMS_OF: Record<PaymentType, 'bills' | 'services' | 'installments'> = { bill: 'bills', service: 'services', installment: 'installments' };

/** The unpaid items a payment of this type can pay, oldest due first. */
export const payableItems = (account: Account, type: PaymentType): AccountItem[] => oldestDueFirst(account[ITEMS_OF[type]]);

export const selectedItems = (account: Account, draft: Pick<PaymentDraft, 'type' | 'itemIds'>): AccountItem[] =>
  payableItems(account, draft.type).filter((item) => draft.itemIds.includes(item.id));

export const openTotal = (items: readonly AccountItem[]) => add(...items.map((item) => cents(item.open)));

/** Choosing items sets the amount paid to what they still owe: the usual case is paying them in full. */
export function withItems(draft: PaymentDraft, account: Account, itemIds: string[]): PaymentDraft {
  const chosen = { type: draft.type, itemIds: payableItems(account, draft.type).filter((i) => itemIds.includes(i.id)).map((i) => i.id) };
  const items = selectedItems(account, chosen);
  return { ...draft, itemIds: chosen.itemIds, amountPaid: items.length > 0 ? toDecimalText(openTotal(items)) : '' };
}

/** A new type offers its own items, with the oldest one due already chosen. */
export function withType(draft: PaymentDraft, account: Account, type: PaymentType): PaymentDraft {
  const oldest = payableItems(account, type)[0];
  return withItems({ ...draft, type }, account, oldest ? [oldest.id] : []);
}

export function newDraft(account: Account, settings: CounterSettings, today: string): PaymentDraft {
  const methods = settings.paymentMethods.filter((m) => m.enabled);
  const method = (methods.find((m) => m.code === 'cash') ?? methods[0]!).code;
  const empty: PaymentDraft = {
    consumerId: account.consumer.id,
    type: 'bill',
    itemIds: [],
    method,
    channel: defaultChannel(settings),
    amountPaid: '',
    amountReceived: '',
    reference: '',
    notes: '',
    paymentDate: today,
  };
  return withType(empty, account, 'bill');
}

/** The payment-record input without its id; received applies to cash only, a reference to the others. */
export function recordInput(draft: PaymentDraft): Omit<CallInput<'payment-record'>, 'id'> {
  const cash = draft.method === 'cash';
  return {
    consumerId: draft.consumerId,
    type: draft.type,
    itemIds: draft.itemIds,
    method: draft.method,
    channel: draft.channel,
    amountPaid: draft.amountPaid,
    amountReceived: cash ? draft.amountReceived : undefined,
    reference: cash ? undefined : draft.reference,
    notes: draft.notes.trim() ? draft.notes : undefined,
    paymentDate: draft.paymentDate,
  };
}

/** The terminal's calendar day, as the backend reads payment dates. */
export const today = () => dayjs().format('YYYY-MM-DD');
