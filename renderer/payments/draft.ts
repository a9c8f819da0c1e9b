import dayjs from 'dayjs';
import { oldestDueFirst, type PaymentType } from '../../core/accounts/account.js';
import type { CallInput, CallOutput } from '../../core/api/contract.js';
import { add, cents, min, parseAmount, toDecimalText, type Cents } from '../../core/money.js';
import type { TenderCode } from '../../core/payments/tenders.js';
import { defaultChannel, type CounterSettings } from '../../core/settings/settings.js';

export type Account = CallOutput<'consumer-account'>;
export type AccountItem = Account['bills'][number];
export type CreditNoteOnAccount = Account['credit'][number];

/** What the cashier has typed so far; amounts stay text until the backend reads them. */
export interface PaymentDraft {
  consumerId: string;
  type: PaymentType;
  /** In the order the payment fills them: oldest due first unless the cashier moved one. */
  itemIds: string[];
  method: TenderCode;
  channel: string;
  amountPaid: string;
  amountReceived: string;
  reference: string;
  cardLast4: string;
  bankName: string;
  /** The consumer's credit note being applied, for the credit tender. */
  creditNoteId: string;
  notes: string;
  paymentDate: string;
}

export type DraftField = Exclude<keyof PaymentDraft, 'consumerId'>;

const ITEMS_OF: Record<PaymentType, 'bills' | 'services' | 'installments'> = { bill: 'bills', service: 'services', installment: 'installments' };

/** The unpaid items a payment of this type can pay, oldest due first. */
export const payableItems = (account: Account, type: PaymentType): AccountItem[] => oldestDueFirst(account[ITEMS_OF[type]]);

/** The chosen items in the order the payment fills them. */
export function selectedItems(account: Account, draft: Pick<PaymentDraft, 'type' | 'itemIds'>): AccountItem[] {
  const payable = new Map(payableItems(account, draft.type).map((item) => [item.id, item]));
  return draft.itemIds.flatMap((id) => payable.get(id) ?? []);
}

export const openTotal = (items: readonly AccountItem[]) => add(...items.map((item) => cents(item.open)));

export const creditNoteOf = (account: Account, draft: Pick<PaymentDraft, 'creditNoteId'>): CreditNoteOnAccount | undefined =>
  account.credit.find((note) => note.id === draft.creditNoteId);

/**
 * What the payment most likely is: all that the chosen items owe, or, paid
 * from credit, as much of that as the note still holds.
 */
function likelyAmount(draft: PaymentDraft, account: Account, items: readonly AccountItem[]): string {
  if (items.length === 0) return '';
  const owed = openTotal(items);
  const note = draft.method === 'credit_note' ? creditNoteOf(account, draft) : undefined;
  return toDecimalText(note ? min(owed, cents(note.remaining) as Cents) : owed);
}

/** Choosing items sets the amount paid to what they still owe: the usual case is paying them in full. */
export function withItems(draft: PaymentDraft, account: Account, itemIds: string[]): PaymentDraft {
  const next = { ...draft, itemIds: selectedItems(account, { type: draft.type, itemIds }).map((item) => item.id) };
  return { ...next, amountPaid: likelyAmount(next, account, selectedItems(account, next)) };
}

const isOldestFirst = (items: readonly AccountItem[]) => oldestDueFirst(items).every((item, n) => item.id === items[n]!.id);

/** Ticks or unticks an item; a new one takes its place by due date unless the cashier has set an order of their own. */
export function toggleItem(draft: PaymentDraft, account: Account, itemId: string): PaymentDraft {
  if (draft.itemIds.includes(itemId)) return withItems(draft, account, draft.itemIds.filter((id) => id !== itemId));
  const chosen = selectedItems(account, draft);
  const added = [...draft.itemIds, itemId];
  return withItems(draft, account, isOldestFirst(chosen) ? oldestDueFirst(selectedItems(account, { type: draft.type, itemIds: added })).map((i) => i.id) : added);
}

/** Moves an item earlier (-1) or later (+1) in the order the payment fills them; the amount stays as typed. */
export function moveItem(draft: PaymentDraft, itemId: string, step: -1 | 1): PaymentDraft {
  const from = draft.itemIds.indexOf(itemId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= draft.itemIds.length) return draft;
  const itemIds = [...draft.itemIds];
  [itemIds[from], itemIds[to]] = [itemIds[to]!, itemIds[from]!];
  return { ...draft, itemIds };
}

/** A new tender; credit starts on the consumer's first active note, for as much as it can cover. */
export function withMethod(draft: PaymentDraft, account: Account, method: TenderCode): PaymentDraft {
  const creditNoteId = method === 'credit_note' ? (creditNoteOf(account, draft)?.id ?? account.credit[0]?.id ?? '') : draft.creditNoteId;
  const next = { ...draft, method, creditNoteId };
  const pays = method === 'credit_note' || draft.method === 'credit_note';
  return pays ? { ...next, amountPaid: likelyAmount(next, account, selectedItems(account, next)) } : next;
}

export function withCreditNote(draft: PaymentDraft, account: Account, creditNoteId: string): PaymentDraft {
  const next = { ...draft, creditNoteId };
  return { ...next, amountPaid: likelyAmount(next, account, selectedItems(account, next)) };
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
    cardLast4: '',
    bankName: '',
    creditNoteId: '',
    notes: '',
    paymentDate: today,
  };
  return withType(empty, account, 'bill');
}

/** The payment-record input without its id; each tender sends only what it carries. */
export function recordInput(draft: PaymentDraft): Omit<CallInput<'payment-record'>, 'id'> {
  const { method } = draft;
  const cash = method === 'cash';
  const credit = method === 'credit_note';
  return {
    consumerId: draft.consumerId,
    type: draft.type,
    itemIds: draft.itemIds,
    method: draft.method,
    channel: draft.channel,
    amountPaid: draft.amountPaid,
    amountReceived: cash ? draft.amountReceived : undefined,
    reference: cash || credit ? undefined : draft.reference,
    cardLast4: method === 'card' ? draft.cardLast4 : undefined,
    bankName: method === 'bank_transfer' ? draft.bankName : undefined,
    creditNoteId: credit ? draft.creditNoteId || undefined : undefined,
    notes: draft.notes.trim() ? draft.notes : undefined,
    paymentDate: draft.paymentDate,
  };
}

/** The terminal's calendar day, as the backend reads payment dates. */
export const today = () => dayjs().format('YYYY-MM-DD');

/** What the amount typed does to the chosen items: what stays outstanding, or what is over and becomes credit. */
export function draftOutcome(account: Account, draft: PaymentDraft): { due: Cents; paid: Cents | null; outstanding: Cents; over: Cents } {
  const due = openTotal(selectedItems(account, draft));
  const parsed = parseAmount(draft.amountPaid);
  if (!parsed.ok) return { due, paid: null, outstanding: due, over: cents(0) };
  const paid = parsed.value;
  return { due, paid, outstanding: cents(Math.max(0, due - paid)), over: cents(Math.max(0, paid - due)) };
}
