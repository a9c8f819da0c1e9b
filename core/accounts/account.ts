import type { Cents } from '../money.js';

export type ConsumerStatus = 'active' | 'suspended' | 'disconnected';

export interface Consumer {
  id: string;
  accountNumber: string;
  name: string;
  serviceAddress: string;
  phone: string;
  email: string;
  status: ConsumerStatus;
  type: string;
}

/** What a payment can be made against: a bill, a service charge or a plan installment. */
export type ItemKind = 'bill' | 'service' | 'installment';

export interface PayableItem {
  kind: ItemKind;
  id: string;
  /** What the customer reads: "INV-2025-001234", "Reconnection Fee", "PP-2025-0034 #2". */
  reference: string;
  /** Billing period, service date or plan: "Mar 2025". */
  detail: string;
  amount: Cents;
  /** What is still owed on it, from the ledger. */
  open: Cents;
  issuedOn: string;
  dueOn: string;
}

export const PAYMENT_TYPES = ['bill', 'service', 'installment'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export const PAYMENT_TYPE_LABELS: Record<PaymentType, string> = {
  bill: 'Bill',
  service: 'Service',
  installment: 'Installment',
};

/** Each payment type pays items of exactly one kind. */
export const ITEM_KIND_OF: Record<PaymentType, ItemKind> = {
  bill: 'bill',
  service: 'service',
  installment: 'installment',
};

/** Oldest due first is how the counter allocates unless the cashier reorders. */
export function oldestDueFirst<T extends Pick<PayableItem, 'dueOn' | 'reference'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
}
