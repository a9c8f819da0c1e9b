import type { Database } from 'better-sqlite3';
import { SYSTEM_USER_ID } from '../../core/auth/roles.js';
import type { LedgerLineDraft } from '../../core/ledger/ledger-line.js';
import { cents } from '../../core/money.js';
import type { Store } from '../../db/store.js';
import type { AccountSink, PlannedBill, PlannedCharge, PlannedHistory, PlannedNote, PlannedPayment, PlannedPlan } from './branch-history-accounts.js';
import { dateOf, localDate, type HistoryCalendar } from './branch-history-calendar.js';

/**
 * The branch history's rows, written with prepared statements in the order
 * the counter would have written them: numbers are taken in time order, as
 * the app takes them inside each record's transaction.
 */

type UserId = (username: string) => string;
type NewId = (ms: number) => string;

const iso = (ms: number) => new Date(ms).toISOString();
const padded = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * Consumers as they are simulated; their bills and service charges once all
 * are known, in id (issue time) order, so each goes in at the end of its table.
 */
export function accountWriter(sqlite: Database, calendar: HistoryCalendar): AccountSink & { counts: { consumers: number; bills: number; serviceCharges: number }; writeItems(): void } {
  const consumer = sqlite.prepare('insert into consumers (id, account_number, name, service_address, phone, email, status, type) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const bill = sqlite.prepare('insert into bills (id, consumer_id, invoice_number, period, amount, issued_on, due_on) values (?, ?, ?, ?, ?, ?, ?)');
  const charge = sqlite.prepare('insert into service_charges (id, consumer_id, description, amount, charged_on, due_on) values (?, ?, ?, ?, ?, ?)');
  const counts = { consumers: 0, bills: 0, serviceCharges: 0 };
  const bills: Array<PlannedBill & { consumerId: string }> = [];
  const charges: Array<PlannedCharge & { consumerId: string }> = [];
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    counts,
    account(c, ofBills, ofCharges) {
      consumer.run(c.id, c.accountNumber, c.name, c.serviceAddress, c.phone, c.email, c.status, c.type);
      for (const b of ofBills) bills.push(Object.assign(b, { consumerId: c.id }));
      for (const s of ofCharges) charges.push(Object.assign(s, { consumerId: c.id }));
      counts.consumers++;
    },
    writeItems() {
      for (const b of bills.sort(byId)) bill.run(b.id, b.consumerId, b.invoiceNumber, b.period, b.amount, dateOf(calendar, b.issuedDay), dateOf(calendar, b.dueDay));
      for (const s of charges.sort(byId)) charge.run(s.id, s.consumerId, s.description, s.amount, dateOf(calendar, s.issuedDay), dateOf(calendar, s.dueDay));
      counts.bills = bills.length;
      counts.serviceCharges = charges.length;
      bills.length = 0;
      charges.length = 0;
    },
  };
}

/**
 * Lifts, for the bulk insert, the upkeep of the largest tables that can be
 * done over again at once with the same result: their secondary indexes
 * (made again from their own SQL, as the migrations wrote them: sorting a
 * column once is far cheaper than millions of inserts at random places) and
 * the insert triggers that feed an external-content full-text index (rebuilt
 * from the table by FTS5's 'rebuild', then the triggers put back). Primary
 * keys, UNIQUE columns and every other trigger stay, so the summaries the app
 * keeps by triggers are kept row by row as the app keeps them.
 */
export function deferUpkeep(sqlite: Database, tables: readonly string[]): () => void {
  const listed = tables.map(() => '?').join(', ');
  const indexes = sqlite.prepare<string[], { name: string; sql: string }>(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${listed})`).all(...tables);
  const searches = sqlite
    .prepare<[], { name: string; sql: string }>("select name, sql from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%USING fts5%'")
    .all()
    .map(({ name, sql }) => ({ name, content: /content\s*=\s*'(\w+)'/i.exec(sql)?.[1] }))
    .filter((fts) => fts.content !== undefined && tables.includes(fts.content));
  const triggers = sqlite
    .prepare<[], { name: string; tbl_name: string; sql: string }>("select name, tbl_name, sql from sqlite_master where type = 'trigger'")
    .all()
    .filter((t) => /\bAFTER\s+INSERT\s+ON\b/i.test(t.sql) && searches.some((fts) => fts.content === t.tbl_name && t.sql.includes(fts.name)));
  for (const { name } of indexes) sqlite.exec(`drop index "${name}"`);
  for (const { name } of triggers) sqlite.exec(`drop trigger "${name}"`);
  return () => {
    for (const { sql } of indexes) sqlite.exec(sql);
    for (const { name } of searches) sqlite.exec(`insert into "${name}"("${name}") values ('rebuild')`);
    for (const { sql } of triggers) sqlite.exec(sql);
  };
}

/** Plans, numbered per year in the order they were agreed; each completed, with its first schedule. */
export function writePlans(sqlite: Database, calendar: HistoryCalendar, plans: PlannedPlan[], userId: UserId, newId: NewId) {
  const plan = sqlite.prepare(
    `insert into payment_plans (id, plan_number, consumer_id, status, created_at, version, frequency, total, down_payment, created_by, approved_by, hold_since, source)
     values (?, ?, ?, 'completed', ?, 1, 'monthly', ?, 0, ?, ?, null, 'counter')`,
  );
  const installment = sqlite.prepare('insert into installments (id, plan_id, number, amount, due_on, version) values (?, ?, ?, ?, ?, 1)');
  const version = sqlite.prepare("insert into plan_versions (id, plan_id, version, action, reason, approved_by, at, by, schedule) values (?, ?, 1, 'created', null, ?, ?, ?, ?)");
  const perYear = new Map<string, number>();
  let installments = 0;
  for (const p of [...plans].sort((a, b) => a.createdAt - b.createdAt)) {
    const at = iso(p.createdAt);
    const year = localDate(new Date(p.createdAt)).slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    plan.run(p.id, `PP-${year}-T01-${padded(seq, 4)}`, p.consumerId, at, p.total, userId('samuel'), userId('mary'));
    const schedule = p.installments.map((i) => ({ number: i.number, amount: i.amount, dueOn: dateOf(calendar, i.dueDay) }));
    p.installments.forEach((i, n) => installment.run(i.id, p.id, i.number, i.amount, schedule[n]!.dueOn));
    version.run(newId(p.createdAt), p.id, userId('mary'), at, userId('samuel'), JSON.stringify(schedule));
    installments += p.installments.length;
  }
  return { perYear, counts: { plans: plans.length, installments } };
}

const BANKS = ['Equity Bank', 'KCB Bank', 'Co-operative Bank', 'NCBA Bank', 'Absa Bank Kenya', 'Stanbic Bank', 'Family Bank', 'I&M Bank', 'DTB Bank'];

/** Proofs of payment in each method's form, each used once (a proof pays once: a unique index says so). */
function proofMaker(random: () => number) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const any = () => alphabet[Math.floor(random() * 36)]!;
  // n × 1,000,003 is a bijection modulo 36^width (it shares no factor with 36): distinct n, distinct codes that do not look counted.
  const spread = (n: number, width: number) => ((n * 1_000_003) % 36 ** width).toString(36).toUpperCase().padStart(width, '0');
  let mpesa = 0;
  let approval = 0;
  let intent = 0;
  let transfer = 0;
  return {
    /** M-PESA receipt codes start with a letter for the year (R in 2023, S in 2024, T in 2025). */
    mpesa: (year: number) => `${String.fromCharCode(65 + ((year - 2006) % 26))}${any()}${any()}${spread(++mpesa, 5)}${any()}${any()}`,
    approval: () => spread(++approval, 6),
    intent: () => `PI${padded(++intent, 8)}`,
    transfer: (date: string) => `FT${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8)}${spread(++transfer, 5)}`,
    last4: () => padded(Math.floor(random() * 10_000), 4),
    bank: () => BANKS[Math.floor(random() * BANKS.length)]!,
  };
}

/**
 * Payments in the order they were recorded, each with its numbers (receipts
 * R-T01-5001 on; payment and transaction numbers per year; online payments
 * the centre's R-ONL-…), its proof and its allocations. Credit notes are
 * numbered first, in the order they were issued, as a credit tender names one.
 */
export function writePayments(sqlite: Database, calendar: HistoryCalendar, payments: PlannedPayment[], notes: PlannedNote[], userId: UserId, newId: NewId, random: () => number) {
  payments.sort((a, b) => a.at - b.at);
  let receipts = 0;
  let online = 0;
  for (const p of payments) {
    p.id = newId(p.at);
    p.receiptNumber = p.channel === 'online' ? `R-ONL-${padded(++online, 6)}` : `R-T01-${5000 + ++receipts}`;
  }
  notes.sort((a, b) => a.createdAt - b.createdAt);
  notes.forEach((note, n) => {
    note.id = newId(note.createdAt);
    note.number = `CN-T01-${padded(n + 1, 5)}`;
  });

  const insertPayment = sqlite.prepare(
    `insert into payments (id, payment_number, transaction_number, receipt_number, consumer_id, type, channel, method, amount, amount_received, change_given,
       reference, card_last4, bank_name, applied_credit_note_id, status, verification, verified_by, verified_at, notes, payment_date, recorded_at, recorded_by,
       terminal_code, source, gateway, webhook_status, settlement_status, initiated_at, settled_at, till_session_id)
     values (${Array(31).fill('?').join(', ')})`,
  );
  const insertAllocation = sqlite.prepare('insert into payment_allocations (id, payment_id, position, item_kind, item_id, amount, open_before) values (?, ?, ?, ?, ?, ?, ?)');
  const proofs = proofMaker(random);
  const perYear = new Map<string, number>();
  let allocations = 0;
  for (const p of payments) {
    const recorded = calendar.date[p.recordDay]!;
    const year = recorded.slice(0, 4);
    const isOnline = p.channel === 'online';
    let paymentNumber: string;
    let transactionNumber: string;
    if (isOnline) {
      const stem = p.receiptNumber.slice(2);
      paymentNumber = `PAY-${stem}`;
      transactionNumber = `TXN-${stem}`;
    } else {
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      paymentNumber = `PAY-${year}-T01-${padded(seq, 6)}`;
      transactionNumber = `TXN-${year}-T01-${padded(seq, 6)}`;
    }
    const reference =
      p.method === 'mpesa' ? proofs.mpesa(Number(year)) : p.method === 'card' ? (isOnline ? proofs.intent() : proofs.approval()) : p.method === 'bank_transfer' ? proofs.transfer(recorded) : null;
    const verification = isOnline ? 'pending' : p.method === 'mpesa' || p.method === 'bank_transfer' ? (p.verifiedAt === null ? 'pending' : 'verified') : 'verified';
    const gateway = isOnline ? onlineGateway(p, calendar.nowMs, random) : null;
    insertPayment.run(
      p.id,
      paymentNumber,
      transactionNumber,
      p.receiptNumber,
      p.consumerId,
      p.type,
      p.channel,
      p.method,
      p.amount,
      p.received,
      p.received === null ? null : p.received - p.amount,
      reference,
      p.method === 'card' && !isOnline ? proofs.last4() : null,
      p.method === 'bank_transfer' ? proofs.bank() : null,
      p.spends?.id ?? null,
      p.status,
      verification,
      p.verifiedAt === null ? null : SYSTEM_USER_ID,
      p.verifiedAt === null ? null : iso(p.verifiedAt),
      p.notes ?? (p.replaces ? `Taken again after receipt ${p.replaces.receiptNumber} was reversed` : null),
      // The centre dates an online payment by the UTC day it was initiated (core/sync/apply-rules.ts).
      isOnline ? iso(p.at).slice(0, 10) : dateOf(calendar, p.paymentDay),
      iso(p.at),
      userId(p.recordedBy),
      isOnline ? 'ONL' : 'T01',
      isOnline ? 'online' : 'counter',
      gateway?.gateway ?? null,
      gateway?.webhook ?? null,
      gateway?.settlement ?? null,
      isOnline ? iso(p.at) : null,
      gateway?.settledAt ?? null,
      null,
    );
    p.allocations.forEach((a, position) => insertAllocation.run(newId(p.at), p.id, position, a.item.kind, a.item.id, a.amount, a.openBefore));
    allocations += p.allocations.length;
  }
  return { payments: payments.length, allocations, receipts, perYear };
}

/** The gateway's statuses as the centre reports them (core/payments/gateway-status.ts): settled when posted. */
function onlineGateway(p: PlannedPayment, nowMs: number, random: () => number) {
  const gateway = p.method === 'card' ? 'Stripe' : 'M-PESA';
  if (p.status === 'failed') return { gateway, webhook: 'failed', settlement: null, settledAt: null };
  if (p.status === 'pending') return random() < 0.5 ? { gateway, webhook: 'not_confirmed', settlement: null, settledAt: null } : { gateway, webhook: 'in_settlement', settlement: 'in_progress', settledAt: null };
  const settledAt = Math.min(nowMs, p.at + (2 + Math.floor(random() * 46)) * 3_600_000);
  return { gateway, webhook: 'settled', settlement: 'success', settledAt: iso(settledAt) };
}

export interface WrittenReversal { id: string; number: string; by: string }

/** Reversal slips, numbered in the order they were made; approved by the branch manager. */
export function writeReversals(sqlite: Database, payments: PlannedPayment[], userId: UserId, newId: NewId): Map<PlannedPayment, WrittenReversal> {
  const insert = sqlite.prepare('insert into payment_reversals (id, number, payment_id, reason, reversed_by, approved_by, at, replacement_payment_id, till_session_id) values (?, ?, ?, ?, ?, ?, ?, null, null)');
  const reversed = payments.filter((p) => p.reversal !== null).sort((a, b) => a.reversal!.at - b.reversal!.at);
  const written = new Map<PlannedPayment, WrittenReversal>();
  reversed.forEach((p, n) => {
    const reversal = { id: newId(p.reversal!.at), number: `RV-T01-${padded(n + 1, 5)}`, by: userId(p.recordedBy) };
    insert.run(reversal.id, reversal.number, p.id, p.reversal!.reason, reversal.by, userId('mary'), iso(p.reversal!.at));
    written.set(p, reversal);
  });
  return written;
}

export function writeCreditNotes(sqlite: Database, calendar: HistoryCalendar, notes: PlannedNote[], userId: UserId): number {
  const insert = sqlite.prepare(
    'insert into credit_notes (id, number, consumer_id, payment_id, amount, reason, remarks, issued_on, expires_on, created_at, created_by, approved_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const n of notes) {
    insert.run(n.id, n.number, n.consumerId, n.payment.id, n.amount, n.reason, n.remarks, calendar.date[n.issuedDay], n.expiresOn, iso(n.createdAt), userId(n.createdBy), n.approvedBy && userId(n.approvedBy));
  }
  return notes.length;
}

/** A note's ledger lines as the app writes them (record-payment, create-credit-note, expire-credit-notes, reverse-payment), in time order, hash-chained. */
export function writeCreditLedger(store: Store, notes: PlannedNote[], reversals: Map<PlannedPayment, WrittenReversal>, userId: UserId, newId: NewId): number {
  const lines: Array<LedgerLineDraft & { ms: number }> = [];
  const line = (ms: number, note: PlannedNote, fields: Pick<LedgerLineDraft, 'entryKind' | 'paymentId' | 'amount' | 'description' | 'createdBy'>) =>
    lines.push({ ms, id: newId(ms), consumerId: note.consumerId, itemKind: 'credit_note', itemId: note.id, createdAt: iso(ms), ...fields });
  for (const note of notes) {
    const receipt = note.payment.receiptNumber;
    const overpayment = note.reason === 'overpayment';
    line(note.createdAt, note, {
      entryKind: 'credit_issued',
      paymentId: overpayment ? note.payment.id : null,
      amount: cents(-note.amount),
      description: overpayment ? `Overpayment on receipt ${receipt}, credit note ${note.number}` : `Credit note ${note.number} on receipt ${receipt}`,
      createdBy: userId(note.createdBy),
    });
    for (const spent of note.applications) {
      line(spent.at, note, { entryKind: 'credit_applied', paymentId: spent.id, amount: cents(spent.amount), description: `Credit ${note.number} applied, receipt ${spent.receiptNumber}`, createdBy: userId(spent.recordedBy) });
    }
    if (note.cancelledAt !== null) {
      const reversal = reversals.get(note.payment)!;
      const left = note.amount - note.applications.reduce((sum, a) => sum + a.amount, 0);
      line(note.cancelledAt, note, { entryKind: 'reversal', paymentId: note.payment.id, amount: cents(left), description: `Credit note ${note.number} cancelled by reversal ${reversal.number}`, createdBy: reversal.by });
    }
    if (note.expiredAt !== null) {
      line(note.expiredAt, note, { entryKind: 'credit_expired', paymentId: null, amount: cents(note.forfeited), description: `Credit note ${note.number} expired on ${note.expiresOn}`, createdBy: SYSTEM_USER_ID });
    }
  }
  lines.sort((a, b) => a.ms - b.ms);
  for (let i = 0; i < lines.length; i += 5000) store.ledger.append(lines.slice(i, i + 5000).map(({ ms: _ms, ...draft }) => draft));
  return lines.length;
}

/** The audit entries the workspace shows in a note's history: created, expired, cancelled; and each reversal. */
export function writeAudit(store: Store, calendar: HistoryCalendar, history: PlannedHistory, reversals: Map<PlannedPayment, WrittenReversal>, userId: UserId, newId: NewId): number {
  const entries: Array<{ ms: number; userId: string; action: string; entity: string; entityId: string; before: unknown; after: unknown }> = [];
  for (const note of history.notes) {
    const record = {
      id: note.id,
      number: note.number,
      consumerId: note.consumerId,
      paymentId: note.payment.id,
      amount: note.amount,
      reason: note.reason,
      remarks: note.remarks,
      issuedOn: calendar.date[note.issuedDay],
      expiresOn: note.expiresOn,
      createdAt: iso(note.createdAt),
      createdBy: userId(note.createdBy),
    };
    entries.push({ ms: note.createdAt, userId: userId(note.createdBy), action: 'credit_note.create', entity: 'credit_note', entityId: note.id, before: null, after: note.approvedBy ? { ...record, approvedBy: userId(note.approvedBy) } : record });
    if (note.expiredAt !== null) entries.push({ ms: note.expiredAt, userId: SYSTEM_USER_ID, action: 'credit_note.expire', entity: 'credit_note', entityId: note.id, before: { remaining: note.forfeited }, after: { remaining: 0 } });
    if (note.cancelledAt !== null) {
      const reversal = reversals.get(note.payment)!;
      entries.push({ ms: note.cancelledAt, userId: reversal.by, action: 'credit_note.cancel', entity: 'credit_note', entityId: note.id, before: { status: 'active', remaining: note.amount }, after: { status: 'cancelled', reversal: reversal.number } });
    }
  }
  for (const [payment, reversal] of reversals) {
    const at = iso(payment.reversal!.at);
    const record = { id: reversal.id, number: reversal.number, paymentId: payment.id, reason: payment.reversal!.reason, reversedBy: reversal.by, approvedBy: userId('mary'), at, replacementPaymentId: null, tillSessionId: null };
    entries.push({ ms: payment.reversal!.at, userId: reversal.by, action: 'payment.reverse', entity: 'payment', entityId: payment.id, before: { status: 'posted' }, after: { status: 'reversed', reversal: record } });
  }
  entries.sort((a, b) => a.ms - b.ms);
  for (const { ms, ...entry } of entries) store.audit.append({ id: newId(ms), at: iso(ms), ...entry });
  return entries.length;
}

/** The number sequences where the history leaves them, so the next number the counter takes follows on. */
export function writeSequences(sqlite: Database, numbers: { receipts: number; paymentsPerYear: Map<string, number>; creditNotes: number; reversals: number; plansPerYear: Map<string, number> }): void {
  const set = sqlite.prepare('insert into number_sequences (scope, last_value) values (?, ?) on conflict (scope) do update set last_value = excluded.last_value');
  if (numbers.receipts > 0) set.run('receipt', 5000 + numbers.receipts);
  for (const [year, last] of numbers.paymentsPerYear) {
    set.run(`payment:${year}`, last);
    set.run(`transaction:${year}`, last);
  }
  if (numbers.creditNotes > 0) set.run('creditNote', numbers.creditNotes);
  if (numbers.reversals > 0) set.run('reversal', numbers.reversals);
  for (const [year, last] of numbers.plansPerYear) set.run(`plan:${year}`, last);
}
