import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../core/api/contract.js';
import { DEFAULT_NUMBER_FORMATS, formatNumber } from '../../core/numbering/number-format.js';
import { accountOf, type Caller, type CounterBackend, expectRefused, johnDoe, openCounter, paymentInput } from './counter-backend.js';

/**
 * Credit notes (payments spec, "Create credit note", "Credit Note Details
 * View", AC24-AC29, AC41-AC44), through the services as the UI calls them.
 * The clock starts on 20 Apr 2026 at 10:00, so a note issued today expires on
 * 20 Apr 2027 by default.
 */
const START = new Date(2026, 3, 20, 10, 0, 0);
const APPROVAL = { username: 'mary', pin: '3456' };

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(START);
});
afterEach(() => counter.close());

const sql = () => counter.backend.store.db.$client;

/** Pays INV-2025-001234 (145.50) with 150.00 cash: 4.50 over. */
async function overpayOldestBill(caller: Caller) {
  const john = await johnDoe(caller);
  const payment = await caller.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '150.00', amountReceived: '150.00' }, counter.now));
  const note = payment.creditNotes[0];
  if (!note) throw new Error('the overpayment made no credit note');
  return { john, payment, note };
}

/** Pays INV-2025-001234 exactly: 145.50, no credit note. */
async function payOldestBillExactly(caller: Caller) {
  const john = await johnDoe(caller);
  const payment = await caller.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
  return { john, payment };
}

/** Spends credit as a tender, as the payment form does with "Credit note" chosen. */
function applyCredit(caller: Caller, consumerId: string, itemIds: string[], creditNoteId: string, amountPaid: string, type: CallInput<'payment-record'>['type'] = 'bill') {
  return caller.send('payment-record', paymentInput(consumerId, itemIds, { type, method: 'credit_note', creditNoteId, amountPaid }, counter.now));
}

/** What a refused call must leave as it was. */
function stored() {
  return {
    creditNotes: counter.count('credit_notes'),
    ledgerLines: counter.count('ledger_lines'),
    audit: counter.count('audit_entries'),
    outbox: counter.count('outbox'),
    payments: counter.count('payments'),
  };
}

const ledgerSum = (consumerId: string) => (sql().prepare('select coalesce(sum(amount), 0) as total from ledger_lines where consumer_id = ?').get(consumerId) as { total: number }).total;
const userId = (username: string) => (sql().prepare('select id from users where username = ?').get(username) as { id: string }).id;

interface AuditRow {
  user_id: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}
const auditRows = (where: string, ...args: string[]) => sql().prepare(`select user_id, action, entity, entity_id, before, after from audit_entries where ${where} order by seq`).all(...args) as AuditRow[];

describe('AC24: overpayments become credit notes', () => {
  it('AC24: an overpayment of 4.50 on INV-2025-001234 becomes an active credit note CN-T01-00001 for 4.50, reason overpayment, linked to the receipt', async () => {
    const jane = await counter.as('jane');
    const { john, payment, note } = await overpayOldestBill(jane);

    const settings = await jane.call('settings-get', {});
    expect(settings.numberFormats.creditNote).toEqual(DEFAULT_NUMBER_FORMATS.creditNote);
    const first = formatNumber(settings.numberFormats.creditNote, settings.numberFormats.creditNote.start, 2026, settings.terminalCode);
    expect(first).toBe('CN-T01-00001');

    expect(payment.amount).toBe(15000);
    expect(payment.analysis).toEqual({ billed: 14550, due: 14550, paid: 15000, difference: 450, outcome: 'over' });
    expect(payment.change).toBe(0);
    expect(payment.creditNotes).toEqual([{ id: note.id, number: 'CN-T01-00001', amount: 450, remaining: 450, reason: 'overpayment', status: 'active', expiresOn: '2027-04-20' }]);
    expect(counter.count('credit_notes')).toBe(1);

    const details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({
      number: 'CN-T01-00001',
      status: 'active',
      statusLabel: 'Active',
      consumer: { id: john.id, name: 'John Doe', accountNumber: 'WU-10001' },
      issuedOn: '2026-04-20',
      expiresOn: '2027-04-20',
      amount: 450,
      applied: 0,
      remaining: 450,
      usagePercentage: '0.0',
      reason: 'overpayment',
      reasonLabel: 'Overpayment',
      remarks: null,
      createdBy: 'Jane Smith',
      approvedBy: null,
      linkedPayment: { id: payment.id, receiptNumber: payment.receiptNumber },
      applications: [],
    });
    expect(details.createdAt).toBe(START.toISOString());

    // The bill is paid; the 4.50 is credit on the account, and the balance says both.
    const account = await accountOf(jane, 'WU-10001');
    expect(account.bills.map((b) => b.reference)).toEqual(['INV-2025-001567']);
    expect(account.credit).toEqual([{ id: note.id, number: 'CN-T01-00001', amount: 450, remaining: 450, reason: 'overpayment', status: 'active', expiresOn: '2027-04-20' }]);
    expect(account.balance).toBe(60025 - 15000);
    expect(ledgerSum(john.id)).toBe(45025);
  });

  it('AC24: a second overpayment gets the next number, CN-T01-00002', async () => {
    const jane = await counter.as('jane');
    const { payment: first } = await overpayOldestBill(jane);
    expect((await jane.call('credit-note-draft', { paymentId: first.id })).nextNumber).toBe('CN-T01-00002');

    const john = await johnDoe(jane);
    const second = await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001567').id], { amountPaid: '155.00', amountReceived: '160.00' }, counter.now));
    expect(second.change).toBe(500);
    expect(second.creditNotes).toEqual([{ id: expect.any(String), number: 'CN-T01-00002', amount: 275, remaining: 275, reason: 'overpayment', status: 'active', expiresOn: '2027-04-20' }]);
    expect(counter.count('credit_notes')).toBe(2);
    expect((await jane.call('credit-note-draft', { paymentId: second.id })).nextNumber).toBe('CN-T01-00003');

    const account = await accountOf(jane, 'WU-10001');
    expect(account.credit.map((c) => [c.number, c.remaining])).toEqual([
      ['CN-T01-00001', 450],
      ['CN-T01-00002', 275],
    ]);
  });

  it('AC24: an exact payment makes no credit note', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBillExactly(jane);
    expect(payment.analysis.outcome).toBe('exact');
    expect(payment.creditNotes).toEqual([]);
    expect(counter.count('credit_notes')).toBe(0);
    expect((await accountOf(jane, 'WU-10001')).credit).toEqual([]);
  });

  it('AC24: an overpayment beyond the overpayment limit is refused naming amountPaid; one at the limit becomes a credit note', async () => {
    const admin = await counter.as('admin');
    const settings = await admin.call('settings-get', {});
    expect(settings.overpaymentLimit).toBe(500000);
    await admin.call('settings-payment-modes-set', { paymentMethods: settings.paymentMethods, channels: settings.channels, overpaymentLimit: '4.50', creditNoteValidityMonths: 12, notesMaxLength: settings.notesMaxLength });

    const jane = await counter.as('jane');
    const john = await johnDoe(jane);
    const billId = john.item('INV-2025-001234').id;
    const before = stored();
    const message = expectRefused(await jane.send('payment-record', paymentInput(john.id, [billId], { amountPaid: '150.01', amountReceived: '150.01' }, counter.now)), 'VALIDATION', 'amountPaid');
    expect(message).toContain('KES 4.51');
    expect(stored()).toEqual(before);

    const payment = await jane.call('payment-record', paymentInput(john.id, [billId], { amountPaid: '150.00', amountReceived: '150.00' }, counter.now));
    expect(payment.creditNotes.map((n) => [n.number, n.amount])).toEqual([['CN-T01-00001', 450]]);
  });

  it('AC24: the receipt preview shows the credit note number, its credit and how long it is valid', async () => {
    const jane = await counter.as('jane');
    const { payment } = await overpayOldestBill(jane);
    const receipt = await jane.call('document-preview', { document: 'receipt', id: payment.id });
    const at = receipt.lines.findIndex((l) => l.kind === 'pair' && l.left === 'Credit note');
    expect(at).toBeGreaterThan(-1);
    expect(receipt.lines.slice(at, at + 3)).toEqual([
      { kind: 'pair', left: 'Credit note', right: 'CN-T01-00001', bold: true },
      { kind: 'pair', left: '  Credit', right: 'KES 4.50' },
      { kind: 'pair', left: '  Valid until', right: '20 Apr 2027' },
    ]);
    expect(receipt.lines).toContainEqual({ kind: 'pair', left: 'Amount paid', right: 'KES 150.00', bold: true });
  });

  it('AC24: the credit note printout names the consumer, linked receipt, amount, reason and expiry', async () => {
    const jane = await counter.as('jane');
    const { payment, note } = await overpayOldestBill(jane);
    const printout = await jane.call('document-preview', { document: 'credit_note', id: note.id });
    expect(printout.lines).toEqual(
      expect.arrayContaining([
        { kind: 'pair', left: 'Credit note no.', right: 'CN-T01-00001', bold: true },
        { kind: 'pair', left: 'Status', right: 'Active' },
        { kind: 'pair', left: 'Expires', right: '20 Apr 2027' },
        { kind: 'text', text: 'John Doe', bold: true },
        { kind: 'pair', left: 'Account no.', right: 'WU-10001' },
        { kind: 'pair', left: 'Linked receipt', right: payment.receiptNumber },
        { kind: 'pair', left: 'Credit amount', right: 'KES 4.50', bold: true },
        { kind: 'pair', left: 'Remaining', right: 'KES 4.50', bold: true },
        { kind: 'pair', left: 'Reason', right: 'Overpayment' },
        { kind: 'pair', left: 'Created by', right: 'Jane Smith' },
      ]),
    );
  });
});

describe('AC25/AC41: the credit amount is more than zero and at most what is left of the payment', () => {
  it('AC25: the draft for the 150.00 receipt offers at most 145.50 (150.00 less the 4.50 already credited) and the next number', async () => {
    const jane = await counter.as('jane');
    const { payment } = await overpayOldestBill(jane);
    const draft = await jane.call('credit-note-draft', { paymentId: payment.id });
    expect(draft).toEqual({
      payment: { id: payment.id, receiptNumber: payment.receiptNumber, consumerName: 'John Doe', accountNumber: 'WU-10001', amount: 15000, paymentDate: '2026-04-20', methodLabel: 'Cash' },
      nextNumber: 'CN-T01-00002',
      maximum: 14550,
      alreadyCredited: 450,
      reasons: expect.any(Array),
      remarksMaxLength: 500,
      needsApproval: true,
    });
  });

  it('AC25: a credit of 145.51 on that receipt is refused naming amount and nothing is stored; 145.50 is accepted', async () => {
    const jane = await counter.as('jane');
    const { payment } = await overpayOldestBill(jane);
    const before = stored();

    const message = expectRefused(await jane.send('credit-note-create', { paymentId: payment.id, amount: '145.51', reason: 'billing_error', approval: APPROVAL }), 'VALIDATION', 'amount');
    expect(message).toContain('KES 145.50');
    expect(stored()).toEqual(before);
    expect((await jane.call('credit-note-draft', { paymentId: payment.id })).nextNumber).toBe('CN-T01-00002');

    const note = await jane.call('credit-note-create', { paymentId: payment.id, amount: '145.50', reason: 'billing_error', approval: APPROVAL });
    expect(note).toMatchObject({ number: 'CN-T01-00002', amount: 14550, remaining: 14550, status: 'active' });
    expect((await jane.call('credit-note-draft', { paymentId: payment.id })).maximum).toBe(0);
  });

  it('AC25: on an exact payment of 145.50 the maximum is the whole payment; 145.51 is refused', async () => {
    const mary = await counter.as('mary');
    const { payment } = await payOldestBillExactly(mary);
    const draft = await mary.call('credit-note-draft', { paymentId: payment.id });
    expect([draft.maximum, draft.alreadyCredited, draft.nextNumber]).toEqual([14550, 0, 'CN-T01-00001']);

    const before = stored();
    expectRefused(await mary.send('credit-note-create', { paymentId: payment.id, amount: '145.51', reason: 'duplicate_payment' }), 'VALIDATION', 'amount');
    expect(stored()).toEqual(before);
  });

  it.each([
    ['0', 'Credit amount must be more than zero'],
    ['0.00', 'Credit amount must be more than zero'],
    ['-4.50', 'Credit amount cannot be negative'],
    ['4.505', 'Credit amount can have at most two decimals'],
    ['', 'Credit amount is required'],
    ['four', 'Credit amount must be a number, like 150.00'],
  ])('AC41: a credit amount of "%s" is refused naming amount and nothing is stored', async (amount, expected) => {
    const jane = await counter.as('jane');
    const { payment } = await overpayOldestBill(jane);
    const before = stored();
    const message = expectRefused(await jane.send('credit-note-create', { paymentId: payment.id, amount, reason: 'billing_error', approval: APPROVAL }), 'VALIDATION', 'amount');
    expect(message).toBe(expected);
    expect(stored()).toEqual(before);
    expect((await jane.call('credit-note-draft', { paymentId: payment.id })).nextNumber).toBe('CN-T01-00002');
  });

  it('AC41: a credit of 0.01 (the smallest amount) is accepted', async () => {
    const mary = await counter.as('mary');
    const { payment } = await payOldestBillExactly(mary);
    const note = await mary.call('credit-note-create', { paymentId: payment.id, amount: '0.01', reason: 'other' });
    expect([note.amount, note.remaining, note.status]).toEqual([1, 1, 'active']);
  });
});

describe('AC26: the reason comes from the predefined list; remarks are limited', () => {
  it('AC26: the draft lists all seven reasons with the spec labels', async () => {
    const jane = await counter.as('jane');
    const { payment } = await overpayOldestBill(jane);
    const draft = await jane.call('credit-note-draft', { paymentId: payment.id });
    expect(draft.reasons).toEqual([
      { code: 'overpayment', label: 'Overpayment' },
      { code: 'duplicate_payment', label: 'Duplicate Payment' },
      { code: 'billing_error', label: 'Billing Error' },
      { code: 'billing_adjustment', label: 'Billing Adjustment' },
      { code: 'refund_request', label: 'Refund Request' },
      { code: 'customer_request', label: 'Customer Request' },
      { code: 'other', label: 'Other' },
    ]);
  });

  it.each([
    ['missing', undefined],
    ['left empty', ''],
    ['not on the list ("goodwill")', 'goodwill'],
  ])('AC26: a credit note whose reason is %s is refused naming reason and nothing is stored', async (_case, reason) => {
    const mary = await counter.as('mary');
    const { payment } = await payOldestBillExactly(mary);
    const before = stored();
    const input = { paymentId: payment.id, amount: '10.00', ...(reason === undefined ? {} : { reason }) } as unknown as CallInput<'credit-note-create'>;
    const message = expectRefused(await mary.send('credit-note-create', input), 'VALIDATION', 'reason');
    expect(message).toBe('Choose a reason for the credit note');
    expect(stored()).toEqual(before);
  });

  it('AC26: the chosen reason and remarks are kept and shown with the reason label', async () => {
    const mary = await counter.as('mary');
    const { payment } = await payOldestBillExactly(mary);
    const note = await mary.call('credit-note-create', { paymentId: payment.id, amount: '20.00', reason: 'billing_adjustment', remarks: '  Meter read twice in March  ' });
    expect([note.reason, note.reasonLabel, note.remarks]).toEqual(['billing_adjustment', 'Billing Adjustment', 'Meter read twice in March']);
    const again = await mary.call('credit-note-get', { creditNoteId: note.id });
    expect([again.reason, again.reasonLabel, again.remarks]).toEqual(['billing_adjustment', 'Billing Adjustment', 'Meter read twice in March']);
  });

  it('AC26: remarks of 501 or 2001 characters are refused naming remarks; 500 characters are kept', async () => {
    const mary = await counter.as('mary');
    const { payment } = await payOldestBillExactly(mary);
    const before = stored();
    for (const length of [501, 2001]) {
      const message = expectRefused(await mary.send('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'other', remarks: 'r'.repeat(length) }), 'VALIDATION', 'remarks');
      expect(message).toBe('Remarks must be at most 500 characters');
    }
    expect(stored()).toEqual(before);

    const note = await mary.call('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'other', remarks: 'r'.repeat(500) });
    expect(note.remarks).toBe('r'.repeat(500));
  });
});

describe('AC27: remaining payment value', () => {
  it('AC27: the remaining payment value is 145.50 less each credit note issued on it, down to 0, and then no more credit', async () => {
    const mary = await counter.as('mary');
    const { john, payment } = await payOldestBillExactly(mary);

    await mary.call('credit-note-create', { paymentId: payment.id, amount: '45.50', reason: 'billing_error' });
    let draft = await mary.call('credit-note-draft', { paymentId: payment.id });
    expect([draft.payment.amount, draft.alreadyCredited, draft.maximum]).toEqual([14550, 4550, 10000]);

    expectRefused(await mary.send('credit-note-create', { paymentId: payment.id, amount: '100.01', reason: 'billing_error' }), 'VALIDATION', 'amount');
    await mary.call('credit-note-create', { paymentId: payment.id, amount: '100.00', reason: 'refund_request' });
    draft = await mary.call('credit-note-draft', { paymentId: payment.id });
    expect([draft.alreadyCredited, draft.maximum]).toEqual([14550, 0]);
    const message = expectRefused(await mary.send('credit-note-create', { paymentId: payment.id, amount: '0.01', reason: 'other' }), 'VALIDATION', 'amount');
    expect(message).toContain('KES 0.00');

    const details = await mary.call('payment-get', { paymentId: payment.id });
    expect(details.creditNotes.map((n) => [n.number, n.amount, n.reason])).toEqual([
      ['CN-T01-00001', 4550, 'billing_error'],
      ['CN-T01-00002', 10000, 'refund_request'],
    ]);
    // Each note gives the consumer credit: 600.25 - 145.50 - 45.50 - 100.00.
    const account = await accountOf(mary, 'WU-10001');
    expect(account.balance).toBe(30925);
    expect(ledgerSum(john.id)).toBe(30925);
    expect(account.credit.map((c) => c.remaining)).toEqual([4550, 10000]);
  });

  it('AC27: on the overpaid 150.00 receipt the remaining value after a 45.50 note is 100.00 (150.00 - 4.50 - 45.50)', async () => {
    const jane = await counter.as('jane');
    const { payment } = await overpayOldestBill(jane);
    await jane.call('credit-note-create', { paymentId: payment.id, amount: '45.50', reason: 'customer_request', approval: APPROVAL });
    const draft = await jane.call('credit-note-draft', { paymentId: payment.id });
    expect([draft.alreadyCredited, draft.maximum, draft.nextNumber]).toEqual([5000, 10000, 'CN-T01-00003']);
  });
});

describe('AC28/AC44: expiry dates', () => {
  it('AC28: both an overpayment note and a note made by hand expire one year after the day they are issued', async () => {
    const jane = await counter.as('jane');
    const { payment, note } = await overpayOldestBill(jane);
    expect(note.expiresOn).toBe('2027-04-20');
    const byHand = await jane.call('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error', approval: APPROVAL });
    expect([byHand.issuedOn, byHand.expiresOn]).toEqual(['2026-04-20', '2027-04-20']);
    expect((await jane.call('settings-get', {})).creditNoteValidityMonths).toBe(12);
  });

  it('AC44: after the administrator sets validity to 6 months a new note expires 6 months after issue; an earlier note keeps its year', async () => {
    const jane = await counter.as('jane');
    const { payment, note: earlier } = await overpayOldestBill(jane);

    const admin = await counter.as('admin');
    const settings = await admin.call('settings-get', {});
    const modes = { paymentMethods: settings.paymentMethods, channels: settings.channels, overpaymentLimit: '5000.00', creditNoteValidityMonths: 6, notesMaxLength: settings.notesMaxLength };
    expectRefused(await jane.send('settings-payment-modes-set', modes), 'FORBIDDEN', undefined);
    expect((await admin.call('settings-payment-modes-set', modes)).creditNoteValidityMonths).toBe(6);

    const byHand = await jane.call('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error', approval: APPROVAL });
    expect([byHand.issuedOn, byHand.expiresOn]).toEqual(['2026-04-20', '2026-10-20']);

    const john = await johnDoe(jane);
    const second = await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001567').id], { amountPaid: '152.30', amountReceived: '152.30' }, counter.now));
    expect(second.creditNotes.map((n) => [n.amount, n.expiresOn])).toEqual([[5, '2026-10-20']]);

    expect((await jane.call('credit-note-get', { creditNoteId: earlier.id })).expiresOn).toBe('2027-04-20');
  });
});

describe('AC29/AC42: using a credit note', () => {
  it('AC29: applying 1.50 of the 4.50 note to INV-2025-001567 leaves 3.00, usage 33.3%, still Active', async () => {
    const jane = await counter.as('jane');
    const { john, payment: origin, note } = await overpayOldestBill(jane);
    const billId = john.item('INV-2025-001567').id;
    const result = await applyCredit(jane, john.id, [billId], note.id, '1.50');
    if (!result.ok) throw new Error(result.error.message);
    const used = result.value;
    expect(used).toMatchObject({ method: 'credit_note', methodLabel: 'Credit note', amount: 150, amountReceived: null, change: null, appliedCreditNote: { id: note.id, number: 'CN-T01-00001' }, creditNotes: [] });
    expect(used.allocations).toEqual([expect.objectContaining({ reference: 'INV-2025-001567', openBefore: 15225, applied: 150, openAfter: 15075 })]);

    const details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({ amount: 450, applied: 150, remaining: 300, usagePercentage: '33.3', status: 'active', statusLabel: 'Active', linkedPayment: { id: origin.id } });
    expect(details.applications).toEqual([{ paymentId: used.id, receiptNumber: used.receiptNumber, at: START.toISOString(), amount: 150, reversed: false }]);

    const account = await accountOf(jane, 'WU-10001');
    expect(account.credit.map((c) => [c.number, c.amount, c.remaining, c.status])).toEqual([['CN-T01-00001', 450, 300, 'active']]);
    expect(account.bills.find((b) => b.id === billId)?.open).toBe(15075);
    // Credit moves from the note to the bill: the balance does not move again.
    expect(account.balance).toBe(45025);
    expect(ledgerSum(john.id)).toBe(45025);
  });

  it('AC42: applying the remaining 3.00 makes the note Applied with 0.00 left, and it leaves the account\'s credit', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    const billId = john.item('INV-2025-001567').id;
    expect((await applyCredit(jane, john.id, [billId], note.id, '1.50')).ok).toBe(true);
    expect((await applyCredit(jane, john.id, [billId], note.id, '3.00')).ok).toBe(true);

    const details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({ amount: 450, applied: 450, remaining: 0, usagePercentage: '100.0', status: 'applied', statusLabel: 'Applied' });
    expect(details.applications.map((a) => a.amount)).toEqual([150, 300]);
    const account = await accountOf(jane, 'WU-10001');
    expect(account.credit).toEqual([]);
    expect(account.bills.find((b) => b.id === billId)?.open).toBe(15225 - 450);

    const before = stored();
    const message = expectRefused(await applyCredit(jane, john.id, [billId], note.id, '0.01'), 'CONFLICT', 'creditNoteId');
    expect(message).toContain('applied');
    expect(stored()).toEqual(before);
  });

  it('applying more credit than remains is refused naming amountPaid (4.51 of 4.50; then 3.01 of 3.00)', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    const billId = john.item('INV-2025-001567').id;
    const before = stored();
    expect(expectRefused(await applyCredit(jane, john.id, [billId], note.id, '4.51'), 'VALIDATION', 'amountPaid')).toBe('Only KES 4.50 of credit remains on CN-T01-00001');
    expect(stored()).toEqual(before);

    expect((await applyCredit(jane, john.id, [billId], note.id, '1.50')).ok).toBe(true);
    expect(expectRefused(await applyCredit(jane, john.id, [billId], note.id, '3.01'), 'VALIDATION', 'amountPaid')).toBe('Only KES 3.00 of credit remains on CN-T01-00001');
    expect((await jane.call('credit-note-get', { creditNoteId: note.id })).remaining).toBe(300);
  });

  it('applying more credit than the item still owes is refused naming amountPaid; the exact amount is accepted', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    const lateFee = john.item('Late Fee').id;
    // 22.00 of the 25.00 Late Fee paid in cash: 3.00 still owed.
    await jane.call('payment-record', paymentInput(john.id, [lateFee], { type: 'service', amountPaid: '22.00', amountReceived: '22.00' }, counter.now));

    const before = stored();
    const message = expectRefused(await applyCredit(jane, john.id, [lateFee], note.id, '4.50', 'service'), 'VALIDATION', 'amountPaid');
    expect(message).toContain('more than what is selected owes');
    expect(stored()).toEqual(before);

    expect((await applyCredit(jane, john.id, [lateFee], note.id, '3.00', 'service')).ok).toBe(true);
    expect((await jane.call('credit-note-get', { creditNoteId: note.id })).remaining).toBe(150);
    expect((await accountOf(jane, 'WU-10001')).services.map((s) => s.reference)).toEqual(['Reconnection Fee']);
  });

  it('a credit tender without a credit note, or with another consumer\'s note, is refused naming creditNoteId', async () => {
    const jane = await counter.as('jane');
    const { note } = await overpayOldestBill(jane);
    const other = await accountOf(jane, 'WU-10002');
    const bill = other.bills[0]!;
    const before = stored();
    expectRefused(await jane.send('payment-record', paymentInput(other.consumer.id, [bill.id], { method: 'credit_note', amountPaid: '1.00' }, counter.now)), 'VALIDATION', 'creditNoteId');
    expectRefused(await applyCredit(jane, other.consumer.id, [bill.id], note.id, '1.00'), 'VALIDATION', 'creditNoteId');
    expect(stored()).toEqual(before);
  });

  it('credit spent as a tender cannot itself be credited again (CONFLICT on paymentId)', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    const used = await applyCredit(jane, john.id, [john.item('INV-2025-001567').id], note.id, '4.50');
    if (!used.ok) throw new Error(used.error.message);
    const before = stored();
    expectRefused(await jane.send('credit-note-create', { paymentId: used.value.id, amount: '1.00', reason: 'other', approval: APPROVAL }), 'CONFLICT', 'paymentId');
    expect(stored()).toEqual(before);
  });
});

describe('a credit note made by hand needs a branch manager', () => {
  it('a cashier\'s credit note without approval is refused naming approval; nothing is stored', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBillExactly(jane);
    expect((await jane.call('credit-note-draft', { paymentId: payment.id })).needsApproval).toBe(true);
    const before = stored();
    expectRefused(await jane.send('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error' }), 'FORBIDDEN', 'approval');
    expect(stored()).toEqual(before);
  });

  it('a wrong manager PIN is refused naming approval.pin; nothing is stored', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBillExactly(jane);
    const before = stored();
    expectRefused(await jane.send('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error', approval: { username: 'mary', pin: '0000' } }), 'FORBIDDEN', 'approval.pin');
    expect(stored()).toEqual(before);
  });

  it('an approver who is not a branch manager (Peter, Jane herself) is refused naming approval.username', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBillExactly(jane);
    const before = stored();
    expectRefused(await jane.send('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error', approval: { username: 'peter', pin: '2345' } }), 'FORBIDDEN', 'approval.username');
    expectRefused(await jane.send('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error', approval: { username: 'jane', pin: '1234' } }), 'FORBIDDEN', 'approval.username');
    expect(stored()).toEqual(before);
  });

  it('with Mary\'s PIN the cashier\'s note is created by Jane Smith, approved by Mary Wanjiku, and gives John 10.00 of credit', async () => {
    const jane = await counter.as('jane');
    const { john, payment } = await payOldestBillExactly(jane);
    const note = await jane.call('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error', remarks: 'Tariff applied twice', approval: APPROVAL });
    expect(note).toMatchObject({
      number: 'CN-T01-00001',
      status: 'active',
      amount: 1000,
      remaining: 1000,
      applied: 0,
      reason: 'billing_error',
      reasonLabel: 'Billing Error',
      remarks: 'Tariff applied twice',
      createdBy: 'Jane Smith',
      approvedBy: 'Mary Wanjiku',
      linkedPayment: { id: payment.id, receiptNumber: payment.receiptNumber },
      consumer: { name: 'John Doe', accountNumber: 'WU-10001' },
    });
    const lines = sql().prepare("select entry_kind, amount from ledger_lines where item_kind = 'credit_note' and item_id = ?").all(note.id);
    expect(lines).toEqual([{ entry_kind: 'credit_issued', amount: -1000 }]);
    expect((await accountOf(jane, 'WU-10001')).balance).toBe(60025 - 14550 - 1000);
    expect(ledgerSum(john.id)).toBe(44475);
  });

  it('a branch manager\'s draft needs no approval and her note is approved by herself', async () => {
    const mary = await counter.as('mary');
    const { payment } = await payOldestBillExactly(mary);
    expect((await mary.call('credit-note-draft', { paymentId: payment.id })).needsApproval).toBe(false);
    const note = await mary.call('credit-note-create', { paymentId: payment.id, amount: '5.00', reason: 'customer_request' });
    expect([note.createdBy, note.approvedBy]).toEqual(['Mary Wanjiku', 'Mary Wanjiku']);
  });
});

describe('AC43: audit trail of credit notes', () => {
  it('AC43: a credit note made by hand writes an audit entry naming the cashier, the note, its reason, remarks and the approving manager', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBillExactly(jane);
    const note = await jane.call('credit-note-create', { paymentId: payment.id, amount: '12.25', reason: 'duplicate_payment', remarks: 'Paid twice at two counters', approval: APPROVAL });
    const rows = auditRows("entity = 'credit_note' and entity_id = ?", note.id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect([row.action, row.user_id, row.before]).toEqual(['credit_note.create', userId('jane'), null]);
    expect(JSON.parse(row.after!)).toMatchObject({
      id: note.id,
      number: 'CN-T01-00001',
      paymentId: payment.id,
      amount: 1225,
      reason: 'duplicate_payment',
      remarks: 'Paid twice at two counters',
      createdBy: userId('jane'),
      approvedBy: userId('mary'),
      expiresOn: '2027-04-20',
    });
  });

  it('AC43: the overpayment\'s credit note is audited on its own and in the entry of the payment that created it, under the cashier', async () => {
    const jane = await counter.as('jane');
    const { payment, note } = await overpayOldestBill(jane);
    const rows = auditRows("entity = 'payment' and entity_id = ?", payment.id);
    expect(rows.map((r) => [r.action, r.user_id])).toEqual([['payment.record', userId('jane')]]);
    expect(JSON.parse(rows[0]!.after!).creditNote).toMatchObject({ id: note.id, number: 'CN-T01-00001', amount: 450, reason: 'overpayment', paymentId: payment.id });
    const own = auditRows("entity = 'credit_note' and entity_id = ?", note.id);
    expect(own.map((r) => [r.action, r.user_id])).toEqual([['credit_note.create', userId('jane')]]);
    expect(JSON.parse(own[0]!.after!)).toMatchObject({ number: 'CN-T01-00001', amount: 450, reason: 'overpayment' });
  });
});

describe('expiry of credit notes', () => {
  it('on its expiry day (20 Apr 2027) the note is still active and can be applied; the expiry job forfeits nothing', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    counter.advanceDays(365);
    const lines = counter.count('ledger_lines');
    expect(counter.backend.expireCreditNotes()).toBe(0);
    expect(counter.count('ledger_lines')).toBe(lines);
    expect((await jane.call('credit-note-get', { creditNoteId: note.id })).status).toBe('active');
    const used = await applyCredit(jane, john.id, [john.item('INV-2025-001567').id], note.id, '1.00');
    expect(used.ok).toBe(true);
  });

  it('the day after, the expiry job expires the note and forfeits its 4.50 with a ledger line; the balance rises by 4.50', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    counter.advanceDays(366);
    const lines = counter.count('ledger_lines');
    expect(counter.backend.expireCreditNotes()).toBe(1);
    expect(counter.count('ledger_lines')).toBe(lines + 1);

    const details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({ status: 'expired', statusLabel: 'Expired', amount: 450, applied: 0, remaining: 0, expiresOn: '2027-04-20' });
    const forfeit = sql().prepare("select entry_kind, amount, created_by from ledger_lines where item_kind = 'credit_note' and item_id = ? order by seq").all(note.id);
    expect(forfeit).toEqual([
      { entry_kind: 'credit_issued', amount: -450, created_by: userId('jane') },
      { entry_kind: 'credit_expired', amount: 450, created_by: 'system' },
    ]);

    const account = await accountOf(jane, 'WU-10001');
    expect(account.credit).toEqual([]);
    // 450.25 after the payment, plus the 4.50 forfeited: what the open items add up to.
    expect(account.balance).toBe(45475);
    expect(counter.backend.store.ledger.balance(john.id)).toBe(ledgerSum(john.id));
    expect(ledgerSum(john.id)).toBe(15225 + 2500 + 7500 + 3 * 6750);

    const audit = auditRows("entity = 'credit_note' and entity_id = ?", note.id);
    expect(audit.map((a) => a.action)).toEqual(['credit_note.create', 'credit_note.expire']);
    expect([audit[1]!.user_id, audit[1]!.before, audit[1]!.after]).toEqual(['system', '{"remaining":450}', '{"remaining":0}']);

    // A second run has nothing to do.
    expect(counter.backend.expireCreditNotes()).toBe(0);
    expect(counter.count('ledger_lines')).toBe(lines + 1);
  });

  it('an expired note cannot be applied (CONFLICT on creditNoteId) and stays expired after the counter reopens', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    counter.advanceDays(366);
    counter.backend.expireCreditNotes();

    const before = stored();
    const billId = john.item('INV-2025-001567').id;
    expect(expectRefused(await applyCredit(jane, john.id, [billId], note.id, '1.00'), 'CONFLICT', 'creditNoteId')).toContain('expired');
    expect(stored()).toEqual(before);

    await counter.reopen();
    expect(stored()).toEqual(before);
    const again = await counter.as('jane');
    expect((await again.call('credit-note-get', { creditNoteId: note.id })).status).toBe('expired');
    expectRefused(await applyCredit(again, john.id, [billId], note.id, '1.00'), 'CONFLICT', 'creditNoteId');
    expect((await accountOf(again, 'WU-10001')).balance).toBe(45475);
  });

  it('past its expiry day a note cannot be applied even before the expiry job has run', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    counter.advanceDays(366);
    const before = stored();
    const message = expectRefused(await applyCredit(jane, john.id, [john.item('INV-2025-001567').id], note.id, '1.00'), 'CONFLICT', 'creditNoteId');
    expect(message).toBe('Credit note CN-T01-00001 expired on 2027-04-20');
    expect(stored()).toEqual(before);
  });

  it('a counter opened after the expiry day expires the note at start', async () => {
    const jane = await counter.as('jane');
    const { note } = await overpayOldestBill(jane);
    counter.advanceDays(366);
    await counter.reopen();
    const again = await counter.as('jane');
    expect((await again.call('credit-note-get', { creditNoteId: note.id })).status).toBe('expired');
    expect(counter.backend.expireCreditNotes()).toBe(0);
  });

  it('a partly used note forfeits only what remains: 3.00 of 4.50, applied stays 1.50', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    expect((await applyCredit(jane, john.id, [john.item('INV-2025-001567').id], note.id, '1.50')).ok).toBe(true);
    counter.advanceDays(366);
    expect(counter.backend.expireCreditNotes()).toBe(1);
    const details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({ status: 'expired', applied: 150, remaining: 0, usagePercentage: '33.3' });
    const forfeited = sql().prepare("select amount from ledger_lines where entry_kind = 'credit_expired' and item_id = ?").all(note.id);
    expect(forfeited).toEqual([{ amount: 300 }]);
    const account = await accountOf(jane, 'WU-10001');
    expect(account.balance).toBe(45025 + 300);
    expect(account.balance).toBe(ledgerSum(john.id));
  });

  it('credit given back to an expired note by reversing the payment that spent it is forfeited by the next expiry run', async () => {
    const jane = await counter.as('jane');
    const { john, note } = await overpayOldestBill(jane);
    const spent = await applyCredit(jane, john.id, [john.item('INV-2025-001567').id], note.id, '1.50');
    if (!spent.ok) throw new Error(spent.error.message);
    counter.advanceDays(366);
    expect(counter.backend.expireCreditNotes()).toBe(1);
    await jane.call('payment-reverse', { paymentId: spent.value.id, reason: 'Credit used by mistake', approval: APPROVAL });
    expect(counter.backend.expireCreditNotes()).toBe(1);

    const details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({ status: 'expired', applied: 0, remaining: 0 });
    const forfeits = sql().prepare("select amount from ledger_lines where entry_kind = 'credit_expired' and item_id = ? order by seq").all(note.id);
    expect(forfeits).toEqual([{ amount: 300 }, { amount: 150 }]);
    // The bill owes its 152.25 again and none of the credit is left: 600.25 - 145.50.
    const account = await accountOf(jane, 'WU-10001');
    expect(account.bills.map((b) => [b.reference, b.open])).toEqual([['INV-2025-001567', 15225]]);
    expect(account.balance).toBe(45475);
    expect(ledgerSum(john.id)).toBe(45475);
  });

  it('the cached balance equals the ledger sum for every consumer after notes are issued, used and expired', async () => {
    const jane = await counter.as('jane');
    const { john, payment, note } = await overpayOldestBill(jane);
    await jane.call('credit-note-create', { paymentId: payment.id, amount: '20.00', reason: 'billing_error', approval: APPROVAL });
    expect((await applyCredit(jane, john.id, [john.item('INV-2025-001567').id], note.id, '2.00')).ok).toBe(true);
    counter.advanceDays(366);
    expect(counter.backend.expireCreditNotes()).toBe(2);
    const mismatches = sql()
      .prepare(
        `select b.consumer_id from consumer_balances b
          left join (select consumer_id, sum(amount) as total from ledger_lines group by consumer_id) l on l.consumer_id = b.consumer_id
         where b.balance != coalesce(l.total, 0)`,
      )
      .all();
    expect(mismatches).toEqual([]);
    expect(counter.backend.store.ledger.cachedBalance(john.id)).toBe(ledgerSum(john.id));
    // 600.25 - 150.00 (145.50 paid, 4.50 credit) - 20.00 credit by hand; 2.00 credit spent moves nothing; 2.50 and 20.00 forfeited.
    expect(ledgerSum(john.id)).toBe(60025 - 15000 - 2000 + 250 + 2000);
  });
});
