/**
 * Acceptance tests of the Record Payment form (payments spec, section 9:
 * AC1–AC11, AC16, AC21, AC40, AC45), through the services exactly as the
 * renderer calls them. AC14 ("Record Another Payment") and AC15 ("Return to
 * Dashboard") are buttons of the UI; the end-to-end tests cover them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../core/api/contract.js';
import { cents, toDecimalText } from '../../core/money.js';
import { formatNumber } from '../../core/numbering/number-format.js';
import { defaultChannel, type CounterSettings } from '../../core/settings/settings.js';
import { type Account, accountOf, type Caller, type CounterBackend, openCounter, openItem, paymentInput, refusal } from './counter-backend.js';

type PaymentModes = CallInput<'settings-payment-modes-set'>;

/** A fixed morning at the counter, so numbers carry a known year: Apr 20, 2025, as in the spec's sample. */
const OPENED = new Date(2025, 3, 20, 10, 30, 0);

let counter: CounterBackend;
beforeEach(async () => {
  counter = await openCounter(OPENED);
});
afterEach(() => counter.close());

/** The id of one of the account's unpaid items, by what the cashier reads on screen. */
const itemId = (account: Account, reference: string): string => openItem(account, reference).id;

async function john(caller: Caller) {
  return accountOf(caller, 'WU-10001');
}

/** Settings > payment modes as an administrator saves them: the current ones with a change. */
async function setPaymentModes(admin: Caller, change: (current: PaymentModes & { settings: CounterSettings }) => Partial<PaymentModes>) {
  const settings = await admin.call('settings-get', {});
  const current: PaymentModes = {
    paymentMethods: settings.paymentMethods,
    channels: settings.channels,
    overpaymentLimit: toDecimalText(cents(settings.overpaymentLimit)),
    creditNoteValidityMonths: settings.creditNoteValidityMonths,
    notesMaxLength: settings.notesMaxLength,
  };
  return admin.call('settings-payment-modes-set', { ...current, ...change({ ...current, settings }) });
}

/** Nothing written: no payment, allocation, ledger line or number taken. */
function writes() {
  return { payments: counter.count('payments'), allocations: counter.count('payment_allocations'), ledger: counter.count('ledger_lines'), sequences: counter.count('number_sequences') };
}

describe('Record Payment form: finding the consumer', () => {
  it('AC1: a consumer is found by part of the name in any letter case', async () => {
    const jane = await counter.as('jane');
    for (const query of ['john doe', 'JOHN', 'oHN d', 'John Do']) {
      const hits = await jane.call('consumer-search', { query, limit: 20 });
      const john = hits.find((h) => h.accountNumber === 'WU-10001');
      expect(john, query).toEqual({ id: john!.id, accountNumber: 'WU-10001', name: 'John Doe', serviceAddress: '123 Main Street, Cityville', status: 'active', balance: 60025 });
    }
  });

  it('AC1: a consumer is found by part of the account number in any letter case', async () => {
    const jane = await counter.as('jane');
    const exact = await jane.call('consumer-search', { query: '10001', limit: 20 });
    expect(exact.map((h) => [h.accountNumber, h.name])).toEqual([['WU-10001', 'John Doe']]);

    const partial = await jane.call('consumer-search', { query: 'wu-1000', limit: 20 });
    expect(partial.map((h) => h.accountNumber).sort()).toEqual(['WU-10001', 'WU-10002', 'WU-10003', 'WU-10004', 'WU-10005', 'WU-10006', 'WU-10007', 'WU-10008', 'WU-10009']);

    expect(await jane.call('consumer-search', { query: 'zzqx', limit: 20 })).toEqual([]);
  });

  it('AC2: the selected account shows name, account number, address, phone, email and the balance from the ledger', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    expect(account.consumer).toEqual({
      id: account.consumer.id,
      accountNumber: 'WU-10001',
      name: 'John Doe',
      serviceAddress: '123 Main Street, Cityville',
      phone: '(555) 123-4567',
      email: 'john.doe@email.com',
      status: 'active',
      type: 'Residential',
    });
    // 145.50 + 152.25 + 75.00 + 25.00 + 3 × 67.50, every charge a ledger line.
    expect(account.balance).toBe(60025);
    const open = [...account.bills, ...account.services, ...account.installments].reduce((sum, i) => sum + i.open, 0);
    expect(open).toBe(60025);
    expect(account.recentPayments).toEqual([]);
    expect(account.credit).toEqual([]);
  });

  it('AC2: the balance shown follows the ledger after a payment', async () => {
    const jane = await counter.as('jane');
    const before = await john(jane);
    await jane.call('payment-record', paymentInput(before.consumer.id, [itemId(before, 'Late Fee')], { type: 'service', amountPaid: '25.00', amountReceived: '25.00' }, counter.now));
    const after = await john(jane);
    expect(after.balance).toBe(57525);
    const [hit] = (await jane.call('consumer-search', { query: 'WU-10001', limit: 5 })).filter((h) => h.accountNumber === 'WU-10001');
    expect(hit!.balance).toBe(57525);
    expect(after.recentPayments.map((p) => [p.receiptNumber, p.amount, p.methodLabel, p.type, p.status])).toEqual([['R-T01-5001', 2500, 'Cash', 'service', 'posted']]);
  });
});

describe('Record Payment form: channel', () => {
  it('AC3: the form opens on Walk-in and offers the channels configured in settings', async () => {
    const jane = await counter.as('jane');
    const settings = await jane.call('settings-get', {});
    expect(settings.channels).toEqual([
      { code: 'walk_in', label: 'Walk-in', isDefault: true },
      { code: 'field', label: 'Field agent', isDefault: false },
    ]);
    expect(defaultChannel(settings)).toBe('walk_in');

    const account = await john(jane);
    const walkIn = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
    expect([walkIn.channel, walkIn.channelLabel]).toEqual(['walk_in', 'Walk-in']);
    const field = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', channel: 'field', amountPaid: '25.00', amountReceived: '25.00' }, counter.now));
    expect([field.channel, field.channelLabel]).toEqual(['field', 'Field agent']);
  });

  it('AC3: a channel an administrator adds in settings is offered and used; a removed one is refused', async () => {
    const admin = await counter.as('admin');
    await setPaymentModes(admin, () => ({
      channels: [
        { code: 'walk_in', label: 'Walk-in', isDefault: true },
        { code: 'mobile_van', label: 'Mobile van', isDefault: false },
      ],
    }));

    const jane = await counter.as('jane');
    const settings = await jane.call('settings-get', {});
    expect(settings.channels.map((c) => [c.code, c.label, c.isDefault])).toEqual([
      ['walk_in', 'Walk-in', true],
      ['mobile_van', 'Mobile van', false],
    ]);
    expect(defaultChannel(settings)).toBe('walk_in');

    const account = await john(jane);
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { channel: 'mobile_van', amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
    expect([payment.channel, payment.channelLabel]).toEqual(['mobile_van', 'Mobile van']);

    const count = counter.count('payments');
    const removed = await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', channel: 'field', amountPaid: '25.00', amountReceived: '25.00' }, counter.now));
    expect(removed).toEqual({ code: 'VALIDATION', field: 'channel', message: 'Channel field is not one of the configured channels' });
    expect(counter.count('payments')).toBe(count);
  });

  it('AC3: an unknown channel is refused naming the channel field, and nothing is stored', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const before = writes();
    const error = await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { channel: 'carrier_pigeon', amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
    expect(error).toEqual({ code: 'VALIDATION', field: 'channel', message: 'Channel carrier_pigeon is not one of the configured channels' });
    expect(writes()).toEqual(before);
  });

  it('AC3: only an administrator changes the configured channels', async () => {
    for (const user of ['jane', 'mary'] as const) {
      const caller = await counter.as(user);
      const settings = await caller.call('settings-get', {});
      const error = await refusal(caller, 'settings-payment-modes-set', {
        paymentMethods: settings.paymentMethods,
        channels: [{ code: 'kiosk', label: 'Kiosk', isDefault: true }],
        overpaymentLimit: '5000.00',
        creditNoteValidityMonths: 12,
        notesMaxLength: 250,
      });
      expect(error.code, user).toBe('FORBIDDEN');
    }
    const settings = await (await counter.as('jane')).call('settings-get', {});
    expect(settings.channels.map((c) => c.code)).toEqual(['walk_in', 'field']);
  });
});

describe('Record Payment form: payment types and items', () => {
  it('AC4: bill, service and installment payments each pay their own kind of item', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { type: 'bill', amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
    const service = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Reconnection Fee')], { type: 'service', amountPaid: '75.00', amountReceived: '75.00' }, counter.now));
    const installment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'PP-2025-0034 #1')], { type: 'installment', amountPaid: '67.50', amountReceived: '67.50' }, counter.now));

    expect([bill.type, bill.allocations.map((a) => [a.kind, a.reference, a.applied, a.openAfter])]).toEqual(['bill', [['bill', 'INV-2025-001234', 14550, 0]]]);
    expect([service.type, service.allocations.map((a) => [a.kind, a.reference, a.applied, a.openAfter])]).toEqual(['service', [['service', 'Reconnection Fee', 7500, 0]]]);
    expect([installment.type, installment.allocations.map((a) => [a.kind, a.reference, a.applied, a.openAfter])]).toEqual(['installment', [['installment', 'PP-2025-0034 #1', 6750, 0]]]);
    expect(installment.balanceAfter).toBe(60025 - 14550 - 7500 - 6750);

    const after = await john(jane);
    expect(after.bills.map((b) => b.reference)).toEqual(['INV-2025-001567']);
    expect(after.services.map((s) => s.reference)).toEqual(['Late Fee']);
    expect(after.installments.map((i) => i.reference)).toEqual(['PP-2025-0034 #2', 'PP-2025-0034 #3']);
    expect(after.balance).toBe(31225);
  });

  it('AC4: a bill payment cannot include a service charge, and nothing is stored', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const before = writes();
    const error = await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234'), itemId(account, 'Late Fee')], { type: 'bill', amountPaid: '170.50', amountReceived: '170.50' }, counter.now));
    expect(error).toEqual({ code: 'VALIDATION', field: 'itemIds', message: 'Late Fee is not a bill' });
    expect(writes()).toEqual(before);
    expect((await john(jane)).balance).toBe(60025);
  });

  it('AC5: the unpaid bills are listed for a bill payment, oldest due first, with period, amount and what is open', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    expect(account.bills.map(({ kind, reference, detail, amount, open, issuedOn, dueOn }) => ({ kind, reference, detail, amount, open, issuedOn, dueOn }))).toEqual([
      { kind: 'bill', reference: 'INV-2025-001234', detail: 'Mar 2025', amount: 14550, open: 14550, issuedOn: '2025-03-31', dueOn: '2025-04-15' },
      { kind: 'bill', reference: 'INV-2025-001567', detail: 'Apr 2025', amount: 15225, open: 15225, issuedOn: '2025-04-30', dueOn: '2025-05-15' },
    ]);
  });

  it('AC5: a part-paid bill stays listed with what is still open; a paid one leaves the list', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001567')], { amountPaid: '100.00', amountReceived: '100.00' }, counter.now));
    await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
    const after = await john(jane);
    expect(after.bills.map((b) => [b.reference, b.amount, b.open])).toEqual([['INV-2025-001567', 15225, 5225]]);
  });

  it('AC6: the unpaid service charges are listed for a service payment, with service date and amount', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    expect(account.services.map(({ kind, reference, detail, amount, open, dueOn }) => ({ kind, reference, detail, amount, open, dueOn }))).toEqual([
      { kind: 'service', reference: 'Late Fee', detail: '2025-04-10', amount: 2500, open: 2500, dueOn: '2025-04-10' },
      { kind: 'service', reference: 'Reconnection Fee', detail: '2025-04-18', amount: 7500, open: 7500, dueOn: '2025-04-18' },
    ]);
    await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', amountPaid: '25.00', amountReceived: '30.00' }, counter.now));
    expect((await john(jane)).services.map((s) => [s.reference, s.open])).toEqual([['Reconnection Fee', 7500]]);
  });

  it('AC7: all unpaid installments of the plan are listed for an installment payment', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    expect(account.installments.map(({ kind, reference, detail, amount, open, dueOn }) => ({ kind, reference, detail, amount, open, dueOn }))).toEqual([
      { kind: 'installment', reference: 'PP-2025-0034 #1', detail: 'Installment 1 of PP-2025-0034', amount: 6750, open: 6750, dueOn: '2025-04-15' },
      { kind: 'installment', reference: 'PP-2025-0034 #2', detail: 'Installment 2 of PP-2025-0034', amount: 6750, open: 6750, dueOn: '2025-05-15' },
      { kind: 'installment', reference: 'PP-2025-0034 #3', detail: 'Installment 3 of PP-2025-0034', amount: 6750, open: 6750, dueOn: '2025-06-15' },
    ]);
    const paid = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'PP-2025-0034 #1'), itemId(account, 'PP-2025-0034 #2')], { type: 'installment', amountPaid: '135.00', amountReceived: '135.00' }, counter.now));
    expect(paid.allocations.map((a) => [a.reference, a.applied])).toEqual([['PP-2025-0034 #1', 6750], ['PP-2025-0034 #2', 6750]]);
    expect((await john(jane)).installments.map((i) => [i.reference, i.open])).toEqual([['PP-2025-0034 #3', 6750]]);
  });

  it('AC40: a service payment cannot pay an installment, nor an installment payment a bill', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const before = writes();
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'PP-2025-0034 #1')], { type: 'service', amountPaid: '67.50', amountReceived: '67.50' }, counter.now))).toEqual({
      code: 'VALIDATION',
      field: 'itemIds',
      message: 'PP-2025-0034 #1 is not a service',
    });
    const billAsInstallment = await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { type: 'installment', amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
    expect([billAsInstallment.code, billAsInstallment.field]).toEqual(['VALIDATION', 'itemIds']);
    expect(billAsInstallment.message).toBe('INV-2025-001234 is not an installment');
    expect(writes()).toEqual(before);
  });

  it('AC40: a payment must name at least one item, of this consumer, still unpaid, and a known type', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const other = await accountOf(jane, 'WU-10002');
    const bill = itemId(account, 'INV-2025-001234');

    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [], { amountPaid: '10.00', amountReceived: '10.00' }, counter.now))).toEqual({
      code: 'VALIDATION',
      field: 'itemIds',
      message: 'Choose at least one bill to pay',
    });
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [other.bills[0]!.id], { amountPaid: '10.00', amountReceived: '10.00' }, counter.now))).toEqual({
      code: 'NOT_FOUND',
      field: 'itemIds',
      message: 'No such bill on account WU-10001',
    });
    const wrongType = await refusal(jane, 'payment-record', { ...paymentInput(account.consumer.id, [bill], { amountPaid: '10.00', amountReceived: '10.00' }, counter.now), type: 'donation' as 'bill' });
    expect([wrongType.code, wrongType.field]).toEqual(['VALIDATION', 'type']);

    await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now));
    const before = writes();
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '145.50' }, counter.now))).toEqual({
      code: 'CONFLICT',
      field: 'itemIds',
      message: 'INV-2025-001234 is already paid',
    });
    expect(writes()).toEqual(before);
  });
});

describe('Record Payment form: methods', () => {
  it('AC8: the payment methods come from Settings > payment modes', async () => {
    const jane = await counter.as('jane');
    const settings = await jane.call('settings-get', {});
    expect(settings.paymentMethods).toEqual([
      { code: 'cash', label: 'Cash', enabled: true },
      { code: 'card', label: 'Card', enabled: true },
      { code: 'mpesa', label: 'M-PESA', enabled: true },
      { code: 'bank_transfer', label: 'Bank transfer', enabled: true },
    ]);
    const account = await john(jane);
    const card = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'card', amountPaid: '25.00', reference: 'A1B2C3', cardLast4: '4242' }, counter.now));
    expect([card.method, card.methodLabel]).toEqual(['card', 'Card']);
  });

  it('AC8: a method disabled in settings is refused naming the method field; re-enabled it is taken again', async () => {
    const admin = await counter.as('admin');
    await setPaymentModes(admin, ({ paymentMethods }) => ({ paymentMethods: paymentMethods.map((m) => (m.code === 'card' ? { ...m, enabled: false } : m)) }));

    const jane = await counter.as('jane');
    expect((await jane.call('settings-get', {})).paymentMethods.filter((m) => m.enabled).map((m) => m.label)).toEqual(['Cash', 'M-PESA', 'Bank transfer']);
    const account = await john(jane);
    const cardPayment = paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'card', amountPaid: '25.00', reference: 'A1B2C3', cardLast4: '4242' }, counter.now);
    const before = writes();
    expect(await refusal(jane, 'payment-record', cardPayment)).toEqual({ code: 'VALIDATION', field: 'method', message: 'Method card is not enabled in settings' });
    expect(writes()).toEqual(before);

    const cash = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Reconnection Fee')], { type: 'service', amountPaid: '75.00', amountReceived: '80.00' }, counter.now));
    expect([cash.methodLabel, cash.change]).toEqual(['Cash', 500]);

    await setPaymentModes(admin, ({ paymentMethods }) => ({ paymentMethods: paymentMethods.map((m) => ({ ...m, enabled: true })) }));
    const card = await jane.call('payment-record', cardPayment);
    expect([card.methodLabel, card.receiptNumber]).toEqual(['Card', 'R-T01-5002']);
  });

  it('AC8: a method relabelled in settings shows its new label on the payment and in the recent list', async () => {
    const admin = await counter.as('admin');
    await setPaymentModes(admin, ({ paymentMethods }) => ({ paymentMethods: paymentMethods.map((m) => (m.code === 'mpesa' ? { ...m, label: 'Lipa na M-PESA' } : m)) }));
    const jane = await counter.as('jane');
    const account = await john(jane);
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'mpesa', amountPaid: '25.00', reference: 'LHG31AA5TX' }, counter.now));
    expect(payment.methodLabel).toBe('Lipa na M-PESA');
    const [recent] = await jane.call('payment-list-recent', { limit: 1 });
    expect([recent!.receiptNumber, recent!.method, recent!.methodLabel, recent!.amount]).toEqual(['R-T01-5001', 'mpesa', 'Lipa na M-PESA', 2500]);
  });

  it('AC8: an M-PESA code of the wrong form is refused naming reference; a lower-case one is read in capitals', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const before = writes();
    for (const reference of ['ABC123', 'LHG31AA5TX1', 'LHG31AA5T!']) {
      expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'mpesa', amountPaid: '25.00', reference }, counter.now)), reference).toEqual({
        code: 'VALIDATION',
        field: 'reference',
        message: 'M-PESA receipt code must be 10 letters and digits, like LHG31AA5TX',
      });
    }
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'mpesa', amountPaid: '25.00' }, counter.now))).toEqual({
      code: 'VALIDATION',
      field: 'reference',
      message: 'M-PESA receipt code is required',
    });
    expect(writes()).toEqual(before);

    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'mpesa', amountPaid: '25.00', reference: ' lhg31aa5tx ' }, counter.now));
    expect([payment.reference, payment.amountReceived, payment.change]).toEqual(['LHG31AA5TX', null, null]);
  });

  it('AC8: an M-PESA code already used on a receipt is refused', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'mpesa', amountPaid: '25.00', reference: 'LHG31AA5TX' }, counter.now));
    const before = writes();
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [itemId(account, 'Reconnection Fee')], { type: 'service', method: 'mpesa', amountPaid: '75.00', reference: 'lhg31aa5tx' }, counter.now))).toEqual({
      code: 'CONFLICT',
      field: 'reference',
      message: 'LHG31AA5TX was already used for receipt R-T01-5001',
    });
    expect(writes()).toEqual(before);
  });

  it('AC8: a card payment needs the 6-character approval code and the last 4 digits of the card', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const card = (fields: { reference?: string; cardLast4?: string }) =>
      paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'card', amountPaid: '25.00', ...fields }, counter.now);
    const before = writes();
    expect(await refusal(jane, 'payment-record', card({ cardLast4: '4242' }))).toEqual({ code: 'VALIDATION', field: 'reference', message: 'Card approval code is required' });
    expect(await refusal(jane, 'payment-record', card({ reference: 'A1B2C', cardLast4: '4242' }))).toEqual({
      code: 'VALIDATION',
      field: 'reference',
      message: 'Card approval code must be 6 letters and digits from the card terminal slip',
    });
    expect(await refusal(jane, 'payment-record', card({ reference: 'A1B2C3' }))).toEqual({ code: 'VALIDATION', field: 'cardLast4', message: 'Last four digits of the card must be 4 digits' });
    expect(await refusal(jane, 'payment-record', card({ reference: 'A1B2C3', cardLast4: '42a2' }))).toEqual({ code: 'VALIDATION', field: 'cardLast4', message: 'Last four digits of the card must be 4 digits' });
    expect(writes()).toEqual(before);

    const paid = await jane.call('payment-record', card({ reference: 'a1b2c3', cardLast4: '4242' }));
    expect([paid.reference, paid.cardLast4, paid.bankName]).toEqual(['A1B2C3', '4242', null]);
  });

  it('AC8: a bank transfer needs the bank and its reference', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const transfer = (fields: { reference?: string; bankName?: string }) =>
      paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { method: 'bank_transfer', amountPaid: '145.50', ...fields }, counter.now);
    const before = writes();
    expect(await refusal(jane, 'payment-record', transfer({ reference: 'FT25110ABC' }))).toEqual({ code: 'VALIDATION', field: 'bankName', message: 'Bank is required for a bank transfer' });
    expect(await refusal(jane, 'payment-record', transfer({ reference: 'FT25110ABC', bankName: '   ' }))).toEqual({ code: 'VALIDATION', field: 'bankName', message: 'Bank is required for a bank transfer' });
    expect(await refusal(jane, 'payment-record', transfer({ bankName: 'Equity Bank' }))).toEqual({ code: 'VALIDATION', field: 'reference', message: 'Bank reference is required' });
    expect(writes()).toEqual(before);

    const paid = await jane.call('payment-record', transfer({ reference: 'FT25110ABC', bankName: 'Equity Bank' }));
    expect([paid.methodLabel, paid.reference, paid.bankName, paid.cardLast4]).toEqual(['Bank transfer', 'FT25110ABC', 'Equity Bank', null]);
  });
});

describe('Record Payment form: payment summary', () => {
  it('AC9: a part payment shows what is still outstanding', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '100.00', amountReceived: '100.00' }, counter.now));
    expect(payment.analysis).toEqual({ billed: 14550, due: 14550, paid: 10000, difference: -4550, outcome: 'under' });
    expect(payment.allocations.map(({ reference, billed, openBefore, applied, openAfter }) => ({ reference, billed, openBefore, applied, openAfter }))).toEqual([
      { reference: 'INV-2025-001234', billed: 14550, openBefore: 14550, applied: 10000, openAfter: 4550 },
    ]);
    expect([payment.amount, payment.methodLabel, payment.creditNotes, payment.balanceAfter]).toEqual([10000, 'Cash', [], 50025]);
  });

  it('AC9: an exact payment shows no difference', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '150.00' }, counter.now));
    expect(payment.analysis).toEqual({ billed: 14550, due: 14550, paid: 14550, difference: 0, outcome: 'exact' });
    expect(payment.allocations.map((a) => [a.openBefore, a.applied, a.openAfter])).toEqual([[14550, 14550, 0]]);
    expect([payment.amount, payment.creditNotes, payment.balanceAfter]).toEqual([14550, [], 45475]);
  });

  it('AC9: an overpayment shows the extra paid, which becomes the consumer\'s credit', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '150.00', amountReceived: '150.00' }, counter.now));
    expect(payment.analysis).toEqual({ billed: 14550, due: 14550, paid: 15000, difference: 450, outcome: 'over' });
    expect(payment.allocations.map((a) => [a.openBefore, a.applied, a.openAfter])).toEqual([[14550, 14550, 0]]);
    expect(payment.creditNotes.map(({ number, amount, remaining, reason, status, expiresOn }) => ({ number, amount, remaining, reason, status, expiresOn }))).toEqual([
      { number: 'CN-T01-00001', amount: 450, remaining: 450, reason: 'overpayment', status: 'active', expiresOn: '2026-04-20' },
    ]);
    expect(payment.balanceAfter).toBe(45025);
    expect((await john(jane)).balance).toBe(45025);
  });

  it('AC9: a payment over two bills fills the oldest first and shows what the second still owes', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234'), itemId(account, 'INV-2025-001567')], { amountPaid: '200.00', amountReceived: '200.00' }, counter.now));
    expect(payment.analysis).toEqual({ billed: 29775, due: 29775, paid: 20000, difference: -9775, outcome: 'under' });
    expect(payment.allocations.map((a) => [a.reference, a.openBefore, a.applied, a.openAfter])).toEqual([
      ['INV-2025-001234', 14550, 14550, 0],
      ['INV-2025-001567', 15225, 5450, 9775],
    ]);
  });

  it('AC9: the analysis of a part-paid bill compares with what was still due, not the billed amount', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001567');
    await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '100.00', amountReceived: '100.00' }, counter.now));
    const rest = await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '52.25', amountReceived: '60.00' }, counter.now));
    expect(rest.analysis).toEqual({ billed: 15225, due: 5225, paid: 5225, difference: 0, outcome: 'exact' });
    expect(rest.allocations.map((a) => [a.billed, a.openBefore, a.applied, a.openAfter])).toEqual([[15225, 5225, 5225, 0]]);
    expect([rest.amountReceived, rest.change]).toEqual([6000, 775]);
  });

  it('AC9: an overpayment above the configured limit is refused naming amountPaid; at the limit it is taken', async () => {
    const jane = await counter.as('jane');
    expect((await jane.call('settings-get', {})).overpaymentLimit).toBe(500000);
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    const before = writes();
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '5145.51', amountReceived: '5145.51' }, counter.now))).toEqual({
      code: 'VALIDATION',
      field: 'amountPaid',
      message: 'Amount paid is KES 5,000.01 over what is selected (KES 145.50); the overpayment limit is KES 5,000.00',
    });
    expect(writes()).toEqual(before);
    const atLimit = await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '5145.50', amountReceived: '5145.50' }, counter.now));
    expect([atLimit.analysis.difference, atLimit.creditNotes.map((n) => n.amount)]).toEqual([500000, [500000]]);
  });

  it('AC9: a lower overpayment limit set by the administrator is enforced', async () => {
    await setPaymentModes(await counter.as('admin'), () => ({ overpaymentLimit: '10.00' }));
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    const error = await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '155.51', amountReceived: '160.00' }, counter.now));
    expect([error.code, error.field, error.message]).toEqual(['VALIDATION', 'amountPaid', 'Amount paid is KES 10.01 over what is selected (KES 145.50); the overpayment limit is KES 10.00']);
    expect(counter.count('payments')).toBe(4);
    const ok = await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '155.50', amountReceived: '160.00' }, counter.now));
    expect([ok.analysis.outcome, ok.analysis.difference, ok.change]).toEqual(['over', 1000, 450]);
  });
});

describe('Record Payment form: notes', () => {
  it('AC10: notes up to the configured 250 characters are kept; 251 are refused naming notes and nothing is stored', async () => {
    const jane = await counter.as('jane');
    expect((await jane.call('settings-get', {})).notesMaxLength).toBe(250);
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    const before = writes();
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '150.00', notes: 'n'.repeat(251) }, counter.now))).toEqual({
      code: 'VALIDATION',
      field: 'notes',
      message: 'Notes must be at most 250 characters',
    });
    expect(writes()).toEqual(before);

    const notes = `Customer paid in full. ${'x'.repeat(250 - 23)}`;
    expect(notes).toHaveLength(250);
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '150.00', notes }, counter.now));
    expect(payment.notes).toBe(notes);
    expect((await jane.call('payment-get', { paymentId: payment.id })).notes).toBe(notes);
  });

  it('AC10: notes are optional, and blank notes are stored as none', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const none = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', amountPaid: '25.00', amountReceived: '25.00' }, counter.now));
    const blank = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Reconnection Fee')], { type: 'service', amountPaid: '75.00', amountReceived: '75.00', notes: '   ' }, counter.now));
    expect([none.notes, blank.notes]).toEqual([null, null]);
  });

  it('AC10: the notes limit follows the setting an administrator changes', async () => {
    await setPaymentModes(await counter.as('admin'), () => ({ notesMaxLength: 20 }));
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    const error = await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '150.00', notes: 'Customer paid in full' }, counter.now));
    expect(error).toEqual({ code: 'VALIDATION', field: 'notes', message: 'Notes must be at most 20 characters' });
    const ok = await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '150.00', notes: 'Paid in full, thanks' }, counter.now));
    expect(ok.notes).toBe('Paid in full, thanks');
  });
});

describe('Record Payment form: numbers', () => {
  async function twoPayments() {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const first = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '150.00' }, counter.now));
    const second = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', method: 'mpesa', amountPaid: '25.00', reference: 'LHG31AA5TX' }, counter.now));
    const settings = await jane.call('settings-get', {});
    return { jane, first, second, settings };
  }

  it('AC11: each payment gets its own receipt number, consecutive, in the configured receipt format', async () => {
    const { jane, first, second, settings } = await twoPayments();
    const format = settings.numberFormats.receipt;
    expect(format).toEqual({ pattern: 'R-{terminal}-{seq}', start: 5001 });
    expect(first.receiptNumber).toBe(formatNumber(format, format.start, 2025, settings.terminalCode));
    expect([first.receiptNumber, second.receiptNumber]).toEqual(['R-T01-5001', 'R-T01-5002']);
    expect((await jane.call('payment-get', { paymentId: second.id })).receiptNumber).toBe('R-T01-5002');
  });

  it('AC11: confirming the same payment twice gives the same receipt and stores one payment', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const input = paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '150.00' }, counter.now);
    const first = await jane.call('payment-record', input);
    const before = writes();
    const again = await jane.call('payment-record', input);
    expect([again.id, again.receiptNumber, again.paymentNumber, again.transactionNumber]).toEqual([first.id, 'R-T01-5001', first.paymentNumber, first.transactionNumber]);
    expect(writes()).toEqual(before);
    expect(counter.count('payments')).toBe(5); // the four online demo payments and this one
    expect((await john(jane)).balance).toBe(45475);
  });

  it('AC11: a refused payment uses up no receipt number', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '100.00' }, counter.now));
    const payment = await jane.call('payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '150.00' }, counter.now));
    expect([payment.receiptNumber, payment.paymentNumber, payment.transactionNumber]).toEqual(['R-T01-5001', 'PAY-2025-T01-000001', 'TXN-2025-T01-000001']);
  });

  it('AC16: payment ids come from the payment number format, unique and consecutive', async () => {
    const { first, second, settings } = await twoPayments();
    const format = settings.numberFormats.payment;
    expect(format).toEqual({ pattern: 'PAY-{yyyy}-{terminal}-{seq:6}', start: 1 });
    expect(first.paymentNumber).toBe(formatNumber(format, 1, 2025, 'T01'));
    expect([first.paymentNumber, second.paymentNumber]).toEqual(['PAY-2025-T01-000001', 'PAY-2025-T01-000002']);
  });

  it('AC21: transaction ids come from the transaction number format, unique and consecutive', async () => {
    const { jane, first, second, settings } = await twoPayments();
    const format = settings.numberFormats.transaction;
    expect(format).toEqual({ pattern: 'TXN-{yyyy}-{terminal}-{seq:6}', start: 1 });
    expect(first.transactionNumber).toBe(formatNumber(format, 1, 2025, 'T01'));
    expect([first.transactionNumber, second.transactionNumber]).toEqual(['TXN-2025-T01-000001', 'TXN-2025-T01-000002']);
    const stored = await jane.call('payment-get', { paymentId: first.id });
    expect([stored.transactionNumber, stored.receiptNumber, stored.paymentDate]).toEqual(['TXN-2025-T01-000001', 'R-T01-5001', '2025-04-20']);
  });

  it('AC21: the payment and transaction sequences restart with a new year; the receipt sequence runs on', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Late Fee')], { type: 'service', amountPaid: '25.00', amountReceived: '25.00' }, counter.now));
    counter.advanceDays(256); // 1 January 2026
    const next = await jane.call('payment-record', paymentInput(account.consumer.id, [itemId(account, 'Reconnection Fee')], { type: 'service', amountPaid: '75.00', amountReceived: '75.00' }, counter.now));
    expect([next.paymentNumber, next.transactionNumber, next.receiptNumber, next.paymentDate]).toEqual(['PAY-2026-T01-000001', 'TXN-2026-T01-000001', 'R-T01-5002', '2026-01-01']);
  });
});

describe('Record Payment form: mandatory fields', () => {
  type Input = CallInput<'payment-record'>;
  const without = (input: Input, field: keyof Input) => {
    const copy: Partial<Input> = { ...input };
    delete copy[field];
    return copy as Input;
  };

  it('AC45: a payment without amount, method, type, consumer or date is refused naming the field, and nothing is stored', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const complete = paymentInput(account.consumer.id, [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '150.00' }, counter.now);
    const before = writes();
    const expected: Array<[keyof Input, string]> = [
      ['amountPaid', 'Amount paid is required'],
      ['method', 'Method is required'],
      ['type', 'Payment type is required'],
      ['consumerId', 'Consumer is required'],
      ['paymentDate', 'Payment date is required'],
    ];
    for (const [field, message] of expected) {
      expect(await refusal(jane, 'payment-record', without(complete, field)), field).toEqual({ code: 'VALIDATION', field, message });
    }
    expect(await refusal(jane, 'payment-record', { ...complete, amountPaid: '' })).toEqual({ code: 'VALIDATION', field: 'amountPaid', message: 'Amount paid is required' });
    expect(writes()).toEqual(before);
    expect((await john(jane)).balance).toBe(60025);
  });

  it('AC45: an amount of 0, a negative, more than two decimals or not a number is refused naming amountPaid', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    const before = writes();
    const cases: Array<[string, string]> = [
      ['0', 'Amount paid must be more than zero'],
      ['0.00', 'Amount paid must be more than zero'],
      ['-1', 'Amount paid cannot be negative'],
      ['1.234', 'Amount paid can have at most two decimals'],
      ['abc', 'Amount paid must be a number, like 150.00'],
    ];
    for (const [amountPaid, message] of cases) {
      expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid, amountReceived: '150.00' }, counter.now)), amountPaid).toEqual({ code: 'VALIDATION', field: 'amountPaid', message });
    }
    expect(writes()).toEqual(before);
  });

  it('AC45: a cash payment needs the amount received, at least the amount paid', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    const before = writes();
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50' }, counter.now))).toEqual({
      code: 'VALIDATION',
      field: 'amountReceived',
      message: 'Amount received is required for cash',
    });
    expect(await refusal(jane, 'payment-record', paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '145.49' }, counter.now))).toEqual({
      code: 'VALIDATION',
      field: 'amountReceived',
      message: 'Amount received (KES 145.49) is less than the amount paid (KES 145.50)',
    });
    expect(writes()).toEqual(before);
  });

  it('AC45: a payment date that is not a real date, or in the future, is refused naming paymentDate', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const bill = itemId(account, 'INV-2025-001234');
    const before = writes();
    const dated = (paymentDate: string) => paymentInput(account.consumer.id, [bill], { amountPaid: '145.50', amountReceived: '150.00', paymentDate }, counter.now);
    expect(await refusal(jane, 'payment-record', dated('2025-04-21'))).toEqual({ code: 'VALIDATION', field: 'paymentDate', message: 'Payment date cannot be in the future' });
    expect(await refusal(jane, 'payment-record', dated('2025-02-30'))).toEqual({ code: 'VALIDATION', field: 'paymentDate', message: 'Payment date is not a real date' });
    expect(await refusal(jane, 'payment-record', dated('20/04/2025'))).toEqual({ code: 'VALIDATION', field: 'paymentDate', message: 'Payment date must be a date like 2026-04-20' });
    expect(writes()).toEqual(before);
    const backdated = await jane.call('payment-record', dated('2025-04-18'));
    expect(backdated.paymentDate).toBe('2025-04-18');
  });

  it('AC45: an unknown consumer is refused naming consumerId', async () => {
    const jane = await counter.as('jane');
    const account = await john(jane);
    const error = await refusal(jane, 'payment-record', paymentInput('0196a000-0000-7000-8000-000000000000', [itemId(account, 'INV-2025-001234')], { amountPaid: '145.50', amountReceived: '150.00' }, counter.now));
    expect(error).toEqual({ code: 'NOT_FOUND', field: 'consumerId', message: 'No consumer with this id' });
    expect(counter.count('payments')).toBe(4);
  });
});
