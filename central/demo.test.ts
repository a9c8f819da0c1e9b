import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoReferenceData } from '../db/seed/demo-data.js';
import { startCentral } from './server.js';
import { pull, registerTerminal } from './testing.js';

describe('the demo centre', () => {
  it("holds the counter's demo consumers with their bills, charges and plan, plus online payments, M-PESA confirmations and settings", async () => {
    const central = await startCentral({ demo: true });
    try {
      const { token } = await registerTerminal(central);
      const page = await pull(central, token, '', 5000);
      expect(page.more).toBe(false);
      const count = (entity: string) => page.changes.filter((c) => c.entity === entity).length;

      let n = 0;
      const counterDemo = demoReferenceData({ newId: () => `id-${n++}` });
      expect(count('consumer')).toBe(counterDemo.length);
      expect(count('bill')).toBe(counterDemo.reduce((sum, account) => sum + account.bills.length, 0));
      expect(count('service_charge')).toBe(counterDemo.reduce((sum, account) => sum + account.serviceCharges.length, 0));
      expect(count('payment_plan')).toBe(1);
      expect(count('online_payment')).toBe(4);
      expect(count('mpesa_confirmation')).toBe(2);
      expect(count('settings')).toBe(1);

      const john = page.changes.flatMap((c) => (c.entity === 'consumer' && c.data.accountNumber === 'WU-10001' ? [c.data] : []))[0]!;
      expect(john).toEqual({ ...counterDemo[0]!.consumer, id: john.id });
      const plans = page.changes.flatMap((c) => (c.entity === 'payment_plan' ? [c.data] : []));
      expect(plans[0]).toMatchObject({ planNumber: 'PP-2025-0034', consumerId: john.id, createdAt: '2025-03-20T00:00:00.000Z' });
    } finally {
      await central.close();
    }
  });

  it('is seeded once: a centre restarted on its data folder keeps what it has', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'central-'));
    try {
      const first = await startCentral({ demo: true, dataDir });
      const { token } = await registerTerminal(first);
      const before = (await pull(first, token, '')).total;
      await first.close();

      const second = await startCentral({ demo: true, dataDir });
      expect((await pull(second, token, '')).total).toBe(before);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
