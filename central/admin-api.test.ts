import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from './server.js';
import { outbox, pull, pullRaw, push, registerTerminal } from './testing.js';

let central: Central;
beforeEach(async () => {
  central = await startCentral({ adminKey: 'test-admin-key' });
});
afterEach(() => central.close());

const admin = (method: string, path: string, body?: unknown, key = 'test-admin-key') =>
  fetch(`${central.url}/_admin${path}`, { method, headers: { 'x-admin-key': key, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

const consumer = { accountNumber: 'WU-30001', name: 'Amina Were', serviceAddress: '4 Station Road, Hilltop', phone: '+254 711000000', email: 'amina@example.co.ke', status: 'active', type: 'Residential' };

describe('the admin API', () => {
  it('refuses a call without the admin key', async () => {
    expect((await admin('GET', '/totals', undefined, 'wrong')).status).toBe(401);
    expect((await fetch(`${central.url}/_admin/totals`)).status).toBe(401);
  });

  it('adds reference data that counters then pull', async () => {
    const added = await admin('POST', '/consumers', consumer);
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: string };
    expect((await admin('POST', '/bills', { consumerId: id, invoiceNumber: 'INV-9', period: 'Oct 2026', amount: 5000, issuedOn: '2026-10-28', dueOn: '2026-11-15' })).status).toBe(201);
    expect((await admin('PATCH', `/consumers/${id}`, { phone: '+254 722000000' })).status).toBe(200);

    const { token } = await registerTerminal(central);
    const { changes } = await pull(central, token, '');
    expect(changes.map((c) => c.entity)).toEqual(['consumer', 'bill', 'consumer']);
    expect(changes[2]?.data).toMatchObject({ id, phone: '+254 722000000' });
  });

  it('answers invalid reference data with 400 naming the field, and changes nothing', async () => {
    const bad = await admin('POST', '/bills', { consumerId: 'nobody', invoiceNumber: 'INV-9', period: 'Oct 2026', amount: 5000, issuedOn: '2026-10-28', dueOn: '2026-11-15' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'consumerId' });
    const negative = await admin('POST', '/consumers', { ...consumer, status: 'gone' });
    expect(await negative.json()).toMatchObject({ field: 'status' });

    const { token } = await registerTerminal(central);
    expect((await pull(central, token, '')).total).toBe(0);
  });

  it('refuses a second consumer with the same account number', async () => {
    await admin('POST', '/consumers', consumer);
    const again = await admin('POST', '/consumers', { ...consumer, name: 'Someone Else' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ field: 'accountNumber' });
  });

  it('sets faults, with "Infinity" for unlimited times, lists and clears them', async () => {
    const set = await admin('POST', '/faults', { rules: [{ on: 'pull', fault: 'status-503', times: 'Infinity' }], seed: 1 });
    expect(await set.json()).toMatchObject({ rules: [{ on: 'pull', fault: 'status-503' }] });
    const { token } = await registerTerminal(central);
    expect((await pullRaw(central, token, '')).status).toBe(503);
    expect((await pullRaw(central, token, '')).status).toBe(503);
    await admin('DELETE', '/faults');
    expect((await pullRaw(central, token, '')).status).toBe(200);
  });

  it('reports totals, posting keys and till checks, and sets the accounts rejected as closed', async () => {
    const { token, terminalId } = await registerTerminal(central);
    await admin('PUT', '/rejected-accounts', { accountIds: ['closed'] });
    const counter = outbox();
    const results = await push(central, token, [counter.paymentRecorded('open', 2500, { tillSessionId: 'till-1' }), counter.paymentRecorded('closed', 100), counter.tillClosed('till-1', 1, 2500)]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'rejected', 'accepted']);

    expect(await (await admin('GET', `/totals?terminalId=${terminalId}`)).json()).toEqual({ count: 1, total: 2500 });
    expect(await (await admin('GET', '/postings')).json()).toEqual({ keys: [results[0]!.key, results[2]!.key] });
    expect(await (await admin('GET', '/till-checks')).json()).toMatchObject({ tillChecks: [{ tillSessionId: 'till-1', matched: true }] });
  });

  it('generates bulk data on request', async () => {
    const made = await admin('POST', '/bulk', { consumers: 10, billsPerConsumer: 2 });
    expect(await made.json()).toMatchObject({ consumers: 10, bills: 20 });
  });
});
