import type { Consumer, PayableItem } from './accounts/account.js';
import type { CreditNoteRecord, CreditNoteUsage } from './credit-notes/credit-note.js';
import type { LedgerLineDraft } from './ledger/ledger-line.js';
import type { Cents } from './money.js';
import type { PaymentRecord, PaymentStatus } from './payments/payment-record.js';
import type { CoverOnPlan, InstallmentOnPlan, PlanAlertRecord, PlanCover, PlanInstallment, PlanLine, PlanRecord, PlanVersionRecord } from './plans/plan-record.js';
import type { TillFacts, TillSummary } from './tills/till-report.js';
import type { TillLine, TillSessionRecord, TillStatus } from './tills/till-session.js';

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
  /** The consumer: the centre applies one account's postings in order. */
  accountId: string;
  /** Cents this adds to money collected: a payment +, its reversal −, anything else 0. */
  amount: number;
  tillSessionId: string | null;
  payload: unknown;
  createdAt: string;
}

/** A credit note with what its ledger lines say is left of it. */
export interface CreditNoteOnHand {
  record: CreditNoteRecord;
  usage: CreditNoteUsage;
}

/** What a reversal needs to know of the payment it undoes. */
export type StoredPaymentFacts = Pick<
  PaymentRecord,
  'id' | 'consumerId' | 'amount' | 'method' | 'receiptNumber' | 'status' | 'verification' | 'paymentDate' | 'appliedCreditNoteId' | 'type'
> & { source: 'counter' | 'online'; tillSessionId: string | null };

export interface ReversalRecord {
  id: string;
  number: string;
  paymentId: string;
  reason: string;
  reversedBy: string;
  approvedBy: string;
  at: string;
  replacementPaymentId: string | null;
  /** The drawer the money went back out of. */
  tillSessionId: string;
}

/** Safaricom's word that an M-PESA code paid an amount to an account, as the centre brought it down. */
export interface MpesaConfirmation {
  code: string;
  accountNumber: string;
  amount: Cents;
  confirmedAt: string;
  /** The counter payment it verified, once one did. */
  paymentId: string | null;
}

/** Something sync found that a branch manager must look at. */
export interface SyncReview {
  id: string;
  kind: 'mpesa_mismatch' | 'till_mismatch' | 'proof_used_twice';
  /** What it is about: the payment for an M-PESA mismatch or a proof used twice, the till session for a till batch. */
  refId: string;
  detail: string;
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
    facts(id: string): StoredPaymentFacts | undefined;
    setStatus(id: string, status: PaymentStatus): void;
    markVerified(id: string, by: string, at: string): void;
  };
  creditNotes: {
    insert(note: CreditNoteRecord, approvedBy: string | null): void;
    onHand(id: string): CreditNoteOnHand | undefined;
    /** Every note issued on a payment: its overpayment's and any made by hand. */
    onPayment(paymentId: string): CreditNoteOnHand[];
    /** Notes whose expiry day has passed and that still show credit, oldest first. */
    expiredWithCredit(today: string): CreditNoteOnHand[];
  };
  reversals: { insert(reversal: ReversalRecord): void };
  /** Counts; the number format that turns the count into an identifier is core's. */
  sequences: { next(scope: string, start: number): number };
  ledger: {
    append(lines: readonly LedgerLineDraft[]): void;
    /** The lines a payment wrote, in order. */
    linesOfPayment(paymentId: string): LedgerLineDraft[];
  };
  audit: { append(entry: AuditEntry): void };
  outbox: {
    add(posting: OutboxPosting): void;
    /** How many postings a till session has made so far and their amounts' sum: its closing posting's batch key. */
    tillTotals(tillSessionId: string): { count: number; total: number };
  };
  tills: {
    session(id: string): TillSessionRecord | undefined;
    /** The cashier's till on this terminal that is not yet closed. */
    openOf(cashierId: string, terminalCode: string): TillSessionRecord | undefined;
    insert(session: TillSessionRecord): void;
    setStatus(id: string, status: TillStatus, closedAt: string | null, closedBy: string | null): void;
    appendLine(line: TillLine): void;
    hasLine(id: string): boolean;
    facts(id: string): TillFacts;
    /** Tills of this terminal not yet closed whose business day is on or before the date, with their cashier's name. */
    unclosedBy(businessDate: string, terminalCode: string): Array<TillSessionRecord & { cashierName: string }>;
    /** This terminal's tills of the day, for the end-of-day list. */
    summariesOn(businessDate: string): TillSummary[];
  };
  businessDays: {
    closed(businessDate: string): { closedAt: string; closedBy: string } | undefined;
    close(businessDate: string, at: string, by: string): void;
  };
  mpesaConfirmations: {
    byCode(code: string): MpesaConfirmation | undefined;
    linkPayment(code: string, paymentId: string): void;
  };
  /** Opening a review already open for the same thing adds nothing. */
  syncReviews: { open(review: SyncReview): void };
  plans: {
    byId(id: string): PlanRecord | undefined;
    insert(plan: PlanRecord): void;
    /** Moves what a plan is now: its status, its schedule's version and frequency, its disconnection hold. */
    update(id: string, fields: Partial<Pick<PlanRecord, 'status' | 'version' | 'frequency' | 'holdSince'>>): void;
    insertInstallments(installments: readonly PlanInstallment[]): void;
    /** One version's installments, lowest number first, with what is open and paid on each. */
    installments(planId: string, version: number): InstallmentOnPlan[];
    insertVersion(version: PlanVersionRecord): void;
    insertCovers(covers: readonly PlanCover[]): void;
    covers(planId: string): CoverOnPlan[];
    appendLine(line: PlanLine): void;
    /** Every plan neither completed nor cancelled: what the daily review looks at. */
    underReview(): PlanRecord[];
    /** A consumer's plans, newest first, whatever their status. */
    ofConsumer(consumerId: string): PlanRecord[];
  };
  planAlerts: {
    /** Raising an alert already raised (same plan, version, kind and installment) adds nothing; true when it was new. */
    raise(alert: PlanAlertRecord): boolean;
    byId(id: string): (PlanAlertRecord & { acknowledgedAt: string | null; acknowledgedBy: string | null; note: string | null }) | undefined;
    acknowledge(id: string, at: string, by: string, note: string | null): void;
  };
}
