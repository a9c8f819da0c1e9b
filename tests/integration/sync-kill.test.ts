import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounterAndCentre, seeded, type SyncHarness } from '../sync/sync-harness.js';

const CHILD = join(process.cwd(), 'tests', 'sync', 'drain-child.ts');

let harness: SyncHarness;
afterEach(async () => harness?.close());

/** Runs the drain in its own process; kills it with SIGKILL after `killAfterMs`, or lets it finish. */
function drainInChild(dataDir: string, url: string, code: string, killAfterMs: number | null): Promise<'drained' | 'killed'> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild that a SIGKILL would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, url, code], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      // Counted from when the drain starts, not from the process start, whose time varies.
      if (killAfterMs !== null && !timer && output.includes('draining')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && output.includes('drained')) resolve('drained');
      else reject(new Error(`drain exited ${code ?? signal}: ${output}`));
    });
  });
}

describe('a push worker killed at random moments', () => {
  it('leaves the centre with every posting exactly once after it is restarted', async () => {
    harness = await openCounterAndCentre();
    await harness.recordPayments(150);
    await harness.backend.close();
    // Each batch takes a while at the centre, so a kill can land in any part of a round.
    harness.centre.faults.set([{ on: 'push', fault: 'slow', delayMs: 60, times: Infinity }]);

    const random = seeded(99);
    const sentSoFar = () => {
      const db = new Database(join(harness.dir, 'counter.sqlite'), { readonly: true });
      try {
        return db.prepare("select count(*) from outbox where state = 'sent'").pluck().get() as number;
      } finally {
        db.close();
      }
    };
    // How far the drain had got each time it was killed: some kills must land mid-drain.
    const killedAt: number[] = [];
    for (let n = 0; n < 8; n++) {
      if ((await drainInChild(harness.dir, harness.centre.url, harness.centre.enrolmentCodes[0]!, 50 + Math.floor(random() * 600))) === 'killed') killedAt.push(sentSoFar());
    }
    expect(await drainInChild(harness.dir, harness.centre.url, harness.centre.enrolmentCodes[0]!, null)).toBe('drained');

    await harness.restartCounter();
    // 151 postings in all: the 150 payments and the opening of Jane's till.
    expect(killedAt.filter((sent) => sent > 0 && sent < 151).length).toBeGreaterThan(1);
    expect(harness.counterKeys('pending')).toEqual([]);
    expect(harness.centre.postingKeys(harness.terminalId()).sort()).toEqual(harness.counterKeys('sent'));
    expect(harness.centre.totals(harness.terminalId())).toEqual(harness.counterTotals());
    expect(harness.centre.totals(harness.terminalId()).count).toBe(150);
  }, 120_000);
});
