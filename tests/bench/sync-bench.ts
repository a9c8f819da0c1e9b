import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pullResponse } from '../../core/sync/protocol.js';
import { startCentral } from '../../central/server.js';
import { openDatabase } from '../../db/connection.js';
import { openBackend } from '../../electron/backend.js';

/**
 * The two sync figures of npm run bench.
 *
 * Drain: postings written to the outbox, then pushed to the loopback
 * reference centre until none is left (postings/s).
 *
 * First download: a counter with an empty database pulls every consumer and
 * bill the centre holds, through HTTP, zod and the page applier (with each
 * bill's charge ledger line); the floor is a bare prepared insert of the same
 * consumer and bill rows into a database of the same schema. Target: the
 * download's rows/s at least half the floor's.
 */
export async function benchDrain(postings: number) {
  const dir = mkdtempSync(join(tmpdir(), 'counter-bench-drain-'));
  const centre = await startCentral({ dataDir: join(dir, 'centre') });
  const backend = openBackend({ dataDir: join(dir, 'counter'), demo: false, central: { url: centre.url, enrolmentCode: centre.enrolmentCodes[0]!, idleMs: 3_600_000 } });
  try {
    await backend.sync!.runNow(); // registers
    const store = backend.store;
    const consumers = Array.from({ length: 5000 }, (_, n) => `bench-account-${n}`);
    for (let written = 0; written < postings; written += 5000) {
      store.transaction(() => {
        for (let n = 0; n < Math.min(5000, postings - written); n++) {
          const id = store.newId();
          const accountId = consumers[(written + n) % consumers.length]!;
          store.outbox.add({ id, kind: 'payment.recorded', aggregateId: id, accountId, amount: 14550, tillSessionId: null, payload: { payment: { id, consumerId: accountId, amount: 14550, method: 'cash', receiptNumber: `R-B-${written + n}` } }, createdAt: new Date().toISOString() });
        }
      });
    }
    const started = performance.now();
    await backend.sync!.runNow();
    const seconds = (performance.now() - started) / 1000;
    const left = store.outboxDelivery.counts().pending;
    if (left > 0 || centre.totals().count !== postings) throw new Error(`drain incomplete: ${left} left, centre has ${centre.totals().count}`);
    return { postings, seconds, perSecond: postings / seconds };
  } finally {
    await backend.close();
    await centre.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFirstDownload(consumers: number, billsPerConsumer: number) {
  const dir = mkdtempSync(join(tmpdir(), 'counter-bench-download-'));
  // The centre in a process of its own, as a counter meets it, generating the rows through its admin call.
  const centre = await centreProcess(join(dir, 'centre'));
  try {
    const bulk = await fetch(`${centre.url}/_admin/bulk`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-key': 'DEMO-ADMIN' }, body: JSON.stringify({ consumers, billsPerConsumer }) });
    if (!bulk.ok) throw new Error(`bulk generation answered ${bulk.status}: ${await bulk.text()}`);
    const rows = consumers * (1 + billsPerConsumer);

    const backend = openBackend({ dataDir: join(dir, 'counter'), demo: false, central: { url: centre.url, enrolmentCode: 'DEMO-ENROL', idleMs: 3_600_000, timeoutMs: 120_000 } });
    let downloadSeconds: number;
    try {
      const started = performance.now();
      await backend.sync!.runNow();
      downloadSeconds = (performance.now() - started) / 1000;
      const held = backend.store.db.$client.prepare('select (select count(*) from consumers) + (select count(*) from bills)').pluck().get() as number;
      if (held !== rows) throw new Error(`download incomplete: ${held} of ${rows} rows (${backend.sync!.snapshot().lastError})`);
    } finally {
      await backend.close();
    }

    const floorSeconds = await bareInsert(centre.url, join(dir, 'floor'));
    return { rows, downloadSeconds, floorSeconds, downloadPerSecond: rows / downloadSeconds, floorPerSecond: rows / floorSeconds, ratio: floorSeconds / downloadSeconds };
  } finally {
    centre.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run central` as a child process on a free port. */
function centreProcess(dataDir: string): Promise<{ url: string; stop(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'central/main.ts', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /at (http:\/\/[\d.:]+)/.exec(output)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the centre exited (${code}) before it listened: ${output}`)));
  });
}

/** The same consumer and bill rows, fetched first, then timed only while a bare prepared insert writes them. */
async function bareInsert(url: string, dataDir: string): Promise<number> {
  const register = await fetch(`${url}/v1/terminals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enrolmentCode: 'DEMO-ENROL', terminalCode: 'BENCH', branchName: 'Bench' }) });
  const { token } = (await register.json()) as { token: string };
  const pages = [];
  for (let after = '0'; ; ) {
    const response = await fetch(`${url}/v1/changes?after=${after}&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
    const page = pullResponse.parse(await response.json());
    pages.push(page.changes);
    after = page.next;
    if (!page.more) break;
  }
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'counter.sqlite'));
  try {
    const consumer = db.$client.prepare('insert into consumers (id, account_number, name, service_address, phone, email, status, type) values (?, ?, ?, ?, ?, ?, ?, ?)');
    const bill = db.$client.prepare('insert into bills (id, consumer_id, invoice_number, period, amount, issued_on, due_on) values (?, ?, ?, ?, ?, ?, ?)');
    const started = performance.now();
    for (const changes of pages) {
      db.$client.transaction(() => {
        for (const change of changes) {
          if (change.entity === 'consumer') {
            const c = change.data;
            consumer.run(c.id, c.accountNumber, c.name, c.serviceAddress, c.phone, c.email, c.status, c.type);
          } else if (change.entity === 'bill') {
            const b = change.data;
            bill.run(b.id, b.consumerId, b.invoiceNumber, b.period, b.amount, b.issuedOn, b.dueOn);
          }
        }
      })();
    }
    return (performance.now() - started) / 1000;
  } finally {
    db.$client.close();
  }
}
