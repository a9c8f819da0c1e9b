import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Money columns are integer cents. No table here uses ON DELETE CASCADE: a
 * table rebuild by a migration must never empty a ledger (drizzle-orm #5782).
 * Append-only rules and the consumer search index are in the hand-written
 * migration 0001_ledger_guards.sql, because drizzle-kit cannot express triggers.
 */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  pinHash: text('pin_hash').notNull(),
  createdAt: text('created_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const consumers = sqliteTable(
  'consumers',
  {
    id: text('id').primaryKey(),
    accountNumber: text('account_number').notNull().unique(),
    name: text('name').notNull(),
    serviceAddress: text('service_address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    status: text('status').notNull(),
    type: text('type').notNull(),
  },
  // The payments workspace lists payments by consumer name (0011).
  (t) => [index('consumers_name').on(t.name, t.id)],
);

export const bills = sqliteTable(
  'bills',
  {
    id: text('id').primaryKey(),
    consumerId: text('consumer_id').notNull().references(() => consumers.id),
    invoiceNumber: text('invoice_number').notNull().unique(),
    period: text('period').notNull(),
    amount: integer('amount').notNull(),
    issuedOn: text('issued_on').notNull(),
    dueOn: text('due_on').notNull(),
  },
  (t) => [index('bills_consumer').on(t.consumerId)],
);

export const serviceCharges = sqliteTable(
  'service_charges',
  {
    id: text('id').primaryKey(),
    consumerId: text('consumer_id').notNull().references(() => consumers.id),
    description: text('description').notNull(),
    amount: integer('amount').notNull(),
    chargedOn: text('charged_on').notNull(),
    dueOn: text('due_on').notNull(),
  },
  (t) => [index('service_charges_consumer').on(t.consumerId)],
);

/**
 * A payment plan: arrears moved onto a schedule of installments. The status
 * is the latest compliance review (core/plans/PLANS.md); the money is in the
 * ledger lines of its installments and covered items.
 */
export const paymentPlans = sqliteTable(
  'payment_plans',
  {
    id: text('id').primaryKey(),
    planNumber: text('plan_number').notNull().unique(),
    consumerId: text('consumer_id').notNull().references(() => consumers.id),
    status: text('status').notNull(),
    createdAt: text('created_at').notNull(),
    /** The schedule in force: installments of other versions are history. */
    version: integer('version').notNull().default(1),
    frequency: text('frequency').notNull().default('monthly'),
    /** The arrears the plan took over, in cents. */
    total: integer('total').notNull().default(0),
    downPayment: integer('down_payment').notNull().default(0),
    createdBy: text('created_by').notNull().default('system'),
    approvedBy: text('approved_by'),
    /** Since when the account is held from disconnection; null when it is not. */
    holdSince: text('hold_since'),
    /** 'centre' for plans brought down by sync, 'counter' for plans made here. */
    source: text('source').notNull().default('centre'),
  },
  (t) => [index('payment_plans_consumer').on(t.consumerId), index('payment_plans_status').on(t.status)],
);

export const installments = sqliteTable(
  'installments',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().references(() => paymentPlans.id),
    number: integer('number').notNull(),
    amount: integer('amount').notNull(),
    dueOn: text('due_on').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('installments_plan_version_number').on(t.planId, t.version, t.number)],
);

/** Each schedule a plan has had, with who set it, why and who approved it. */
export const planVersions = sqliteTable(
  'plan_versions',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().references(() => paymentPlans.id),
    version: integer('version').notNull(),
    /** created, rescheduled or cancelled. */
    action: text('action').notNull(),
    reason: text('reason'),
    approvedBy: text('approved_by'),
    at: text('at').notNull(),
    by: text('by').notNull(),
    /** The schedule as it was set: JSON of {number, amount, dueOn}[]. */
    schedule: text('schedule').notNull(),
  },
  (t) => [uniqueIndex('plan_versions_plan_version_action').on(t.planId, t.version, t.action)],
);

/** What each covered bill or service charge gave the plan, so a cancel can give it back. */
export const planCovers = sqliteTable(
  'plan_covers',
  {
    planId: text('plan_id').notNull().references(() => paymentPlans.id),
    itemKind: text('item_kind').notNull(),
    itemId: text('item_id').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.itemKind, t.itemId] }), index('plan_covers_item').on(t.itemKind, t.itemId)],
);

/** What happened to a plan, append-only: created, rescheduled, cancelled, each status change, the hold placed and released. */
export const planLines = sqliteTable(
  'plan_lines',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    planId: text('plan_id').notNull().references(() => paymentPlans.id),
    kind: text('kind').notNull(),
    /** The rest of the event (statuses, reason, version), as JSON. */
    detail: text('detail').notNull(),
    at: text('at').notNull(),
    by: text('by').notNull(),
  },
  (t) => [index('plan_lines_plan').on(t.planId, t.seq)],
);

/** Missed installments and broken plans for the recovery desk; acknowledged with a note, never deleted. */
export const planAlerts = sqliteTable(
  'plan_alerts',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().references(() => paymentPlans.id),
    /** The plan's version when raised: a plan rescheduled out of a break that breaks again is alerted again. */
    planVersion: integer('plan_version').notNull().default(1),
    /** missed_installment or broken. */
    kind: text('kind').notNull(),
    /** The installment missed; null for a break. */
    installmentId: text('installment_id'),
    message: text('message').notNull(),
    raisedAt: text('raised_at').notNull(),
    acknowledgedAt: text('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    note: text('note'),
  },
  // The unique index that keeps an alert from being raised twice is on an expression drizzle-kit
  // cannot write (coalesce(installment_id, '')); it is in the hand-written part of 0009_plans.sql.
  (t) => [index('plan_alerts_raised').on(t.raisedAt)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    paymentNumber: text('payment_number').notNull().unique(),
    transactionNumber: text('transaction_number').notNull().unique(),
    receiptNumber: text('receipt_number').notNull().unique(),
    consumerId: text('consumer_id').notNull().references(() => consumers.id),
    type: text('type').notNull(),
    channel: text('channel').notNull(),
    method: text('method').notNull(),
    amount: integer('amount').notNull(),
    amountReceived: integer('amount_received'),
    changeGiven: integer('change_given'),
    reference: text('reference'),
    cardLast4: text('card_last4'),
    bankName: text('bank_name'),
    /** A credit tender's credit note. Not a foreign key: notes and payments refer to each other. */
    appliedCreditNoteId: text('applied_credit_note_id'),
    status: text('status').notNull(),
    verification: text('verification').notNull(),
    verifiedBy: text('verified_by'),
    verifiedAt: text('verified_at'),
    notes: text('notes'),
    paymentDate: text('payment_date').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull().references(() => users.id),
    terminalCode: text('terminal_code').notNull(),
    /** 'counter', or 'online' for a payment brought down from the centre. */
    source: text('source').notNull().default('counter'),
    gateway: text('gateway'),
    webhookStatus: text('webhook_status'),
    settlementStatus: text('settlement_status'),
    initiatedAt: text('initiated_at'),
    settledAt: text('settled_at'),
    /** The drawer a counter payment was taken into; null for payments made online. */
    tillSessionId: text('till_session_id'),
  },
  (t) => [
    // Every index here is written by every payment (0012): a consumer's payments are found through
    // payments_consumer_date, and the order payments were recorded in is the rowid's.
    index('payments_till').on(t.tillSessionId).where(sql`till_session_id is not null`),
    // The payments that spent a credit note: its details and audit trail, without reading every payment.
    index('payments_credit_applied').on(t.appliedCreditNoteId).where(sql`applied_credit_note_id is not null`),
    // A proof of payment (M-PESA code, card approval, bank reference) pays once.
    uniqueIndex('payments_method_reference').on(t.method, t.reference).where(sql`reference is not null`),
    // The payments workspace (db/repositories/payment-search.ts): one index per sort order, each
    // carrying the columns filtered on, so a page walks its index and reads only the rows it keeps;
    // by consumer, the index counts a search's matches without reading a payment.
    index('payments_by_date').on(t.paymentDate, t.recordedAt, t.consumerId, t.status, t.method, t.type, t.channel),
    index('payments_consumer_date').on(t.consumerId, t.paymentDate, t.recordedAt, t.amount, t.status, t.method, t.type, t.channel),
    index('payments_amount').on(t.amount, t.status, t.method, t.type, t.channel),
    // The few payments not posted (reversed, failed, pending, cancelled: some 2 in 100), newest first: a search for
    // them walks these alone. A payment posted when taken, as at the counter, writes nothing here.
    index('payments_unposted').on(t.paymentDate, t.recordedAt, t.consumerId, t.status, t.method, t.type, t.channel).where(sql`status <> 'posted'`),
    index('payments_receipt_order').on(sql`length(${t.receiptNumber})`, t.receiptNumber, t.status, t.method, t.type, t.channel),
  ],
);

export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    position: integer('position').notNull(),
    itemKind: text('item_kind').notNull(),
    itemId: text('item_id').notNull(),
    amount: integer('amount').notNull(),
    openBefore: integer('open_before').notNull(),
  },
  (t) => [uniqueIndex('payment_allocations_position').on(t.paymentId, t.position)],
);

export const ledgerLines = sqliteTable(
  'ledger_lines',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    consumerId: text('consumer_id').notNull().references(() => consumers.id),
    entryKind: text('entry_kind').notNull(),
    itemKind: text('item_kind'),
    itemId: text('item_id'),
    paymentId: text('payment_id').references(() => payments.id),
    amount: integer('amount').notNull(),
    description: text('description').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('ledger_lines_consumer').on(t.consumerId, t.amount), index('ledger_lines_item').on(t.itemKind, t.itemId, t.amount), index('ledger_lines_payment').on(t.paymentId).where(sql`payment_id is not null`)],
);

/** Credit the utility owes a consumer. What is left of it is minus the sum of its ledger lines. */
export const creditNotes = sqliteTable(
  'credit_notes',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    consumerId: text('consumer_id').notNull().references(() => consumers.id),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    remarks: text('remarks'),
    issuedOn: text('issued_on').notNull(),
    expiresOn: text('expires_on').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    approvedBy: text('approved_by').references(() => users.id),
  },
  (t) => [index('credit_notes_consumer').on(t.consumerId), index('credit_notes_payment').on(t.paymentId), index('credit_notes_expiry').on(t.expiresOn)],
);

/**
 * What is left of each credit note and its status, kept by triggers on its
 * ledger lines in the same statement (0011_workspace_search.sql), as
 * creditUsageOf reads them, beside the note's fields the Credit Notes tab
 * filters and sorts on: a filter over 100,000 notes is counted from one
 * covering index, not from the ledger. Its rowid is its note's rowid.
 * Always recomputable from the ledger, and checked against it.
 */
export const creditNoteBalances = sqliteTable(
  'credit_note_balances',
  {
    noteRowid: integer('note_rowid').primaryKey(),
    creditNoteId: text('credit_note_id').notNull(),
    number: text('number').notNull(),
    issuedOn: text('issued_on').notNull(),
    createdAt: text('created_at').notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    /** Minus the sum of the note's ledger lines, in cents. */
    remaining: integer('remaining').notNull(),
    /** active, applied, expired or cancelled. */
    status: text('status').notNull(),
  },
  (t) => [
    index('credit_note_balances_created').on(t.issuedOn, t.createdAt, t.status, t.reason, t.amount, t.remaining),
    index('credit_note_balances_amount').on(t.amount, t.status, t.reason, t.issuedOn, t.remaining),
    index('credit_note_balances_remaining').on(t.remaining, t.status, t.reason, t.issuedOn, t.amount),
    index('credit_note_balances_number').on(sql`length(${t.number})`, t.number, t.status, t.reason, t.issuedOn, t.amount, t.remaining),
  ],
);

/** A payment undone: the slip's number, why, and the manager who approved it. The money moves in ledger lines. */
export const paymentReversals = sqliteTable('payment_reversals', {
  id: text('id').primaryKey(),
  number: text('number').notNull().unique(),
  paymentId: text('payment_id').notNull().unique().references(() => payments.id),
  reason: text('reason').notNull(),
  reversedBy: text('reversed_by').notNull().references(() => users.id),
  approvedBy: text('approved_by').notNull().references(() => users.id),
  at: text('at').notNull(),
  /** Set when an administrator's edit replaced the payment with a corrected one. */
  replacementPaymentId: text('replacement_payment_id'),
  /** The drawer the money went back out of. */
  tillSessionId: text('till_session_id'),
});

/** The ledger's sum per consumer, kept by a trigger on every new line; always recomputable and checked. */
export const consumerBalances = sqliteTable('consumer_balances', {
  consumerId: text('consumer_id').primaryKey(),
  balance: integer('balance').notNull(),
});

export const numberSequences = sqliteTable('number_sequences', {
  scope: text('scope').primaryKey(),
  lastValue: integer('last_value').notNull(),
});

export const auditEntries = sqliteTable(
  'audit_entries',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    // A UUIDv7 made here, never looked up by: no unique index, which would be one more page in every payment's commit (0014).
    id: text('id').notNull(),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_entries_entity').on(t.entity, t.entityId)],
);

/** Postings for the central billing server, written in the same transaction as what they report. */
/**
 * Postings for the central server, written with the record they describe.
 * A posting's content never changes; only its delivery moves on:
 * pending → sent, or pending → parked (rejected, with the centre's reason) →
 * pending again when a branch manager retries it.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    kind: text('kind').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    /** The consumer: postings of one account are delivered in order. */
    accountId: text('account_id').notNull().default(''),
    /** Cents added to money collected: a payment +, its reversal −, others 0. */
    amount: integer('amount').notNull().default(0),
    tillSessionId: text('till_session_id'),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** accepted or duplicate, once sent. */
    outcome: text('outcome'),
    sentAt: text('sent_at'),
    parkedReason: text('parked_reason'),
    parkedAt: text('parked_at'),
  },
  (t) => [index('outbox_state').on(t.state, t.seq), index('outbox_account').on(t.accountId, t.state), index('outbox_till').on(t.tillSessionId).where(sql`till_session_id is not null`)],
);

/** What the sync remembers between runs: the pull cursor, the terminal's id, the last success. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** M-PESA confirmations from the centre, kept so a payment recorded after its confirmation is verified at once. */
export const mpesaConfirmations = sqliteTable('mpesa_confirmations', {
  code: text('code').primaryKey(),
  accountNumber: text('account_number').notNull(),
  amount: integer('amount').notNull(),
  confirmedAt: text('confirmed_at').notNull(),
  receivedAt: text('received_at').notNull(),
  paymentId: text('payment_id'),
});

/**
 * What sync found that a branch manager must look at: an M-PESA confirmation
 * whose amount or account differs from the payment, a till batch the centre
 * counted differently. Resolved, never deleted.
 */
export const syncReviews = sqliteTable(
  'sync_reviews',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    refId: text('ref_id').notNull(),
    detail: text('detail').notNull(),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [uniqueIndex('sync_reviews_ref').on(t.kind, t.refId), index('sync_reviews_open').on(t.resolvedAt)],
);

export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    document: text('document').notNull(),
    refId: text('ref_id').notNull(),
    copy: integer('copy', { mode: 'boolean' }).notNull(),
    status: text('status').notNull(),
    error: text('error'),
    attempts: integer('attempts').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('print_jobs_ref').on(t.document, t.refId)],
);

/**
 * One cashier's drawer on one terminal for one business day. Its money is in
 * its till lines and the payments taken into it; only the status moves
 * (open → awaiting_approval → closed), and never back from closed (a trigger).
 */
export const tillSessions = sqliteTable(
  'till_sessions',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    terminalCode: text('terminal_code').notNull(),
    cashierId: text('cashier_id').notNull().references(() => users.id),
    businessDate: text('business_date').notNull(),
    openingFloat: integer('opening_float').notNull(),
    status: text('status').notNull(),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by').references(() => users.id),
  },
  (t) => [index('till_sessions_cashier').on(t.cashierId, t.terminalCode, t.status), index('till_sessions_day').on(t.businessDate)],
);

/** What happened to a till, append-only: float, cash in and out, every count, the approval, the close. */
export const tillLines = sqliteTable(
  'till_lines',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    tillSessionId: text('till_session_id').notNull().references(() => tillSessions.id),
    kind: text('kind').notNull(),
    amount: integer('amount').notNull(),
    /** The rest of the line (reason, counts by denomination, variances), as JSON. */
    detail: text('detail').notNull(),
    approvedBy: text('approved_by').references(() => users.id),
    at: text('at').notNull(),
    by: text('by').notNull().references(() => users.id),
  },
  (t) => [index('till_lines_session').on(t.tillSessionId, t.seq)],
);

/** A business day the branch manager closed on this terminal: nothing more is taken on it. */
export const businessDays = sqliteTable('business_days', {
  businessDate: text('business_date').primaryKey(),
  closedAt: text('closed_at').notNull(),
  closedBy: text('closed_by').notNull().references(() => users.id),
});

/** Till sessions of other terminals of the branch, as the centre brought them down for the end-of-day view. */
export const branchTills = sqliteTable(
  'branch_tills',
  {
    id: text('id').primaryKey(),
    businessDate: text('business_date').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [index('branch_tills_day').on(t.businessDate)],
);

/**
 * Collections per day, kept by triggers on payments and their allocations
 * (0010_workspace_figures.sql), so the KPI header and the charts read a few
 * hundred rows instead of years of payments, and stay right under reversals,
 * verification and backdating whatever writes them. Every status is kept, so
 * a filter without a search can be counted here too.
 */
export const dailyCollections = sqliteTable(
  'daily_collections',
  {
    paymentDate: text('payment_date').notNull(),
    method: text('method').notNull(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    /** Cents and number of the payments. */
    amount: integer('amount').notNull(),
    count: integer('count').notNull(),
    /** Days from each paid item's issue to the payment, summed over the allocations, and how many allocations: the average collection time. */
    allocationDays: integer('allocation_days').notNull(),
    allocationCount: integer('allocation_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paymentDate, t.method, t.channel, t.type, t.status] })],
);

/**
 * How far the receipt number index (payments_receipts, 0011) has read the
 * payments: it is fed in one step before a search reads it, not by a trigger
 * on every payment (0012), so taking a payment writes two pages fewer.
 */
export const receiptSearchProgress = sqliteTable('receipt_search_progress', {
  id: integer('id').primaryKey(),
  /** The last payment rowid indexed. */
  lastRowid: integer('last_rowid').notNull(),
});

/** What falls due per day (bills and service charges), kept by triggers: the collection rate's denominator. */
export const dailyDues = sqliteTable(
  'daily_dues',
  {
    dueOn: text('due_on').notNull(),
    /** bill or service. */
    itemKind: text('item_kind').notNull(),
    amount: integer('amount').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dueOn, t.itemKind] })],
);
