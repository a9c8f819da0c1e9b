/**
 * Acceptance tests of issue 5, tills and the end-of-day cash-up, through the
 * services exactly as the renderer calls them: opening with a float, taking
 * payments into one's own till, cash in and out, the blind count, variance
 * approval, the close and the locked day; and every bad input the issue names
 * refused with the field, storing nothing.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../core/api/contract.js';
import { type Caller, type CounterBackend, dayOf, expectRefused, johnDoe, openCounter, paymentInput } from './counter-backend.js';

const MORNING = new Date(2026, 10, 23, 8, 0, 0);
const note = (shillings: number) => String(shillings * 100);

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(MORNING);
});
afterEach(() => counter.close());

/** What any refused call must leave untouched. */
function writes() {
  return {
    tills: counter.count('till_sessions'),
    lines: counter.count('till_lines'),
    payments: counter.count('payments'),
    outbox: counter.count('outbox'),
    days: counter.count('business_days'),
  };
}

async function openTill(caller: Caller, fields: Omit<CallInput<'till-open'>, 'id'> = { counts: { [note(1000)]: 5 } }) {
  return caller.call('till-open', { id: uuidv7(), ...fields });
}

/** Jane takes 145.50 in cash for INV-2025-001234 (or another bill), handed 150.00. */
async function cashPayment(jane: Caller, fields: Partial<CallInput<'payment-record'>> = {}, bill = 'INV-2025-001234') {
  const john = await johnDoe(jane);
  return jane.call('payment-record', paymentInput(john.id, [john.item(bill).id], { amountPaid: '145.50', amountReceived: '150.00', ...fields }, counter.now));
}

const count = (tillSessionId: string, cash: Record<string, number>, card = '0', mpesa = '0'): CallInput<'till-count'> => ({ tillSessionId, counts: cash, cardTotal: card, mpesaTotal: mpesa });

describe('opening a till', () => {
  it('opens with a float counted by denomination, on this terminal, for today', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane, { counts: { [note(1000)]: 3, [note(500)]: 2, [note(50)]: 4, [note(1)]: 7 } });
    expect(till).toMatchObject({ number: 'TS-T01-00001', terminalCode: 'T01', cashier: { name: 'Jane Smith' }, businessDate: dayOf(MORNING), status: 'open', openingFloat: 420_700 });
    expect((await jane.call('till-current', {})).till?.id).toBe(till.id);
  });

  it('opens with a float entered as a total, zero included', async () => {
    const jane = await counter.as('jane', { till: false });
    expect((await openTill(jane, { openingFloat: '0' })).openingFloat).toBe(0);
  });

  it('a double click opens one till', async () => {
    const jane = await counter.as('jane', { till: false });
    const input = { id: uuidv7(), openingFloat: '2000.00' };
    const first = await jane.call('till-open', input);
    expect(await jane.call('till-open', input)).toEqual(first);
    expect(counter.count('till_sessions')).toBe(1);
  });

  it('refuses a negative or fractional count naming the denomination, and a second till while one is open', async () => {
    const jane = await counter.as('jane', { till: false });
    const before = writes();
    expect(expectRefused(await jane.send('till-open', { id: uuidv7(), counts: { [note(500)]: -1 } }), 'VALIDATION', 'counts.50000')).toBe('The count of 500 notes must be a whole number, zero or more');
    expect(expectRefused(await jane.send('till-open', { id: uuidv7(), counts: { [note(20)]: 2.5 } }), 'VALIDATION', 'counts.2000')).toBe('The count of 20 coins must be a whole number, zero or more');
    expectRefused(await jane.send('till-open', { id: uuidv7() }), 'VALIDATION', 'openingFloat');
    expectRefused(await jane.send('till-open', { id: uuidv7(), openingFloat: '-5' }), 'VALIDATION', 'openingFloat');
    expect(writes()).toEqual(before);

    const open = await openTill(jane);
    expect(expectRefused(await jane.send('till-open', { id: uuidv7(), openingFloat: '100' }), 'CONFLICT', 'till')).toBe(`You already have till ${open.number} open on this terminal`);
  });
});

describe('payments belong to a till', () => {
  it('refuses a payment without an open till of one\'s own, storing nothing', async () => {
    const jane = await counter.as('jane', { till: false });
    const before = writes();
    const john = await johnDoe(jane);
    const refused = await jane.send('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '145.50' }, counter.now));
    expect(expectRefused(refused, 'CONFLICT', 'till')).toBe('Open a till before taking payments');
    expect(writes()).toEqual(before);
  });

  it('refuses a payment into someone else\'s till or a closed one', async () => {
    const jane = await counter.as('jane', { till: false });
    const peter = await counter.as('peter', { till: false });
    const janes = await openTill(jane);
    await openTill(peter);
    const before = writes();
    const john = await johnDoe(peter);
    const intoJanes = await peter.send('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '145.50', tillSessionId: janes.id }, counter.now));
    expect(expectRefused(intoJanes, 'CONFLICT', 'tillSessionId')).toBe(`Till ${janes.number} belongs to another cashier; take payments into your own till`);
    expect(writes()).toEqual(before);

    await jane.call('till-count', count(janes.id, { [note(1000)]: 5 }));
    const intoClosed = await jane.send('payment-record', paymentInput(john.id, [john.item('INV-2025-001234').id], { amountPaid: '145.50', tillSessionId: janes.id }, counter.now));
    expect(expectRefused(intoClosed, 'CONFLICT', 'tillSessionId')).toBe(`Till ${janes.number} is closed and takes nothing more`);
  });

  it('stamps the payment\'s sync posting with its till', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    const receipt = await cashPayment(jane);
    const posting = counter.backend.store.db.$client.prepare("select till_session_id as till from outbox where kind = 'payment.recorded' and aggregate_id = ?").get(receipt.id) as { till: string };
    expect(posting.till).toBe(till.id);
  });
});

describe('cash in and out', () => {
  it('records a float top-up and a safe drop with their reasons, and the X report shows them', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    await jane.call('till-cash-move', { id: uuidv7(), tillSessionId: till.id, direction: 'in', amount: '1000.00', reason: 'Float top-up' });
    const report = await jane.call('till-cash-move', { id: uuidv7(), tillSessionId: till.id, direction: 'out', amount: '2500.00', reason: 'Safe drop' });
    expect(report.movements.map((m) => [m.direction, m.amount, m.reason, m.by, m.approvedBy])).toEqual([
      ['in', 100_000, 'Float top-up', 'Jane Smith', null],
      ['out', 250_000, 'Safe drop', 'Jane Smith', null],
    ]);
    expect(report.cash).toMatchObject({ cashIn: 100_000, cashOut: 250_000 });
  });

  it('above the limit needs a branch manager: refused without one or with a cashier, taken with Mary\'s PIN', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane, { openingFloat: '20000.00' });
    const move = { tillSessionId: till.id, direction: 'out' as const, amount: '6000.00', reason: 'Bank deposit' };
    const before = writes();
    expect(expectRefused(await jane.send('till-cash-move', { id: uuidv7(), ...move }), 'VALIDATION', 'approval')).toBe("Cash out above KES 5,000.00 needs a branch manager's approval");
    expectRefused(await jane.send('till-cash-move', { id: uuidv7(), ...move, approval: { username: 'peter', pin: '2345' } }), 'FORBIDDEN', 'approval.username');
    expectRefused(await jane.send('till-cash-move', { id: uuidv7(), ...move, approval: { username: 'mary', pin: '0000' } }), 'FORBIDDEN', 'approval.pin');
    expect(writes()).toEqual(before);
    const report = await jane.call('till-cash-move', { id: uuidv7(), ...move, approval: { username: 'mary', pin: '3456' } });
    expect(report.movements[0]).toMatchObject({ amount: 600_000, approvedBy: 'Mary Wanjiku' });
  });

  it('refuses a cash out larger than the cash expected in the drawer', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane, { openingFloat: '1000.00' });
    await cashPayment(jane);
    const before = writes();
    const refused = await jane.send('till-cash-move', { id: uuidv7(), tillSessionId: till.id, direction: 'out', amount: '1145.51', reason: 'Petty cash' });
    expect(expectRefused(refused, 'CONFLICT', 'amount')).toBe('Only KES 1,145.50 should be in the drawer; a cash out cannot take more');
    expect(writes()).toEqual(before);
    await jane.call('till-cash-move', { id: uuidv7(), tillSessionId: till.id, direction: 'out', amount: '1145.50', reason: 'Petty cash' });
  });
});

describe('closing a till', () => {
  it('within the tolerance the cashier closes alone; the till then takes nothing more and cannot close twice', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    await cashPayment(jane);
    // Expected 5,145.50: counted 5,145.00 is 0.50 short, within the 10.00 tolerance.
    const closed = await jane.call('till-count', count(till.id, { [note(1000)]: 5, [note(100)]: 1, [note(20)]: 2, [note(5)]: 1 }));
    expect(closed.session.status).toBe('closed');
    expect(closed.variances[0]).toEqual({ method: 'cash', expected: 514_550, counted: 514_500, variance: -50 });
    expect(closed.approval).toBeNull();
    expect((await jane.call('till-current', {})).till).toBeNull();

    const before = writes();
    expect(expectRefused(await jane.send('till-count', count(till.id, { [note(1000)]: 5 })), 'CONFLICT', 'tillSessionId')).toBe(`Till ${till.number} is already closed`);
    expectRefused(await jane.send('till-cash-move', { id: uuidv7(), tillSessionId: till.id, direction: 'in', amount: '10.00', reason: 'Late' }), 'CONFLICT', 'tillSessionId');
    expect(writes()).toEqual(before);
  });

  it('a count is blind: the cashier sees no expected cash before it, and sees expected, counted and variance after', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    await cashPayment(jane);
    const before = await jane.call('till-report', { tillSessionId: till.id });
    expect(before.blind).toBe(true);
    expect(before.cash.expected).toBeNull();
    const after = await jane.call('till-count', count(till.id, { [note(1000)]: 5, [note(100)]: 1 }));
    expect(after.blind).toBe(false);
    expect(after.variances[0]).toEqual({ method: 'cash', expected: 514_550, counted: 510_000, variance: -4_550 });
  });

  it('beyond the tolerance waits for a manager; a recount is kept; the cashier cannot approve; Mary approves with a reason', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    await cashPayment(jane);
    const short = await jane.call('till-count', count(till.id, { [note(1000)]: 5, [note(50)]: 1, [note(20)]: 2, [note(5)]: 1 }));
    expect(short.session.status).toBe('awaiting_approval');
    expect(short.beyondTolerance).toEqual(['cash']);
    expect(short.variances[0]!.variance).toBe(-5_000 - 50);

    const recount = await jane.call('till-count', count(till.id, { [note(1000)]: 5, [note(50)]: 1, [note(20)]: 2, [note(5)]: 1, [note(1)]: 0 }, '0', '0'));
    expect(recount.counts.map((c) => c.recount)).toEqual([false, true]);
    expect(recount.session.status).toBe('awaiting_approval');

    const before = writes();
    expectRefused(await jane.send('till-approve-close', { tillSessionId: till.id, reason: 'Short', approval: { username: 'jane', pin: '1234' } }), 'FORBIDDEN', 'approval.username');
    expectRefused(await jane.send('till-approve-close', { tillSessionId: till.id, reason: 'Short', approval: { username: 'peter', pin: '2345' } }), 'FORBIDDEN', 'approval.username');
    expectRefused(await jane.send('till-approve-close', { tillSessionId: till.id, reason: '', approval: { username: 'mary', pin: '3456' } }), 'VALIDATION', 'reason');
    expect(writes()).toEqual(before);

    const closed = await jane.call('till-approve-close', { tillSessionId: till.id, reason: 'Change given twice to one customer', approval: { username: 'mary', pin: '3456' } });
    expect(closed.session.status).toBe('closed');
    expect(closed.approval).toMatchObject({ by: 'Mary Wanjiku', reason: 'Change given twice to one customer' });
    expectRefused(await jane.send('till-approve-close', { tillSessionId: till.id, reason: 'Again', approval: { username: 'mary', pin: '3456' } }), 'CONFLICT', 'tillSessionId');
  });

  it('the closing posting carries the count and total of the session\'s postings', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    await cashPayment(jane);
    await jane.call('till-count', count(till.id, { [note(1000)]: 5, [note(100)]: 1, [note(20)]: 2, [note(5)]: 1 }));
    const rows = counter.backend.store.db.$client.prepare('select kind, amount, payload from outbox where till_session_id = ? order by seq').all(till.id) as Array<{ kind: string; amount: number; payload: string }>;
    expect(rows.map((r) => r.kind)).toEqual(['till.opened', 'payment.recorded', 'till.counted', 'till.closed']);
    expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({ tillSessionId: till.id, postingCount: 3, total: 14_550, summary: { number: till.number, cashierName: 'Jane Smith', taken: 14_550 } });
  });
});

describe('the business day', () => {
  it('cannot close while a till is open, naming the till; closes once every till is closed, and then nothing more is taken', async () => {
    const jane = await counter.as('jane', { till: false });
    const mary = await counter.as('mary', { till: false });
    const till = await openTill(jane);
    const today = dayOf(MORNING);

    const before = writes();
    expect(expectRefused(await mary.send('day-close', { businessDate: today }), 'CONFLICT', 'businessDate')).toBe(`Close till ${till.number} (Jane Smith) before closing the day`);
    expect(writes()).toEqual(before);

    await jane.call('till-count', count(till.id, { [note(1000)]: 5 }));
    const day = await mary.call('day-close', { businessDate: today });
    expect(day).toMatchObject({ businessDate: today, closed: true, closedBy: 'Mary Wanjiku', tills: [{ number: till.number, source: 'this_terminal', status: 'closed', variance: 0 }] });

    expect(expectRefused(await jane.send('till-open', { id: uuidv7(), openingFloat: '100' }), 'CONFLICT', 'businessDate')).toBe(`The business day ${today} is closed; nothing more can be taken on it`);
    expectRefused(await mary.send('day-close', { businessDate: today }), 'CONFLICT', 'businessDate');
  });

  it('a till left open overnight belongs to the day it opened: it holds up the next day\'s close, naming its day, until it is counted', async () => {
    const jane = await counter.as('jane', { till: false });
    const mary = await counter.as('mary', { till: false });
    const overnight = await openTill(jane);
    const opened = dayOf(MORNING);
    counter.advanceDays(1);
    const today = dayOf(counter.now);

    await cashPayment(jane);
    const before = writes();
    expect(expectRefused(await mary.send('day-close', { businessDate: today }), 'CONFLICT', 'businessDate')).toBe(`Close till ${overnight.number} (Jane Smith, opened for ${opened}) before closing the day`);
    expect(writes()).toEqual(before);

    await jane.call('till-count', count(overnight.id, { [note(1000)]: 5, [note(100)]: 1, [note(20)]: 2, [note(5)]: 1 }));
    expect((await mary.call('day-close', { businessDate: opened })).tills).toMatchObject([{ number: overnight.number, status: 'closed', taken: 14_550 }]);
    expect((await mary.call('day-close', { businessDate: today })).closed).toBe(true);
  });

  it('only a branch manager or administrator sees the end-of-day view', async () => {
    const jane = await counter.as('jane', { till: false });
    expectRefused(await jane.send('day-view', {}), 'FORBIDDEN', undefined);
  });
});

describe('reversals go back through a drawer', () => {
  it('a cash reversal while the till is open is a refund out of that drawer', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    const receipt = await cashPayment(jane);
    await jane.call('payment-reverse', { paymentId: receipt.id, reason: 'Wrong account', approval: { username: 'mary', pin: '3456' } });
    const report = await (await counter.as('mary', { till: false })).call('till-report', { tillSessionId: till.id });
    expect(report.cash).toMatchObject({ received: 15_000, changeGiven: 450, refunds: 14_550, expected: 500_000 });
    expect(report.reversals).toMatchObject([{ receiptNumber: receipt.receiptNumber, methodLabel: 'Cash', amount: 14_550 }]);
  });

  it('after the till that took it is closed, a reversal needs a till of one\'s own', async () => {
    const jane = await counter.as('jane', { till: false });
    const till = await openTill(jane);
    const receipt = await cashPayment(jane);
    await jane.call('till-count', count(till.id, { [note(1000)]: 5, [note(100)]: 1, [note(20)]: 2, [note(5)]: 1 }));
    const before = writes();
    const refused = await jane.send('payment-reverse', { paymentId: receipt.id, reason: 'Wrong account', approval: { username: 'mary', pin: '3456' } });
    expect(expectRefused(refused, 'CONFLICT', 'till')).toBe(`Till ${till.number} that took it is closed; open a till of your own to reverse this payment`);
    expect(writes()).toEqual(before);
  });
});
