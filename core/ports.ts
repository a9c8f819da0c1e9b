import type { Consumer, PayableItem } from './accounts/account.js';
import type { LedgerLineDraft } from './ledger/ledger-line.js';
import type { PaymentRecord } from './payments/payment-record.js';

/**
 * What the use cases need from storage. db/ implements these over SQLite;
 * every use case runs inside one transaction that db/ opens around it.
 */
export interface AuditEntry {
  id: string;
  at: string;
  userId: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface OutboxPosting {
  /** The idempotency key the central server applies once. */
  id: string;
  kind: string;
  aggregateId: string;
  payload: unknown;
  createdAt: string;
}

export interface Ports {
  newId(): string;
  consumers: { byId(id: string): Consumer | undefined };
  items: { byIds(consumerId: string, ids: readonly string[]): PayableItem[] };
  payments: {
    find(id: string): Pick<PaymentRecord, 'id' | 'consumerId' | 'amount'> | undefined;
    /** The receipt number of the payment that already used this proof of payment, if any. */
    receiptUsingReference(method: string, reference: string): string | undefined;
    insert(record: PaymentRecord): void;
  };
  /** Counts; the number format that turns the count into an identifier is core's. */
  sequences: { next(scope: string, start: number): number };
  ledger: { append(lines: readonly LedgerLineDraft[]): void };
  audit: { append(entry: AuditEntry): void };
  outbox: { add(posting: OutboxPosting): void };
}
