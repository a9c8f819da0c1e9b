import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../core/api/contract.js';
import { accountOf, type Caller, type CounterBackend, expectRefused, johnDoe, openCounter, paymentInput } from './counter-backend.js';

/**
 * Reversing and correcting posted payments, through the services as the UI
 * calls them: never an edit, always new ledger lines, a branch manager's PIN
 * for a reversal, an administrator for a correction.
 */
const START = new Date(2026, 3, 20, 10, 0, 0);
const APPROVAL = { username: 'mary', pin: '3456' };

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(START);
});
afterEach(() => counter.close());

const sql = () => counter.backend.store.db.$client;

function stored() {
  return {
    reversals: counter.count('payment_reversals'),
    payments: counter.count('payments'),
    creditNotes: counter.count('credit_notes'),
    ledgerLines: counter.count('ledger_lines'),
    audit: counter.count('audit_entries'),
    outbox: counter.count('outbox'),
  };
}

const ledgerRows = () => sql().prepare('select * from ledger_lines order by seq').all() as Array<Record<string, unknown>>;
const ledgerSum = (consumerId: string) => (sql().prepare('select coalesce(sum(amount), 0) as total from ledger_lines where consumer_id = ?').get(consumerId) as { total: number }).total;
const cachedBalance = (consumerId: string) => (sql().prepare('select balance from consumer_balances where consumer_id = ?').get(consumerId) as { balance: number }).balance;
const userId = (username: string) => (sql().prepare('select id from users where username = ?').get(username) as { id: string }).id;

/** Every consumer whose cached balance is not the sum of their ledger lines. */
const balanceMismatches = () =>
  sql()
    .prepare(
      `select b.consumer_id from consumer_balances b
        left join (select consumer_id, sum(amount) as total from ledger_lines group by consumer_id) l on l.consumer_id = b.consumer_id
       where b.balance != coalesce(l.total, 0)
       union
      select l.consumer_id from (select consumer_id, sum(amount) as total from ledger_lines group by consumer_id) l
        left join consumer_balances b on b.consumer_id = l.consumer_id
       where b.consumer_id is null and l.total != 0`,
    )
    .all();

/** Jane takes 145.50 in cash (200.00 handed over) for INV-2025-001234. */
async function payOldestBill(jane: Caller) {
  const john = await johnDoe(jane);
  const billId = john.item('INV-2025-001234').id;
  const payment = await jane.call('payment-record', paymentInput(john.id, [billId], { amountPaid: '145.50', amountReceived: '200.00' }, counter.now));
  return { john, billId, payment };
}

/** Jane takes 150.00 for INV-2025-001234 (145.50): a 4.50 credit note. */
async function overpayOldestBill(jane: Caller) {
  const john = await johnDoe(jane);
  const billId = john.item('INV-2025-001234').id;
  const payment = await jane.call('payment-record', paymentInput(john.id, [billId], { amountPaid: '150.00', amountReceived: '150.00' }, counter.now));
  const note = payment.creditNotes[0];
  if (!note) throw new Error('the overpayment made no credit note');
  return { john, billId, payment, note };
}

describe('reversing a payment needs a reason and a branch manager', () => {
  it('without an approval the reversal is refused naming approval; nothing is stored', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    const before = stored();
    const input = { paymentId: payment.id, reason: 'Paid on the wrong account' } as unknown as CallInput<'payment-reverse'>;
    expect(expectRefused(await jane.send('payment-reverse', input), 'VALIDATION', 'approval')).toBe("A branch manager's approval is required");
    expect(stored()).toEqual(before);
    expect((await jane.call('payment-get', { paymentId: payment.id })).status).toBe('posted');
  });

  it('a wrong manager PIN is refused naming approval.pin; nothing is stored', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    const before = stored();
    expectRefused(await jane.send('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: { username: 'mary', pin: '0000' } }), 'FORBIDDEN', 'approval.pin');
    expectRefused(await jane.send('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: { username: 'mary', pin: '12' } }), 'VALIDATION', 'approval.pin');
    expect(stored()).toEqual(before);
    expect((await jane.call('payment-get', { paymentId: payment.id })).status).toBe('posted');
  });

  it('an approver who is not a branch manager (Jane herself, Peter) is refused naming approval.username', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    const before = stored();
    expectRefused(await jane.send('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: { username: 'jane', pin: '1234' } }), 'FORBIDDEN', 'approval.username');
    expectRefused(await jane.send('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: { username: 'peter', pin: '2345' } }), 'FORBIDDEN', 'approval.username');
    expect(stored()).toEqual(before);
  });

  it('a reversal without a reason is refused naming reason; nothing is stored', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    const before = stored();
    expect(expectRefused(await jane.send('payment-reverse', { paymentId: payment.id, reason: '   ', approval: APPROVAL }), 'VALIDATION', 'reason')).toBe('Reason is required');
    expect(stored()).toEqual(before);
  });

  it('with Mary\'s PIN the payment is Reversed with reversal RV-T01-00001, its reason, and who reversed and approved it', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    const reversed = await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: APPROVAL });
    expect(reversed.status).toBe('reversed');
    expect(reversed.reversal).toEqual({ number: 'RV-T01-00001', reason: 'Paid on the wrong account', reversedBy: 'Jane Smith', approvedBy: 'Mary Wanjiku', at: START.toISOString() });
    // The payment itself is kept as it was: same numbers, same amount.
    expect([reversed.receiptNumber, reversed.paymentNumber, reversed.amount, reversed.change]).toEqual([payment.receiptNumber, payment.paymentNumber, 14550, 5450]);
    expect(sql().prepare('select number, reason, reversed_by, approved_by, replacement_payment_id from payment_reversals where payment_id = ?').all(payment.id)).toEqual([
      { number: 'RV-T01-00001', reason: 'Paid on the wrong account', reversed_by: userId('jane'), approved_by: userId('mary'), replacement_payment_id: null },
    ]);
    const audit = sql().prepare("select user_id, action from audit_entries where entity = 'payment' and entity_id = ? order by seq").all(payment.id);
    expect(audit).toEqual([
      { user_id: userId('jane'), action: 'payment.record' },
      { user_id: userId('jane'), action: 'payment.reverse' },
    ]);
  });

  it('the bill is owed again, the balance is back at 600.25, and the ledger only grew by one line', async () => {
    const jane = await counter.as('jane');
    const { john, billId, payment } = await payOldestBill(jane);
    let account = await accountOf(jane, 'WU-10001');
    expect(account.bills.map((b) => b.reference)).toEqual(['INV-2025-001567']);
    expect(account.balance).toBe(45475);

    const earlier = ledgerRows();
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: APPROVAL });
    const after = ledgerRows();
    expect(after).toHaveLength(earlier.length + 1);
    expect(after.slice(0, earlier.length)).toEqual(earlier);
    expect(after[earlier.length]).toMatchObject({ consumer_id: john.id, entry_kind: 'reversal', item_kind: 'bill', item_id: billId, payment_id: payment.id, amount: 14550, created_by: userId('jane') });

    account = await accountOf(jane, 'WU-10001');
    expect(account.bills.map((b) => [b.reference, b.open])).toEqual([
      ['INV-2025-001234', 14550],
      ['INV-2025-001567', 15225],
    ]);
    expect(account.balance).toBe(60025);
    expect(ledgerSum(john.id)).toBe(60025);
    expect(cachedBalance(john.id)).toBe(60025);
    expect(account.recentPayments.find((p) => p.id === payment.id)?.status).toBe('reversed');
  });

  it('the reversal slip names the receipt reversed, the reversal number, the amount and the approving manager', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    expectRefused(await jane.send('document-preview', { document: 'reversal_slip', id: payment.id }), 'CONFLICT', 'id');
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: APPROVAL });
    const slip = await jane.call('document-preview', { document: 'reversal_slip', id: payment.id });
    expect(slip.lines).toEqual(
      expect.arrayContaining([
        { kind: 'text', text: 'PAYMENT REVERSAL', align: 'center', bold: true },
        { kind: 'pair', left: 'Reversal no.', right: 'RV-T01-00001', bold: true },
        { kind: 'pair', left: 'Receipt reversed', right: payment.receiptNumber, bold: true },
        { kind: 'pair', left: 'Amount reversed', right: 'KES 145.50', bold: true },
        { kind: 'text', text: 'Reason: Paid on the wrong account' },
        { kind: 'pair', left: 'Reversed by', right: 'Jane Smith' },
        { kind: 'pair', left: 'Approved by', right: 'Mary Wanjiku' },
      ]),
    );
    const receipt = await jane.call('document-preview', { document: 'receipt', id: payment.id });
    expect(receipt.lines).toContainEqual({ kind: 'text', text: '*** REVERSED RV-T01-00001 ***', align: 'center', bold: true });
  });

  it('reversing the same payment twice is refused as a CONFLICT; nothing more is stored', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Paid on the wrong account', approval: APPROVAL });
    const before = stored();
    const message = expectRefused(await jane.send('payment-reverse', { paymentId: payment.id, reason: 'Again', approval: APPROVAL }), 'CONFLICT', 'paymentId');
    expect(message).toBe(`Receipt ${payment.receiptNumber} is reversed and cannot be reversed`);
    expect(stored()).toEqual(before);
    expect((await accountOf(jane, 'WU-10001')).balance).toBe(60025);
  });

  it('a second reversal gets the next number, RV-T01-00002', async () => {
    const jane = await counter.as('jane');
    const { payment } = await payOldestBill(jane);
    const john = await johnDoe(jane);
    const second = await jane.call('payment-record', paymentInput(john.id, [john.item('Late Fee').id], { type: 'service', amountPaid: '25.00', amountReceived: '25.00' }, counter.now));
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Wrong bill', approval: APPROVAL });
    const reversed = await jane.call('payment-reverse', { paymentId: second.id, reason: 'Fee waived', approval: APPROVAL });
    expect(reversed.reversal?.number).toBe('RV-T01-00002');
    expect((await accountOf(jane, 'WU-10001')).balance).toBe(60025);
  });

  it('no credit note can be made on a reversed receipt (CONFLICT on paymentId)', async () => {
    const mary = await counter.as('mary');
    const { payment } = await payOldestBill(mary);
    await mary.call('payment-reverse', { paymentId: payment.id, reason: 'Wrong account', approval: APPROVAL });
    const before = stored();
    expectRefused(await mary.send('credit-note-create', { paymentId: payment.id, amount: '10.00', reason: 'billing_error' }), 'CONFLICT', 'paymentId');
    expectRefused(await mary.send('credit-note-draft', { paymentId: payment.id }), 'CONFLICT', 'paymentId');
    expect(stored()).toEqual(before);
  });
});

describe('reversals and credit notes', () => {
  it('reversing an overpayment cancels its unused 4.50 credit note and the balance is back at 600.25', async () => {
    const jane = await counter.as('jane');
    const { john, payment, note } = await overpayOldestBill(jane);
    const earlier = ledgerRows();
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Wrong account', approval: APPROVAL });

    const after = ledgerRows();
    expect(after.slice(0, earlier.length)).toEqual(earlier);
    expect(after.slice(earlier.length).map((l) => [l.entry_kind, l.item_kind, l.amount])).toEqual([
      ['reversal', 'bill', 14550],
      ['reversal', 'credit_note', 450],
    ]);

    const details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({ status: 'cancelled', statusLabel: 'Cancelled', amount: 450, applied: 0, remaining: 0 });
    const account = await accountOf(jane, 'WU-10001');
    expect(account.credit).toEqual([]);
    expect(account.balance).toBe(60025);
    expect(ledgerSum(john.id)).toBe(60025);

    const slip = await jane.call('document-preview', { document: 'reversal_slip', id: payment.id });
    expect(slip.lines).toContainEqual({ kind: 'pair', left: 'Credit note cancelled', right: 'CN-T01-00001' });

    // A cancelled note cannot be spent.
    const spend = await jane.send('payment-record', paymentInput(john.id, [john.item('INV-2025-001567').id], { method: 'credit_note', creditNoteId: note.id, amountPaid: '1.00' }, counter.now));
    expectRefused(spend, 'CONFLICT', 'creditNoteId');
  });

  it('a payment whose credit note was partly spent cannot be reversed until the payment that spent it is reversed', async () => {
    const jane = await counter.as('jane');
    const { john, payment, note } = await overpayOldestBill(jane);
    const spent = await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001567').id], { method: 'credit_note', creditNoteId: note.id, amountPaid: '1.50' }, counter.now));

    const before = stored();
    const message = expectRefused(await jane.send('payment-reverse', { paymentId: payment.id, reason: 'Wrong account', approval: APPROVAL }), 'CONFLICT', 'paymentId');
    expect(message).toContain('CN-T01-00001');
    expect(stored()).toEqual(before);

    // Reversing the credit payment gives the 1.50 back to the note and puts it back on the bill.
    await jane.call('payment-reverse', { paymentId: spent.id, reason: 'Credit used by mistake', approval: APPROVAL });
    let details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect(details).toMatchObject({ status: 'active', applied: 0, remaining: 450, usagePercentage: '0.0' });
    expect(details.applications).toEqual([expect.objectContaining({ paymentId: spent.id, amount: 150, reversed: true })]);
    let account = await accountOf(jane, 'WU-10001');
    expect(account.bills.find((b) => b.reference === 'INV-2025-001567')?.open).toBe(15225);
    expect(account.balance).toBe(45025);

    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Wrong account', approval: APPROVAL });
    details = await jane.call('credit-note-get', { creditNoteId: note.id });
    expect([details.status, details.remaining]).toEqual(['cancelled', 0]);
    account = await accountOf(jane, 'WU-10001');
    expect(account.balance).toBe(60025);
    expect(ledgerSum(john.id)).toBe(60025);
    expect(cachedBalance(john.id)).toBe(60025);
  });

  it('AC43: cancelling a credit note by reversing its payment leaves an audit entry naming the note', async () => {
    const jane = await counter.as('jane');
    const { payment, note } = await overpayOldestBill(jane);
    const seqBefore = (sql().prepare('select max(seq) as seq from audit_entries').get() as { seq: number }).seq;
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Wrong account', approval: APPROVAL });
    const written = sql().prepare('select entity, entity_id, before, after from audit_entries where seq > ? order by seq').all(seqBefore) as Array<{ entity: string; entity_id: string; before: string | null; after: string | null }>;
    expect(written.length).toBeGreaterThan(0);
    const namesNote = written.filter((row) => row.entity_id === note.id || `${row.before}${row.after}`.includes(note.id));
    expect(namesNote).not.toEqual([]);
  });
});

describe('an administrator corrects a posted payment', () => {
  /** Jane takes 145.00 for INV-2025-001234 (145.50): she typed the amount wrong. */
  async function underpay(jane: Caller) {
    const john = await johnDoe(jane);
    const billId = john.item('INV-2025-001234').id;
    const payment = await jane.call('payment-record', paymentInput(john.id, [billId], { amountPaid: '145.00', amountReceived: '145.00' }, counter.now));
    return { john, billId, payment };
  }

  it('a cashier may not correct a payment (FORBIDDEN); nothing is stored', async () => {
    const jane = await counter.as('jane');
    const { john, billId, payment } = await underpay(jane);
    const before = stored();
    const result = await jane.send('payment-correct', { paymentId: payment.id, reason: 'Amount typed wrong', replacement: paymentInput(john.id, [billId], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now) });
    expectRefused(result, 'FORBIDDEN', undefined);
    expect(stored()).toEqual(before);
    expect((await jane.call('payment-get', { paymentId: payment.id })).status).toBe('posted');
  });

  it('the administrator\'s correction reverses the 145.00 payment and records a new one of 145.50 that pays the bill', async () => {
    const jane = await counter.as('jane');
    const { john, billId, payment } = await underpay(jane);
    expect((await accountOf(jane, 'WU-10001')).bills.find((b) => b.id === billId)?.open).toBe(50);
    const earlier = ledgerRows();

    const admin = await counter.as('admin');
    const replacement = paymentInput(john.id, [billId], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now);
    const corrected = await admin.call('payment-correct', { paymentId: payment.id, reason: 'Amount typed wrong', replacement });

    expect(corrected.id).toBe(replacement.id);
    expect(corrected.id).not.toBe(payment.id);
    expect(corrected).toMatchObject({ status: 'posted', amount: 14550, method: 'cash', recordedBy: { name: 'Counter Administrator' }, reversal: null, creditNotes: [] });
    expect(corrected.receiptNumber).not.toBe(payment.receiptNumber);
    expect(corrected.allocations).toEqual([expect.objectContaining({ itemId: billId, openBefore: 14550, applied: 14550, openAfter: 0 })]);
    expect(corrected.analysis.outcome).toBe('exact');
    expect(corrected.balanceAfter).toBe(60025 - 14550);

    const original = await admin.call('payment-get', { paymentId: payment.id });
    expect(original.status).toBe('reversed');
    expect(original.amount).toBe(14500);
    expect(original.reversal).toEqual({ number: 'RV-T01-00001', reason: 'Amount typed wrong', reversedBy: 'Counter Administrator', approvedBy: 'Counter Administrator', at: START.toISOString() });
    expect(sql().prepare('select replacement_payment_id from payment_reversals where payment_id = ?').get(payment.id)).toEqual({ replacement_payment_id: replacement.id });

    const after = ledgerRows();
    expect(after.slice(0, earlier.length)).toEqual(earlier);
    expect(after.slice(earlier.length).map((l) => [l.entry_kind, l.payment_id, l.amount])).toEqual([
      ['reversal', payment.id, 14500],
      ['payment', replacement.id, -14550],
    ]);

    const account = await accountOf(jane, 'WU-10001');
    expect(account.bills.map((b) => b.reference)).toEqual(['INV-2025-001567']);
    expect(account.balance).toBe(45475);
    expect(ledgerSum(john.id)).toBe(45475);
    expect(cachedBalance(john.id)).toBe(45475);
  });

  it('a correction whose replacement is refused changes nothing: the original stays posted', async () => {
    const jane = await counter.as('jane');
    const { john, billId, payment } = await underpay(jane);
    const admin = await counter.as('admin');
    const before = stored();
    // 145.50 paid but only 140.00 received in cash.
    const result = await admin.send('payment-correct', { paymentId: payment.id, reason: 'Amount typed wrong', replacement: paymentInput(john.id, [billId], { amountPaid: '145.50', amountReceived: '140.00' }, counter.now) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('VALIDATION');
    expect(stored()).toEqual(before);
    expect((await admin.call('payment-get', { paymentId: payment.id })).status).toBe('posted');
    expect((await accountOf(admin, 'WU-10001')).balance).toBe(60025 - 14500);
  });

  it('a correction whose replacement is refused names the replacement\'s field (replacement.amountReceived), as its other replacement errors do', async () => {
    const jane = await counter.as('jane');
    const { john, billId, payment } = await underpay(jane);
    const admin = await counter.as('admin');
    // A replacement problem the schema catches is named under replacement.
    expectRefused(await admin.send('payment-correct', { paymentId: payment.id, reason: 'Amount typed wrong', replacement: paymentInput(john.id, [billId], { amountPaid: '145.505' }, counter.now) }), 'VALIDATION', 'replacement.amountPaid');
    // So must one the payment rules catch.
    expectRefused(await admin.send('payment-correct', { paymentId: payment.id, reason: 'Amount typed wrong', replacement: paymentInput(john.id, [billId], { amountPaid: '145.50', amountReceived: '140.00' }, counter.now) }), 'VALIDATION', 'replacement.amountReceived');
  });

  it('a correction for another consumer, or reusing the payment\'s own id, is refused naming the replacement field', async () => {
    const jane = await counter.as('jane');
    const { billId, payment } = await underpay(jane);
    const admin = await counter.as('admin');
    const other = await accountOf(admin, 'WU-10002');
    const before = stored();
    expectRefused(
      await admin.send('payment-correct', { paymentId: payment.id, reason: 'Wrong account', replacement: paymentInput(other.consumer.id, [other.bills[0]!.id], { amountPaid: '10.00', amountReceived: '10.00' }, counter.now) }),
      'VALIDATION',
      'replacement.consumerId',
    );
    const john = await johnDoe(admin);
    expectRefused(
      await admin.send('payment-correct', { paymentId: payment.id, reason: 'Amount typed wrong', replacement: { ...paymentInput(john.id, [billId], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now), id: payment.id } }),
      'VALIDATION',
      'replacement.id',
    );
    expect(stored()).toEqual(before);
  });

  it('a reversed payment cannot be corrected (CONFLICT)', async () => {
    const jane = await counter.as('jane');
    const { john, billId, payment } = await underpay(jane);
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Wrong amount', approval: APPROVAL });
    const admin = await counter.as('admin');
    const before = stored();
    expectRefused(await admin.send('payment-correct', { paymentId: payment.id, reason: 'Amount typed wrong', replacement: paymentInput(john.id, [billId], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now) }), 'CONFLICT', 'paymentId');
    expect(stored()).toEqual(before);
  });
});

describe('the cached balance follows the ledger', () => {
  it('after overpaying, spending credit, reversing both and correcting a payment, every cached balance equals its ledger sum', async () => {
    const jane = await counter.as('jane');
    const { john, payment, note } = await overpayOldestBill(jane);
    const spent = await jane.call('payment-record', paymentInput(john.id, [john.item('INV-2025-001567').id], { method: 'credit_note', creditNoteId: note.id, amountPaid: '4.50' }, counter.now));
    await jane.call('payment-reverse', { paymentId: spent.id, reason: 'Credit used by mistake', approval: APPROVAL });
    await jane.call('payment-reverse', { paymentId: payment.id, reason: 'Wrong account', approval: APPROVAL });
    const fee = await jane.call('payment-record', paymentInput(john.id, [john.item('Late Fee').id], { type: 'service', amountPaid: '20.00', amountReceived: '20.00' }, counter.now));
    const admin = await counter.as('admin');
    await admin.call('payment-correct', { paymentId: fee.id, reason: 'Amount typed wrong', replacement: paymentInput(john.id, [john.item('Late Fee').id], { type: 'service', amountPaid: '25.00', amountReceived: '25.00' }, counter.now) });

    expect(balanceMismatches()).toEqual([]);
    expect(cachedBalance(john.id)).toBe(ledgerSum(john.id));
    expect(counter.backend.store.ledger.balance(john.id)).toBe(60025 - 2500);
    expect((await accountOf(jane, 'WU-10001')).balance).toBe(57525);
    expect(counter.backend.store.ledger.verify()).toMatchObject({ ok: true });
  });
});
