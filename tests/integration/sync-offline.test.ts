import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../core/api/calls/sync.js';
import { openCounterAndCentre, type SyncHarness } from '../sync/sync-harness.js';

let harness: SyncHarness;
let centreDir: string;
afterEach(async () => {
  await harness?.close();
  rmSync(centreDir, { recursive: true, force: true });
});

describe('a counter cut off from the centre', () => {
  it('keeps taking payments, reports them waiting, and drains them when the centre returns', async () => {
    centreDir = mkdtempSync(join(tmpdir(), 'centre-'));
    harness = await openCounterAndCentre({ centre: { dataDir: centreDir } });
    await harness.recordPayments(3);
    await harness.drain();
    const token = await harness.cashier();

    await harness.stopCentre();
    const taken = await harness.recordPayments(40);
    expect(taken).toHaveLength(40);
    await harness.backend.sync!.runNow();
    await harness.backend.sync!.runNow();

    const answer = await harness.backend.dispatch('sync-status', {}, token);
    if (!answer.ok) throw new Error(answer.error.message);
    const status = answer.value as SyncStatus;
    expect(status).toMatchObject({ state: 'offline', waiting: 40, parked: 0 });
    expect(status.lastError).toMatch(/cannot be reached/);
    expect(Date.parse(status.nextAttemptAt!)).toBeGreaterThan(Date.now());
    expect(status.oldestWaitingAt).not.toBeNull();

    // A restart while offline loses nothing: the outbox is in the ledger's database.
    await harness.restartCounter();
    expect(harness.backend.store.outboxDelivery.counts().pending).toBe(40);

    await harness.restartCentre(centreDir);
    await harness.drain();
    // The 43 payments and the opening of Jane's till, before her first.
    expect(harness.backend.store.outboxDelivery.counts()).toMatchObject({ pending: 0, sent: 44 });
    expect(harness.paymentPostings('sent')).toBe(43);
    expect(harness.centre.totals(harness.terminalId())).toEqual(harness.counterTotals());
    expect(harness.centre.postingKeys(harness.terminalId()).sort()).toEqual(harness.counterKeys('sent'));
  });
});
