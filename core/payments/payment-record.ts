import type { ItemKind, PaymentType } from '../accounts/account.js';
import type { Cents } from '../money.js';
import type { TenderCode } from './tenders.js';

export const PAYMENT_STATUSES = ['posted', 'pending', 'failed', 'cancelled', 'reversed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment as stored: the row, its numbers and where its money went. */
export interface PaymentRecord {
  id: string;
  paymentNumber: string;
  transactionNumber: string;
  receiptNumber: string;
  consumerId: string;
  type: PaymentType;
  channel: string;
  method: TenderCode;
  amount: Cents;
  amountReceived: Cents | null;
  change: Cents | null;
  reference: string | null;
  cardLast4: string | null;
  bankName: string | null;
  /** The credit note a credit tender drew on. */
  appliedCreditNoteId: string | null;
  status: PaymentStatus;
  verification: 'verified' | 'pending';
  notes: string | null;
  paymentDate: string;
  recordedAt: string;
  recordedBy: string;
  terminalCode: string;
  /** The drawer it was taken into; null only for payments made online. */
  tillSessionId: string | null;
  allocations: Array<{ id: string; position: number; itemKind: ItemKind; itemId: string; amount: Cents; openBefore: Cents }>;
}
