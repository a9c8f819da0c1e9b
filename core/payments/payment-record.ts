import type { ItemKind, PaymentType } from '../accounts/account.js';
import type { Cents } from '../money.js';
import type { PaymentMethodCode } from '../settings/settings.js';

/** A payment as stored: the row, its numbers and where its money went. */
export interface PaymentRecord {
  id: string;
  paymentNumber: string;
  transactionNumber: string;
  receiptNumber: string;
  consumerId: string;
  type: PaymentType;
  channel: string;
  method: PaymentMethodCode;
  amount: Cents;
  amountReceived: Cents | null;
  change: Cents | null;
  reference: string | null;
  status: 'posted' | 'pending' | 'failed' | 'cancelled';
  verification: 'verified' | 'pending';
  notes: string | null;
  paymentDate: string;
  recordedAt: string;
  recordedBy: string;
  terminalCode: string;
  allocations: Array<{ id: string; position: number; itemKind: ItemKind; itemId: string; amount: Cents; openBefore: Cents }>;
}
