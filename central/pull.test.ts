import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centralError, type Change } from '../core/sync/protocol.js';
import { startCentral, type Central } from './server.js';
import { addConsumers, pull, pullRaw, registerTerminal } from './testing.js';

let central: Central;
let token: string;
beforeEach(async () => {
  central = await startCentral();
  ({ token } = await registerTerminal(central));
});
afterEach(() => central.close());

describe('pulling changes', () => {
  it('pages after the cursor, telling how many changes are left and whether there are more', async () => {
    addConsumers(central, 7);

    const first = await pull(central, token, '', 3);
    expect(first.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(first).toMatchObject({ next: '3', more: true, total: 7 });

    const second = await pull(central, token, first.next, 3);
    expect(second.changes.map((c) => c.seq)).toEqual([4, 5, 6]);
    expect(second).toMatchObject({ next: '6', more: true, total: 4 });

    const last = await pull(central, token, second.next, 3);
    expect(last.changes.map((c) => c.seq)).toEqual([7]);
    expect(last).toMatchObject({ next: '7', more: false, total: 1 });

    expect(await pull(central, token, '7', 3)).toEqual({ changes: [], next: '7', more: false, total: 0 });
  });

  it('starts from the beginning at cursor 0 and gives 1000 changes when no limit is asked', async () => {
    central.reference.bulkGenerate({ consumers: 1200, billsPerConsumer: 0 });
    const page = await pull(central, token, '0');
    expect(page.changes).toHaveLength(1000);
    expect(page).toMatchObject({ next: '1000', more: true, total: 1200 });
  });

  it('answers a limit above 5000 or a cursor that is not a number with 400 naming the parameter', async () => {
    expect(centralError.parse(await (await pullRaw(central, token, '', 5001)).json()).field).toBe('limit');
    expect(centralError.parse(await (await pullRaw(central, token, 'abc')).json()).field).toBe('after');
  });

  it('carries each entity in the protocol shape, in the order the centre wrote them', async () => {
    const [consumer] = addConsumers(central, 1);
    const bill = central.reference.addBill({ consumerId: consumer!.id, invoiceNumber: 'INV-1', period: 'Oct 2026', amount: 4200, issuedOn: '2026-10-28', dueOn: '2026-11-15' });
    central.reference.addServiceCharge({ consumerId: consumer!.id, description: 'Late Fee', amount: 2500, chargedOn: '2026-10-10', dueOn: '2026-10-10' });
    central.reference.addPaymentPlan({ planNumber: 'PP-1', consumerId: consumer!.id, status: 'on_track', createdAt: '2026-10-01T00:00:00.000Z', installments: [{ number: 1, amount: 1000, dueOn: '2026-11-01' }] });
    central.reference.addMpesaConfirmation({ code: 'QAB1234567', accountNumber: consumer!.accountNumber, amount: 4200, confirmedAt: '2026-10-29T08:00:00.000Z' });
    central.reference.updateConsumer(consumer!.id, { status: 'suspended' });

    const { changes } = await pull(central, token, '');
    expect(changes.map((c) => c.entity)).toEqual(['consumer', 'bill', 'service_charge', 'payment_plan', 'mpesa_confirmation', 'consumer']);
    expect(changes[1]?.data).toEqual(bill);
    expect(changes[5]).toMatchObject({ entity: 'consumer', data: { id: consumer!.id, status: 'suspended', name: 'Consumer 0' } });
  });

  it('delivers an online payment again, whole, each time its gateway or settlement status moves', async () => {
    const [consumer] = addConsumers(central, 1);
    const bill = central.reference.addBill({ consumerId: consumer!.id, invoiceNumber: 'INV-1', period: 'Oct 2026', amount: 4200, issuedOn: '2026-10-28', dueOn: '2026-11-15' });
    const payment = central.reference.addOnlinePayment({
      consumerId: consumer!.id,
      receiptNumber: 'R-WEB-1',
      method: 'card',
      gateway: 'Stripe',
      reference: 'PI1',
      amount: 4200,
      gatewayStatus: 'pending',
      settlementStatus: null,
      initiatedAt: '2026-10-29T08:00:00.000Z',
      settledAt: null,
      allocations: [],
    });
    expect(() => central.reference.updateOnlinePayment(payment.id, { allocations: [{ billId: 'no-such-bill', amount: 4200 }] })).toThrow('No bill no-such-bill at the centre');
    expect(() => central.reference.updateOnlinePayment(payment.id, { allocations: [{ billId: bill.id, amount: 4201 }] })).toThrow('more than the payment');
    central.reference.updateOnlinePayment(payment.id, { gatewayStatus: 'succeeded', settlementStatus: 'paid', settledAt: '2026-10-30T08:00:00.000Z', allocations: [{ billId: bill.id, amount: 4200 }] });

    const payments = (await pull(central, token, '')).changes.filter((c): c is Extract<Change, { entity: 'online_payment' }> => c.entity === 'online_payment');
    expect(payments.map((c) => [c.data.id, c.data.gatewayStatus, c.data.settlementStatus])).toEqual([
      [payment.id, 'pending', null],
      [payment.id, 'succeeded', 'paid'],
    ]);
    expect(payments[1]?.data).toMatchObject({ receiptNumber: 'R-WEB-1', allocations: [{ billId: bill.id, amount: 4200 }] });
  });
});

describe('bulk generation', () => {
  it('makes 20,000 consumers with 5 bills each that pull completely, page by page', async () => {
    const made = central.reference.bulkGenerate({ consumers: 20_000, billsPerConsumer: 5 });
    expect(made).toMatchObject({ consumers: 20_000, bills: 100_000 });

    const consumers = new Set<string>();
    const billsOf = new Map<string, number>();
    let cursor = '';
    let pages = 0;
    for (let more = true; more; pages++) {
      const page = await pull(central, token, cursor, 5000);
      if (pages === 0) expect(page.total).toBe(120_000);
      for (const change of page.changes) {
        if (change.entity === 'consumer') consumers.add(change.data.id);
        if (change.entity === 'bill') billsOf.set(change.data.consumerId, (billsOf.get(change.data.consumerId) ?? 0) + 1);
      }
      ({ next: cursor, more } = page);
    }

    expect(pages).toBe(24);
    expect(consumers.size).toBe(20_000);
    expect([...billsOf.keys()].every((id) => consumers.has(id))).toBe(true);
    expect([...billsOf.values()].every((count) => count === 5)).toBe(true);
  });

  it('continues the account numbers when run again', async () => {
    central.reference.bulkGenerate({ consumers: 2, billsPerConsumer: 1 });
    central.reference.bulkGenerate({ consumers: 2, billsPerConsumer: 1 });
    const accounts = (await pull(central, token, '')).changes.flatMap((c) => (c.entity === 'consumer' ? [c.data.accountNumber] : []));
    expect(accounts).toEqual(['WU-1000000', 'WU-1000001', 'WU-1000002', 'WU-1000003']);
  });
});
