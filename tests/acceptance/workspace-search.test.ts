/**
 * Acceptance tests of issue 7's two tabs and the credit note's trail (spec
 * "Search Payments", "Payment Table Fields", "Credit notes tab", "Filters –
 * Business Rules"; AC 32–39), through the services as the workspace calls
 * them: Jane takes payments into her till, Mary (branch manager) reads.
 * The last part builds a few thousand payments and notes and checks every
 * page of many random searches against a plain reading of the tables, so
 * each of the search's plans (walking an index, collecting matches, the
 * day-by-day count) is held to the same answer.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../core/api/contract.js';
import { creditNoteStatus, creditUsageOf, remainingCredit } from '../../core/credit-notes/credit-note.js';
import { cents } from '../../core/money.js';
import { readSearch, remainingClass } from '../../core/workspace/search-terms.js';
import { paymentSearchRepository } from '../../db/repositories/payment-search.js';
import { seededRandom } from '../../db/seed/demo-data.js';
import { type Caller, type CounterBackend, dayOf, expectRefused, johnDoe, openCounter, paymentInput } from './counter-backend.js';

const START = new Date(2026, 3, 20, 10, 0, 0);
const APPROVAL = { username: 'mary', pin: '3456' };

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(START);
});
afterEach(() => counter.close());

const sql = () => counter.backend.store.db.$client;
type PaymentsPage = CallOutput<'payments-search'>;
type NotesPage = CallOutput<'credit-notes-search'>;
const receipts = (page: PaymentsPage) => page.rows.map((r) => r.receiptNumber);
const numbers = (page: NotesPage) => page.rows.map((r) => r.number);

/**
 * John Doe's day at the counter, as Jane takes it: 150.00 cash on a 145.50
 * bill (4.50 over: CN-T01-00001), the 25.00 late fee by M-PESA, and a card
 * payment for the next bill dated three days back; then 1.50 of the credit
 * applied to the reconnection fee, leaving 3.00 of it.
 */
async function johnsDay(jane: Caller) {
  const john = await johnDoe(jane);
  const overpaid = await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '150.00', amountReceived: '150.00' }, counter.now));
  const lateFee = await jane.call('payment-record', paymentInput(john.id, [john.item('Late Fee').id], { type: 'service', method: 'mpesa', reference: 'LHG31AA5TX', amountPaid: '25.00' }, counter.now));
  const backdated = await jane.call(
    'payment-record',
    paymentInput(john.id, [john.item('INV-2025-001567').id], { method: 'card', reference: 'A1B2C3', cardLast4: '4242', amountPaid: '152.25', paymentDate: dayOf(new Date(2026, 3, 17)) }, counter.now),
  );
  const note = overpaid.creditNotes[0]!;
  const credit = await jane.call('payment-record', paymentInput(john.id, [john.item('Reconnection Fee').id], { type: 'service', method: 'credit_note', creditNoteId: note.id, amountPaid: '1.50' }, counter.now));
  return { john, overpaid, lateFee, backdated, credit, note };
}

describe('All Payments: search', () => {
  it("finds a consumer's payments by any part of the name, in any case", async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    await johnsDay(jane);
    for (const query of ['john doe', 'JOHN', 'n do', ' Doe ']) {
      const page = await mary.call('payments-search', { query });
      expect(page.rows.map((r) => r.consumerName)).toEqual(['John Doe', 'John Doe', 'John Doe', 'John Doe']);
      expect(page.total).toBe(4);
    }
    expect((await mary.call('payments-search', { query: 'jo' })).rows.every((r) => r.consumerName.toLowerCase().startsWith('jo'))).toBe(true);
  });

  it('finds a payment by any part of its receipt number', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const { lateFee } = await johnsDay(jane);
    expect(receipts(await mary.call('payments-search', { query: '5002' }))).toEqual([lateFee.receiptNumber]);
    expect(receipts(await mary.call('payments-search', { query: 'r-t01-5002' }))).toEqual(['R-T01-5002']);
    expect(receipts(await mary.call('payments-search', { query: 'T01-500', sort: 'receipt', direction: 'asc' }))).toEqual(['R-T01-5001', 'R-T01-5002', 'R-T01-5003', 'R-T01-5004']);
    expect(receipts(await mary.call('payments-search', { query: 'onl-00090', sort: 'receipt', direction: 'asc' }))).toEqual(['R-ONL-000900', 'R-ONL-000901', 'R-ONL-000902', 'R-ONL-000903']);
    expect(await mary.call('payments-search', { query: '99999' })).toEqual({ rows: [], total: 0, more: false });
  });

  it('a receipt taken after a search is found by its number at once, and only once', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const john = await johnDoe(jane);
    const pay = () => jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '10.00', amountReceived: '10.00' }, counter.now));
    await pay();
    expect(receipts(await mary.call('payments-search', { query: '5001' }))).toEqual(['R-T01-5001']);
    expect((await pay()).receiptNumber).toBe('R-T01-5002');
    expect(receipts(await mary.call('payments-search', { query: '5002' }))).toEqual(['R-T01-5002']);
    expect(receipts(await mary.call('payments-search', { query: 't01-500', sort: 'receipt', direction: 'asc' }))).toEqual(['R-T01-5001', 'R-T01-5002']);
    await pay();
    expect(numbers(await mary.call('credit-notes-search', { linkedReceipt: '5003' }))).toEqual([]);
    expect(await mary.call('payments-search', { query: 't01-500' })).toMatchObject({ total: 3 });
  });

  it('finds payments by account number and by the start of the consumer id', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const { john } = await johnsDay(jane);
    expect((await mary.call('payments-search', { query: 'wu-10001' })).rows.map((r) => r.accountNumber)).toEqual(['WU-10001', 'WU-10001', 'WU-10001', 'WU-10001']);
    const byId = await mary.call('payments-search', { query: john.id.slice(0, 13).toUpperCase() });
    expect(byId.total).toBe(4);
    expect(byId.rows.every((r) => r.consumerId === john.id)).toBe(true);
  });

  it('shows each payment as the table does: receipt, consumer and id, amount, method, date, type and status', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const { john, lateFee } = await johnsDay(jane);
    const [row] = (await mary.call('payments-search', { query: lateFee.receiptNumber })).rows;
    expect(row).toEqual({
      id: lateFee.id,
      receiptNumber: 'R-T01-5002',
      consumerId: john.id,
      consumerName: 'John Doe',
      accountNumber: 'WU-10001',
      amount: 2500,
      method: 'mpesa',
      methodLabel: 'M-PESA',
      channel: 'walk_in',
      paymentDate: '2026-04-20',
      recordedAt: lateFee.recordedAt,
      type: 'service',
      status: 'posted',
    });
  });
});

describe('All Payments: filters, sorting and paging', () => {
  it('filters by payment date: a backdated payment is found on the day it was paid', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const { backdated } = await johnsDay(jane);
    expect(receipts(await mary.call('payments-search', { from: '2026-04-17', to: '2026-04-17' }))).toEqual([backdated.receiptNumber]);
    expect(receipts(await mary.call('payments-search', { query: 'doe', from: '2026-04-18' })).sort()).toEqual(['R-T01-5001', 'R-T01-5002', 'R-T01-5004']);
  });

  it('filters by method, status, type and channel, several values at once', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    await johnsDay(jane);
    const by = async (input: CallInput<'payments-search'>) => receipts(await mary.call('payments-search', { ...input, sort: 'receipt', direction: 'asc' }));
    expect(await by({ methods: ['mpesa', 'card'], channels: ['walk_in'] })).toEqual(['R-T01-5002', 'R-T01-5003']);
    expect(await by({ methods: ['credit_note'] })).toEqual(['R-T01-5004']);
    expect(await by({ types: ['service'] })).toEqual(['R-T01-5002', 'R-T01-5004']);
    // The demo's online payments: one settled (posted), one in settlement and one not confirmed (pending), one failed.
    expect(await by({ channels: ['online'], statuses: ['pending', 'failed'] })).toEqual(['R-ONL-000901', 'R-ONL-000902', 'R-ONL-000903']);
    expect(await by({ channels: ['online'], statuses: ['posted'] })).toEqual(['R-ONL-000900']);
    expect(await by({ statuses: ['failed'], query: 'wu' })).toEqual(['R-ONL-000903']);
    // Nothing picked in a multi-select is no filter.
    expect((await mary.call('payments-search', { methods: [] })).total).toBe(8);
  });

  it('a reversed payment shows as reversed, leaves the posted filter and is counted under reversed', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const { lateFee } = await johnsDay(jane);
    const posted = (await mary.call('payments-search', { statuses: ['posted'] })).total!;
    await jane.call('payment-reverse', { paymentId: lateFee.id, reason: 'Paid on the wrong account', approval: APPROVAL });
    expect((await mary.call('payments-search', { query: '5002' })).rows.map((r) => r.status)).toEqual(['reversed']);
    expect((await mary.call('payments-search', { statuses: ['posted'] })).total).toBe(posted - 1);
    expect(receipts(await mary.call('payments-search', { statuses: ['reversed'] }))).toEqual(['R-T01-5002']);
    expect(receipts(await mary.call('payments-search', { statuses: ['reversed'], query: 'doe' }))).toEqual(['R-T01-5002']);
  });

  it('sorts by date (then time recorded), amount, receipt and consumer name, either way', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    await johnsDay(jane);
    const sorted = async (sort: CallInput<'payments-search'>['sort'], direction: 'asc' | 'desc') => (await mary.call('payments-search', { query: 'doe', sort, direction })).rows;
    expect((await sorted('date', 'desc')).map((r) => r.receiptNumber)).toEqual(['R-T01-5004', 'R-T01-5002', 'R-T01-5001', 'R-T01-5003']);
    expect((await sorted('date', 'asc')).map((r) => r.receiptNumber)).toEqual(['R-T01-5003', 'R-T01-5001', 'R-T01-5002', 'R-T01-5004']);
    expect((await sorted('amount', 'asc')).map((r) => r.amount)).toEqual([150, 2500, 15000, 15225]);
    expect((await sorted('amount', 'desc')).map((r) => r.amount)).toEqual([15225, 15000, 2500, 150]);
    const names = (await mary.call('payments-search', { sort: 'consumer', direction: 'asc', limit: 500 })).rows.map((r) => r.consumerName);
    expect(names).toEqual([...names].sort());
    const descending = (await mary.call('payments-search', { sort: 'consumer', direction: 'desc', limit: 500 })).rows.map((r) => r.consumerName);
    expect(descending).toEqual([...names].reverse());
  });

  it('receipt numbers sort as numbers: R-T01-9999 before R-T01-10000', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    // The counter has already issued receipts up to R-T01-9998.
    sql().prepare("insert into number_sequences (scope, last_value) values ('receipt', 9998)").run();
    const john = await johnDoe(jane);
    await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '10.00', amountReceived: '10.00' }, counter.now));
    await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '10.00', amountReceived: '10.00' }, counter.now));
    expect(receipts(await mary.call('payments-search', { query: 'r-t01', sort: 'receipt', direction: 'asc' }))).toEqual(['R-T01-9999', 'R-T01-10000']);
    expect(receipts(await mary.call('payments-search', { query: 'r-t01', sort: 'receipt', direction: 'desc' }))).toEqual(['R-T01-10000', 'R-T01-9999']);
  });

  it('pages through every match once, the total counting all of them', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    await johnsDay(jane);
    for (const input of [{}, { query: 'doe' }, { statuses: ['posted' as const] }, { sort: 'amount' as const }]) {
      const all = await mary.call('payments-search', { ...input, limit: 500 });
      const total = all.total!;
      expect(await mary.call('payments-count', input)).toEqual({ total });
      const pages: string[] = [];
      for (let offset = 0; offset < total + 3; offset += 3) {
        const page = await mary.call('payments-search', { ...input, limit: 3, offset });
        expect(page.total).toBe(total);
        expect(page.more).toBe(offset + 3 < total);
        pages.push(...page.rows.map((r) => r.id));
      }
      expect(pages).toEqual(all.rows.map((r) => r.id));
    }
  });
});

describe('Credit Notes tab', () => {
  /** John's day, then a note by hand on the card payment (20.00, billing error), and an overpayment by another consumer whose payment is reversed. */
  async function notes() {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const day = await johnsDay(jane);
    const byHand = await mary.call('credit-note-create', { paymentId: day.backdated.id, amount: '20.00', reason: 'billing_error', remarks: 'Meter misread' });
    const other = (await mary.call('consumer-search', { query: 'WU-10002', limit: 1 }))[0]!;
    const account = await jane.call('consumer-account', { consumerId: other.id });
    const bill = account.bills[0]!;
    const over = await jane.call('payment-record', paymentInput(other.id, [bill.id], { amountPaid: String((bill.open + 500) / 100), amountReceived: String((bill.open + 500) / 100) }, counter.now));
    await jane.call('payment-reverse', { paymentId: over.id, reason: 'Wrong account', approval: APPROVAL });
    return { jane, mary, ...day, byHand, other, cancelled: over.creditNotes[0]! };
  }

  it('lists each note as the table does: number, consumer, amount, remaining, reason, status, created, linked receipt', async () => {
    const { mary, note, overpaid, john } = await notes();
    const page = await mary.call('credit-notes-search', { query: note.number });
    expect(page).toEqual({
      rows: [
        {
          id: note.id,
          number: 'CN-T01-00001',
          consumerId: john.id,
          consumerName: 'John Doe',
          accountNumber: 'WU-10001',
          amount: 450,
          remaining: 300,
          reason: 'overpayment',
          reasonLabel: 'Overpayment',
          status: 'active',
          createdAt: START.toISOString(),
          linkedPayment: { id: overpaid.id, receiptNumber: 'R-T01-5001' },
        },
      ],
      total: 1,
    });
  });

  it('searches by note number, consumer name, account number and linked receipt, partly and in any case', async () => {
    const { mary, other } = await notes();
    const found = async (query: string) => numbers(await mary.call('credit-notes-search', { query, sort: 'number', direction: 'asc' }));
    expect(await found('cn-t01-0000')).toEqual(['CN-T01-00001', 'CN-T01-00002', 'CN-T01-00003']);
    expect(await found('00002')).toEqual(['CN-T01-00002']);
    expect(await found('JOHN')).toEqual(['CN-T01-00001', 'CN-T01-00002']);
    expect(await found('wu-10001')).toEqual(['CN-T01-00001', 'CN-T01-00002']);
    expect(await found(other.accountNumber.toLowerCase())).toEqual(['CN-T01-00003']);
    expect(await found('T01-5003')).toEqual(['CN-T01-00002']);
    expect(await found('nobody at all')).toEqual([]);
  });

  it('filters by status: Active, Applied, and the cancelled note only under All', async () => {
    const { jane, mary, john, note } = await notes();
    const status = async (value: CallInput<'credit-notes-search'>['status']) => numbers(await mary.call('credit-notes-search', { status: value, sort: 'number', direction: 'asc' }));
    expect(await status('active')).toEqual(['CN-T01-00001', 'CN-T01-00002']);
    expect(await status('applied')).toEqual([]);
    expect(await status('all')).toEqual(['CN-T01-00001', 'CN-T01-00002', 'CN-T01-00003']);
    // The last 3.00 of John's first note goes on an installment: it is Applied.
    await jane.call('payment-record', paymentInput(john.id, [john.item('PP-2025-0034 #1').id], { type: 'installment', method: 'credit_note', creditNoteId: note.id, amountPaid: '3.00' }, counter.now));
    expect(await status('applied')).toEqual(['CN-T01-00001']);
    expect((await mary.call('credit-notes-search', { query: note.number })).rows[0]).toMatchObject({ remaining: 0, status: 'applied' });
  });

  it('filters by Expired once a note has run out of time', async () => {
    const { mary } = await notes();
    counter.advanceDays(366);
    expect(counter.backend.expireCreditNotes()).toBe(2);
    expect((await mary.call('credit-notes-search', { status: 'expired', sort: 'number', direction: 'asc' })).rows.map((r) => [r.number, r.remaining])).toEqual([
      ['CN-T01-00001', 0],
      ['CN-T01-00002', 0],
    ]);
    expect(numbers(await mary.call('credit-notes-search', { status: 'active' }))).toEqual([]);
  });

  it('filters by remaining amount: fully used, partly remaining, fully remaining', async () => {
    const { mary } = await notes();
    const remaining = async (value: CallInput<'credit-notes-search'>['remaining']) => numbers(await mary.call('credit-notes-search', { remaining: value, sort: 'number', direction: 'asc' }));
    expect(await remaining('partly_remaining')).toEqual(['CN-T01-00001']);
    expect(await remaining('fully_remaining')).toEqual(['CN-T01-00002']);
    // The cancelled note has nothing left.
    expect(await remaining('fully_used')).toEqual(['CN-T01-00003']);
  });

  it('filters by created date, reasons, consumer, linked receipt and amount range', async () => {
    const { mary, john, other } = await notes();
    const found = async (input: CallInput<'credit-notes-search'>) => numbers(await mary.call('credit-notes-search', { ...input, sort: 'number', direction: 'asc' }));
    expect(await found({ from: '2026-04-20', to: '2026-04-20' })).toEqual(['CN-T01-00001', 'CN-T01-00002', 'CN-T01-00003']);
    expect(await found({ from: '2026-04-21' })).toEqual([]);
    expect(await found({ to: '2026-04-19' })).toEqual([]);
    expect(await found({ reasons: ['billing_error', 'duplicate_payment'] })).toEqual(['CN-T01-00002']);
    expect(await found({ reasons: ['overpayment'] })).toEqual(['CN-T01-00001', 'CN-T01-00003']);
    expect(await found({ consumerId: john.id })).toEqual(['CN-T01-00001', 'CN-T01-00002']);
    expect(await found({ consumerId: other.id, status: 'active' })).toEqual([]);
    expect(await found({ linkedReceipt: '5003' })).toEqual(['CN-T01-00002']);
    expect(await found({ linkedReceipt: 'R-T01-5001' })).toEqual(['CN-T01-00001']);
    expect(await found({ amountMin: '4.50', amountMax: '5.00' })).toEqual(['CN-T01-00001', 'CN-T01-00003']);
    expect(await found({ amountMin: '10' })).toEqual(['CN-T01-00002']);
    expect(await found({ query: 'doe', reasons: ['overpayment'], status: 'active' })).toEqual(['CN-T01-00001']);
  });

  it('sorts by created date, amount, remaining and number, and pages with the total', async () => {
    const { mary } = await notes();
    const sorted = async (sort: CallInput<'credit-notes-search'>['sort'], direction: 'asc' | 'desc') => numbers(await mary.call('credit-notes-search', { sort, direction }));
    expect(await sorted('created', 'asc')).toEqual(['CN-T01-00001', 'CN-T01-00002', 'CN-T01-00003']);
    expect(await sorted('created', 'desc')).toEqual(['CN-T01-00003', 'CN-T01-00002', 'CN-T01-00001']);
    expect(await sorted('amount', 'desc')).toEqual(['CN-T01-00002', 'CN-T01-00003', 'CN-T01-00001']);
    expect(await sorted('remaining', 'asc')).toEqual(['CN-T01-00003', 'CN-T01-00001', 'CN-T01-00002']);
    const second = await mary.call('credit-notes-search', { sort: 'number', direction: 'asc', limit: 2, offset: 2 });
    expect([numbers(second), second.total]).toEqual([['CN-T01-00003'], 3]);
  });
});

describe("a credit note's audit trail", () => {
  it('tells, oldest first, who created it and why, each application and its reversal, and every print', async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const { note, credit, john } = await johnsDay(jane);
    await jane.call('document-print', { document: 'credit_note', id: note.id });
    await mary.call('printer-set', { address: 'tcp://127.0.0.1:9100', paperWidth: 80 });
    counter.advanceDays(1);
    await jane.call('document-print', { document: 'credit_note', id: note.id });
    counter.advanceDays(1 / 24);
    await jane.call('payment-reverse', { paymentId: credit.id, reason: 'Customer changed their mind', approval: APPROVAL });

    const trail = await mary.call('credit-note-audit', { creditNoteId: note.id });
    expect(trail.map((e) => [e.by, e.action, e.text])).toEqual([
      ['Jane Smith', 'created', 'Created for KES 4.50 on receipt R-T01-5001, reason Overpayment, valid until 2027-04-20.'],
      ['Jane Smith', 'applied', 'KES 1.50 applied on receipt R-T01-5004.'],
      ['Jane Smith', 'print_failed', 'Print (original) failed: No receipt printer is configured (Settings > Printer)'],
      ['Jane Smith', 'printed', 'Printed (original).'],
      ['Jane Smith', 'application_reversed', 'Receipt R-T01-5004 reversed (RV-T01-00001), approved by Mary Wanjiku: KES 1.50 of credit given back. Reason: Customer changed their mind'],
    ]);
    expect(trail.map((e) => e.at)).toEqual([...trail.map((e) => e.at)].sort());
    // The credit came back: the note is whole again.
    expect((await mary.call('credit-notes-search', { consumerId: john.id, query: note.number })).rows[0]).toMatchObject({ remaining: 450, status: 'active' });
  });

  it("names who approved a note made by hand, and tells of its cancellation when its payment is reversed", async () => {
    const jane = await counter.as('jane');
    const mary = await counter.as('mary');
    const { backdated } = await johnsDay(jane);
    const byHand = await jane.call('credit-note-create', { paymentId: backdated.id, amount: '20.00', reason: 'duplicate_payment', approval: APPROVAL });
    await jane.call('payment-reverse', { paymentId: backdated.id, reason: 'Card charged twice', approval: APPROVAL });
    const trail = await mary.call('credit-note-audit', { creditNoteId: byHand.id });
    expect(trail.map((e) => [e.by, e.action, e.text])).toEqual([
      ['Jane Smith', 'created', 'Created for KES 20.00 on receipt R-T01-5003, reason Duplicate Payment, valid until 2027-04-20.'],
      ['Mary Wanjiku', 'approved', 'Approved by Mary Wanjiku.'],
      ['Jane Smith', 'cancelled', 'Cancelled by reversal RV-T01-00001 of receipt R-T01-5003: KES 20.00 of credit withdrawn.'],
    ]);
  });

  it('tells of the expiry and what it forfeited', async () => {
    const jane = await counter.as('jane');
    const { note } = await johnsDay(jane);
    counter.advanceDays(366);
    counter.backend.expireCreditNotes();
    const trail = await (await counter.as('mary', { till: false })).call('credit-note-audit', { creditNoteId: note.id });
    expect(trail.at(-1)).toMatchObject({ by: 'System', action: 'expired', text: 'Expired after 2027-04-20: KES 3.00 unused credit forfeited.' });
  });
});

describe('what the workspace refuses', () => {
  it('refuses a To before From naming to, a maximum below the minimum naming amountMax, and other bad input naming its field', async () => {
    const mary = await counter.as('mary');
    expectRefused(await mary.send('payments-search', { from: '2026-04-20', to: '2026-04-19' }), 'VALIDATION', 'to');
    expectRefused(await mary.send('credit-notes-search', { from: '2026-04-20', to: '2026-04-19' }), 'VALIDATION', 'to');
    expectRefused(await mary.send('credit-notes-search', { amountMin: '10.00', amountMax: '9.99' }), 'VALIDATION', 'amountMax');
    expectRefused(await mary.send('credit-notes-search', { amountMin: 'ten' }), 'VALIDATION', 'amountMin');
    expectRefused(await mary.send('payments-search', { from: '2026-02-30' }), 'VALIDATION', 'from');
    expectRefused(await mary.send('payments-search', { limit: 0 }), 'VALIDATION', 'limit');
    expectRefused(await mary.send('payments-search', { limit: 501 }), 'VALIDATION', 'limit');
    expectRefused(await mary.send('payments-search', { offset: -1 }), 'VALIDATION', 'offset');
    expectRefused(await mary.send('payments-search', { statuses: ['lost'] } as unknown as CallInput<'payments-search'>), 'VALIDATION', 'statuses');
    expectRefused(await mary.send('payments-search', { sort: 'colour' } as unknown as CallInput<'payments-search'>), 'VALIDATION', 'sort');
    expectRefused(await mary.send('payments-search', { query: 'x'.repeat(61) }), 'VALIDATION', 'query');
    expectRefused(await mary.send('credit-notes-search', { status: 'lost' } as unknown as CallInput<'credit-notes-search'>), 'VALIDATION', 'status');
    expectRefused(await mary.send('credit-notes-search', { consumerId: 'WU-10001' }), 'VALIDATION', 'consumerId');
    expectRefused(await mary.send('credit-note-audit', { creditNoteId: uuidv7() }), 'NOT_FOUND', 'creditNoteId');
  });

  it('a cashier may not read the workspace', async () => {
    const jane = await counter.as('jane');
    const { note } = await johnsDay(jane);
    expectRefused(await jane.send('payments-search', {}), 'FORBIDDEN', undefined);
    expectRefused(await jane.send('credit-notes-search', {}), 'FORBIDDEN', undefined);
    expectRefused(await jane.send('credit-note-audit', { creditNoteId: note.id }), 'FORBIDDEN', undefined);
  });
});

describe('on a larger history, every page agrees with a plain reading of the tables', () => {
  const METHODS = ['cash', 'card', 'mpesa', 'bank_transfer', 'credit_note'] as const;
  const STATUSES = ['posted', 'pending', 'failed', 'cancelled', 'reversed'] as const;
  const TYPES = ['bill', 'service', 'installment'] as const;
  const CHANNELS = ['walk_in', 'field', 'online'] as const;
  const REASONS = ['overpayment', 'duplicate_payment', 'billing_error', 'other'] as const;

  /** 3,000 payments over two years for the demo's consumers, and 400 credit notes with their ledger lines, written through the repositories. */
  function history(random: () => number) {
    const { store } = counter.backend;
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const consumers = sql().prepare('select id from consumers').pluck().all() as string[];
    const jane = sql().prepare("select id from users where username = 'jane'").pluck().get() as string;
    const payments: Array<{ id: string; consumerId: string; receiptNumber: string; day: string }> = [];
    store.transaction(() => {
      for (let n = 0; n < 3000; n++) {
        const day = new Date(Date.UTC(2024, 3, 1) + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
        const recordedAt = `${day}T${String(6 + Math.floor(random() * 12)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
        const record = {
          id: uuidv7(),
          paymentNumber: `PAY-H-${n}`,
          transactionNumber: `TXN-H-${n}`,
          receiptNumber: `R-H${n % 3}-${1 + n}`,
          consumerId: pick(consumers),
          type: pick(TYPES),
          channel: pick(CHANNELS),
          method: pick(METHODS),
          amount: cents(100 + Math.floor(random() * 50) * 50),
          amountReceived: null,
          change: null,
          reference: null,
          cardLast4: null,
          bankName: null,
          appliedCreditNoteId: null,
          status: random() < 0.6 ? 'posted' : pick(STATUSES),
          verification: 'verified',
          notes: null,
          // Now and then backdated, so payment date and time recorded disagree.
          paymentDate: random() < 0.1 ? new Date(Date.parse(day) - 86_400_000 * 3).toISOString().slice(0, 10) : day,
          recordedAt,
          recordedBy: jane,
          terminalCode: 'H',
          tillSessionId: null,
          allocations: [],
        } as const;
        store.payments.insert(record as unknown as Parameters<typeof store.payments.insert>[0]);
        payments.push({ id: record.id, consumerId: record.consumerId, receiptNumber: record.receiptNumber, day });
      }
      for (let n = 0; n < 400; n++) {
        const payment = pick(payments);
        const amount = cents(100 + Math.floor(random() * 40) * 25);
        const note = {
          id: uuidv7(),
          number: `CN-H-${String(1 + n).padStart(n % 7 === 0 ? 2 : 4, '0')}`,
          consumerId: payment.consumerId,
          paymentId: payment.id,
          amount,
          reason: pick(REASONS),
          remarks: null,
          issuedOn: payment.day,
          expiresOn: '2027-04-20',
          createdAt: `${payment.day}T12:00:${String(n % 60).padStart(2, '0')}.000Z`,
          createdBy: jane,
        };
        store.creditNotes.insert(note, null);
        const line = (entryKind: 'credit_issued' | 'credit_applied' | 'credit_expired' | 'reversal', value: number) =>
          store.ledger.append([{ id: uuidv7(), consumerId: note.consumerId, entryKind, itemKind: 'credit_note', itemId: note.id, paymentId: null, amount: cents(value), description: 'history', createdAt: note.createdAt, createdBy: jane }]);
        line('credit_issued', -amount);
        const fate = random();
        const applied = Math.floor(random() * amount);
        if (fate < 0.25) line('credit_applied', amount);
        else if (fate < 0.5) line('credit_applied', applied);
        else if (fate < 0.6) {
          line('credit_applied', applied);
          line('credit_expired', amount - applied);
        } else if (fate < 0.7) line('reversal', amount);
        else if (fate < 0.8) {
          // An application given back by a reversal.
          line('credit_applied', applied);
          line('reversal', -applied);
        }
      }
    });
  }

  interface PaymentFact {
    rowid: number;
    id: string;
    receiptNumber: string;
    consumerId: string;
    consumerName: string;
    accountNumber: string;
    amount: number;
    method: string;
    channel: string;
    paymentDate: string;
    recordedAt: string;
    type: string;
    status: string;
  }

  function expectedPayments(input: CallInput<'payments-search'>): { ids: string[]; total: number } {
    const all = sql()
      .prepare(
        `select p.rowid, p.id, p.receipt_number as receiptNumber, p.consumer_id as consumerId, c.name as consumerName, c.account_number as accountNumber, p.amount, p.method, p.channel,
                p.payment_date as paymentDate, p.recorded_at as recordedAt, p.type, p.status from payments p join consumers c on c.id = p.consumer_id`,
      )
      .all() as PaymentFact[];
    const search = readSearch(input.query);
    const has = (list: readonly string[] | undefined, value: string) => !list?.length || list.includes(value);
    const matches = all.filter((p) => {
      if (input.from && p.paymentDate < input.from) return false;
      if (input.to && p.paymentDate > input.to) return false;
      if (!has(input.methods, p.method) || !has(input.statuses, p.status) || !has(input.types, p.type) || !has(input.channels, p.channel)) return false;
      if (!search) return true;
      const t = search.text;
      const [name, account] = [p.consumerName.toLowerCase(), p.accountNumber.toLowerCase()];
      const byConsumer = t.length >= 3 ? name.includes(t) || account.includes(t) : name.startsWith(t) || account.startsWith(t);
      return byConsumer || (search.number && p.receiptNumber.toLowerCase().includes(t)) || (search.consumerId && p.consumerId.startsWith(t));
    });
    const direction = input.direction === 'asc' ? 1 : -1;
    const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    const keys: Record<string, (a: PaymentFact, b: PaymentFact) => number> = {
      date: (a, b) => direction * (compare(a.paymentDate, b.paymentDate) || compare(a.recordedAt, b.recordedAt) || compare(a.rowid, b.rowid)),
      amount: (a, b) => direction * (compare(a.amount, b.amount) || compare(a.rowid, b.rowid)),
      receipt: (a, b) => direction * (compare(a.receiptNumber.length, b.receiptNumber.length) || compare(a.receiptNumber, b.receiptNumber) || compare(a.rowid, b.rowid)),
      consumer: (a, b) => direction * (compare(a.consumerName, b.consumerName) || compare(a.consumerId, b.consumerId)) || -(compare(a.paymentDate, b.paymentDate) || compare(a.recordedAt, b.recordedAt) || compare(a.rowid, b.rowid)),
    };
    matches.sort(keys[input.sort ?? 'date']);
    const offset = input.offset ?? 0;
    return { ids: matches.slice(offset, offset + (input.limit ?? 50)).map((p) => p.id), total: matches.length };
  }

  /** Random searches of All Payments over history(): narrow and broad texts, filters, orders and pages. */
  function randomPaymentSearches(random: () => number, count: number): Array<CallInput<'payments-search'>> {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const some = <T>(list: readonly T[]) => list.filter(() => random() < 0.4);
    const names = sql().prepare('select name from consumers').pluck().all() as string[];
    // Narrow and broad: a family name, a first letter, a third of the receipts, an account, a receipt's digits.
    const queries = () =>
      pick([undefined, undefined, pick(names).split(' ')[1]!.slice(0, 5), pick(names).slice(0, 2), pick(['j', 'h1-', 'h2-1']), `h${Math.floor(random() * 3)}-${Math.floor(random() * 300)}`, `wu-100${Math.floor(random() * 30)}`, `${1 + Math.floor(random() * 2999)}`]);
    return Array.from({ length: count }, () => {
      const from = random() < 0.3 ? `202${4 + Math.floor(random() * 2)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : undefined;
      return {
        query: queries(),
        from,
        to: from && random() < 0.5 ? `2025-1${Math.floor(random() * 3)}-01` < from ? undefined : `2025-1${Math.floor(random() * 3)}-01` : undefined,
        methods: random() < 0.4 ? some(METHODS) : undefined,
        statuses: random() < 0.4 ? some(STATUSES) : undefined,
        types: random() < 0.3 ? some(TYPES) : undefined,
        channels: random() < 0.3 ? some(CHANNELS) : undefined,
        sort: pick(['date', 'date', 'amount', 'receipt', 'consumer'] as const),
        direction: pick(['asc', 'desc'] as const),
        limit: pick([1, 7, 50, 200]),
        offset: pick([0, 0, 0, 3, 49, 400, 2000]),
      };
    });
  }

  it('All Payments: random searches, filters, sorts and pages', async () => {
    const random = seededRandom(7);
    history(random);
    const mary = await counter.as('mary', { till: false });
    for (const input of randomPaymentSearches(random, 200)) {
      const page = await mary.call('payments-search', input);
      const expected = expectedPayments(input);
      expect({ input, ids: page.rows.map((r) => r.id), total: page.total, more: page.more }).toEqual({ input, ...expected, more: input.offset! + expected.ids.length < expected.total });
    }
  });

  it('All Payments: a broad search answers its page before counting, and the count follows', async () => {
    const random = seededRandom(17);
    history(random);
    // As if every text found thousands of consumers, and the date index were walked only 300 payments deep.
    const broad = paymentSearchRepository(counter.backend.store.db, { broadSearch: 0, walkLimit: 300 });
    let uncounted = 0;
    for (const input of randomPaymentSearches(random, 200).filter((i) => i.query)) {
      const { query, ...criteria } = input as Required<Pick<typeof input, 'sort' | 'direction' | 'limit' | 'offset'>> & typeof input;
      const search = readSearch(query);
      const page = broad.search({ ...criteria, search });
      const expected = expectedPayments(input);
      // Left open whenever a consumer was found; a receipt-only match is counted at once.
      if (page.total === null) uncounted++;
      expect({ input, ids: page.rows.map((r) => r.id), total: page.total ?? expected.total, more: page.more }).toEqual({ input, ...expected, more: input.offset! + expected.ids.length < expected.total });
      expect(broad.count({ ...criteria, search })).toBe(expected.total);
    }
    expect(uncounted).toBeGreaterThan(80);
  });

  it('the cached balance of every credit note is what its ledger lines say', () => {
    history(seededRandom(11));
    const notes = sql().prepare('select n.id, n.amount, b.remaining, b.status from credit_notes n join credit_note_balances b on b.note_rowid = n.rowid').all() as Array<{
      id: string;
      amount: number;
      remaining: number;
      status: string;
    }>;
    expect(notes.length).toBe(400);
    const lines = sql().prepare("select entry_kind as entryKind, amount from ledger_lines where item_kind = 'credit_note' and item_id = ? order by seq");
    for (const note of notes) {
      const usage = creditUsageOf(lines.all(note.id) as Array<{ entryKind: string; amount: number }>);
      expect({ id: note.id, remaining: note.remaining, status: note.status }).toEqual({ id: note.id, remaining: remainingCredit(usage), status: creditNoteStatus(usage) });
    }
    expect(new Set(notes.map((n) => n.status))).toEqual(new Set(['active', 'applied', 'expired', 'cancelled']));
  });

  it('Credit Notes: random searches, filters, sorts and pages', async () => {
    const random = seededRandom(13);
    history(random);
    const mary = await counter.as('mary', { till: false });
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const facts = sql()
      .prepare(
        `select n.rowid, n.id, n.number, n.consumer_id as consumerId, c.name as consumerName, c.account_number as accountNumber, n.amount, n.reason, n.issued_on as issuedOn,
                n.created_at as createdAt, p.receipt_number as receiptNumber
           from credit_notes n join consumers c on c.id = n.consumer_id join payments p on p.id = n.payment_id`,
      )
      .all() as Array<{ rowid: number; id: string; number: string; consumerId: string; consumerName: string; accountNumber: string; amount: number; reason: string; issuedOn: string; createdAt: string; receiptNumber: string }>;
    const lines = sql().prepare("select entry_kind as entryKind, amount from ledger_lines where item_kind = 'credit_note' and item_id = ? order by seq");
    const notes = facts.map((f) => {
      const usage = creditUsageOf(lines.all(f.id) as Array<{ entryKind: string; amount: number }>);
      return { ...f, remaining: remainingCredit(usage), status: creditNoteStatus(usage) };
    });
    const names = [...new Set(notes.map((n) => n.consumerName))];

    for (let n = 0; n < 120; n++) {
      const from = random() < 0.3 ? `2025-0${1 + Math.floor(random() * 9)}-01` : undefined;
      const min = random() < 0.2 ? 100 + Math.floor(random() * 500) : undefined;
      const input = {
        query: pick([undefined, undefined, pick(names).split(' ')[0]!.slice(1, 5), 'cn-h-00', `${1 + Math.floor(random() * 399)}`, `r-h${Math.floor(random() * 3)}-${Math.floor(random() * 300)}`]),
        status: pick(['all', 'all', 'active', 'applied', 'expired'] as const),
        from,
        to: from && random() < 0.5 ? '2025-12-31' : undefined,
        reasons: random() < 0.3 ? REASONS.filter(() => random() < 0.5) : undefined,
        consumerId: random() < 0.1 ? pick(notes).consumerId : undefined,
        remaining: random() < 0.3 ? pick(['fully_used', 'partly_remaining', 'fully_remaining'] as const) : undefined,
        linkedReceipt: random() < 0.1 ? `${Math.floor(random() * 300)}` : undefined,
        amountMin: min === undefined ? undefined : String(min / 100),
        amountMax: min !== undefined && random() < 0.5 ? String((min + 400) / 100) : undefined,
        sort: pick(['created', 'amount', 'remaining', 'number'] as const),
        direction: pick(['asc', 'desc'] as const),
        limit: pick([1, 9, 50]),
        offset: pick([0, 0, 5, 100]),
      } satisfies CallInput<'credit-notes-search'>;

      const search = readSearch(input.query);
      const contains = (value: string, text: string) => value.toLowerCase().includes(text);
      const matches = notes.filter((note) => {
        if (input.status !== 'all' && note.status !== input.status) return false;
        if (input.from && note.issuedOn < input.from) return false;
        if (input.to && note.issuedOn > input.to) return false;
        if (input.reasons?.length && !(input.reasons as readonly string[]).includes(note.reason)) return false;
        if (input.consumerId && note.consumerId !== input.consumerId) return false;
        if (input.remaining && remainingClass(cents(note.remaining), cents(note.amount)) !== input.remaining) return false;
        if (input.linkedReceipt && !contains(note.receiptNumber, input.linkedReceipt.toLowerCase())) return false;
        if (min !== undefined && note.amount < min) return false;
        if (input.amountMax !== undefined && note.amount > min! + 400) return false;
        if (!search) return true;
        const t = search.text;
        const byConsumer = t.length >= 3 ? contains(note.consumerName, t) || contains(note.accountNumber, t) : note.consumerName.toLowerCase().startsWith(t) || note.accountNumber.toLowerCase().startsWith(t);
        return byConsumer || (search.number && (contains(note.number, t) || contains(note.receiptNumber, t)));
      });
      const d = input.direction === 'asc' ? 1 : -1;
      const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
      type Note = (typeof notes)[number];
      const keys: Record<string, (a: Note, b: Note) => number> = {
        created: (a, b) => d * (compare(a.issuedOn, b.issuedOn) || compare(a.createdAt, b.createdAt) || compare(a.rowid, b.rowid)),
        amount: (a, b) => d * (compare(a.amount, b.amount) || compare(a.rowid, b.rowid)),
        remaining: (a, b) => d * (compare(a.remaining, b.remaining) || compare(a.rowid, b.rowid)),
        number: (a, b) => d * (compare(a.number.length, b.number.length) || compare(a.number, b.number)),
      };
      matches.sort(keys[input.sort]);
      const page = await mary.call('credit-notes-search', input);
      expect({ input, numbers: numbers(page), remaining: page.rows.map((r) => r.remaining), total: page.total }).toEqual({
        input,
        numbers: matches.slice(input.offset, input.offset + input.limit).map((m) => m.number),
        remaining: matches.slice(input.offset, input.offset + input.limit).map((m) => m.remaining),
        total: matches.length,
      });
    }
  });
});
