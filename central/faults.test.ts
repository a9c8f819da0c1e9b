import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from './server.js';
import { addConsumers, outbox, pull, pullRaw, push, pushRaw, registerTerminal } from './testing.js';

let central: Central;
let token: string;
beforeEach(async () => {
  central = await startCentral();
  ({ token } = await registerTerminal(central));
});
afterEach(() => central.close());

describe('injected faults', () => {
  it('drop-before-commit: the client sees the connection fail and nothing is stored', async () => {
    central.faults.set([{ on: 'push', fault: 'drop-before-commit' }]);
    const batch = [outbox().paymentRecorded('alice', 1000)];

    await expect(pushRaw(central, token, batch)).rejects.toThrow();
    expect(central.postingKeys()).toEqual([]);
    expect((await push(central, token, batch))[0]?.outcome).toBe('accepted');
  });

  it('drop-after-commit: the batch is stored but the answer is lost, and the resend is answered duplicate', async () => {
    central.faults.set([{ on: 'push', fault: 'drop-after-commit' }]);
    const batch = [outbox().paymentRecorded('alice', 1000)];

    await expect(pushRaw(central, token, batch)).rejects.toThrow();
    expect(central.postingKeys()).toEqual([batch[0]!.key]);
    expect((await push(central, token, batch))[0]?.outcome).toBe('duplicate');
    expect(central.totals()).toEqual({ count: 1, total: 1000 });
  });

  it.each(['status-500', 'status-503'] as const)('%s answers the status without storing anything, once by default', async (fault) => {
    central.faults.set([{ on: 'push', fault }]);
    const batch = [outbox().paymentRecorded('alice', 1000)];

    expect((await pushRaw(central, token, batch)).status).toBe(fault === 'status-500' ? 500 : 503);
    expect(central.postingKeys()).toEqual([]);
    expect((await pushRaw(central, token, batch)).status).toBe(200);
  });

  it('slow: answers normally after the delay', async () => {
    central.faults.set([{ on: 'pull', fault: 'slow', delayMs: 300 }]);
    const started = performance.now();
    expect((await pullRaw(central, token, '')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('duplicate-page: the page comes with the cursor unmoved, so the same page is delivered again', async () => {
    addConsumers(central, 5);
    central.faults.set([{ on: 'pull', fault: 'duplicate-page' }]);

    const repeated = await pull(central, token, '', 3);
    expect(repeated.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(repeated).toMatchObject({ next: '0', more: true });
    const again = await pull(central, token, repeated.next, 3);
    expect(again.changes.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(again.next).toBe('3');
  });

  it('strikes only the endpoint named, and "any" strikes every endpoint', async () => {
    central.faults.set([{ on: 'register', fault: 'status-503', times: Infinity }]);
    expect((await pullRaw(central, token, '')).status).toBe(200);
    await expect(registerTerminal(central)).rejects.toThrow(/503/);

    central.faults.set([{ on: 'any', fault: 'status-500', times: 2 }]);
    expect((await pullRaw(central, token, '')).status).toBe(500);
    expect((await pushRaw(central, token, [outbox().paymentRecorded('alice', 1)])).status).toBe(500);
    expect((await pullRaw(central, token, '')).status).toBe(200);
  });

  it('strikes by chance from a seed, the same way every time it is seeded the same', async () => {
    const statuses = async () => {
      central.faults.set([{ on: 'pull', fault: 'status-503', times: Infinity, probability: 0.5 }], { seed: 42 });
      const seen: number[] = [];
      for (let n = 0; n < 20; n++) seen.push((await pullRaw(central, token, '')).status);
      return seen;
    };
    const first = await statuses();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
  });

  it('stops when cleared', async () => {
    central.faults.set([{ on: 'any', fault: 'status-500', times: Infinity }]);
    central.faults.clear();
    expect((await pullRaw(central, token, '')).status).toBe(200);
  });
});
